/**
 * The package as a stranger gets it: `npm pack`, then installed from the registry (with an empty
 * npm cache) into an app shaped like `cdk8s init typescript-app`, twice: with the newest cdk8s,
 * constructs and cdk8s-plus-33, and with the lowest cdk8s and constructs our peer ranges allow.
 * Each app must get one copy of cdk8s and constructs (ours resolves the app's), type-check
 * under the init tsconfig, synthesize with the validation plugin and no schema setting while no
 * network is reachable, and produce files the documented deploy command accepts.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { promisify } from 'util';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../src/schema/validator';
import { helmBinary, runHelm } from '../support/helm';

const exec = promisify(execFile);
const root = join(__dirname, '..', '..');
const template = join(root, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const cdk8sCli = join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const ourPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface VersionSet {
  readonly name: string;
  /** Exact versions or dist-tags to install. */
  readonly dependencies: { readonly [name: string]: string };
  /** The user's App keeps cdk8s's construct metadata (deployed chart by chart) or turns it off (deployed as dist/). */
  readonly constructMetadata: boolean;
}

/** The published versions of a range or dist-tag, lowest first (`^2.68.11` starts at 2.68.12: 2.68.11 was never published). */
async function published(name: string, range: string): Promise<string[]> {
  const listed = JSON.parse((await run('npm', ['view', `${name}@${range}`, 'version', '--json'], root, userEnv())).stdout);
  const versions: string[] = (Array.isArray(listed) ? listed : [listed]).filter((v: string) => /^\d+\.\d+\.\d+$/.test(v));
  if (!versions.length) throw new Error(`no published ${name} version matches ${range}`);
  const key = (v: string) => v.split('.').map(Number);
  return versions.sort((x, y) => key(x).reduce((d, n, i) => d || n - key(y)[i], 0));
}

type MutableSet = { -readonly [K in keyof VersionSet]: VersionSet[K] };
/** Both filled in by beforeAll from the registry: the `latest` versions, and the lowest our peer ranges allow. */
const NEWEST: MutableSet = { name: 'newest', dependencies: {}, constructMetadata: false };
const LOWEST: MutableSet = { name: 'lowest', dependencies: {}, constructMetadata: true };
const SETS: readonly VersionSet[] = [NEWEST, LOWEST];

/**
 * The user's main.ts, in the shape `cdk8s init` generates (an exported MyChart, an App that
 * synthesizes it), using the package only through its public entry. With cdk8s-plus-33
 * installed, a kplus object sits in the same chart; extend PLUS_OBJECTS to wire more of them.
 */
function userApp(set: VersionSet): string {
  const plus = 'cdk8s-plus-33' in set.dependencies;
  return `import { Construct } from 'constructs';
import { App, Chart, ChartProps, Cron } from 'cdk8s';
${plus ? "import * as kplus from 'cdk8s-plus-33';\n" : ''}import { ConfigMapEnv, CronConcurrencyPolicy, CronWorkflow, ${plus ? 'EnvSource, EnvVarSource, ' : ''}InputParameter, WorkflowServiceAccount, WorkflowTemplate } from 'cdk8s-argo';

export class MyChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = { }) {
    super(scope, id, props);
    const env = new ConfigMapEnv(this, 'env');
    const settings = env.addGroup('report-settings', { FORMAT: 'pdf' });
    const runner = new WorkflowServiceAccount(this, 'runner', { metadata: { name: 'report-runner' } });
    const reports = new WorkflowTemplate(this, 'reports', { metadata: { name: 'reports' }, serviceAccount: runner });
    const day = new InputParameter('day', { default: 'today' });
    const render = reports.addContainerTemplate('render', {
      image: 'registry.example.com/reports:3.1.0', command: ['render'], args: ['--day', day], inputs: [day], envFrom: [settings],
    });
    reports.setEntrypoint(render);
    const nightly = new CronWorkflow(this, 'nightly', {
      metadata: { name: 'nightly-report' }, schedules: [Cron.schedule({ minute: '0', hour: '2' })], timezone: 'Europe/Paris',
      concurrencyPolicy: CronConcurrencyPolicy.REPLACE, serviceAccount: runner,
    });
    nightly.addStepsTemplate('main').addStep('render', render, { arguments: [day.set('yesterday')] });
${plus ? PLUS_OBJECTS : ''}  }
}

const app = new App(${set.constructMetadata ? '' : '{ recordConstructMetadata: false }'});
new MyChart(app, 'nightly', { namespace: 'reports' });
app.synth();
`;
}

/**
 * cdk8s-plus-33 objects beside ours and passed into our props (newest set): a kplus ConfigMap as
 * an envFrom source, a kplus Secret's key as an env value, a kplus ServiceAccount as a template's.
 */
const PLUS_OBJECTS = `    const branding = new kplus.ConfigMap(this, 'branding', { metadata: { name: 'report-branding' }, data: { LOGO: 'logo.svg' } });
    const mailer = kplus.Secret.fromSecretName(this, 'mailer', 'report-mailer');
    const publisher = new kplus.ServiceAccount(this, 'publisher', { metadata: { name: 'report-publisher' } });
    const publish = reports.addContainerTemplate('publish', {
      image: 'registry.example.com/publish:1.0.2', command: ['publish'], serviceAccount: publisher,
      envFrom: [EnvSource.fromConfigMap(branding)], env: { SMTP_PASSWORD: EnvVarSource.fromSecretKey({ secret: mailer, key: 'password' }) },
    });
    publish.node.addDependency(branding);
`;

/**
 * The user's sensor test, as docs/testing-sensors.md shows it: the matchers from `cdk8s-argo/jest`
 * (the package's subpath export, typed through jest's Matchers) and simulate() over a chart.
 */
const USER_SENSOR_TEST = `import { App, Chart } from 'cdk8s';
import 'cdk8s-argo/jest';
import { EventBus, simulate, WebhookEventSource, WorkflowSensor, WorkflowTemplate } from 'cdk8s-argo';

const app = new App({ outdir: 'dist-test' });
const chart = new Chart(app, 'orders', { namespace: 'orders' });
const bus = new EventBus(chart, 'bus');
const hooks = new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus, port: 12000 });
const order = hooks.addEndpoint('order', { path: '/order' });
const fulfil = new WorkflowTemplate(chart, 'fulfil', { metadata: { name: 'fulfil' } });
const size = fulfil.addArgument('size', { value: 'tall' });
fulfil.setEntrypoint(fulfil.addContainerTemplate('main', { image: 'registry.example.com/fulfil:1.0.0', command: ['fulfil'] }));
const sensor = new WorkflowSensor(chart, 'on-order', { metadata: { name: 'on-order' }, eventBus: bus });
const onOrder = sensor.addDependency(order);
sensor.submitWorkflow('fulfil', fulfil, { arguments: [{ parameter: size, from: onOrder.body('size').withDefault('tall') }] });

test('an order with a size submits fulfil with that size', () => {
  const result = simulate(chart, { endpoint: order, body: { size: 'grande' } });
  expect(result).toFire(sensor);
  expect(result).toSubmit(fulfil, { parameters: { size: 'grande' } });
  expect(result).not.toSubmit(fulfil, { parameters: { size: 'tall' } });
});
`;

const EXPECTED_OBJECTS = [
  'ConfigMap/report-settings', 'ServiceAccount/report-runner', 'Role/report-runner-executor', 'RoleBinding/report-runner-executor',
  'WorkflowTemplate/reports', 'CronWorkflow/nightly-report',
];

/** A package.json from the init template: its dependencies pinned to the set, the tarball added. */
function appPackageJson(set: VersionSet, tarball: string): string {
  const pkg = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8').replace(/\{\{ \$base \}\}/g, `user-app-${set.name}`));
  pkg.dependencies = { ...set.dependencies, 'cdk8s-argo': `file:${tarball}` };
  // Of the template's devDependencies, the type packages its tsconfig compiles against; the
  // CLI, TypeScript and jest come from this repository (the same versions cdk8s-cli pins).
  pkg.devDependencies = { '@types/node': pkg.devDependencies['@types/node'], '@types/jest': pkg.devDependencies['@types/jest'] };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * cdk8s.yaml: the template's, with the app run compiled (`npm run compile` is the template's
 * tsc --build; ts-node would need the network to be fetched by npx) and without `imports: k8s`
 * (downloaded by `cdk8s import`; the app uses cdk8s-argo's and cdk8s-plus's types), plus the
 * validation plugin as docs/lint.md documents it. No schema setting.
 */
function appCdk8sYaml(): string {
  const original = readFileSync(join(template, 'cdk8s.yaml'), 'utf8');
  expect(original).toMatch(/^app: npx ts-node main\.ts$/m);
  return [
    'language: typescript',
    'app: node main.js',
    'validations:',
    '  - package: ./node_modules/cdk8s-argo/bin/validation-plugin.js',
    `    version: ${ourPackage.version}`,
    '    class: ArgoLintValidation',
    '',
  ].join('\n');
}

/** Records every TCP connection or DNS lookup attempted by a node process (and its node children). */
const NETWORK_PROBE = `'use strict';
const { appendFileSync } = require('fs');
const net = require('net');
const dns = require('dns');
const log = what => appendFileSync(process.env.NETWORK_LOG, process.pid + ' ' + what + '\\n');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = args[0] && typeof args[0] === 'object' && !Array.isArray(args[0]) ? args[0] : Array.isArray(args[0]) ? args[0][0] : { port: args[0], host: args[1] };
  if (o && o.path === undefined && (o.port !== undefined || o.host !== undefined)) log('connect ' + (o.host || 'localhost') + ':' + o.port);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function (host, ...rest) { log(name + ' ' + host); return original.call(this, host, ...rest); };
}
`;

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

async function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  try {
    return await exec(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600000 });
  } catch (e: any) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** The environment a user's shell would give: none of this repository's settings. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
  for (const key of Object.keys(env)) {
    if (key === 'ARGO_SCHEMA_DIR' || key === 'CDK8S_ARGO_FROM_SOURCE' || key === 'NODE_OPTIONS' || key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) delete env[key];
  }
  return { ...env, ...extra };
}

/** What `kubectl apply -f <path>...` reads: the files named, and a directory's *.json, *.yaml, *.yml (not recursive). */
function applyFiles(paths: readonly string[], cwd: string): string[] {
  return paths.flatMap(p => {
    const full = join(cwd, p);
    if (!existsSync(full) || !statSync(full).isDirectory()) return [full];
    return readdirSync(full).filter(f => /\.(json|ya?ml)$/.test(f)).sort().map(f => join(full, f));
  });
}

/** Documents of a file that are not Kubernetes objects (apiVersion, kind, metadata.name). */
function notObjects(file: string): string[] {
  if (!existsSync(file)) return [`${file}: missing`];
  return parseAllDocuments(readFileSync(file, 'utf8')).map(d => d.toJS()).filter(d => d !== null)
    .filter(d => typeof d?.apiVersion !== 'string' || typeof d?.kind !== 'string' || typeof d?.metadata?.name !== 'string')
    .map(d => `${file}: ${JSON.stringify(d).slice(0, 80)}`);
}

interface InstalledApp {
  readonly set: VersionSet;
  readonly dir: string;
  readonly versions: { readonly [name: string]: string };
  readonly compile: RunResult;
  readonly synth: RunResult;
  /** `cdk8s synth --format helm --chart-version 1.0.0 --output chart` (docs/helm.md), which may fail. */
  readonly helmSynth: RunResult & { readonly status: number };
  readonly networkLog: string;
}

/** Runs a command that may fail: its exit status and output. */
async function attempt(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult & { status: number }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600000 });
    return { status: 0, stdout, stderr };
  } catch (e: any) {
    return { status: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) };
  }
}

describe('the packed package in fresh cdk8s apps (registry install, newest and lowest versions)', () => {
  const work = mkdtempSync(join(tmpdir(), 'cdk8s-argo-user-'));
  let tarball = '';
  const probe = join(work, 'network-probe.js');
  const apps = new Map<string, InstalledApp>();

  beforeAll(async () => {
    // lib/ is up to date (jest global setup); pack it as `npm publish` would, without rebuilding.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root, userEnv());
    tarball = join(work, readdirSync(work).find(f => f.endsWith('.tgz'))!);
    for (const dep of ['cdk8s', 'constructs', 'cdk8s-plus-33']) NEWEST.dependencies = { ...NEWEST.dependencies, [dep]: (await published(dep, 'latest'))[0] };
    for (const dep of ['cdk8s', 'constructs']) LOWEST.dependencies = { ...LOWEST.dependencies, [dep]: (await published(dep, ourPackage.peerDependencies[dep]))[0] };
    writeFileSync(probe, NETWORK_PROBE);
    const installs = SETS.map(async set => {
      const dir = join(work, set.name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'package.json'), appPackageJson(set, tarball));
      writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(template, 'tsconfig.json')));
      writeFileSync(join(dir, 'main.test.ts'), readFileSync(join(template, 'main.test.ts')));
      writeFileSync(join(dir, 'cdk8s.yaml'), appCdk8sYaml());
      writeFileSync(join(dir, 'main.ts'), userApp(set));
      writeFileSync(join(dir, 'sensors.test.ts'), USER_SENSOR_TEST);
      // A cache of its own, empty: everything comes from the registry, nothing from this machine's cache.
      await run('npm', ['install', '--no-package-lock'], dir, userEnv({ npm_config_cache: join(work, `npm-cache-${set.name}`) }));
      const compile = await run(process.execPath, [tsc, '--build'], dir, userEnv());
      const networkLog = join(work, `network-${set.name}.log`);
      const dead = 'http://127.0.0.1:9';
      const synth = await run(process.execPath, [cdk8sCli, 'synth', '--check-upgrade', 'false'], dir, userEnv({
        NODE_OPTIONS: `--require ${probe}`, NETWORK_LOG: networkLog,
        HTTP_PROXY: dead, HTTPS_PROXY: dead, http_proxy: dead, https_proxy: dead, npm_config_proxy: dead, npm_config_https_proxy: dead,
      }));
      const helmSynth = await attempt(process.execPath, [cdk8sCli, 'synth', '--check-upgrade', 'false', '--format', 'helm', '--chart-version', '1.0.0', '--output', 'chart'], dir, userEnv({
        NODE_OPTIONS: `--require ${probe}`, NETWORK_LOG: networkLog,
        HTTP_PROXY: dead, HTTPS_PROXY: dead, http_proxy: dead, https_proxy: dead, npm_config_proxy: dead, npm_config_https_proxy: dead,
      }));
      const versions = Object.fromEntries(['cdk8s', 'constructs', 'cdk8s-plus-33'].filter(n => existsSync(join(dir, 'node_modules', n)))
        .map(n => [n, JSON.parse(readFileSync(join(dir, 'node_modules', n, 'package.json'), 'utf8')).version]));
      apps.set(set.name, { set, dir, versions, compile, synth, helmSynth, networkLog: existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '' });
    });
    // Settle both before failing, so that no install is left running.
    const results = await Promise.allSettled(installs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }, 900000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the tarball holds the compiled library, declarations, bin scripts, schema data and licenses; no sources, tests or repository tools', async () => {
    const files = (await run('tar', ['-tzf', tarball], work)).stdout.trim().split('\n').map(f => f.replace(/^package\//, '')).sort();
    expect(files).toEqual(expect.arrayContaining([
      'LICENSE', 'NOTICE', 'README.md', 'package.json', 'lib/bundle/index.js', 'lib/bundle/jest.js', 'lib/bundle/plugin.js', 'lib/bundle/cli.js',
      'lib/bundle/index.code.js', 'lib/bundle/plugin.code.js', 'lib/bundle/cli.code.js', 'lib/bundle/code-cache.js',
      'lib/src/index.d.ts', 'lib/src/testing/jest.d.ts', 'lib/imports/argo-workflows.d.ts',
      'bin/cdk8s-argo.js', 'bin/load-module.js', 'bin/validation-plugin.js',
      'schemas/LICENSE', 'schemas/README.md', 'schemas/kinds.json', 'schemas/events-v1.9.11.json', 'schemas/workflows-v4.1.2.json', 'schemas/workflows-v3.7.18.json',
    ]));
    // The bundles are the code the package runs: the modules they were made from are not shipped twice.
    expect(files.filter(f => /^lib\/(src|imports)\/.*\.js$/.test(f))).toEqual([]);
    expect(files.filter(f => /^(test|src|bench|imports|scripts|docs|dist|\.ci)\//.test(f) || /^lib\/src\/(codegen|example|main)/.test(f)
      || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.startsWith('bin/synth-app'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(apps.get('newest')!.dir, 'node_modules', 'cdk8s-argo', 'package.json'), 'utf8'));
    expect(pkg.keywords).toEqual(expect.arrayContaining(['cdk8s', 'argo', 'argo-workflows', 'argo-events']));
    expect(pkg.peerDependencies).toEqual({ cdk8s: expect.any(String), constructs: expect.any(String) });
    expect(pkg.dependencies).not.toHaveProperty('cdk8s');
    expect(pkg.dependencies).not.toHaveProperty('constructs');
  });

  test('control: the network probe the synth runs under records a connection attempt', async () => {
    const log = join(work, 'network-control.log');
    await run(process.execPath, ['-e', "require('net').connect(9, '127.0.0.1').on('error', () => {}); require('dns').lookup('registry.npmjs.org', () => {})"],
      work, userEnv({ NODE_OPTIONS: `--require ${probe}`, NETWORK_LOG: log }));
    expect(readFileSync(log, 'utf8')).toMatch(/connect 127\.0\.0\.1:9\n(.|\n)*lookup registry\.npmjs\.org/);
  });

  describe.each(SETS.map(s => [s.name, s] as const))('%s versions', name => {
    const app = () => apps.get(name)!;

    test('installed the versions of the set', () => {
      const { set, versions } = app();
      expect(Object.keys(set.dependencies).sort()).toEqual(name === 'newest' ? ['cdk8s', 'cdk8s-plus-33', 'constructs'] : ['cdk8s', 'constructs']);
      expect(versions).toEqual(set.dependencies);
    });

    test('one copy of cdk8s and of constructs: the package resolves the app\'s own', async () => {
      const { dir } = app();
      const listed = (await run('npm', ['ls', 'cdk8s', 'constructs', '--all', '--parseable'], dir, userEnv({ npm_config_cache: join(dir, '..', `npm-cache-${name}`) }))).stdout.trim().split('\n');
      expect([...new Set(listed.map(p => relative(dir, p)))].filter(p => p !== '').sort()).toEqual(['node_modules/cdk8s', 'node_modules/constructs']);
      const ours = join(dir, 'node_modules', 'cdk8s-argo');
      for (const dep of ['cdk8s', 'constructs']) {
        expect(require.resolve(`${dep}/package.json`, { paths: [ours] })).toBe(join(dir, 'node_modules', dep, 'package.json'));
      }
    });

    test('the user\'s code compiled under the init tsconfig (lib checks on, @types/node 14, stripInternal)', () => {
      const { dir, compile } = app();
      expect(JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')).compilerOptions).toEqual(expect.objectContaining({ strict: true, stripInternal: true, lib: ['es2016'] }));
      expect(JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')).compilerOptions.skipLibCheck).toBeUndefined();
      expect(compile).toEqual({ stdout: '', stderr: '' });
      expect(existsSync(join(dir, 'main.js'))).toBe(true);
      expect(existsSync(join(dir, 'main.test.js'))).toBe(true);
      expect(existsSync(join(dir, 'sensors.test.js'))).toBe(true);
    });

    test('the user\'s jest tests run: the template\'s snapshot test, and a sensor test with simulate() and the cdk8s-argo/jest matchers', async () => {
      const { dir } = app();
      const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
      const args = [jest, '--rootDir', dir, '--testMatch', '**/*.test.js', '--transform', '{}', '--watchman=false'];
      // On the user's machine the first run writes the snapshot; their CI (`--ci`) then compares against it.
      const first = await run(process.execPath, [...args, '--ci=false'], dir, userEnv());
      expect(first.stderr).toMatch(/Tests: +2 passed, 2 total/);
      expect(first.stderr).toMatch(/1 snapshot written/);
      const again = await run(process.execPath, [...args, '--ci'], dir, userEnv());
      expect(again.stderr).toMatch(/Tests: +2 passed, 2 total/);
      expect(again.stderr).toMatch(/Snapshots: +1 passed, 1 total/);
    });

    test('cdk8s synth ran the validation plugin with the built-in schemas and tried no network', () => {
      const { synth, networkLog } = app();
      expect(synth.stdout).toContain('Validations ended succesfully');
      expect(synth.stdout).toMatch(/Validation Report \(\S*node_modules\/cdk8s-argo\/bin\/validation-plugin\.js@/);
      expect(synth.stdout).toMatch(/║ errors +│ 0 +║/);
      expect(synth.stdout).toMatch(new RegExp(`║ manifests +│ ${name === "newest" ? 8 : 6} +║`));
      expect(networkLog).toBe('');
    });

    test('cdk8s synth left the code cache of the app\'s and the plugin\'s bundles in the app\'s node_modules/.cache (src/core/code-cache.ts)', () => {
      const cacheDir = join(app().dir, 'node_modules', '.cache', 'cdk8s-argo');
      const files = existsSync(cacheDir) ? readdirSync(cacheDir).sort() : [];
      expect(files).toEqual([expect.stringMatching(/^index-[0-9a-f]{8}-[0-9a-f]{16}-\d+-\d+-.+\.cache$/), expect.stringMatching(/^plugin-[0-9a-f]{8}-[0-9a-f]{16}-\d+-\d+-.+\.cache$/)]);
    });

    test('the output is what the app defines, each object valid under the strict schema check', () => {
      const { dir, set } = app();
      const docs = parseAllDocuments(readFileSync(join(dir, 'dist', 'nightly.k8s.yaml'), 'utf8')).map(d => d.toJS());
      const plus = 'cdk8s-plus-33' in set.dependencies;
      const expected = plus ? [...EXPECTED_OBJECTS, 'ConfigMap/report-branding', 'ServiceAccount/report-publisher'] : EXPECTED_OBJECTS;
      expect(docs.map(d => `${d.kind}/${d.metadata.name}`).sort()).toEqual([...expected].sort());
      for (const doc of docs) expect({ object: `${doc.kind}/${doc.metadata.name}`, violations: validateManifest(doc) }).toEqual({ object: `${doc.kind}/${doc.metadata.name}`, violations: [] });
      const cron = docs.find(d => d.kind === 'CronWorkflow');
      expect(cron.spec.workflowSpec.templates[0].steps[0][0]).toEqual({
        name: 'render', templateRef: { name: 'reports', template: 'render' }, arguments: { parameters: [{ name: 'day', value: 'yesterday' }] },
      });
      if (plus) {
        const publish = docs.find(d => d.kind === 'WorkflowTemplate').spec.templates.find((t: { name: string }) => t.name === 'publish');
        expect(publish.serviceAccountName).toBe('report-publisher');
        expect(publish.container.envFrom).toEqual([{ configMapRef: { name: 'report-branding' } }]);
        expect(publish.container.env).toEqual([{ name: 'SMTP_PASSWORD', valueFrom: { secretKeyRef: { name: 'report-mailer', key: 'password' } } }]);
      }
    });

    test('the documented deploy command reads only Kubernetes objects (docs/lint.md, "Deploying")', () => {
      const { dir, set } = app();
      if (set.constructMetadata) {
        // cdk8s's construct metadata (construct paths in the plugin's report) is no Kubernetes object:
        // this app deploys its chart files by name.
        expect(existsSync(join(dir, 'dist', 'construct-metadata.json'))).toBe(true);
        expect(applyFiles(['dist/'], dir).flatMap(notObjects)).not.toEqual([]);
        expect(applyFiles(['dist/nightly.k8s.yaml'], dir).flatMap(notObjects)).toEqual([]);
      } else {
        // recordConstructMetadata: false keeps dist/ to manifests: `kubectl apply -f dist/`.
        expect(readdirSync(join(dir, 'dist'))).toEqual(['nightly.k8s.yaml']);
        expect(applyFiles(['dist/'], dir).flatMap(notObjects)).toEqual([]);
      }
    });

    test('cdk8s synth --format helm (docs/helm.md): a chart helm lints and renders to dist/\'s documents; a cdk8s without resolvers says what to do', () => {
      const { dir, versions, helmSynth } = app();
      const resolvers = Number(versions.cdk8s.split('.')[1]) >= 65;
      if (!resolvers) {
        expect(helmSynth.status).not.toBe(0);
        expect(helmSynth.stdout + helmSynth.stderr).toContain('which this cdk8s does not have (cdk8s >= 2.65.0 does). Upgrade cdk8s, or set CDK8S_ARGO_HELM=false');
        return;
      }
      expect(helmSynth.status).toBe(0);
      expect(helmSynth.stdout).toContain('Validations ended succesfully');
      const helm = helmBinary();
      if ('skip' in helm) {
        console.warn(`helm lint and helm template of the installed app's chart skipped: ${helm.skip}`);
        return;
      }
      const lint = runHelm(helm.path, ['lint', join(dir, 'chart')]);
      expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      const rendered = runHelm(helm.path, ['template', join(dir, 'chart')]);
      expect(rendered.stderr).toBe('');
      const docs = (text: string) => parseAllDocuments(text).map(d => d.toJS()).filter(d => d !== null).map(d => JSON.stringify(d)).sort();
      expect(docs(rendered.stdout)).toEqual(docs(readFileSync(join(dir, 'dist', 'nightly.k8s.yaml'), 'utf8')));
    });

    test('every file of the installed package runs: each module loads, the CLI answers --version and lints dist/', async () => {
      const { dir, set } = app();
      const pkgDir = join(dir, 'node_modules', 'cdk8s-argo');
      // Every module but the CLI entry, which runs on load (it is run below), and the jest matchers,
      // which need jest's global expect (the user's jest test above loads them).
      const script = `
        const { readdirSync, statSync } = require('fs');
        const { join } = require('path');
        const walk = d => readdirSync(d).flatMap(f => statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.js') ? [join(d, f)] : []);
        const files = [...walk(${JSON.stringify(join(pkgDir, 'lib'))}), ...walk(${JSON.stringify(join(pkgDir, 'bin'))})]
          .filter(f => !f.endsWith('cdk8s-argo.js') && !f.endsWith(join('bundle', 'jest.js')));
        for (const f of files) require(f);
        console.log(files.length, typeof require(${JSON.stringify(join(pkgDir, 'bin', 'validation-plugin.js'))}).ArgoLintValidation);
      `;
      expect(readdirSync(join(pkgDir, 'bin')).sort()).toEqual(['cdk8s-argo.js', 'load-module.js', 'validation-plugin.js']);
      // lib/bundle's index, plugin and CLI (each an entry and its bundle) and the code cache they run through, and bin/'s loader and plugin entry.
      expect((await run(process.execPath, ['-e', script], dir, userEnv())).stdout.trim()).toBe('9 function');
      expect((await run(join(dir, 'node_modules', '.bin', 'cdk8s-argo'), ['--version'], dir, userEnv())).stdout).toBe(`cdk8s-argo ${ourPackage.version}\n`);
      const target = set.constructMetadata ? 'dist/nightly.k8s.yaml' : 'dist/';
      const lint = await run(join(dir, 'node_modules', '.bin', 'cdk8s-argo'), ['lint', target], dir, userEnv());
      expect(lint.stderr).toMatch(/0 errors/);
    });
  });
});
