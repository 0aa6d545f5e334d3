import { Chart, Testing } from 'cdk8s';
import { EventBus, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { Workflow } from '../../src/workflows';

// A Workflow of a sensor's resourceScope is validated as a construct (its findings under its own
// path); the sensor's lint of the trigger it renders into (ARGO-TRIGGER-RESOURCE) must not
// report the same problem a second time.
test('a problem of a resourceScope Workflow is reported once, under the Workflow\'s own path', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'c', { namespace: 'ns' });
  new EventBus(chart, 'bus');
  const endpoint = new WebhookEventSource(chart, 'wh', { metadata: { name: 'wh' } }).addEndpoint('e', { path: '/e' });
  const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
  sensor.addDependency(endpoint);
  const wf = new Workflow(sensor.resourceScope, 'wf', { metadata: { generateName: 'x-' } });
  wf.setEntrypoint(wf.addContainerTemplate('main', { image: 'busybox:1.36', args: ['{{inputs.parameters.missing}}'] }));
  sensor.submitWorkflow('run', wf);
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/\[s\/wf\/main\] Workflow\/[^:]+: spec\.templates\[0\]\.container\.args\[0\]: \{\{inputs\.parameters\.missing\}\}.*\[W31\]/);
  expect(message.match(/inputs\.parameters\.missing\}\} names no input parameter/g)).toHaveLength(1);
  expect(message).not.toContain('ARGO-TRIGGER-RESOURCE');
});
