/**
 * The story (shared/mission): an outside vendor triggers Argo Workflows through webhook endpoints
 * /omega and /bitamin on port 12000; an EventBus carries the events; a sensor submits workflows
 * from WorkflowTemplates, mapping a field of the request body onto a workflow parameter.
 */
import * as kplus from 'cdk8s-plus-27';
import { ArgoWorkflow } from '../../imports/argo-workflows';
import { lint } from '../../src/lint';
import { validateManifest } from '../../src/schema/validator';
import { EventBus, EventBusBackend, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { WorkflowTemplate } from '../../src/workflows';
import { withRestrictedDefaults } from '../support/pod-security';
import { ofKind, one, schemaViolations, setup, synth } from './helpers';


/** What every pod of the story requests (rule K8S-RESOURCES). */
const podResources = { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } };
const containerResources = { cpu: { request: '100m' }, memory: { request: '256Mi', limit: '256Mi' } };

function story() {
  const { app, chart } = setup('argo-events');
  const bus = new EventBus(chart, 'bus', { backend: EventBusBackend.jetStream({
    containerTemplate: { resources: podResources }, reloaderContainerTemplate: { resources: podResources }, metricsContainerTemplate: { resources: podResources },
  }) });
  const vendorToken = kplus.Secret.fromSecretName(chart, 'vendor-token', 'vendor-a-token');
  const webhook = new WebhookEventSource(chart, 'webhook', {
    metadata: { name: 'webhook' }, eventBus: bus, ingress: { host: 'hooks.example.com' }, template: { container: { resources: podResources } },
  });
  const omega = webhook.addEndpoint('omega', { path: '/omega', authSecret: { secret: vendorToken, key: 'token' } });
  const bitamin = webhook.addEndpoint('bitamin', { path: '/bitamin', authSecret: { secret: vendorToken, key: 'token' } });

  const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
  const size = a.addArgument('size', { value: 'tall' });
  a.setEntrypoint(a.addContainerTemplate('start', { image: 'a-workflow:1.4.2', command: ['python', '-m', 'app'], args: [size], resources: containerResources }));
  const b = new WorkflowTemplate(chart, 'b', { metadata: { name: 'b-workflow' } });
  b.setEntrypoint(b.addContainerTemplate('start', { image: 'b-workflow:1.0.0', command: ['python', '-m', 'app.load_vector'], resources: containerResources }));

  const sensor = new WorkflowSensor(chart, 'vendor-a', { metadata: { name: 'vendor-a' }, eventBus: bus, template: { container: { resources: podResources } } });
  const onOmega = sensor.addDependency(omega);
  const onBitamin = sensor.addDependency(bitamin);
  sensor.submitWorkflow('run-a', a, { conditions: onOmega, arguments: [{ parameter: size, from: onOmega.body('size').withDefault('tall') }] });
  sensor.submitWorkflow('run-b', b, { conditions: onBitamin });
  return { app, omega, sensor };
}

describe('the story: a vendor triggers workflows through /omega and /bitamin', () => {
  test('every document passes the strict schema; the set lints clean, every reference resolved but the vendor\'s Secret', () => {
    const manifests = synth(story().app);
    expect(schemaViolations(manifests)).toEqual([]);
    const findings = lint(manifests, { strictRefs: true }).map(f => `${f.ruleId} ${f.object} ${f.path}`);
    expect(findings).toEqual([
      'K8S-REF EventSource/webhook spec.webhook.bitamin.authSecret.name',
      'K8S-REF EventSource/webhook spec.webhook.omega.authSecret.name',
    ]);
  });

  test('synthesis is deterministic', () => {
    expect(story().app.synthYaml()).toEqual(story().app.synthYaml());
  });

  test('the EventSource listens on port 12000 at /omega and /bitamin, with the bearer token by reference', () => {
    const manifests = synth(story().app);
    const es = one(manifests, 'EventSource');
    expect(es.spec.webhook).toEqual({
      omega: { endpoint: '/omega', method: 'POST', port: '12000', authSecret: { name: 'vendor-a-token', key: 'token' } },
      bitamin: { endpoint: '/bitamin', method: 'POST', port: '12000', authSecret: { name: 'vendor-a-token', key: 'token' } },
    });
    expect(es.spec.eventBusName).toBeUndefined(); // the bus is named `default`
    expect(one(manifests, 'EventBus').spec).toEqual(withRestrictedDefaults({ kind: 'EventBus', spec: { jetstream: {
      version: '2.10.10', replicas: 3,
      containerTemplate: { resources: podResources }, reloaderContainerTemplate: { resources: podResources }, metricsContainerTemplate: { resources: podResources },
    } } }).spec);
    expect(ofKind(manifests, 'Secret')).toEqual([]);
  });

  test('the Service and Ingress give the vendor a URL per endpoint', () => {
    const { app, omega } = story();
    const manifests = synth(app);
    const svc = one(manifests, 'Service');
    expect(svc.metadata.name).toBe('webhook-eventsource-svc');
    expect(svc.spec.selector).toEqual({ 'eventsource-name': 'webhook' });
    expect(svc.spec.ports).toEqual([{ name: 'http-12000', port: 12000, targetPort: 12000 }]);
    const rules = one(manifests, 'Ingress').spec.rules;
    expect(rules).toHaveLength(1);
    expect(rules[0].host).toBe('hooks.example.com');
    expect(rules[0].http.paths.map((p: any) => [p.path, p.pathType, p.backend.service.name, p.backend.service.port.number]))
      .toEqual([['/bitamin', 'Exact', 'webhook-eventsource-svc', 12000], ['/omega', 'Exact', 'webhook-eventsource-svc', 12000]]);
    expect(omega.publicUrl).toBe('http://hooks.example.com/omega');
    expect(omega.clusterUrl).toBe('http://webhook-eventsource-svc.argo-events.svc:12000/omega');
  });

  test('the sensor submits a-workflow with body.size mapped onto parameter size, the dest path computed', () => {
    const manifests = synth(story().app);
    const sensor = one(manifests, 'Sensor');
    expect(sensor.spec.dependencies).toEqual([
      { name: 'omega', eventSourceName: 'webhook', eventName: 'omega' },
      { name: 'bitamin', eventSourceName: 'webhook', eventName: 'bitamin' },
    ]);
    const [runA, runB] = sensor.spec.triggers;
    expect(runA.template.conditions).toBe('omega');
    expect(runB.template.conditions).toBe('bitamin');
    expect(runA.template.argoWorkflow.operation).toBe('submit');
    expect(runA.template.argoWorkflow.parameters).toEqual([
      { src: { dependencyName: 'omega', dataKey: 'body.size', value: 'tall' }, dest: 'spec.arguments.parameters.0.value' },
    ]);
    const workflow = runA.template.argoWorkflow.source.resource;
    expect(workflow).toEqual(ArgoWorkflow.manifest({
      metadata: { generateName: 'a-workflow-' },
      spec: {
        workflowTemplateRef: { name: 'a-workflow' },
        arguments: { parameters: [{ name: 'size', value: '' }] },
        serviceAccountName: 'vendor-a-workflow',
      },
    }));
    expect(validateManifest(workflow)).toEqual([]);
    expect(runB.template.argoWorkflow.parameters).toBeUndefined();
    expect(runB.template.argoWorkflow.source.resource.spec.arguments).toBeUndefined();
  });
});
