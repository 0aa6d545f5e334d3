import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { profileCommand, renderProfiles } from '../lib/cpu-profile';
import { assertSameObjects, Manifest, readSynthOutput } from '../lib/manifests';
import { SectionReport, table, TargetResult } from '../lib/report';
import { ProcessResult, runMeasured } from '../lib/run-process';
import { sideBySide, Variant, VariantSummary } from '../lib/side-by-side';
import { megabytes, ratio, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import { createPlainRouteProject, plainRouteObjects, writePlainRouteApp } from '../plain-route/project';
import { cliStartupBreakdown } from './cli-startup';
import { compileLibrary } from './compiled-library';
import { BenchContext } from './context';

const SYNTH = ['cdk8s', 'synth', '--check-upgrade', 'false'];

/**
 * Targets (1) and (2): cold `npx cdk8s synth` of the example app against the same
 * WorkflowTemplate/CronWorkflow documents built with `cdk8s import`-generated classes and
 * type-checked ts-node, plus reference points that show where the example's time goes.
 */
export async function benchSynthExample(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(1)(2) example app vs plain cdk8s-import route');
  const appCommand = appLine(readFileSync(join(repoRoot, 'cdk8s.yaml'), 'utf8'));

  // The example app once, untimed in the comparison: its documents, and whatever a first synth
  // after a change does (e.g. an incremental build) is done before the cold runs.
  const exampleOut = newTempDir('example-out');
  const first = await runMeasured('npx', [...SYNTH, '-o', exampleOut], { cwd: repoRoot, check: true });
  const exampleDocs = readSynthOutput(exampleOut);
  const pluginFrom = existsSync(join(repoRoot, 'lib', 'bundle', 'plugin.js')) && process.env.CDK8S_ARGO_FROM_SOURCE !== '1'
    ? 'lib/bundle/plugin.js' : 'src/ through tsx';

  log('  cdk8s import of the full Argo CRDs (once, not timed as synth)');
  const plain = await createPlainRouteProject(repoRoot, join(ctx.schemaDir, 'workflows-v4.1.2', 'crds-full'));
  const compared = plainRouteObjects(plain, exampleDocs);
  if (compared.length === 0) throw new Error('the example app synthesizes no Argo Workflows object to compare');
  const plainLines = writePlainRouteApp(plain, compared);
  const checkPlain = (out: string) => assertSameObjects(compared, readSynthOutput(out), 'plain route vs example app');
  const checkExample = (out: string) => assertSameObjects(exampleDocs, readSynthOutput(out), 'example app run vs first run');

  const emptyApp = newTempDir('empty-app');
  symlinkSync(join(repoRoot, 'node_modules'), join(emptyApp, 'node_modules'), 'dir');
  writeFileSync(join(emptyApp, 'app.js'), 'require(\'fs\').mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true });\n');
  writeFileSync(join(emptyApp, 'cdk8s.yaml'), 'language: typescript\napp: node app.js\n');
  // Issue #13's reference for the example app's share: the same CLI running an empty cdk8s app.
  const emptyCdk8sApp = newTempDir('empty-cdk8s-app');
  symlinkSync(join(repoRoot, 'node_modules'), join(emptyCdk8sApp, 'node_modules'), 'dir');
  writeFileSync(join(emptyCdk8sApp, 'app.js'), 'const { App } = require(\'cdk8s\');\nnew App().synth();\n');
  writeFileSync(join(emptyCdk8sApp, 'cdk8s.yaml'), 'language: typescript\napp: node app.js\n');
  const compiledMain = (await compileLibrary(repoRoot)).exampleMain;

  // Every run: fresh processes and an empty TMPDIR (no tsx transform cache).
  const synthIn = (cwd: string, extra: string[], check?: (out: string) => void, env?: NodeJS.ProcessEnv): () => Promise<ProcessResult> => async () => {
    const out = newTempDir('out');
    const result = await runMeasured('npx', [...SYNTH, ...extra, '-o', out], { cwd, check: true, freshTmpDir: true, env });
    check?.(out);
    return result;
  };
  const appAlone = (command: string, args: string[]) => async () => {
    const out = newTempDir('out');
    mkdirSync(out, { recursive: true });
    const result = await runMeasured(command, args, { cwd: repoRoot, check: true, freshTmpDir: true, env: { CDK8S_OUTDIR: out } });
    checkExample(out);
    return result;
  };
  const variants: Variant[] = [
    { id: 'example', run: synthIn(repoRoot, [], checkExample) },
    { id: 'plain', run: synthIn(plain.dir, [], checkPlain) },
    { id: 'example-no-plugin', run: synthIn(repoRoot, ['--no-validate']) },
    // What a first synth after an install or upgrade pays: the bundles compile without their code cache (src/core/code-cache.ts).
    { id: 'example-no-code-cache', run: synthIn(repoRoot, [], checkExample, { CDK8S_ARGO_CODE_CACHE: '0' }) },
    { id: 'app-configured', run: appAlone('sh', ['-c', appCommand]) },
    { id: 'app-tsx', run: appAlone('node', ['--import', 'tsx', 'src/main.ts']) },
    { id: 'app-compiled', run: appAlone('node', [compiledMain]) },
    { id: 'cli-empty-app', run: synthIn(emptyApp, []) },
    { id: 'cli-empty-cdk8s-app', run: synthIn(emptyCdk8sApp, ['--no-validate']) },
    { id: 'node-yaml', run: () => runMeasured('node', ['-e', 'require("yaml")'], { cwd: repoRoot, check: true }) },
  ];
  await variants[1].run(); // the plain route once before timing: a type error or a difference fails here

  const s = await sideBySide(variants, ctx.runs, log);
  log('  what the cdk8s CLI loads at start-up');
  const startup = await cliStartupBreakdown(emptyApp, ctx.runs);
  const ex = s.get('example')!;
  const pl = s.get('plain')!;
  const emptyCdk8s = s.get('cli-empty-cdk8s-app')!;
  const exampleShare = ex.wallMs - emptyCdk8s.wallMs;
  const noCodeCache = s.get('example-no-code-cache')!;
  const targets: TargetResult[] = [
    { name: '(13) the example app\'s share of `npx cdk8s synth`: example - the CLI running `new App().synth()` (`--no-validate`)', measured: seconds(exampleShare), target: '<= 0.20 s', pass: exampleShare <= 200 },
    { name: '(1) cold `npx cdk8s synth` of the example app, wall time', measured: seconds(ex.wallMs), target: '<= 2 s', pass: ex.wallMs <= 2000 },
    { name: '(1) peak RSS (largest process)', measured: `${megabytes(ex.maxRssMb)} (${ex.largestProcess})`, target: '<= 250 MB', pass: ex.maxRssMb <= 250 },
    { name: '(2) plain route / example app, wall time', measured: ratio(pl.wallMs, ex.wallMs), target: '>= 8x', pass: pl.wallMs / ex.wallMs >= 8 },
  ];

  let profile = '';
  if (targets.some(t => !t.pass)) {
    log('  profiling the example synth (a target is missed)');
    const summaries = await profileCommand('npx', [...SYNTH, '-o', newTempDir('out')], repoRoot, repoRoot);
    profile = ['', '### Profile of the missed target: one cold `npx cdk8s synth` of the example app, every Node process sampled', '',
      'Idle time (a process waiting for its child) is left out. Sampling slows the processes down; shares matter, not absolute times.', '',
      renderProfiles(summaries.filter(p => p.process !== 'npx'), 12)].join('\n');
  }

  const row = (label: string, v: VariantSummary) => [label, seconds(v.wallMs), ratio(v.wallMs, ex.wallMs), megabytes(v.maxRssMb), v.largestProcess, megabytes(v.sumRssMb), series(v.runs.map(r => r.wallMs), secondsBare)];
  const cli = s.get('cli-empty-app')!;
  const noPlugin = s.get('example-no-plugin')!;
  const app = s.get('app-configured')!;
  const tsx = s.get('app-tsx')!;
  const compiled = s.get('app-compiled')!;
  const nodeYaml = s.get('node-yaml')!;
  const plugin = ex.wallMs - noPlugin.wallMs;
  const cliOwn = cli.wallMs - nodeYaml.wallMs;
  const share = (ms: number) => Math.abs(ms) < 50 ? 'about 0 (within noise)' : `${seconds(ms)} (${Math.round(100 * ms / ex.wallMs)}%)`;
  const body = [
    `Example app: \`npx cdk8s synth --check-upgrade false -o <tmp>\` in the repository, with its cdk8s.yaml (\`app: ${appCommand}\`, and the validation plugin running the linter on the output; the plugin loaded the ${pluginFrom}). `
    + `Cold: each run is a fresh process tree with an empty \`TMPDIR\` (no tsx transform cache), after one untimed synth (${seconds(first.wallMs)}) that did whatever a first synth after a change does. `
    + `It synthesizes ${exampleDocs.length} documents (${kindsOf(exampleDocs)}).`,
    '',
    `Plain route: a project laid out by \`cdk8s init typescript-app\` (its tsconfig.json, \`app: ${plain.appCommand}\`, ts-node type-checking), with \`cdk8s import\` of the four CRDs of \`workflows-v4.1.2/crds-full\` (${(plain.importBytes / 1e6).toFixed(1)} MB of TypeScript; the import itself took ${plain.importSeconds.toFixed(1)} s, not counted). `
    + `Its main.ts (${plainLines} lines) is generated from the example app's synthesized ${compared.length} object(s) (${kindsOf(compared)}) with the generated classes, so it follows src/main.ts; after every run its output is asserted deeply equal to the example app's objects.`,
    '',
    `Runs interleaved, ${ctx.runs} each; medians. RSS: peak of the largest Node process, and the sum of the peaks of all Node processes of the command (npx, cdk8s CLI, app): an upper bound of what the tree held at once.`,
    '',
    table(['command', 'wall (median)', 'vs example', 'peak RSS, largest process', 'largest is', 'sum of process peaks', `runs (s)`], [
      row('example app, cold (1)', ex),
      row('plain cdk8s-import route, ts-node type-checked (2)', pl),
      row('example app, `--no-validate` (no lint plugin)', noPlugin),
      row('example app without the code cache (`CDK8S_ARGO_CODE_CACHE=0`: the first synth after an install)', noCodeCache),
      row(`example app alone, its \`app:\` line: \`${appCommand}\``, app),
      row('example app alone through tsx: `node --import tsx src/main.ts`', tsx),
      row('example app alone, compiled by the benchmark: `node <tmp>/lib/src/main.js`', compiled),
      row('cdk8s CLI with an empty app', cli),
      row('cdk8s CLI with an empty cdk8s app (`new App().synth()`, `--no-validate`)', emptyCdk8s),
      row('`node -e "require(\'yaml\')"`', nodeYaml),
    ]),
    '',
    `The example app's share of the cold synth (issue #13: the example minus the same CLI running an empty cdk8s app with \`--no-validate\`, interleaved, medians of ${ctx.runs}): ${seconds(exampleShare)}; per run: ${series(ex.runs.map((r, i) => r.wallMs - (emptyCdk8s.runs[i]?.wallMs ?? NaN)), secondsBare)} (run i of each, which ran side by side). `
    + `The bundles ran from their code cache (written by the untimed first synth, as by a user's first synth after an install); without it the share is ${seconds(noCodeCache.wallMs - emptyCdk8s.wallMs)}.`,
    '',
    'Where the cold example synth goes (medians of the rows above; differences of medians are estimates):',
    '',
    table(['part', 'time (share of the cold synth)', 'whose'], [
      ['cdk8s CLI start-up and its own work: CLI with an empty app - Node start of that empty app (about the `node -e` row)', share(cliOwn), 'not ours: cdk8s-cli'],
      [`the app process, as its \`app:\` line runs it`, share(app.wallMs), 'ours (src/, bin/) and cdk8s, cdk8s-plus-27'],
      ['the lint validation plugin: with plugin - `--no-validate`', share(plugin), `ours: src/cli/plugin.ts (from ${pluginFrom}), the linter, the schema compile`],
      ['the rest: npx, spawning the app, reading its output', share(ex.wallMs - cliOwn - app.wallMs - plugin), 'npm / cdk8s-cli'],
      ['(for scale) the app through tsx, and compiled without any check', `${seconds(tsx.wallMs)}, ${seconds(compiled.wallMs)}`, ''],
      ['(for scale) Node plus the YAML library starting', seconds(nodeYaml.wallMs), 'Node'],
    ]),
    '',
    startup.text,
    '',
    `Reading: target (1) asks for 2 s; the cdk8s CLI alone takes about ${seconds(cliOwn)} here (${Math.round(100 * cliOwn / ex.wallMs)}% of the cold synth), our app ${seconds(app.wallMs)} and our plugin ${share(plugin)}. `
    + `Of the CLI's start-up, about ${seconds(startup.unusedMs)} is loading what only \`cdk8s init\` uses (jsii-pacmak), which every \`cdk8s synth\` pays: not ours to change (cdk8s-cli loads all its commands up front). `
    + `Target (2) is a ratio: with the plain route at ${seconds(pl.wallMs)}, it needs the example synth at ${seconds(pl.wallMs / 8)} or less.`,
    profile,
  ].join('\n');
  return { title: '1-2. Example app synth vs the plain cdk8s-import route', body, targets };
}

function appLine(cdk8sYaml: string): string {
  const line = cdk8sYaml.split('\n').find(l => l.startsWith('app:'));
  if (!line) throw new Error('cdk8s.yaml has no app: line');
  return line.slice('app:'.length).trim();
}

function kindsOf(docs: readonly Manifest[]): string {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
