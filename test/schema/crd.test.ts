import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { lint } from '../../src/lint';
import { celProgram, evaluateCel, toCel } from '../../src/schema/cel';
import { checkCrdConstraint } from '../../src/schema/crd-check';
import { CrdConstraint, CrdConstraints, deriveCrdConstraints } from '../../src/schema/crd-constraints';
import { CrdSchemaNode } from '../../src/schema/crd-document';
import { CRD_RULE_ID, validateManifest, ValidateOptions } from '../../src/schema/validator';
import { describeUpstream, UPSTREAM_DIR } from '../support/upstream';

const EMBEDDED: CrdConstraints = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'crd-workflows-v4.1.2.json'), 'utf8'));
const PRODUCT = 'Argo Workflows v4.1.2\'s full CRDs';

const workflow = (templates: object[], spec: object = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'crd-' },
  spec: { entrypoint: 'main', templates, ...spec },
});
const image = { image: 'busybox:1.36' };
const leaf = (extra: object = {}) => ({ name: 'main', container: image, ...extra });
const dag = (tasks: object[]) => workflow([{ name: 'main', dag: { tasks } }, { name: 'echo', container: image }]);

/** `path: message` of the CRD findings. */
function crdFindings(manifest: object, options: ValidateOptions = {}): string[] {
  return validateManifest(manifest, options).filter(v => v.ruleId === CRD_RULE_ID).map(v => `${v.path}: ${v.message}`);
}

interface RuleCase {
  readonly anchor: string;
  readonly message: string;
  /** Breaks the rule at `path`. */
  readonly reject: object;
  readonly path: string;
  /** The same object with the rule holding. */
  readonly accept: object;
}

/** One reject and one accept case per CEL rule of the full CRDs, written from the rule's expression. */
const RULE_CASES: readonly RuleCase[] = [
  {
    anchor: 'io.argoproj.workflow.v1alpha1.Artifact', message: 'at most one artifact location can be specified',
    reject: workflow([leaf({ inputs: { artifacts: [{ name: 'a', path: '/a', s3: { key: 'k' }, git: { repo: 'https://x/y.git' } }] } })]),
    accept: workflow([leaf({ inputs: { artifacts: [{ name: 'a', path: '/a', s3: { key: 'k' } }] } })]),
    path: 'spec.templates[0].inputs.artifacts[0]',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.ArtifactLocation', message: 'at most one artifact location can be specified',
    reject: workflow([leaf({ archiveLocation: { s3: { key: 'k' }, gcs: { key: 'k' } } })]),
    accept: workflow([leaf({ archiveLocation: { gcs: { key: 'k' } } })]),
    path: 'spec.templates[0].archiveLocation',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.ArtifactPaths', message: 'at most one artifact location can be specified',
    reject: workflow([{ name: 'main', data: { source: { artifactPaths: { name: 'p', s3: { key: 'k' }, raw: { data: 'd' } } }, transformation: [] } }]),
    accept: workflow([{ name: 'main', data: { source: { artifactPaths: { name: 'p', s3: { key: 'k' } } }, transformation: [] } }]),
    path: 'spec.templates[0].data.source.artifactPaths',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.DAGTask', message: 'cannot use both \'depends\' and \'dependencies\'',
    reject: dag([{ name: 'a', template: 'echo' }, { name: 'b', template: 'echo', depends: 'a', dependencies: ['a'] }]),
    accept: dag([{ name: 'a', template: 'echo' }, { name: 'b', template: 'echo', depends: 'a' }]),
    path: 'spec.templates[0].dag.tasks[1]',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.DAGTask', message: 'cannot use \'continueOn\' when using \'depends\'',
    reject: dag([{ name: 'a', template: 'echo' }, { name: 'b', template: 'echo', depends: 'a', continueOn: { failed: true } }]),
    accept: dag([{ name: 'a', template: 'echo' }, { name: 'b', template: 'echo', dependencies: ['a'], continueOn: { failed: true } }]),
    path: 'spec.templates[0].dag.tasks[1]',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.DAGTask', message: 'task name cannot begin with a digit when using \'depends\' or \'dependencies\'',
    reject: dag([{ name: 'a', template: 'echo' }, { name: '2b', template: 'echo', depends: 'a' }]),
    accept: dag([{ name: 'a', template: 'echo' }, { name: 'b2', template: 'echo', depends: 'a' }]),
    path: 'spec.templates[0].dag.tasks[1]',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.Gauge', message: '\'resourcesDuration.*\' metrics cannot be used in real-time gauges',
    reject: workflow([leaf({ metrics: { prometheus: [{ name: 'cpu', help: 'h', gauge: { realtime: true, value: '{{resourcesDuration.cpu}}' } }] } })]),
    accept: workflow([leaf({ metrics: { prometheus: [{ name: 'cpu', help: 'h', gauge: { realtime: false, value: '{{resourcesDuration.cpu}}' } }] } })]),
    path: 'spec.templates[0].metrics.prometheus[0].gauge',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.ResourceTemplate', message: 'only one of manifest or manifestFrom can be specified',
    reject: workflow([{ name: 'main', inputs: { artifacts: [{ name: 'm', path: '/m', raw: { data: 'kind: ConfigMap' } }] },
      resource: { action: 'create', manifest: 'kind: ConfigMap', manifestFrom: { artifact: { name: 'm' } } } }]),
    accept: workflow([{ name: 'main', inputs: { artifacts: [{ name: 'm', path: '/m', raw: { data: 'kind: ConfigMap' } }] },
      resource: { action: 'create', manifestFrom: { artifact: { name: 'm' } } } }]),
    path: 'spec.templates[0].resource',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.Sequence', message: 'only one of count or end can be defined',
    reject: workflow([{ name: 'main', steps: [[{ name: 's', template: 'echo', withSequence: { count: '3', end: '5' } }]] }, { name: 'echo', container: image }]),
    accept: workflow([{ name: 'main', steps: [[{ name: 's', template: 'echo', withSequence: { start: '1', end: '5' } }]] }, { name: 'echo', container: image }]),
    path: 'spec.templates[0].steps[0][0].withSequence',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.WorkflowSpec/properties/templates', message: 'template must have at most one template type',
    reject: workflow([leaf({ script: { ...image, source: 'echo' } })]),
    accept: workflow([leaf()]),
    path: 'spec.templates',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.WorkflowSpec/properties/templates', message: 'timeout cannot be applied to steps or dag templates',
    reject: workflow([{ name: 'main', timeout: '1m', steps: [[{ name: 's', template: 'echo' }]] }, { name: 'echo', container: image }]),
    accept: workflow([{ name: 'main', steps: [[{ name: 's', template: 'echo' }]] }, { name: 'echo', container: image, timeout: '1m' }]),
    path: 'spec.templates',
  },
  {
    anchor: 'io.argoproj.workflow.v1alpha1.WorkflowSpec/properties/templates', message: 'activeDeadlineSeconds is only valid for leaf templates',
    reject: workflow([{ name: 'main', activeDeadlineSeconds: 60, dag: { tasks: [{ name: 'a', template: 'echo' }] } }, { name: 'echo', container: image }]),
    accept: workflow([{ name: 'main', dag: { tasks: [{ name: 'a', template: 'echo' }] } }, { name: 'echo', container: image, activeDeadlineSeconds: 60 }]),
    path: 'spec.templates',
  },
];

describe('the CEL rules of Argo Workflows v4.1.2\'s full CRDs (x-kubernetes-validations)', () => {
  test('every rule of the built-in data has a reject and an accept case here', () => {
    const rules = Object.entries(EMBEDDED.constraints).flatMap(([anchor, c]) => (c.rules ?? []).map(r => `${anchor} | ${r.message}`));
    expect(rules.sort()).toEqual(RULE_CASES.map(c => `${c.anchor} | ${c.message}`).sort());
  });

  describe.each(RULE_CASES.map(c => [c.message, c] as const))('%s', (_message, c) => {
    test('the breaking manifest is refused at the rule\'s node, quoting the rule\'s message', () => {
      expect(crdFindings(c.reject)).toEqual([expect.stringMatching(new RegExp(`^${escape(c.path)}: "${escape(c.message)}": the API server refuses the object on kubectl apply \\(${escape(PRODUCT)} check \`.+\` here\\)\\. Change the manifest so that the rule holds\\.$`))]);
    });

    test('the same manifest with the rule holding passes, and the whole linter has no CRD error on it', () => {
      expect(crdFindings(c.accept)).toEqual([]);
      expect(lint([c.accept]).filter(f => f.ruleId === CRD_RULE_ID)).toEqual([]);
    });
  });
});

describe('structural constraints of the full CRDs', () => {
  test('minimum: parallelism -3 (spec and template), startingDeadlineSeconds -1', () => {
    expect(crdFindings(workflow([leaf(), { name: 'p', parallelism: 0, steps: [[{ name: 's', template: 'main' }]] }], { parallelism: -3 })).sort()).toEqual([
      `spec.parallelism: must be at least 1 in ${PRODUCT}: the API server refuses -3 on kubectl apply ("should be greater than or equal to 1").`,
      `spec.templates[1].parallelism: must be at least 1 in ${PRODUCT}: the API server refuses 0 on kubectl apply ("should be greater than or equal to 1").`,
    ]);
    const cron = { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'c' },
      spec: { schedules: ['0 * * * *'], startingDeadlineSeconds: -1, workflowSpec: workflow([leaf()]).spec } };
    expect(crdFindings(cron)).toEqual([expect.stringMatching(/^spec\.startingDeadlineSeconds: must be at least 0 /)]);
  });

  test('maxItems: 200 templates pass, 201 are refused (with what to do)', () => {
    const many = (n: number) => workflow(Array.from({ length: n }, (_, i) => ({ name: i ? `t${i}` : 'main', container: image })));
    expect(crdFindings(many(200))).toEqual([]);
    expect(crdFindings(many(201))).toEqual([`spec.templates: holds 201 items: at most 200 are allowed in ${PRODUCT}: the API server refuses the object on kubectl apply `
      + '("Too many: 201: must have at most 200 items"). To stay under the limit, move templates to WorkflowTemplates the workflow calls through templateRef.']);
  });

  test('minItems, maxLength and pattern: empty steps, a 129-character template name, a template name with an underscore', () => {
    expect(crdFindings(workflow([{ name: 'main', steps: [] }]))).toEqual([expect.stringMatching(/^spec\.templates\[0\]\.steps: must hold at least 1 item in /)]);
    expect(crdFindings(workflow([leaf({ name: 'm'.repeat(129) })], { entrypoint: 'm'.repeat(129) }))).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.name: is 129 characters long: at most 128 are allowed in .*"Too long: may not be more than 128 bytes"/),
    ]);
    expect(crdFindings(workflow([leaf({ name: 'main_1' })], { entrypoint: 'main_1' }))).toEqual([
      `spec.templates[0].name: must match ^[a-zA-Z0-9][-a-zA-Z0-9]*$ in ${PRODUCT}: the API server refuses "main_1" on kubectl apply ("should match '^[a-zA-Z0-9][-a-zA-Z0-9]*$'").`,
    ]);
  });

  test('enum: retryPolicy "" (validate.go accepts it, the CRD does not) and a templated resource action', () => {
    expect(crdFindings(workflow([leaf({ retryStrategy: { retryPolicy: '' } })]))).toEqual([
      `spec.templates[0].retryStrategy.retryPolicy: must be one of "Always", "OnFailure", "OnError", "OnTransientError" in ${PRODUCT}: `
        + 'the API server refuses "" on kubectl apply ("Unsupported value: """). Leave the field out instead of setting it empty.',
    ]);
    expect(crdFindings(workflow([{ name: 'main', resource: { action: '{{inputs.parameters.a}}', manifest: 'x' } }]))).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.resource\.action: must be one of .* A \{\{\.\.\.\}\} variable cannot stand here with the full CRDs/),
    ]);
  });

  test('required: a gauge without realtime; narrower types: a parameter value 3 and a Workflow cpu 0.5 (a Pod takes it)', () => {
    expect(crdFindings(workflow([leaf({ metrics: { prometheus: [{ name: 'm', help: 'h', gauge: { value: '1' } }] } })]))).toEqual([
      `spec.templates[0].metrics.prometheus[0].gauge.realtime: required in ${PRODUCT}: the API server refuses the object without it on kubectl apply ("Required value"), `
        + 'although Argo\'s own validation lets it pass. Set it (realtime: false is what Argo assumes without it).',
    ]);
    expect(crdFindings(workflow([leaf()], { arguments: { parameters: [{ name: 'p', value: 3 }] } }))).toEqual([
      `spec.arguments.parameters[0].value: must be a string in ${PRODUCT}: the API server refuses number 3 on kubectl apply ("must be of type string"), `
        + 'although the field\'s Go type reads it. Quote it: "3".',
    ]);
    expect(crdFindings(workflow([leaf({ container: { ...image, resources: { requests: { cpu: 0.5, memory: 1024 } } } })]))).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.container\.resources\.requests\.cpu: must be an integer or a string in .*Quote it: "0\.5"\.$/),
    ]);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', ...image, resources: { requests: { cpu: 0.5 } } }] } };
    expect(validateManifest(pod)).toEqual([]);
  });

  test('a quantity string must match Kubernetes\' quantity syntax, which a {{...}} parameter does not', () => {
    expect(crdFindings(workflow([leaf({ container: { ...image, resources: { limits: { memory: '1Gi', cpu: '{{inputs.parameters.cpu}}' } } } })]))).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.container\.resources\.limits\.cpu: must match .* A \{\{\.\.\.\}\} variable cannot stand here with the full CRDs/),
    ]);
  });

  test('format byte: an HTTP template body that is not base64', () => {
    const http = (bytes: string) => workflow([{ name: 'main', http: { url: 'https://example.com', bodyFrom: { bytes } } }]);
    expect(crdFindings(http('aGVsbG8='))).toEqual([]);
    expect(crdFindings(http('hello world'))).toEqual([expect.stringMatching(/^spec\.templates\[0\]\.http\.bodyFrom\.bytes: must be base64-encoded data in /)]);
  });
});

describe('where the CRD check applies', () => {
  const broken = workflow([leaf()], { parallelism: -3 });

  test('only to Argo Workflows v4.1.2 (v3.7.18 has no full CRDs pinned) and only when asked (crd: false)', () => {
    expect(crdFindings(broken)).toHaveLength(1);
    expect(crdFindings(broken, { workflowsVersion: 'v3.7.18' })).toEqual([]);
    expect(crdFindings(broken, { crd: false })).toEqual([]);
  });

  test('the linter reports them as rule CRD (errors), filtered by `only` and turned off by `crd: false`', () => {
    expect(lint([broken]).filter(f => f.ruleId === CRD_RULE_ID).map(f => `${f.severity} ${f.path}`)).toEqual(['error spec.parallelism']);
    expect(lint([broken], { only: ['SCHEMA'] })).toEqual([]);
    expect(lint([broken], { only: ['CRD'] }).map(f => f.ruleId)).toEqual(['CRD']);
    expect(lint([broken], { crd: false }).filter(f => f.ruleId === CRD_RULE_ID)).toEqual([]);
    expect(lint([broken], { schema: false }).filter(f => f.ruleId === CRD_RULE_ID)).toEqual([]);
  });

  test('only to the kinds whose CRD is pinned: a WorkflowEventBinding is not checked', () => {
    const binding = { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowEventBinding', metadata: { name: 'b' },
      spec: { event: { selector: 'true' }, submit: { workflowTemplateRef: { name: 'w' }, arguments: { parameters: [{ name: 'p', value: 3 }] } } } };
    expect(validateManifest(binding)).toEqual([]);
  });

  test('not in metadata nor status (Kubernetes checks metadata itself; a create ignores status)', () => {
    const withStatus = { ...workflow([leaf()]), status: { phase: 'Running', nodes: { n: { id: 'n', name: 'n', type: 'Pod', inputs: { parameters: [{ name: 'p', value: 3 }] } } } } };
    expect(crdFindings(withStatus)).toEqual([]);
  });

  test('not inside what the CRD keeps open: an inline template (W9 still reports the two template types)', () => {
    const inline = workflow([{ name: 'main', steps: [[{ name: 's', inline: { container: image, script: { ...image, source: 'x' }, parallelism: -1 } }]] }]);
    expect(crdFindings(inline)).toEqual([]);
    expect(lint([inline]).filter(f => f.severity === 'error').map(f => f.ruleId)).toContain('W9');
  });
});

describe('deriving the constraints from CRDs', () => {
  const definitions = {
    'x.Root': { type: 'object', properties: { metadata: { type: 'object' }, spec: { $ref: '#/definitions/x.Spec' } }, additionalProperties: false },
    'x.Spec': { type: 'object', properties: { a: { $ref: '#/definitions/x.Item' }, b: { $ref: '#/definitions/x.Item' }, n: { type: 'integer' } }, additionalProperties: false },
    'x.Item': { type: 'object', properties: { v: { type: 'string' } }, additionalProperties: false },
  } as const;
  const crd = (spec: CrdSchemaNode) => ({
    kind: 'CustomResourceDefinition', metadata: { name: 'roots.x' },
    spec: { names: { kind: 'Root' }, versions: [{ name: 'v1alpha1', schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } }] },
  });
  const derive = (spec: CrdSchemaNode) => deriveCrdConstraints([crd(spec)], definitions, { Root: 'x.Root' });
  const item = (extra: object = {}) => ({ type: 'object', properties: { v: { type: 'string' } }, ...extra });

  test('a constraint every use of a definition shares goes to the definition; one that differs goes to the field holding it', () => {
    const shared = derive({ type: 'object', properties: { a: item({ required: ['v'] }), b: item({ required: ['v'] }), n: { type: 'integer', minimum: 1 } } });
    expect(shared.constraints).toEqual({ 'x.Item': { required: ['v'] }, 'x.Spec/properties/n': { minimum: 1 } });
    const differing = derive({ type: 'object', properties: { a: item({ required: ['v'] }), b: item() } });
    expect(differing.constraints).toEqual({ 'x.Spec/properties/a': { required: ['v'] } });
  });

  test('transition rules (oldSelf) are left out and counted: a create has no old object', () => {
    const rules = [{ rule: 'self.v == oldSelf.v', message: 'immutable' }, { rule: 'size(self.v) > 0', message: 'empty' }];
    const derived = derive({ type: 'object', properties: { a: item({ 'x-kubernetes-validations': rules }), b: item({ 'x-kubernetes-validations': rules }) } });
    expect(derived.constraints).toEqual({ 'x.Item': { rules: [{ rule: 'size(self.v) > 0', message: 'empty' }] } });
    expect(derived.transitionRules).toBe(2);
  });

  test('a keyword it does not check, or a field the schema lacks, stops the derivation', () => {
    expect(() => derive({ type: 'object', properties: { n: { type: 'integer', multipleOf: 2 } } })).toThrow(/CRD keyword "multipleOf" is not checked/);
    expect(() => derive({ type: 'object', properties: { extra: { type: 'string' } } })).toThrow(/Root\.spec\.extra: the CRD has a field the schema does not know/);
    expect(() => derive({ type: 'object', properties: { n: { type: 'integer', items: { type: 'string', maxLength: 3 } } } })).toThrow(/describes list items the schema does not/);
    expect(() => derive({ type: 'object', properties: { a: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, required: ['v'] } } }))
      .toThrow(/keeps unknown fields here and also constrains the node/);
  });

  test('fields where the CRD preserves unknown fields are recorded as unchecked', () => {
    expect(derive({ type: 'object', properties: { a: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }).opaque).toEqual(['x.Spec/properties/a']);
  });
});

describeUpstream('CRD constraints from ARGO_SCHEMA_DIR', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach(dir => rmSync(dir, { recursive: true, force: true })));
  const copy = (edit?: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-crds-'));
    temps.push(dir);
    cpSync(UPSTREAM_DIR, dir, { recursive: true, filter: src => !src.includes('examples') });
    edit?.(dir);
    return dir;
  };
  const withDir = <T>(dir: string, body: () => T): T => {
    const saved = process.env.ARGO_SCHEMA_DIR;
    process.env.ARGO_SCHEMA_DIR = dir;
    try {
      return body();
    } finally {
      if (saved === undefined) delete process.env.ARGO_SCHEMA_DIR;
      else process.env.ARGO_SCHEMA_DIR = saved;
    }
  };
  const parallelism = (n: number) => workflow([leaf()], { parallelism: n });

  test('a directory holding the pinned files gives the built-in constraints (recognized by digest, not read again)', () => {
    const broken = workflow([leaf({ retryStrategy: { retryPolicy: '' } })], { parallelism: -3 });
    expect(withDir(copy(), () => crdFindings(broken))).toEqual(crdFindings(broken));
    expect(crdFindings(broken)).toHaveLength(2);
  });

  test('changed CRDs are read and derived: a minimum raised to 5 is checked', () => {
    const dir = copy(d => {
      const folder = join(d, 'workflows-v4.1.2', 'crds-full');
      for (const file of readdirSync(folder)) {
        const text = readFileSync(join(folder, file), 'utf8');
        writeFileSync(join(folder, file), text.replace(/(execute at the same time in a workflow\n\s+format: int64\n\s+minimum: )1/g, '$15'));
      }
    });
    expect(withDir(dir, () => crdFindings(parallelism(3)))).toEqual([expect.stringMatching(/^spec\.parallelism: must be at least 5 in /)]);
    expect(crdFindings(parallelism(3))).toEqual([]);
  });

  test('a directory without the full CRDs checks none (it replaces the built-in data as a whole)', () => {
    const dir = copy(d => rmSync(join(d, 'workflows-v4.1.2', 'crds-full'), { recursive: true }));
    expect(withDir(dir, () => crdFindings(parallelism(-3)))).toEqual([]);
  });
});

describe('CEL evaluation', () => {
  const check = (value: unknown, c: CrdConstraint) => {
    const out: string[] = [];
    checkCrdConstraint(value, c, {}, 'spec.x', 'Test CRDs', (path, message, severity) => out.push(`${severity ?? 'error'} ${path}: ${message}`));
    return out;
  };

  test('integers are CEL ints, null fields are absent, object keys stay keys', () => {
    expect(evaluateCel('self.n + 1 == 4 && !has(self.gone) && has(self.constructor)', toCel(JSON.parse('{"n":3,"gone":null,"constructor":"x"}')))).toBe(true);
    expect(evaluateCel('self.f > 1.0', toCel({ f: 1.5 }))).toBe(true);
  });

  test('messageExpression and fieldPath shape the finding as the API server reports it', () => {
    expect(check({ a: { b: 1 } }, { rules: [{ rule: 'self.a.b > 1', messageExpression: '"b is " + string(self.a.b)', fieldPath: '.a.b' }] }))
      .toEqual([expect.stringMatching(/^error spec\.x\.a\.b: "b is 1": the API server refuses/)]);
    expect(check({}, { rules: [{ rule: 'false' }] })).toEqual([expect.stringMatching(/^error spec\.x: "failed rule: false"/)]);
  });

  test('a rule that cannot be evaluated or returns no boolean is a warning, not a verdict', () => {
    expect(check({}, { rules: [{ rule: 'self.missing == 1' }] })).toEqual([expect.stringMatching(/^warning spec\.x: could not evaluate the rule `self\.missing == 1` of Test CRDs here/)]);
    expect(check({ s: 'x' }, { rules: [{ rule: 'self.s' }] })).toEqual([expect.stringMatching(/^warning spec\.x: the rule `self\.s` of Test CRDs evaluated to x, not a boolean/)]);
  });

  test('an expression using a function the evaluator lacks fails to compile (npm run import stops on it)', () => {
    expect(() => celProgram('self.isSorted()')).toThrow(/no matching overload/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
