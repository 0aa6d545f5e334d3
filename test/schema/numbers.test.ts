import { parseManifests } from '../../src/lint';
import { validateManifest, WorkflowsSchemaVersion } from '../../src/schema/validator';

const VERSIONS: WorkflowsSchemaVersion[] = ['v4.1.2', 'v3.7.18'];

const workflow = (spec: object, template: object = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName: 'n-' },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36' }, ...template }], ...spec },
});

/** Only the schema's own check (rule SCHEMA): the full CRDs' minimums are tested in crd.test.ts. */
const schemaOnly = (manifest: object, workflowsVersion: WorkflowsSchemaVersion = 'v4.1.2') =>
  validateManifest(manifest, { workflowsVersion, crd: false }).map(v => `${v.path}: ${v.message}`);

describe.each(VERSIONS)('integers, as Kubernetes and Argo decode them (Argo Workflows %s)', version => {
  test.each([
    ['parallelism', { parallelism: 1.5 }],
    ['activeDeadlineSeconds', { activeDeadlineSeconds: 2.5 }],
  ])('a fraction for %s is refused: the field decodes into an integer', (field, spec) => {
    expect(schemaOnly(workflow(spec), version)).toEqual([
      expect.stringMatching(new RegExp(`^spec\\.${field}: must be an integer, got number \\d\\.5: Kubernetes and Argo decode this field as an integer`)),
    ]);
  });

  test('retryStrategy.limit (IntOrString) takes an int32 or a string, not a fraction nor more than int32', () => {
    expect(schemaOnly(workflow({}, { retryStrategy: { limit: 3 } }), version)).toEqual([]);
    expect(schemaOnly(workflow({}, { retryStrategy: { limit: '{{inputs.parameters.n}}' } }), version)).toEqual([]);
    expect(schemaOnly(workflow({}, { retryStrategy: { limit: 2.5 } }), version)).toEqual([
      'spec.templates[0].retryStrategy.limit: must be an integer or a string, got number 2.5: Kubernetes and Argo decode this field as an integer, so kubectl apply or the controller refuses a fraction',
    ]);
    expect(schemaOnly(workflow({}, { retryStrategy: { limit: 2 ** 31 } }), version)).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.retryStrategy\.limit: 2147483648 is outside the int32 range \(-2147483648 to 2147483647\)/),
    ]);
    expect(schemaOnly(workflow({}, { retryStrategy: { limit: 2 ** 31 - 1 } }), version)).toEqual([]);
  });

  test('parallelism 1.2e29 (an integer to JavaScript) is outside int64: refused', () => {
    expect(schemaOnly(workflow({ parallelism: 1.2e29 }), version)).toEqual([
      expect.stringMatching(/^spec\.parallelism: 1\.2e\+29 is outside the int64 range \(-9223372036854775808 to 9223372036854775807\): .*refuses the object$/),
    ]);
    expect(schemaOnly(workflow({ parallelism: 2 ** 62 }), version)).toEqual([]);
    expect(schemaOnly(workflow({ parallelism: -(2 ** 63) }), version)).toEqual([]);
    expect(schemaOnly(workflow({ parallelism: 2 ** 63 }), version)).toEqual([expect.stringMatching(/outside the int64 range/)]);
  });

  test('CronWorkflow startingDeadlineSeconds must be an integer', () => {
    const cron = { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'c' },
      spec: { schedules: ['0 * * * *'], startingDeadlineSeconds: 0.5, workflowSpec: workflow({}).spec } };
    expect(schemaOnly(cron, version)).toEqual([
      expect.stringMatching(/^spec\.startingDeadlineSeconds: must be an integer, got number 0\.5/),
    ]);
  });
});

describe('integers of core Kubernetes kinds (the Events schema\'s definitions)', () => {
  const deployment = (replicas: number) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
    spec: { replicas, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
  });

  test('replicas is an int32: 3 passes, 2.5 and 3e9 are refused', () => {
    expect(schemaOnly(deployment(3))).toEqual([]);
    expect(schemaOnly(deployment(2.5))).toEqual([expect.stringMatching(/^spec\.replicas: must be an integer, got number 2\.5/)]);
    expect(schemaOnly(deployment(3e9))).toEqual([expect.stringMatching(/^spec\.replicas: 3000000000 is outside the int32 range/)]);
  });

  test('a Quantity is any finite number or a string: cpu 0.5 passes', () => {
    const pod = (cpu: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36', resources: { requests: { cpu } } }] } });
    expect(schemaOnly(pod(0.5))).toEqual([]);
    expect(schemaOnly(pod('500m'))).toEqual([]);
    expect(schemaOnly(pod(true))).toEqual([expect.stringMatching(/^spec\.containers\[0\]\.resources\.requests\.cpu: must be a number or a string, got boolean true/)]);
  });
});

describe('NaN and Infinity are refused anywhere: JSON cannot carry them', () => {
  test.each([['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]])('%s in a typed field, a string field and a field the schema leaves open', (_name, value) => {
    const found = schemaOnly(workflow({ parallelism: value, arguments: { parameters: [{ name: 'p', value }] } }, {
      container: { image: 'busybox:1.36', env: [{ name: 'A', value }] },
      plugin: { anything: { deep: [value] } },
    }));
    const nan = found.filter(f => /JSON has no NaN or Infinity/.test(f));
    expect(nan.map(f => f.split(':')[0]).sort()).toEqual([
      'spec.arguments.parameters[0].value', 'spec.parallelism', 'spec.templates[0].container.env[0].value', 'spec.templates[0].plugin.anything.deep[0]',
    ]);
  });

  test('YAML\'s .nan and .inf never reach the schema check: the loader refuses them at their line and column', () => {
    const parsed = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {a: .nan}\ndata: {b: .inf}\n', 'nan.yaml');
    expect(parsed.manifests).toEqual([]);
    expect(parsed.problems.map(p => [p.line, p.column, p.message.replace(/,.*/, '')])).toEqual([[5, 15, '".nan" is read as NaN']]);
  });
});

describe.each(VERSIONS)('AnyString fields take YAML numbers and booleans (Argo Workflows %s)', version => {
  const parameter = (p: object) => workflow({ arguments: { parameters: [{ name: 'p', ...p }] } }, { inputs: { parameters: [{ name: 'q', ...p }] } });

  test.each([
    ['value', { value: 3 }], ['value', { value: 2.5 }], ['default', { default: true }], ['enum', { value: 1, enum: [1, 2, 'three', false] }],
    ['description', { description: 42 }], ['valueFrom.default', { valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, default: 0 } }],
  ])('%s', (_field, p) => {
    expect(schemaOnly(parameter(p), version)).toEqual([]);
  });

  test('an object or a list is still refused (AnyString decodes it to an empty string: the value is lost)', () => {
    expect(schemaOnly(parameter({ value: { a: 1 } }), version).sort()).toEqual(['spec.arguments.parameters[0].value: must be a string or a number or a boolean, got an object',
      'spec.templates[0].inputs.parameters[0].value: must be a string or a number or a boolean, got an object']);
  });

  test('other string fields still refuse numbers, and say how to write them', () => {
    expect(schemaOnly(workflow({}, { container: { image: 'busybox:1.36', args: ['exit', 1] } }), version)).toEqual([
      'spec.templates[0].container.args[1]: must be a string, got number 1: YAML reads it as a number and kubectl sends it as one where Kubernetes and Argo read a string. Quote it: "1"',
    ]);
  });
});
