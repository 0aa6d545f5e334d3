/**
 * The package's entries run their bundles through V8's code cache (src/core/code-cache.ts, the
 * loaders scripts/bundle.js writes): a first process writes the cache into the node_modules the
 * package sits in, later ones start from it; a changed bundle, a corrupt or unwritable cache, no
 * node_modules, another realm (jest's) and CDK8S_ARGO_CODE_CACHE=0 all run the same code.
 * A small bundle stands in for the library's, laid out as an installed package.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loader } = require(join(root, 'scripts', 'bundle.js')) as { loader: (code: string, buildId: string) => string };

const DEMO = `'use strict';
exports.answer = function answer(x) { return require('path').basename(__dirname) + ':' + (x * 2); };
exports.fail = function fail() { throw new TypeError('demo failure'); };
`;

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'code-cache-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** An installed package `demo` holding the bundle: <project>/node_modules/demo/lib/bundle. */
function installedBundle(project = work, code = DEMO): string {
  const bundle = join(project, 'node_modules', 'demo', 'lib', 'bundle');
  mkdirSync(bundle, { recursive: true });
  copyFileSync(join(root, 'lib', 'bundle', 'code-cache.js'), join(bundle, 'code-cache.js'));
  writeFileSync(join(bundle, 'demo.code.js'), code);
  writeFileSync(join(bundle, 'demo.js'), loader('demo.code.js', 'build1'));
  return bundle;
}

/** Requires the entry in a fresh process: its answer, and whether the bundle went through require() (no cache). */
function run(entry: string, env: NodeJS.ProcessEnv = {}): { answer: string; required: boolean } {
  const script = `
    const m = require(${JSON.stringify(entry)});
    let error; try { m.fail(); } catch (e) { error = e instanceof TypeError && e.message; }
    process.stdout.write(JSON.stringify({ answer: m.answer(21) + ' ' + error, required: Object.keys(require.cache).some(f => f.endsWith('demo.code.js')) }));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, CDK8S_ARGO_CODE_CACHE: '', ...env } });
  if (result.status !== 0) throw new Error(`node exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function cacheFiles(project = work): string[] {
  const dir = join(project, 'node_modules', '.cache', 'cdk8s-argo');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe('the code cache of the package entries', () => {
  test('the first process writes the cache into the project\'s node_modules, the next starts from it without writing it again', () => {
    const bundle = installedBundle();
    expect(run(join(bundle, 'demo.js'))).toEqual({ answer: 'bundle:42 demo failure', required: false });
    const files = cacheFiles();
    expect(files).toEqual([expect.stringMatching(/^demo-[0-9a-f]{8}-build1-\d+-\d+-.+\.cache$/)]);
    const cache = join(work, 'node_modules', '.cache', 'cdk8s-argo', files[0]);
    const written = statSync(cache).mtimeMs;
    const bytes = readFileSync(cache);
    expect(bytes.length).toBeGreaterThan(0);

    expect(run(join(bundle, 'demo.js'))).toEqual({ answer: 'bundle:42 demo failure', required: false });
    expect(cacheFiles()).toEqual(files);
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(readFileSync(cache).equals(bytes)).toBe(true);
  });

  test('a changed bundle gets a cache of its own and the old one is removed; the new code runs', () => {
    const bundle = installedBundle();
    run(join(bundle, 'demo.js'));
    const before = cacheFiles();
    // Same length, other code: V8 alone would not notice (its check of the source is its length).
    writeFileSync(join(bundle, 'demo.code.js'), DEMO.replace('x * 2', 'x * 3'));
    expect(run(join(bundle, 'demo.js')).answer).toBe('bundle:63 demo failure');
    const after = cacheFiles();
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  test('a corrupt cache is rejected by V8 and written again; the code runs the same', () => {
    const bundle = installedBundle();
    run(join(bundle, 'demo.js'));
    const cache = join(work, 'node_modules', '.cache', 'cdk8s-argo', cacheFiles()[0]);
    writeFileSync(cache, 'not V8 code cache data');
    expect(run(join(bundle, 'demo.js'))).toEqual({ answer: 'bundle:42 demo failure', required: false });
    expect(readFileSync(cache, 'utf8')).not.toBe('not V8 code cache data');
  });

  test('where the cache cannot be written (node_modules/.cache is a file), the code runs and nothing is written', () => {
    const bundle = installedBundle();
    writeFileSync(join(work, 'node_modules', '.cache'), '');
    expect(run(join(bundle, 'demo.js'))).toEqual({ answer: 'bundle:42 demo failure', required: false });
    expect(run(join(bundle, 'demo.js')).answer).toBe('bundle:42 demo failure');
    expect(statSync(join(work, 'node_modules', '.cache')).isFile()).toBe(true);
  });

  test('without a node_modules folder (a repository copy without dependencies), the bundle is required as any module', () => {
    const bundle = join(work, 'copy', 'lib', 'bundle');
    mkdirSync(bundle, { recursive: true });
    copyFileSync(join(root, 'lib', 'bundle', 'code-cache.js'), join(bundle, 'code-cache.js'));
    writeFileSync(join(bundle, 'demo.code.js'), DEMO);
    writeFileSync(join(bundle, 'demo.js'), loader('demo.code.js', 'build1'));
    expect(run(join(bundle, 'demo.js'))).toEqual({ answer: 'bundle:42 demo failure', required: true });
    expect(readdirSync(join(work, 'copy'))).toEqual(['lib']);
  });

  test('two copies of the package in one node_modules keep a cache each: neither replaces the other\'s', () => {
    const installed = installedBundle();
    const nested = installedBundle(join(work, 'node_modules', 'tool'));
    run(join(installed, 'demo.js'));
    run(join(nested, 'demo.js'));
    expect(cacheFiles()).toHaveLength(2);
    const files = cacheFiles();
    run(join(installed, 'demo.js'));
    expect(cacheFiles()).toEqual(files);
  });

  test.each(['0', 'false', 'off', 'NO'])('CDK8S_ARGO_CODE_CACHE=%s turns it off: the bundle is required, no cache is written', setting => {
    const bundle = installedBundle();
    expect(run(join(bundle, 'demo.js'), { CDK8S_ARGO_CODE_CACHE: setting })).toEqual({ answer: 'bundle:42 demo failure', required: true });
    expect(cacheFiles()).toEqual([]);
  });

  test('an app bundled with esbuild (the bundler follows the entry\'s require of its bundle) runs from one file elsewhere', async () => {
    installedBundle();
    writeFileSync(join(work, 'node_modules', 'demo', 'package.json'), JSON.stringify({ name: 'demo', main: 'lib/bundle/demo.js' }));
    writeFileSync(join(work, 'app.js'), "process.stdout.write(String(require('demo').answer(21)));\n");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require('esbuild');
    const out = join(work, 'elsewhere', 'app.js');
    await build({ entryPoints: [join(work, 'app.js')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    rmSync(join(work, 'node_modules'), { recursive: true });
    const result = spawnSync(process.execPath, [out], { encoding: 'utf8', env: { ...process.env, CDK8S_ARGO_CODE_CACHE: '' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('elsewhere:42');
  });

  test('in another realm (jest runs this file in its own), the bundle is required there: its objects and errors are of that realm', () => {
    const bundle = installedBundle();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const demo = require(join(bundle, 'demo.js'));
    expect(demo.answer(1)).toBe('bundle:2');
    expect(() => demo.fail()).toThrow(TypeError);
    expect(cacheFiles()).toEqual([]);
  });

  test('the library\'s own entry, required in a jest test file, gives objects of the test\'s realm', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require(join(root, 'lib', 'bundle', 'index.js'));
    const findings = lib.lint([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'Bad' }, spec: {} }]);
    expect(Array.isArray(findings) && findings instanceof Array).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { App, Chart } = require('cdk8s');
    const template = new lib.WorkflowTemplate(new Chart(new App(), 'c'), 'w', { metadata: { name: 'w' } });
    template.addContainerTemplate('x', { image: 'busybox:1.36' });
    expect(() => template.addContainerTemplate('x', { image: 'busybox:1.36' })).toThrow(Error);
  });
});
