import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { drift, readPinnedInputs } from '../../src/codegen/import';
import { generateSchemaFiles } from '../../src/codegen/schema-files';
import { SCHEMA_IDS, SCHEMA_SOURCES } from '../../src/schema/argo-schema';
import { compactSchema } from '../../src/schema/compact';
import { ManifestValidator, validateManifest } from '../../src/schema/validator';
import { describeUpstream, UPSTREAM_DIR, upstreamPath } from '../support/upstream';

const repoRoot = join(__dirname, '..', '..');
const temps: string[] = [];
afterAll(() => temps.forEach(dir => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-schemas-'));
  temps.push(dir);
  return dir;
}

function withSchemaDir<T>(dir: string | undefined, body: () => T): T {
  const saved = process.env.ARGO_SCHEMA_DIR;
  if (dir === undefined) delete process.env.ARGO_SCHEMA_DIR;
  else process.env.ARGO_SCHEMA_DIR = dir;
  try {
    return body();
  } finally {
    if (saved === undefined) delete process.env.ARGO_SCHEMA_DIR;
    else process.env.ARGO_SCHEMA_DIR = saved;
  }
}

const CONFIG_MAP = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'env' }, data: { A: 'b' } };

describeUpstream('schemas/ (the validation data the package ships)', () => {
  const { docs, crds } = readPinnedInputs(UPSTREAM_DIR);
  const license = readFileSync(upstreamPath('LICENSE'), 'utf8');
  const generated = generateSchemaFiles(docs, license, crds);

  test('is exactly what the pinned schemas generate (run `npm run import` after changing the generator or the quirks)', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'schemas/LICENSE', 'schemas/README.md', 'schemas/crd-workflows-v4.1.2.json', 'schemas/events-v1.9.11.json', 'schemas/kinds.json',
      'schemas/workflows-v3.7.18.json', 'schemas/workflows-v4.1.2.json',
    ]);
    expect(drift(generated, repoRoot)).toEqual([]);
  });

  test('generation is deterministic, byte for byte', () => {
    expect(generateSchemaFiles(docs, license, crds)).toEqual(generated);
  });

  test('ships Argo\'s license text unchanged and says where each schema comes from', () => {
    expect(generated['schemas/LICENSE']).toBe(license);
    expect(license).toMatch(/Apache License\s+Version 2\.0/);
    for (const id of SCHEMA_IDS) {
      const { tag, commit, repository } = SCHEMA_SOURCES[id];
      expect(generated['schemas/README.md']).toContain(`| \`${id}.json\` | ${SCHEMA_SOURCES[id].title} | ${repository} | ${tag} | ${commit} |`);
      expect(JSON.parse(generated[`schemas/${id}.json`]).$comment).toContain('Apache License 2.0');
    }
  });

  test('the built-in data validates exactly as the full schemas read from ARGO_SCHEMA_DIR', () => {
    const broken = { ...CONFIG_MAP, data: { A: 1 }, immutable: 'yes', extra: true };
    const embedded = withSchemaDir(undefined, () => validateManifest(broken));
    expect(embedded.map(v => v.path)).toEqual(['data.A', 'immutable', 'extra']);
    expect(withSchemaDir(UPSTREAM_DIR, () => validateManifest(broken))).toEqual(embedded);
  });

  test('ARGO_SCHEMA_DIR overrides the built-in data: a changed schema changes the check', () => {
    const dir = tempDir();
    cpSync(UPSTREAM_DIR, dir, { recursive: true, filter: src => !src.includes('examples') && !src.includes('crds') });
    const file = join(dir, 'events-v1.9.11', 'schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    delete schema.definitions['io.k8s.api.core.v1.ConfigMap'].properties.immutable;
    writeFileSync(file, JSON.stringify(schema));
    const manifest = { ...CONFIG_MAP, immutable: true };
    expect(withSchemaDir(undefined, () => validateManifest(manifest))).toEqual([]);
    expect(withSchemaDir(dir, () => validateManifest(manifest))).toEqual([{ path: 'immutable', message: 'unknown field "immutable"' }]);
  });

  test('keeps only the checked keywords and the definitions reachable from the kinds', () => {
    const compact = compactSchema(docs['workflows-v4.1.2'], SCHEMA_SOURCES['workflows-v4.1.2']);
    expect(Object.keys(compact.kinds)).toEqual([
      'argoproj.io/v1alpha1/ClusterWorkflowTemplate', 'argoproj.io/v1alpha1/CronWorkflow', 'argoproj.io/v1alpha1/Workflow',
      'argoproj.io/v1alpha1/WorkflowEventBinding', 'argoproj.io/v1alpha1/WorkflowTemplate',
    ]);
    const keywords = new Set<string>();
    const visit = (node: any): void => {
      for (const [keyword, value] of Object.entries(node)) {
        keywords.add(keyword);
        if (keyword === 'properties') Object.values(value as object).forEach(visit);
        else if (keyword === 'items' || (keyword === 'additionalProperties' && typeof value === 'object')) visit(value);
      }
    };
    Object.values(compact.definitions).forEach(visit);
    expect([...keywords].sort()).toEqual(['$ref', 'additionalProperties', 'const', 'format', 'items', 'properties', 'required', 'type']);
    // `description` stays where it is a field name (a parameter's description), not a keyword.
    expect(Object.keys(compact.definitions['io.argoproj.workflow.v1alpha1.Parameter'].properties!)).toContain('description');
    expect(Object.keys(compact.definitions).length).toBeLessThan(Object.keys(docs['workflows-v4.1.2'].definitions).length);
    expect(compact.definitions['io.argoproj.workflow.v1alpha1.RetryStrategy'].properties!.limit).toEqual({ $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' });
    expect(compact.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({ type: ['integer', 'string'], format: 'int32' });
    expect(compact.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity']).toEqual({ type: ['number', 'string'] });
  });
});

describe('compaction', () => {
  const source = SCHEMA_SOURCES['events-v1.9.11'];
  const doc = (extra: object) => ({
    definitions: {
      'io.k8s.api.core.v1.Thing': {
        'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Thing' }],
        'properties': { metadata: { type: 'object' }, size: { type: 'integer', ...extra } },
      },
    },
  });

  test('refuses a keyword the validator would silently skip, so a newer schema cannot lose a check', () => {
    expect(() => compactSchema(doc({ minimum: 1 }), source)).toThrow(/keyword "minimum" is neither checked by the validator nor known to be documentation/);
    expect(compactSchema(doc({ description: 'ok', format: 'int32' }), source).definitions).toEqual({
      'io.k8s.api.core.v1.Thing': { properties: { metadata: { type: 'object' }, size: { type: 'integer', format: 'int32' } }, additionalProperties: false },
    });
    // A format on a string is a hint for Go, not a range: dropped.
    expect(compactSchema(doc({ type: 'string', format: 'byte' }), source).definitions['io.k8s.api.core.v1.Thing'].properties!.size).toEqual({ type: 'string' });
  });

  test('a missing $ref target is an error naming the schema', () => {
    expect(() => compactSchema(doc({ $ref: '#/definitions/Nope' }), source)).toThrow(/Argo Events v1\.9\.11: \$ref to a missing definition Nope/);
  });
});

describe('drift check (`npm run import -- --check`)', () => {
  test('lists changed, missing and stale files of the generated folders', () => {
    const root = tempDir();
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas', 'a.json'), '{}\n');
    writeFileSync(join(root, 'schemas', 'b.json'), '{"changed":1}\n');
    writeFileSync(join(root, 'schemas', 'old.json'), '{}\n');
    expect(drift({ 'schemas/a.json': '{}\n', 'schemas/b.json': '{}\n', 'schemas/c.json': '{}\n' }, root))
      .toEqual(['schemas/b.json', 'schemas/c.json', 'schemas/old.json']);
    expect(drift({ 'schemas/a.json': '{}\n' }, root)).toEqual(['schemas/b.json', 'schemas/old.json']);
  });
});

describe('schema source', () => {
  test('without ARGO_SCHEMA_DIR the built-in data is used: no directory, no network', () => {
    expect(withSchemaDir(undefined, () => validateManifest(CONFIG_MAP))).toEqual([]);
  });

  test('an ARGO_SCHEMA_DIR without the schemas fails with the file it looked for and how to fix it', () => {
    const dir = tempDir();
    expect(() => withSchemaDir(dir, () => ManifestValidator.get().validate(CONFIG_MAP)))
      .toThrow(`${join(dir, 'events-v1.9.11', 'schema.json')} does not exist`);
    expect(() => withSchemaDir(dir, () => validateManifest(CONFIG_MAP))).toThrow(/unset it to use the schemas built into cdk8s-argo/);
  });

  test('loads lazily from the compiled package: nothing on require, each schema on the first manifest of its kinds, the CEL library on the first rule the compiled rules leave to it', () => {
    // A fresh process on lib/ (as installed): which files of schemas/ (and which CEL library) does each step read?
    const script = `
      const fs = require('fs');
      const Module = require('module');
      const read = fs.readFileSync;
      const seen = [];
      fs.readFileSync = function (path, ...rest) {
        if (String(path).includes('${join('', 'schemas', '')}')) seen.push(require('path').basename(String(path)));
        return read.call(this, path, ...rest);
      };
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === '@marcbachmann/cel-js') seen.push('cel-js');
        return load.call(this, request, ...rest);
      };
      const step = (name, fn) => { seen.length = 0; fn(); console.log(name + ': ' + seen.join(' ')); };
      let lib;
      step('require', () => { lib = require(${JSON.stringify(join(repoRoot, 'lib', 'src', 'index.js'))}); });
      step('WorkflowTemplate', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' }, spec: {} }));
      step('another', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'c' }, spec: { schedules: ['* * * * *'], workflowSpec: {} } }));
      step('ConfigMap', () => lib.validateManifest(${JSON.stringify(CONFIG_MAP)}));
      step('CEL rule', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' }, spec: { templates: [{ name: 'm', suspend: {} }] } }));
      // A number where the rule compares text: the compiled rule cannot decide, the evaluator does.
      step('CEL undecided', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' }, spec: { templates: [{ name: 'm', suspend: {}, timeout: 5 }] } }));
      step('again', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'w' }, spec: { templates: [{ name: 'm', suspend: {} }] } }));
      step('v3.7', () => lib.validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'w' }, spec: {} }, { workflowsVersion: 'v3.7.18' }));
    `;
    const env = { ...process.env };
    delete env.ARGO_SCHEMA_DIR;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      'require: ',
      'WorkflowTemplate: kinds.json workflows-v4.1.2.json crd-workflows-v4.1.2.json',
      'another: ',
      'ConfigMap: events-v1.9.11.json',
      'CEL rule: ',
      'CEL undecided: cel-js',
      'again: ',
      'v3.7: workflows-v3.7.18.json',
    ]);
  });
});
