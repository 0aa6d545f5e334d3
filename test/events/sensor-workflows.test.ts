/** What sensors create: Workflow constructs and other objects of their resourceScope, manifests, and sources read at run time. */
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { EventSource, KubernetesOperation, TriggerAction, TriggerResource, WorkflowSensor } from '../../src/events';
import { ConfigMapRef, ServiceAccountRef } from '../../src/core/object-refs';
import { InputParameter, Workflow, WorkflowTemplate } from '../../src/workflows';
import { one, ofKind, schemaViolations, setup, synth, synthError } from './helpers';

const hook = EventSource.fromName('webhook').event('example');
const WORKFLOW = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow' };

function sensorApp(namespace = 'events') {
  const { app, chart } = setup(namespace);
  const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
  const dep = sensor.addDependency(hook, { name: 'dep' });
  return { app, chart, sensor, dep };
}

function synthValid(app: any): any[] {
  const m = synth(app);
  expect(schemaViolations(m)).toEqual([]);
  return m;
}

/** The echo workflow, in the sensor's resource scope. */
function echo(sensor: WorkflowSensor, id = 'echo') {
  const workflow = new Workflow(sensor.resourceScope, id, { generateName: `${id}-` });
  const message1 = workflow.addArgument('message1', { value: 'hello' });
  const message2 = workflow.addArgument('message2');
  const [a, b] = [new InputParameter('message1'), new InputParameter('message2')];
  workflow.addContainerTemplate('print-message', { image: 'busybox:1.36', command: ['echo'], args: [a, b], inputs: [a, b] });
  return { workflow, message1, message2 };
}

test('a Workflow of the resourceScope is submitted inline, never written to the output on its own', () => {
  const { app, sensor, dep } = sensorApp();
  const { workflow, message2 } = echo(sensor);
  sensor.submitWorkflow('run', workflow, { arguments: [{ parameter: message2, from: dep.body('text') }] });
  const m = synthValid(app);
  expect(ofKind(m, 'Workflow')).toEqual([]);
  const t = one(m, 'Sensor').spec.triggers[0].template.argoWorkflow;
  expect(t.source.resource.metadata).toEqual({ generateName: 'echo-' });
  expect(t.source.resource.spec.arguments.parameters).toEqual([{ name: 'message1', value: 'hello' }, { name: 'message2' }]);
  // The parameter's place in spec.arguments is computed: message2 is the second.
  expect(t.parameters).toEqual([{ src: { dependencyName: 'dep', dataKey: 'body.text' }, dest: 'spec.arguments.parameters.1.value' }]);
  // Workflows run as the sensor's <sensor>-workflow account, which gets the executor permissions.
  expect(t.source.resource.spec.serviceAccountName).toBe('s-workflow');
  expect(ofKind(m, 'Role').map(r => r.metadata.name).sort()).toEqual(['s-executor', 's-sensor']);
});

test('the checks of the workflow run at synth and are reported on the sensor with the workflow\'s construct path', () => {
  const { app, sensor } = sensorApp();
  const workflow = new Workflow(sensor.resourceScope, 'broken', { generateName: 'broken-' });
  workflow.addContainerTemplate('print', { image: 'busybox:1.36', args: ['{{inputs.parameters.missing}}'] });
  sensor.submitWorkflow('run', workflow);
  expect(synthError(app)).toMatch(/\[test\/s\] Sensor\/s: a resource of its resourceScope: \[s\/broken\/print\] Workflow\/broken-\*: spec\.templates\[0\]\.container\.args\[0\]: \{\{inputs\.parameters\.missing\}\} names no input parameter.*\[W31\]/);
});

test('an argument without a value is an error unless a trigger sets it from the event', () => {
  const unset = sensorApp();
  const a = echo(unset.sensor);
  unset.sensor.submitWorkflow('run', a.workflow);
  expect(synthError(unset.app)).toMatch(/\[s\/echo\] Workflow\/echo-\*: spec\.arguments\.parameters\[1\]: argument parameter "message2" of the workflow has neither value nor valueFrom.*\[W20\]/);
  const set = sensorApp();
  const b = echo(set.sensor);
  set.sensor.addTrigger('create', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(b.workflow), arguments: [{ parameter: b.message2, from: set.dep.body() }] }));
  expect(one(synthValid(set.app), 'Sensor').spec.triggers[0].template.k8s.parameters).toEqual([{ src: { dependencyName: 'dep', dataKey: 'body' }, dest: 'spec.arguments.parameters.1.value' }]);
});

test('a workflow of the resourceScope is linted as the trigger submits it: what the event sets is not judged, what it does not set is', () => {
  // An enum argument without a value: Argo needs a value, which the trigger writes from the event.
  const set = sensorApp();
  const workflow = new Workflow(set.sensor.resourceScope, 'mode', { generateName: 'mode-' });
  const mode = workflow.addArgument('mode', { enum: ['fast', 'full'] });
  const input = new InputParameter('mode');
  workflow.addContainerTemplate('print', { image: 'busybox:1.36', command: ['echo'], args: [input], inputs: [input] });
  set.sensor.submitWorkflow('run', workflow, { arguments: [{ parameter: mode, from: set.dep.body('mode') }] });
  expect(one(synthValid(set.app), 'Sensor').spec.triggers[0].template.argoWorkflow.parameters)
    .toEqual([{ src: { dependencyName: 'dep', dataKey: 'body.mode' }, dest: 'spec.arguments.parameters.0.value' }]);
  // Without the trigger's argument, the same workflow is refused, with the construct's path.
  const unset = sensorApp();
  const alone = new Workflow(unset.sensor.resourceScope, 'mode', { generateName: 'mode-' });
  alone.addArgument('mode', { enum: ['fast', 'full'] });
  const input2 = new InputParameter('mode');
  alone.addContainerTemplate('print', { image: 'busybox:1.36', command: ['echo'], args: [input2], inputs: [input2] });
  unset.sensor.submitWorkflow('run', alone);
  expect(synthError(unset.app)).toMatch(/\[s\/mode\] Workflow\/mode-\*: spec\.arguments\.parameters\[0\]: argument parameter "mode" of the workflow has an enum but no value: Argo rejects the workflow.*\[W20\]/);
});

test('an object of the app, not of the resourceScope, is refused: cdk8s would apply it with the app', () => {
  const { chart, sensor } = sensorApp();
  const applied = new Workflow(chart, 'applied', { generateName: 'applied-' });
  expect(() => sensor.submitWorkflow('run', applied)).toThrow(/TriggerAction\.submitWorkflow\(\): test\/applied is defined in the app, so cdk8s would also apply it.*new Workflow\(sensor\.resourceScope/);
  const pod = new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
  expect(() => TriggerResource.fromObject(pod)).toThrow(/is defined in the app/);
});

test('a cdk8s-plus object of the resourceScope: the sensor gets exactly the verbs of the operation on its resource', () => {
  const { app, sensor, dep } = sensorApp();
  const job = new kplus.Job(sensor.resourceScope, 'job', { containers: [{ image: 'busybox:1.36', command: ['echo'] }] });
  sensor.addTrigger('job', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(job), parameters: [{ from: dep.body('x'), dest: 'spec.template.spec.containers.0.args.0' }] }));
  const m = synthValid(app);
  expect(ofKind(m, 'Job')).toEqual([]);
  expect(one(m, 'Sensor').spec.triggers[0].template.k8s.source.resource.kind).toBe('Job');
  expect(one(m, 'Role').rules).toEqual([{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] }]);
});

test('sources read at run time: the type given says what the sensor may create; a ConfigMap mounted from its namespace', () => {
  const { app, sensor } = sensorApp();
  sensor.addTrigger('cm', TriggerAction.kubernetes({ operation: KubernetesOperation.PATCH, resource: TriggerResource.fromConfigMap(ConfigMapRef.fromName('wf'), 'workflow', WORKFLOW) }));
  sensor.addTrigger('url', TriggerAction.kubernetes({ resource: TriggerResource.fromUrl('https://example.com/deploy.yaml', { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps' }) }));
  const m = synthValid(app);
  const [cm, url] = one(m, 'Sensor').spec.triggers;
  expect(cm.template.k8s.source).toEqual({ configmap: { name: 'wf', key: 'workflow' } });
  expect(url.template.k8s.source).toEqual({ url: { path: 'https://example.com/deploy.yaml' } });
  const roles = ofKind(m, 'Role');
  expect(roles.find(r => r.metadata.namespace === 'events').rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['get', 'create', 'patch'] }]);
  expect(roles.find(r => r.metadata.namespace === 'apps').rules).toEqual([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }]);
});

test('submitting a workflow read at run time: arguments by object cannot be placed, resourceParameters can', () => {
  const { app, sensor, dep } = sensorApp();
  const size = WorkflowTemplate.fromName(sensor, 'wt', 'sizes', { parameters: ['size'] }).parameter('size');
  sensor.submitWorkflow('git', TriggerResource.fromGit({ url: 'https://example.com/repo.git', filePath: 'wf.yaml' }, WORKFLOW), { arguments: [{ parameter: size, from: dep.body('size') }] });
  expect(synthError(app)).toMatch(/spec\.triggers\[0\]\.template\.argoWorkflow\.parameters: parameter "size" is mapped by object, but the Workflow of the trigger's source is read when the trigger fires.*resourceParameters/);
});

test('a workflow submitted into another namespace: the sensor may create workflows there', () => {
  const { app, sensor, dep } = sensorApp('events');
  const workflow = new Workflow(sensor.resourceScope, 'elsewhere', { generateName: 'elsewhere-', metadata: { namespace: 'argo' } });
  const x = workflow.addArgument('x', { value: '' });
  workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
  sensor.submitWorkflow('run', workflow, { arguments: [{ parameter: x, from: dep.body('x') }] });
  const roles = ofKind(synthValid(app), 'Role');
  expect(roles.find(r => r.metadata.name === 's-sensor' && r.metadata.namespace === 'argo').rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['list', 'create'] }]);
});

test('a workflow of another namespace running a WorkflowTemplate: the template is read there too (argo submit validates in the workflow\'s namespace)', () => {
  const { app, chart, sensor } = sensorApp('events');
  const template = WorkflowTemplate.fromName(chart, 'tpl', 'build', { namespace: 'argo' });
  new Workflow(sensor.resourceScope, 'elsewhere', { generateName: 'build-', metadata: { namespace: 'argo' }, workflowTemplate: template });
  sensor.submitWorkflow('run', sensor.resourceScope.node.findChild('elsewhere') as Workflow, { cliArgs: ['--wait'] });
  const roles = ofKind(synthValid(app), 'Role');
  expect(roles.find(r => r.metadata.name === 's-sensor' && r.metadata.namespace === 'argo').rules).toEqual([
    { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['list', 'watch', 'create'] },
    { apiGroups: ['argoproj.io'], resources: ['workflowtemplates'], verbs: ['get'] },
  ]);
  expect(roles.filter(r => r.metadata.name === 's-sensor').map(r => r.metadata.namespace)).toEqual(['argo']);
});

test('the corrected multi-dependencies example (a template declaring the inputs it prints) is accepted', () => {
  const { app, sensor } = sensorApp();
  const tick = sensor.addDependency(EventSource.fromName('calendar').event('example-with-interval'), { name: 'tick' });
  const hookDep = sensor.dependencies[0];
  const { workflow, message1, message2 } = echo(sensor, 'multi-signal-workflow');
  sensor.addTrigger('multi', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message1, from: hookDep.body('a') }, { parameter: message2, from: tick.data('eventTime') }] }));
  expect(one(synthValid(app), 'Sensor').spec.triggers[0].template.k8s.parameters.map((p: any) => p.dest)).toEqual(['spec.arguments.parameters.0.value', 'spec.arguments.parameters.1.value']);
});

test('a second synth after a change of a resourceScope workflow renders the change (the sensor is not served a stale render)', () => {
  const chart = new Chart(Testing.app(), 'c');
  const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
  sensor.addDependency(hook);
  const workflow = new Workflow(sensor.resourceScope, 'w', { generateName: 'w-' });
  workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
  sensor.submitWorkflow('run', workflow);
  const first = JSON.stringify(sensor.apiObject.toJson());
  workflow.addArgument('later', { value: 'v' });
  expect(JSON.stringify(sensor.apiObject.toJson())).not.toBe(first);
});

test('a resourceScope Workflow running as its own account: that account gets the executor permissions, no other is made', () => {
  const { app, sensor } = sensorApp();
  const workflow = new Workflow(sensor.resourceScope, 'runner', { generateName: 'runner-', serviceAccount: ServiceAccountRef.fromName('runner') });
  workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
  sensor.submitWorkflow('run', workflow);
  const m = synthValid(app);
  expect(one(m, 'Sensor').spec.triggers[0].template.argoWorkflow.source.resource.spec.serviceAccountName).toBe('runner');
  expect(ofKind(m, 'ServiceAccount').map(s => s.metadata.name)).toEqual(['s-sensor']);
  expect(ofKind(m, 'RoleBinding').find(b => b.metadata.name === 's-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'runner' }]);
});

describe('workflows running in another namespace run as an account of that namespace, which gets the executor permissions there', () => {
  const executorRule = [{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }];

  test('a submitted Workflow naming no account: <sensor>-workflow is created in its namespace, with the executor Role there', () => {
    const { app, sensor } = sensorApp();
    const workflow = new Workflow(sensor.resourceScope, 'elsewhere', { generateName: 'elsewhere-', metadata: { namespace: 'argo' } });
    workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
    sensor.submitWorkflow('run', workflow);
    const m = synthValid(app);
    expect(one(m, 'Sensor').spec.triggers[0].template.argoWorkflow.source.resource.spec.serviceAccountName).toBe('s-workflow');
    expect(ofKind(m, 'ServiceAccount').map(s => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['events/s-sensor', 'argo/s-workflow']);
    const role = ofKind(m, 'Role').find(r => r.metadata.name === 's-executor');
    expect(role).toMatchObject({ metadata: { namespace: 'argo' }, rules: executorRule });
    expect(ofKind(m, 'RoleBinding').find(b => b.metadata.name === 's-executor')).toMatchObject({
      metadata: { namespace: 'argo' }, subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 's-workflow', namespace: 'argo' }],
    });
  });

  test('a Workflow created by a Kubernetes trigger naming no account runs as <sensor>-workflow of its namespace, as a submitted one does', () => {
    const { app, sensor } = sensorApp();
    const workflow = new Workflow(sensor.resourceScope, 'elsewhere', { generateName: 'elsewhere-', metadata: { namespace: 'argo' } });
    workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
    sensor.addTrigger('create', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(workflow) }));
    const m = synthValid(app);
    expect(one(m, 'Sensor').spec.triggers[0].template.k8s.source.resource.spec.serviceAccountName).toBe('s-workflow');
    expect(workflow.apiObject.toJson().spec.serviceAccountName).toBeUndefined(); // the construct itself is left as written
    expect(ofKind(m, 'ServiceAccount').map(x => `${x.metadata.namespace}/${x.metadata.name}`)).toEqual(['events/s-sensor', 'argo/s-workflow']);
    expect(ofKind(m, 'RoleBinding').find(b => b.metadata.name === 's-executor')).toMatchObject({ metadata: { namespace: 'argo' } });
  });

  test('a Workflow created by a Kubernetes trigger with its own account: that account, in the workflow\'s namespace', () => {
    const { app, sensor } = sensorApp();
    const workflow = new Workflow(sensor.resourceScope, 'elsewhere', {
      generateName: 'elsewhere-', metadata: { namespace: 'argo' }, serviceAccount: ServiceAccountRef.fromName('runner', { namespace: 'argo' }),
    });
    workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
    sensor.addTrigger('create', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(workflow) }));
    const m = synthValid(app);
    const bindings = ofKind(m, 'RoleBinding').filter(b => b.metadata.name === 's-executor');
    expect(bindings).toEqual([expect.objectContaining({ metadata: { name: 's-executor', namespace: 'argo' }, subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 'runner', namespace: 'argo' }] })]);
    expect(ofKind(m, 'ServiceAccount').map(s => s.metadata.name)).toEqual(['s-sensor']);
  });

  test('workflows of the sensor\'s namespace and of another each get their own executor Role; the sensor\'s own stays as before', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('here', WorkflowTemplate.fromName(chart, 'tpl', 'build'));
    const workflow = new Workflow(sensor.resourceScope, 'elsewhere', { generateName: 'elsewhere-', metadata: { namespace: 'argo' } });
    workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
    sensor.submitWorkflow('there', workflow);
    const m = synthValid(app);
    expect(ofKind(m, 'RoleBinding').filter(b => b.metadata.name === 's-executor').map(b => [b.metadata.namespace, b.subjects])).toEqual([
      ['events', [{ apiGroup: '', kind: 'ServiceAccount', name: 's-workflow', namespace: 'events' }]],
      ['argo', [{ apiGroup: '', kind: 'ServiceAccount', name: 's-workflow', namespace: 'argo' }]],
    ]);
  });
});
