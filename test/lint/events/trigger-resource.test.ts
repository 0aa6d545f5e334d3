import { lint } from '../../../src/lint';
import { Manifest } from '../../../src/lint/types';
import { reported, sensor, trigger } from './helpers';

const RULE = 'ARGO-TRIGGER-RESOURCE';

const workflow = (spec: { [key: string]: any }, metadata: { [key: string]: any } = { generateName: 'build-' }) =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata, spec });
const echo = { name: 'echo', inputs: { parameters: [{ name: 'message' }] }, container: { image: 'busybox:1.36', args: ['{{inputs.parameters.message}}'] } };
const submitting = (resource: Manifest, extra: { [key: string]: any } = {}, triggerExtra: { [key: string]: any } = {}) =>
  sensor({ triggers: [trigger('build', 'argoWorkflow', { operation: 'submit', source: { resource }, ...extra }, triggerExtra)] }, { namespace: 'ci' });
const template = (name: string, namespace = 'ci'): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name, namespace },
  spec: { entrypoint: 'echo', templates: [echo], arguments: { parameters: [{ name: 'message', value: 'hi' }] } },
});

describe('ARGO-TRIGGER-RESOURCE: what a trigger creates passes the rules', () => {
  test('a Workflow whose entrypoint names no template: Argo rejects it when the trigger fires', () => {
    const lines = reported(RULE, [submitting(workflow({ entrypoint: 'ehco', templates: [echo], arguments: { parameters: [{ name: 'message', value: 'hi' }] } }))]);
    expect(lines).toEqual([expect.stringMatching(
      /^spec\.triggers\[0\]\.template\.argoWorkflow\.source\.resource\.spec\.entrypoint: the Workflow trigger "build" submits fails rule W\d+ when the trigger fires: .*"ehco".*\(suppress ARGO-TRIGGER-RESOURCE@spec\.triggers\[0\]\.template\.argoWorkflow\.source\.resource\.spec\.entrypoint if/)]);
  });

  test('a valid Workflow reports nothing', () => {
    expect(reported(RULE, [submitting(workflow({ entrypoint: 'echo', templates: [echo], arguments: { parameters: [{ name: 'message', value: 'hi' }] } }))], 'error')).toEqual([]);
  });

  test('a value a parameter sets from the event is not judged: the argument exists then', () => {
    const resource = workflow({ entrypoint: 'echo', templates: [echo], arguments: { parameters: [{ name: 'message' }] } });
    expect(reported(RULE, [submitting(resource)])).toEqual([expect.stringContaining('argument parameter "message" of the workflow has neither value nor valueFrom')]);
    const fed = submitting(resource, { parameters: [{ src: { dependencyName: 'push', dataKey: 'body.message' }, dest: 'spec.arguments.parameters.0.value' }] });
    expect(reported(RULE, [fed])).toEqual([]);
    // The trigger's own parameters address the template: their dest goes through source.resource.
    const viaTemplate = submitting(resource, {}, { parameters: [{ src: { dependencyName: 'push', dataKey: 'body.message' }, dest: 'argoWorkflow.source.resource.spec.arguments.parameters.0.value' }] });
    expect(reported(RULE, [viaTemplate])).toEqual([]);
  });

  test('a name set from the event is not judged; a fixed invalid one is', () => {
    const resource = workflow({ workflowTemplateRef: { name: 'build' } }, { name: 'Build_It' });
    expect(reported(RULE, [submitting(resource), template('build')])).toEqual([expect.stringContaining('metadata.name: the Workflow trigger "build" submits fails rule K8S-NAME')]);
    const named = submitting(resource, { parameters: [{ src: { dependencyName: 'push', dataKey: 'body.id' }, dest: 'metadata.name' }] });
    expect(reported(RULE, [named, template('build')])).toEqual([]);
  });

  test('references resolve in the set, in the Sensor\'s namespace', () => {
    const resource = workflow({ workflowTemplateRef: { name: 'build' } });
    expect(reported(RULE, [submitting(resource), template('build')], 'warning')).toEqual([]);
    expect(reported(RULE, [submitting(resource), template('build', 'other')], 'warning')).toEqual([expect.stringContaining('WorkflowTemplate "build" is not among the linted manifests')]);
  });

  test('the schema check runs on it: an unknown field', () => {
    const findings = lint([submitting(workflow({ entrypoint: 'echo', templates: [{ ...echo, contianer: {} }], arguments: { parameters: [{ name: 'message', value: 'hi' }] } }))], { only: [RULE] });
    // The errors (the bare echo template also draws the Pod Security and resources warnings).
    expect(findings.filter(f => f.severity === 'error').map(f => `${f.path} ${f.message.slice(0, 80)}`)).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.template\.argoWorkflow\.source\.resource\.spec\.templates\[0\](\.contianer)? the Workflow trigger "build" submits fails rule SCHEMA/),
    ]);
  });

  test('a k8s create is checked too; other operations name an existing object and are not', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' }, data: { a: 'b' } };
    const creating = (operation?: string) => sensor({ triggers: [trigger('make', 'k8s', { ...(operation ? { operation } : {}), source: { resource: configMap } })] });
    expect(reported(RULE, [creating()])).toEqual([expect.stringContaining('the ConfigMap trigger "make" creates fails rule K8S-NAME')]);
    expect(reported(RULE, [creating('create')])).toHaveLength(1);
    expect(reported(RULE, [creating('patch')])).toEqual([]);
    expect(reported(RULE, [creating('delete')])).toEqual([]);
    const resubmit = sensor({ triggers: [trigger('again', 'argoWorkflow', { operation: 'resubmit', source: { resource: workflow({}, { name: 'Old_Run' }) } })] });
    expect(reported(RULE, [resubmit])).toEqual([]);
  });

  test('what the Sensor\'s own rules report at the same field is not repeated', () => {
    const resource = workflow({ entrypoint: 'echo', templates: [{ ...echo, container: { image: 'busybox' } }], arguments: { parameters: [{ name: 'message', value: 'hi' }] } });
    const findings = lint([submitting(resource)], { schema: false }).filter(f => f.path.endsWith('container.image'));
    expect(findings.map(f => f.ruleId)).toEqual(['ARGO-IMAGE-TAG']);
  });

  test('dead-letter triggers are checked like the others', () => {
    const broken = workflow({ entrypoint: 'nope', templates: [echo] });
    const s = sensor({ triggers: [{ ...trigger('log', 'log', {}), dlqTrigger: { template: { name: 'dlq', argoWorkflow: { operation: 'submit', source: { resource: broken } } } } }] });
    expect(reported(RULE, [s]).map(l => l.slice(0, l.indexOf(':')))).toContain('spec.triggers[0].dlqTrigger.template.argoWorkflow.source.resource.spec.entrypoint');
  });

  test('suppressed by path like any rule', () => {
    const s = submitting(workflow({ entrypoint: 'ehco', templates: [echo] }));
    const path = 'spec.triggers[0].template.argoWorkflow.source.resource.spec.entrypoint';
    const suppressed = { ...s, metadata: { ...s.metadata, annotations: { 'cdk8s-argo.io/disable': `${RULE}@${path} -- the entrypoint is set by a parameter` } } };
    expect(reported(RULE, [suppressed]).filter(l => l.startsWith(`${path}:`))).toEqual([]);
  });
});
