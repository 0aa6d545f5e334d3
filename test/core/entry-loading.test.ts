/**
 * What loading the package costs an app that only synthesizes (docs/architecture.md, "Lazy
 * loading"): the compiled entries, required in a fresh Node process as an installed package is,
 * load the contracts of the graph and the simulator (types, errors users `instanceof`, constants)
 * but not their implementations, nor the `yaml` package; the first call loads them.
 * lib/ is brought up to date by test/global-setup.js.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const lib = join(root, 'lib', 'src');

/** Modules of src/graph and src/simulate the entries may load: contracts, plus what src/lint uses. */
const CONTRACTS = [
  'graph/index.js', 'graph/model.js', 'graph/focus-error.js', 'graph/render/formats.js', 'graph/render/json-version.js',
  'simulate/index.js', 'simulate/types.js', 'simulate/simulation-input-error.js', 'simulate/cannot-simulate.js',
  // the text of a simulation (SensorSimulation of the ./jest entry prints it): no dependency of its own
  'simulate/format.js',
  // the sjson path setter src/lint's trigger rules share with the simulator (it loads cannot-simulate.js)
  'simulate/go/sjson.js',
];

interface Probe {
  /** Modules of lib/src loaded by requiring the entry, relative to lib/src. */
  readonly atLoad: string[];
  /** Whether the package's own `yaml` dependency was among them (cdk8s bundles its own copy). */
  readonly yamlAtLoad: boolean;
  /** Modules of lib/src loaded after the calls below. */
  readonly afterCalls: string[];
  readonly results: { readonly [check: string]: unknown };
}

/**
 * Requires `entry` (a file of lib/src) in a fresh process after running `setup`, then runs `calls`
 * (JS over `entry`, `lib`, `ours()`, `results`).
 */
function probe(entry: string, { setup = '', calls = '' } = {}): Probe {
  const script = `
    const { join, relative } = require('path');
    const lib = ${JSON.stringify(lib)};
    const yamlDir = join(require.resolve('yaml/package.json', { paths: [${JSON.stringify(root)}] }), '..') + '/';
    const ours = () => Object.keys(require.cache).filter(f => f.startsWith(lib + '/')).map(f => relative(lib, f)).sort();
    ${setup}
    const entry = require(join(lib, ${JSON.stringify(entry)}));
    const atLoad = ours();
    const yamlAtLoad = Object.keys(require.cache).some(f => f.startsWith(yamlDir));
    const results = {};
    ${calls}
    process.stdout.write(JSON.stringify({ atLoad, yamlAtLoad, afterCalls: ours(), results }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node exited with ${run.status ?? run.signal}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const implementationsIn = (modules: readonly string[]) =>
  modules.filter(m => /^(graph|simulate)\//.test(m) && !CONTRACTS.includes(m));

describe('loading the package entry', () => {
  test('the main entry loads no module of the graph builder, renderers or simulator, nor the yaml package', () => {
    const { atLoad, yamlAtLoad } = probe('index.js');
    expect(atLoad).toContain('graph/index.js');
    expect(atLoad).toContain('simulate/index.js');
    expect(implementationsIn(atLoad)).toEqual([]);
    expect(yamlAtLoad).toBe(false);
  });

  test('the ./jest entry (matchers) loads none of them either', () => {
    const { atLoad, yamlAtLoad } = probe('testing/jest.js', { setup: 'globalThis.expect = { extend() {} };' });
    expect(atLoad).toContain('testing/sensor-simulation.js');
    expect(implementationsIn(atLoad)).toEqual([]);
    expect(yamlAtLoad).toBe(false);
  });

  test('the first call of each function loads its implementation, and it works', () => {
    const { afterCalls, results } = probe('index.js', { calls: `
      const graph = entry.buildArgoGraph([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'hello' },
        spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } }]);
      results.afterBuild = ours();
      results.nodes = graph.nodes.map(n => n.id).sort();
      results.jsonVersion = [JSON.parse(entry.renderArgoGraph(graph, 'json')).version, entry.ARGO_GRAPH_JSON_VERSION];
      results.focused = entry.focusGraph(graph, ['hello']).nodes.length;
      const thrown = (f) => { try { f(); return 'nothing thrown'; } catch (e) { return e; } };
      const focusError = thrown(() => entry.focusGraph(graph, ['nope']));
      results.focusError = [focusError instanceof entry.ArgoGraphFocusError, focusError.message];
      const inputError = thrown(() => entry.simulateEvents([], [{ eventSourceName: 'hooks', eventName: 'push' }]));
      results.inputError = [inputError instanceof entry.SimulationInputError, inputError.message];
      // one class each, whichever module a caller takes it from (the CLI imports the simulator itself)
      results.sameClasses = [
        require(join(lib, 'simulate/simulate.js')).SimulationInputError === entry.SimulationInputError,
        require(join(lib, 'simulate/cannot-simulate.js')).CannotSimulate === entry.CannotSimulate,
      ];
    ` });
    const afterBuild = results.afterBuild as string[];
    expect(afterBuild).toEqual(expect.arrayContaining(['graph/build-graph.js', 'graph/builder.js', 'graph/focus.js']));
    expect(afterBuild).not.toContain('graph/render/index.js');
    expect(afterBuild).not.toContain('simulate/simulate.js');
    expect(afterCalls).toEqual(expect.arrayContaining(['graph/render/index.js', 'graph/render/json.js', 'simulate/simulate.js', 'simulate/sensor-run.js']));
    expect(results.nodes).toEqual(['WorkflowTemplate:hello', 'WorkflowTemplate:hello#template:main']);
    expect(results.jsonVersion).toEqual([1, 1]);
    expect(results.focused).toBe(2);
    expect(results.focusError).toEqual([true, expect.stringContaining('focus "nope" matches no node')]);
    expect(results.inputError).toEqual([true, expect.stringContaining('no EventSource named "hooks"')]);
    expect(results.sameClasses).toEqual([true, true]);
  });
});

describe('the bundles the package entries load (lib/bundle, scripts/bundle.js)', () => {
  /** Requires `file` of lib/bundle in a fresh process: which of our files and whether `yaml` got loaded, then `calls`' results. */
  function probeBundle(file: string, setup = '', calls = ''): { readonly ours: string[]; readonly yamlAtLoad: boolean; readonly results: { readonly [k: string]: unknown } } {
    const script = `
      const { join, relative } = require('path');
      const root = ${JSON.stringify(root)};
      const yamlDir = join(require.resolve('yaml/package.json', { paths: [root] }), '..') + '/';
      ${setup}
      const entry = require(join(root, 'lib', 'bundle', ${JSON.stringify(file)}));
      const ours = Object.keys(require.cache).filter(f => f.startsWith(join(root, 'lib') + '/')).map(f => relative(root, f)).sort();
      const yamlAtLoad = Object.keys(require.cache).some(f => f.startsWith(yamlDir));
      const results = {};
      ${calls}
      process.stdout.write(JSON.stringify({ ours, yamlAtLoad, results }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node exited with ${run.status ?? run.signal}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  }

  test('the main bundle is one file, loads no yaml package, and keeps the lazy parts lazy (the graph builder works on first call)', () => {
    const { ours, yamlAtLoad, results } = probeBundle('index.js', '', `
      results.nodes = entry.buildArgoGraph([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'hello' },
        spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } }]).nodes.length;
    `);
    // The entry runs its bundle (index.code.js) through the code cache, which reads it rather than requiring it.
    expect(ours).toEqual(['lib/bundle/code-cache.js', 'lib/bundle/index.js']);
    expect(yamlAtLoad).toBe(false);
    expect(results.nodes).toBe(2);
  });

  test('the main bundle exports what src/index.ts does, each class and function named as in src/ (messages and stack traces print them)', () => {
    const { results } = probeBundle('index.js', '', `
      results.exports = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, typeof v === 'function' ? 'function ' + v.name : typeof v]));
    `);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sources: { readonly [name: string]: unknown } = require('../../src');
    // Type-only re-exports are undefined in jest's per-file transpile (tsc and the bundle drop them).
    const expected = Object.fromEntries(Object.entries(sources).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'function' ? `function ${v.name}` : typeof v]));
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(results.exports).toEqual(expected);
  });

  test('an ES module imports each entry\'s exports by name, as require() gives them (the entries carry the bundles\' export names)', () => {
    const script = `
      import { createRequire } from 'module';
      const require = createRequire(import.meta.url);
      const out = {};
      for (const file of ['index.js', 'plugin.js', 'cli.js']) {
        const path = ${JSON.stringify(join(root, 'lib', 'bundle'))} + '/' + file;
        const named = Object.keys(await import(path)).filter(k => k !== 'default').sort();
        out[file] = { named, required: Object.keys(require(path)).sort() };
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node exited with ${run.status ?? run.signal}: ${run.stderr}`);
    const out = JSON.parse(run.stdout);
    for (const file of ['index.js', 'plugin.js', 'cli.js']) expect(out[file].named).toEqual(out[file].required);
    expect(out['index.js'].named).toEqual(expect.arrayContaining(['WorkflowTemplate', 'lint', 'WorkflowSensor']));
    expect(out['plugin.js'].named).toContain('ArgoLintValidation');
    expect(out['cli.js'].named).toContain('main');
  });

    test('the ./jest bundle takes the library from the main bundle: the matchers accept what its simulate() returns', () => {
    const { ours, results } = probeBundle('jest.js', 'let registered; globalThis.expect = { extend(m) { registered = m; } };', `
      const main = require(join(root, 'lib', 'bundle', 'index.js'));
      results.sameMatchers = registered === main.argoMatchers;
    `);
    expect(ours).toEqual(['lib/bundle/code-cache.js', 'lib/bundle/index.js', 'lib/bundle/jest.js']);
    expect(results.sameMatchers).toBe(true);
  });
});
