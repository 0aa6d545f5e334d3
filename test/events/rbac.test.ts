/**
 * The RBAC a sensor gets: exactly the verbs its triggers call, on exactly those resources, and
 * the executor permissions for the service accounts its workflows run as. Nothing more, no `*`.
 */
import * as kplus from 'cdk8s-plus-27';
import {
  KubernetesOperation, TriggerAction, WebhookEventSource, WorkflowOperation, WorkflowSensor, WorkflowSensorProps,
} from '../../src/events';
import { ClusterWorkflowTemplate, WorkflowServiceAccount, WorkflowTemplate } from '../../src/workflows';
import { ofKind, schemaViolations, setup, synth } from './helpers';


beforeAll(() => {
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => jest.restoreAllMocks());

/** A role's rules as `group/resource: verbs`, each rule checked to be wildcard-free and unnamed. */
function rules(role: any): string[] {
  return role.rules.map((r: any) => {
    expect(r.apiGroups).toHaveLength(1);
    expect(r.resources).toHaveLength(1);
    expect(r.resourceNames ?? []).toEqual([]);
    return `${r.apiGroups[0]}/${r.resources[0]}: ${r.verbs.join(',')}`;
  });
}

function named(manifests: any[], kind: string, name: string): any {
  const found = manifests.find(m => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} among ${manifests.map(m => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
}

function sensorApp(props: WorkflowSensorProps = {}) {
  const { app, chart } = setup('events');
  const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
  const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 's' }, ...props });
  const dep = sensor.addDependency(webhook.addEndpoint('omega', { path: '/omega' }));
  return { app, chart, sensor, dep };
}

function synthChecked(app: any): any[] {
  const manifests = synth(app);
  expect(schemaViolations(manifests)).toEqual([]);
  expect(JSON.stringify(manifests.filter(m => /Role/.test(m.kind)))).not.toContain('"*"');
  return manifests;
}

describe('submitting a workflow from a WorkflowTemplate', () => {
  test('the sensor may create and list workflows and read WorkflowTemplates; nothing else', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: list,create', 'argoproj.io/workflowtemplates: get']);
    const binding = named(m, 'RoleBinding', 's-sensor');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 's-sensor' });
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 's-sensor', namespace: 'events' }]);
    expect(named(m, 'ServiceAccount', 's-sensor').automountServiceAccountToken).toBe(true);
    expect(named(m, 'Sensor', 's').spec.template.serviceAccountName).toBe('s-sensor');
    expect(ofKind(m, 'ClusterRole')).toEqual([]);
  });

  test('workflows naming no service account run as <sensor>-workflow, which may write workflowtaskresults', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-executor'))).toEqual(['argoproj.io/workflowtaskresults: create,patch']);
    expect(named(m, 'RoleBinding', 's-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 's-workflow', namespace: 'events' }]);
    expect(named(m, 'ServiceAccount', 's-workflow').automountServiceAccountToken).toBe(true);
    const workflow = named(m, 'Sensor', 's').spec.triggers[0].template.argoWorkflow.source.resource;
    expect(workflow.spec.serviceAccountName).toBe('s-workflow');
  });

  test('a template with its own service account keeps it; that account gets the executor permissions', () => {
    const { app, chart, sensor } = sensorApp();
    const template = new WorkflowTemplate(chart, 'a', {
      metadata: { name: 'a-workflow' }, serviceAccount: kplus.ServiceAccount.fromServiceAccountName(chart, 'irsa', 'a-workflow-irsa'),
    });
    template.setEntrypoint(template.addContainerTemplate('main', { image: 'busybox:1.36' }));
    sensor.submitWorkflow('run', template);
    const m = synthChecked(app);
    expect(named(m, 'RoleBinding', 's-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'a-workflow-irsa' }]);
    expect(ofKind(m, 'ServiceAccount').map(sa => sa.metadata.name)).toEqual(['s-sensor']);
    expect(named(m, 'Sensor', 's').spec.triggers[0].template.argoWorkflow.source.resource.spec.serviceAccountName).toBeUndefined();
  });

  test('a WorkflowServiceAccount already holds the executor permission: the sensor binds nothing more for it', () => {
    const { app, chart, sensor } = sensorApp();
    const runner = new WorkflowServiceAccount(chart, 'runner', { metadata: { name: 'runner' } });
    const template = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' }, serviceAccount: runner });
    template.setEntrypoint(template.addContainerTemplate('main', { image: 'busybox:1.36' }));
    sensor.submitWorkflow('run', template);
    const m = synthChecked(app);
    expect(ofKind(m, 'RoleBinding').map(b => b.subjects.map((x: any) => x.name).join()).sort()).toEqual(['runner', 's-sensor']);
    expect(ofKind(m, 'Role').flatMap(rules).sort()).toEqual([
      'argoproj.io/workflows: list,create', 'argoproj.io/workflowtaskresults: create,patch', 'argoproj.io/workflowtemplates: get']);
  });

  test('a service account given on the trigger is set on the workflow and bound once, however many triggers use it', () => {
    const { app, chart, sensor } = sensorApp();
    const runner = new kplus.ServiceAccount(chart, 'runner', { metadata: { name: 'runner' }, automountToken: true });
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'), { serviceAccount: runner });
    sensor.submitWorkflow('run-b', WorkflowTemplate.fromName(chart, 'b', 'b-workflow'), { serviceAccount: runner });
    const m = synthChecked(app);
    expect(named(m, 'RoleBinding', 's-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'runner', namespace: 'events' }]);
    expect(named(m, 'Sensor', 's').spec.triggers.map((t: any) => t.template.argoWorkflow.source.resource.spec.serviceAccountName)).toEqual(['runner', 'runner']);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: list,create', 'argoproj.io/workflowtemplates: get']);
  });

  test('a ClusterWorkflowTemplate is read through a ClusterRole bound to the namespaced sensor account', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('run', ClusterWorkflowTemplate.fromName(chart, 'c', 'shared'));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: list,create']);
    expect(rules(named(m, 'ClusterRole', 'events-s-sensor'))).toEqual(['argoproj.io/clusterworkflowtemplates: get']);
    expect(named(m, 'ClusterRoleBinding', 'events-s-sensor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 's-sensor', namespace: 'events' }]);
    expect(named(m, 'Sensor', 's').spec.triggers[0].template.argoWorkflow.source.resource.spec.workflowTemplateRef).toEqual({ name: 'shared', clusterScope: true });
  });

  test('a label policy makes the sensor read what it created', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'), { policy: { resourceLabels: { 'workflows.argoproj.io/phase': 'Succeeded' } } });
    expect(rules(named(synthChecked(app), 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: get,list,create', 'argoproj.io/workflowtemplates: get']);
  });
});

describe('a full workflow spec', () => {
  test('inline templates need no template read; a templateRef to a ClusterWorkflowTemplate does', () => {
    const inline = sensorApp();
    inline.sensor.addTrigger('run', TriggerAction.submitWorkflowSpec({ spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } }));
    const m = synthChecked(inline.app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: list,create']);
    expect(named(m, 'Sensor', 's').spec.triggers[0].template.argoWorkflow.source.resource.metadata).toEqual({ generateName: 's-' });

    const ref = sensorApp();
    ref.sensor.addTrigger('run', TriggerAction.submitWorkflowSpec({
      spec: { entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'notify', templateRef: { name: 'common', template: 'slack', clusterScope: true } }]] }] },
    }));
    const m2 = synthChecked(ref.app);
    expect(rules(named(m2, 'ClusterRole', 'events-s-sensor'))).toEqual(['argoproj.io/clusterworkflowtemplates: get']);
  });
});

describe('Kubernetes object triggers get the verbs of their operation on their resource', () => {
  test.each([
    [KubernetesOperation.CREATE, { apiVersion: 'v1', kind: 'Pod' }, ['/pods: create']],
    [KubernetesOperation.UPDATE, { apiVersion: 'apps/v1', kind: 'Deployment' }, ['apps/deployments: get,create,update']],
    [KubernetesOperation.PATCH, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' }, ['networking.k8s.io/ingresses: get,create,patch']],
    [KubernetesOperation.DELETE, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' }, ['networking.k8s.io/networkpolicies: get,delete']],
  ])('%s %j', (operation, gvk, expected) => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('k8s', TriggerAction.kubernetes({ operation, resource: { ...gvk, metadata: { name: 'x' } } }));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(expected);
    expect(ofKind(m, 'ClusterRole')).toEqual([]);
    expect(ofKind(m, 'RoleBinding').map(b => b.metadata.name)).toEqual(['s-sensor']); // no executor RBAC
  });

  test('two triggers on one resource share one rule holding their verbs (no duplicates)', () => {
    const { app, sensor } = sensorApp();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'p-' } };
    sensor.addTrigger('a', TriggerAction.kubernetes({ resource: pod }));
    sensor.addTrigger('b', TriggerAction.kubernetes({ resource: pod }));
    sensor.addTrigger('c', TriggerAction.kubernetes({ resource: pod, operation: KubernetesOperation.DELETE }));
    expect(sensor.requiredPermissions).toEqual([{ apiGroup: '', resource: 'pods', verbs: ['get', 'create', 'delete'], clusterScoped: undefined }]);
    const granted = rules(named(synthChecked(app), 'Role', 's-sensor'));
    expect(granted).toEqual(['/pods: get,create,delete']);
  });
});

describe('workflow operations', () => {
  test.each([
    [WorkflowOperation.RESUME, 'Workflow', ['argoproj.io/workflows: get,update']],
    [WorkflowOperation.SUSPEND, 'Workflow', ['argoproj.io/workflows: get,update']],
    [WorkflowOperation.TERMINATE, 'Workflow', ['argoproj.io/workflows: get,patch']],
    [WorkflowOperation.STOP, 'Workflow', ['argoproj.io/workflows: get,patch']],
    [WorkflowOperation.RESUBMIT, 'Workflow', ['argoproj.io/workflows: get,create']],
    [WorkflowOperation.RETRY, 'Workflow', ['argoproj.io/workflows: get,update', '/pods: delete']],
    [WorkflowOperation.SUBMIT_FROM, 'CronWorkflow', ['argoproj.io/workflows: get,create', 'argoproj.io/cronworkflows: get']],
  ] as const)('%s on a %s', (operation, kind, expected) => {
    const { app, sensor, dep } = sensorApp();
    sensor.addTrigger('op', TriggerAction.workflowOperation(operation, { kind, name: dep.body('workflow') }));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(expected);
    const trigger = named(m, 'Sensor', 's').spec.triggers[0].template.argoWorkflow;
    expect(trigger.operation).toBe(operation);
    expect(trigger.parameters).toEqual([{ src: { dependencyName: 'omega', dataKey: 'body.workflow' }, dest: 'metadata.name' }]);
  });
});

describe('submit-from, which Argo Events v1.9.11 reports failed after it created the workflow', () => {
  test('alone it is accepted', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('op', TriggerAction.workflowOperation(WorkflowOperation.SUBMIT_FROM, { kind: 'WorkflowTemplate', name: 'build' }));
    expect(named(synthChecked(app), 'Sensor', 's').spec.triggers[0].template.argoWorkflow.operation).toBe('submit-from');
  });

  test('with retries, each of which would create one more workflow, or a dead-letter trigger, which would fire every time: refused', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('op', TriggerAction.workflowOperation(WorkflowOperation.SUBMIT_FROM, { kind: 'CronWorkflow', name: 'nightly' }), {
      retryStrategy: { steps: 3 }, deadLetter: { name: 'dlq', action: TriggerAction.log() },
    });
    const message = (() => { try { synth(app); } catch (e: any) { return String(e.message); } return ''; })();
    expect(message).toMatch(/spec\.triggers\[0\]\.retryStrategy: trigger "op" is retried on failure, and Argo Events v1\.9\.11 reports a submit-from failed.*each of the 3 attempts would run it again/);
    expect(message).toMatch(/spec\.triggers\[0\]\.dlqTrigger: trigger "op" has a dead-letter trigger.*would fire every time/);
  });

  test('a single attempt (steps: 1) is no retry', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('op', TriggerAction.workflowOperation(WorkflowOperation.SUBMIT_FROM, { kind: 'WorkflowTemplate', name: 'build' }), { retryStrategy: { steps: 1 } });
    expect(() => synthChecked(app)).not.toThrow();
  });
});

describe('the templates an operated workflow references', () => {
  test('resubmit validates the new workflow against them: get granted (a ClusterWorkflowTemplate through the ClusterRole)', () => {
    const { app, chart, sensor, dep } = sensorApp();
    const templates = [WorkflowTemplate.fromName(chart, 'tpl', 'build'), ClusterWorkflowTemplate.fromName(chart, 'ctpl', 'shared')];
    sensor.addTrigger('again', TriggerAction.workflowOperation(WorkflowOperation.RESUBMIT, { name: dep.body('workflow'), templates }));
    const m = synthChecked(app);
    expect(rules(named(m, 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: get,create', 'argoproj.io/workflowtemplates: get']);
    expect(rules(named(m, 'ClusterRole', 'events-s-sensor'))).toEqual(['argoproj.io/clusterworkflowtemplates: get']);
  });

  test('resume does not validate: nothing more is granted', () => {
    const { app, chart, sensor, dep } = sensorApp();
    sensor.addTrigger('go', TriggerAction.workflowOperation(WorkflowOperation.RESUME, { name: dep.body('workflow'), templates: [WorkflowTemplate.fromName(chart, 'tpl', 'build')] }));
    expect(rules(named(synthChecked(app), 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: get,update']);
  });
});

describe('the argo CLI\'s extra arguments', () => {
  test.each([
    // argo stop --message updates the stopped nodes before it patches spec.shutdown.
    [WorkflowOperation.STOP, ['--message', 'stopped by the sensor'], ['argoproj.io/workflows: get,update,patch']],
    [WorkflowOperation.STOP, ['--node-field-selector=inputs.parameters.p.value=x'], ['argoproj.io/workflows: get,update,patch']],
    // A selector lists the workflows it matches.
    [WorkflowOperation.TERMINATE, ['-l', 'app=x'], ['argoproj.io/workflows: get,list,patch']],
    [WorkflowOperation.RESUME, ['--field-selector=metadata.name=x'], ['argoproj.io/workflows: get,list,update']],
    // --wait watches the workflow; --log follows its pods.
    [WorkflowOperation.RETRY, ['--wait'], ['argoproj.io/workflows: get,watch,update', '/pods: delete']],
    [WorkflowOperation.RESUBMIT, ['--log'], ['argoproj.io/workflows: get,watch,create', '/pods: list,watch', '/pods/log: get']],
  ] as const)('%s with %j', (operation, cliArgs, expected) => {
    const { app, sensor, dep } = sensorApp();
    sensor.addTrigger('op', TriggerAction.workflowOperation(operation, { name: dep.body('workflow'), cliArgs: [...cliArgs] }));
    expect(rules(named(synthChecked(app), 'Role', 's-sensor'))).toEqual(expected);
  });

  test('a submission with --wait may also watch the workflows it created', () => {
    const { app, chart, sensor } = sensorApp();
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'), { cliArgs: ['--wait'] });
    expect(rules(named(synthChecked(app), 'Role', 's-sensor'))).toEqual(['argoproj.io/workflows: list,watch,create', 'argoproj.io/workflowtemplates: get']);
  });
});

describe('an update of the live object', () => {
  test('reads the object by the manifest\'s name and namespace: get is granted, there', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('scale', TriggerAction.kubernetes({
      operation: KubernetesOperation.UPDATE, liveObject: true, resource: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'apps' } },
    }));
    const m = synthChecked(app);
    expect(named(m, 'Sensor', 's').spec.triggers[0].template.k8s).toMatchObject({ operation: 'update', liveObject: true });
    expect(rules(ofKind(m, 'Role').find(r => r.metadata.namespace === 'apps'))).toEqual(['apps/deployments: get,create,update']);
  });

  test('a manifest without name or namespace is refused: Argo Events could not fetch the live object', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('scale', TriggerAction.kubernetes({ operation: KubernetesOperation.UPDATE, liveObject: true, resource: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { generateName: 'web-' } } }));
    expect(() => synth(app)).toThrow(/spec\.triggers\[0\]\.template\.k8s\.liveObject: .*has no metadata\.name and no metadata\.namespace/);
  });
});

describe('cluster-scoped objects of a Kubernetes trigger', () => {
  test('a Namespace (one of the two resources Argo Events calls without a namespace) is granted through a ClusterRole', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('ns', TriggerAction.kubernetes({ resource: { apiVersion: 'v1', kind: 'Namespace', metadata: { generateName: 'team-' } } }));
    const m = synthChecked(app);
    expect(rules(named(m, 'ClusterRole', 'events-s-sensor'))).toEqual(['/namespaces: create']);
    expect(ofKind(m, 'Role').map(r => r.metadata.name)).toEqual([]);
  });

  test('another cluster-scoped kind is refused: Argo Events would call it in the sensor\'s namespace, which the API server answers with 404', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('pv', TriggerAction.kubernetes({ resource: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' } } }));
    expect(() => synth(app)).toThrow(/spec\.triggers\[0\]\.template\.k8s\.source: a ClusterRole is cluster-scoped, but Argo Events v1\.9\.11's Kubernetes trigger calls only namespaces and nodes without a namespace.*\/namespaces\/events\/.*404/s);
    expect(sensor.requiredPermissions).toEqual([]);
  });
});

describe('no RBAC where none is needed or wanted', () => {
  test('HTTP, Slack and Kafka triggers call no Kubernetes API: a service account, no Role', () => {
    const { app, chart, sensor, dep } = sensorApp();
    const slack = kplus.Secret.fromSecretName(chart, 'slack', 'slack');
    sensor.addTrigger('http', TriggerAction.http({ url: 'http://x' }));
    sensor.addTrigger('slack', TriggerAction.slack({ token: { secret: slack, key: 'token' }, channel: 'ops', message: dep.body('text') }));
    sensor.addTrigger('kafka', TriggerAction.kafka({ url: 'kafka:9092', topic: 't', payload: { v: dep.body() } }));
    const m = synthChecked(app);
    expect(m.filter(x => /Role/.test(x.kind))).toEqual([]);
    expect(ofKind(m, 'ServiceAccount').map(sa => sa.metadata.name)).toEqual(['s-sensor']);
  });

  test('an existing service account: no sensor RBAC is generated; the needs are listed', () => {
    const { app, chart } = setup('events');
    const existing = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'operate-workflow-sa');
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
    const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 's' }, serviceAccount: existing, workflowExecutorRbac: false });
    sensor.addDependency(webhook.addEndpoint('omega', { path: '/omega' }));
    sensor.submitWorkflow('run', WorkflowTemplate.fromName(chart, 'a', 'a-workflow'));
    const m = synthChecked(app);
    expect(m.filter(x => /Role|ServiceAccount/.test(x.kind))).toEqual([]);
    expect(named(m, 'Sensor', 's').spec.template.serviceAccountName).toBe('operate-workflow-sa');
    expect(sensor.requiredPermissions).toEqual([
      { apiGroup: 'argoproj.io', resource: 'workflows', verbs: ['list', 'create'], clusterScoped: undefined },
      { apiGroup: 'argoproj.io', resource: 'workflowtemplates', verbs: ['get'], clusterScoped: undefined },
    ]);
  });
});
