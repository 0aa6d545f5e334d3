import { lint } from '../../src/lint';
import { readArgoSchema } from '../../src/schema/argo-schema';
import { WORKFLOWS_REQUIRED_FIELDS } from '../../src/schema/quirks';
import { validateManifest, WorkflowsSchemaVersion } from '../../src/schema/validator';
import { describeUpstream, UPSTREAM_DIR } from '../support/upstream';

const VERSIONS: WorkflowsSchemaVersion[] = ['v4.1.2', 'v3.7.18'];

const kind = (k: string, spec: object | undefined, name = 'x') => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: k, metadata: { name }, ...(spec === undefined ? {} : { spec }),
});
const template = (t: object) => ({ entrypoint: 'main', templates: [{ name: 'main', ...t }] });
const image = { image: 'busybox:1.36' };

/** `path: message` of the schema's own check (rule SCHEMA), and of the full CRDs' (rule CRD). */
const schema = (m: object, workflowsVersion: WorkflowsSchemaVersion) =>
  validateManifest(m, { workflowsVersion }).filter(v => !v.ruleId).map(v => `${v.path}: ${v.message}`);
const crd = (m: object, workflowsVersion: WorkflowsSchemaVersion) =>
  validateManifest(m, { workflowsVersion }).filter(v => v.ruleId === 'CRD').map(v => v.path);

describe.each(VERSIONS)('fields Argo does not require are optional (Q6, Argo Workflows %s)', version => {
  test('a script template without source', () => {
    expect(schema(kind('WorkflowTemplate', template({ script: { ...image, command: ['sh'] } })), version)).toEqual([]);
  });

  test('a container or script without image when spec.templateDefaults supplies it (W10 checks that it does)', () => {
    const spec = { ...template({ container: { command: ['true'] } }), templateDefaults: { container: image } };
    expect(schema(kind('WorkflowTemplate', spec), version)).toEqual([]);
    const script = { ...template({ script: { source: 'echo' } }), templateDefaults: { script: image } };
    expect(schema(kind('WorkflowTemplate', script), version)).toEqual([]);
    expect(lint([kind('WorkflowTemplate', template({ container: { command: ['true'] } }))], { workflowsVersion: version })
      .filter(f => f.severity === 'error').map(f => `${f.ruleId} ${f.path}`)).toEqual(['W10 spec.templates[0].container.image']);
  });

  test('a gauge without realtime (the full CRDs of v4.1.2 still require it: rule CRD)', () => {
    const gauge = kind('WorkflowTemplate', template({ container: image, metrics: { prometheus: [{ name: 'm', help: 'h', gauge: { value: '1' } }] } }));
    expect(schema(gauge, version)).toEqual([]);
    expect(crd(gauge, version)).toEqual(version === 'v4.1.2' ? ['spec.templates[0].metrics.prometheus[0].gauge.realtime'] : []);
  });

  test('a WorkflowTemplate or ClusterWorkflowTemplate without spec (v4.1.2\'s full CRDs require it), a WorkflowEventBinding without spec', () => {
    for (const k of ['WorkflowTemplate', 'ClusterWorkflowTemplate']) {
      expect(schema(kind(k, undefined), version)).toEqual([]);
      expect(crd(kind(k, undefined), version)).toEqual(version === 'v4.1.2' ? ['spec'] : []);
    }
    expect(validateManifest(kind('WorkflowEventBinding', undefined), { workflowsVersion: version })).toEqual([]);
  });
});

describe.each(VERSIONS)('fields Argo refuses the object without stay required (Argo Workflows %s)', version => {
  test.each<[string, object, string]>([
    ['a Workflow\'s spec (no entrypoint)', kind('Workflow', undefined), 'spec'],
    ['a CronWorkflow\'s workflowSpec', kind('CronWorkflow', { schedules: ['0 * * * *'] }), 'spec.workflowSpec'],
    ['a parameter\'s name', kind('Workflow', { ...template({ container: image }), arguments: { parameters: [{ value: 'v' }] } }), 'spec.arguments.parameters[0].name'],
    ['an artifact\'s name', kind('Workflow', template({ container: image, inputs: { artifacts: [{ path: '/a' }] } })), 'spec.templates[0].inputs.artifacts[0].name'],
    ['a DAG task\'s name', kind('Workflow', template({ dag: { tasks: [{ template: 'x' }] } })), 'spec.templates[0].dag.tasks[0].name'],
    ['a DAG\'s tasks', kind('Workflow', template({ dag: {} })), 'spec.templates[0].dag.tasks'],
    ['a resource template\'s action', kind('Workflow', template({ resource: { manifest: 'x' } })), 'spec.templates[0].resource.action'],
    ['git.repo', kind('Workflow', template({ container: image, inputs: { artifacts: [{ name: 'a', path: '/a', git: {} }] } })), 'spec.templates[0].inputs.artifacts[0].git.repo'],
    ['a metric\'s help', kind('Workflow', template({ container: image, metrics: { prometheus: [{ name: 'm', counter: { value: '1' } }] } })), 'spec.templates[0].metrics.prometheus[0].help'],
    ['a gauge\'s value', kind('Workflow', template({ container: image, metrics: { prometheus: [{ name: 'm', help: 'h', gauge: { realtime: false } }] } })), 'spec.templates[0].metrics.prometheus[0].gauge.value'],
    ['an init container\'s name', kind('Workflow', template({ container: image, initContainers: [image] })), 'spec.templates[0].initContainers[0].name'],
    ['memoize.cache (the controller dereferences it)', kind('Workflow', template({ container: image, memoize: { key: 'k', maxAge: '1h' } })), 'spec.templates[0].memoize.cache'],
  ])('%s', (_what, manifest, path) => {
    expect(schema(manifest, version)).toEqual([`${path}: required field is missing`]);
  });

  test('a CronWorkflow\'s schedules: required in v4 ("at least one schedule"); 3.7 also takes the singular schedule', () => {
    const cron = kind('CronWorkflow', { workflowSpec: template({ container: image }) });
    expect(schema(cron, version)).toEqual(version === 'v4.1.2' ? ['spec.schedules: required field is missing'] : []);
  });
});

describeUpstream('the list of required fields (src/schema/quirks.ts WORKFLOWS_REQUIRED_FIELDS)', () => {
  const raw = { 'v4.1.2': readArgoSchema(UPSTREAM_DIR, 'workflows-v4.1.2'), 'v3.7.18': readArgoSchema(UPSTREAM_DIR, 'workflows-v3.7.18') };

  test('names definitions and fields the schemas mark required (a typo would silently keep nothing)', () => {
    const unknown: string[] = [];
    for (const [name, fields] of Object.entries(WORKFLOWS_REQUIRED_FIELDS)) {
      for (const field of fields) {
        const inSome = Object.values(raw).some(doc => (doc.definitions[`io.argoproj.workflow.v1alpha1.${name}`]?.required ?? []).includes(field));
        if (!inSome) unknown.push(`${name}.${field}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
