import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { assertSameObjects, Manifest, readSynthOutput } from '../lib/manifests';
import { SectionReport, table, TargetResult } from '../lib/report';
import { ProcessResult, runMeasured } from '../lib/run-process';
import { sideBySide, Variant, VariantSummary } from '../lib/side-by-side';
import { megabytes, ratio, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import { createPlainRouteProject, plainRouteObjects, writePlainRouteApp } from '../plain-route/project';
import { profileCommand, renderProfiles } from '../lib/cpu-profile';
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

  // The example app once, to know its documents (and to check that it synthesizes).
  const exampleOut = newTempDir('example-out');
  await runMeasured('npx', [...SYNTH, '-o', exampleOut], { cwd: repoRoot, check: true, env: { CDK8S_ARGO_FROM_SOURCE: '1' } });
  const exampleDocs = readSynthOutput(exampleOut);

  log('  cdk8s import of the full Argo CRDs (once, not timed as synth)');
  const plain = await createPlainRouteProject(repoRoot, join(ctx.schemaDir, 'workflows-v4.1.2', 'crds-full'));
  const compared = plainRouteObjects(plain, exampleDocs);
  if (compared.length === 0) throw new Error('the example app synthesizes no Argo Workflows object to compare');
  const plainLines = writePlainRouteApp(plain, compared);
  const checkPlain = (out: string) => assertSameObjects(compared, readSynthOutput(out), 'plain route vs example app');

  const emptyApp = newTempDir('empty-app');
  symlinkSync(join(repoRoot, 'node_modules'), join(emptyApp, 'node_modules'), 'dir');
  writeFileSync(join(emptyApp, 'app.js'), 'require(\'fs\').mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true });\n');
  writeFileSync(join(emptyApp, 'cdk8s.yaml'), 'language: typescript\napp: node app.js\n');
  const warmTmp = newTempDir('warm-tmp');

  const compiledMain = (await compileLibrary(repoRoot)).exampleMain;

  // As in a clean clone: the validation plugin loads src/ through tsx even where someone built lib/.
  const fromSource = { CDK8S_ARGO_FROM_SOURCE: '1' };
  const synthIn = (cwd: string, extra: string[], options: { fresh: boolean; check?: (out: string) => void; tmp?: string }): () => Promise<ProcessResult> => async () => {
    const out = newTempDir('out');
    const result = await runMeasured('npx', [...SYNTH, ...extra, '-o', out], {
      cwd, check: true, freshTmpDir: options.fresh, env: { ...fromSource, ...(options.tmp ? { TMPDIR: options.tmp } : {}) },
    });
    options.check?.(out);
    return result;
  };
  const appAlone = (args: string[]) => async () => {
    const out = newTempDir('out');
    mkdirSync(out, { recursive: true });
    return runMeasured('node', args, { cwd: repoRoot, check: true, freshTmpDir: true, env: { ...fromSource, CDK8S_OUTDIR: out } });
  };
  const checkExample = (out: string) => assertSameObjects(exampleDocs, readSynthOutput(out), 'example app run vs first run');
  const variants: Variant[] = [
    { id: 'example', run: synthIn(repoRoot, [], { fresh: true, check: checkExample }) },
    { id: 'plain', run: synthIn(plain.dir, [], { fresh: true, check: checkPlain }) },
    { id: 'example-warm', run: synthIn(repoRoot, [], { fresh: false, tmp: warmTmp }) },
    { id: 'example-no-plugin', run: synthIn(repoRoot, ['--no-validate'], { fresh: true }) },
    { id: 'app-tsx-import', run: appAlone(['--import', 'tsx', 'src/main.ts']) },
    { id: 'app-tsx-cjs', run: appAlone(['--require', 'tsx/cjs', 'src/main.ts']) },
    { id: 'app-compiled', run: appAlone([compiledMain]) },
    { id: 'cli-empty-app', run: synthIn(emptyApp, [], { fresh: true }) },
    { id: 'node-yaml', run: () => runMeasured('node', ['-e', 'require("yaml")'], { cwd: repoRoot, check: true }) },
  ];
  // Warm the tsx cache of the warm variant and check the plain route once before timing.
  await variants[2].run();
  await variants[1].run();

  const s = await sideBySide(variants, ctx.runs, log);
  const ex = s.get('example')!;
  const pl = s.get('plain')!;
  const targets: TargetResult[] = [
    { name: '(1) cold `npx cdk8s synth` of the example app, wall time', measured: seconds(ex.wallMs), target: '<= 2 s', pass: ex.wallMs <= 2000 },
    { name: '(1) peak RSS (largest process)', measured: `${megabytes(ex.maxRssMb)} (${ex.largestProcess})`, target: '<= 250 MB', pass: ex.maxRssMb <= 250 },
    { name: '(2) plain route / example app, wall time', measured: ratio(pl.wallMs, ex.wallMs), target: '>= 8x', pass: pl.wallMs / ex.wallMs >= 8 },
  ];

  let profile = '';
  if (targets.some(t => !t.pass)) {
    log('  profiling the example synth (a target is missed)');
    const summaries = await profileCommand('npx', [...SYNTH, '-o', newTempDir('out')], repoRoot, repoRoot, fromSource);
    profile = ['', '### Profile of the missed target: one cold `npx cdk8s synth` of the example app, every Node process sampled', '',
      'Idle time (a process waiting for its child) is left out.', '', renderProfiles(summaries.filter(p => p.process !== 'npx'), 12)].join('\n');
  }

  const row = (label: string, v: VariantSummary) => [label, seconds(v.wallMs), ratio(v.wallMs, ex.wallMs), megabytes(v.maxRssMb), v.largestProcess, megabytes(v.sumRssMb), series(v.runs.map(r => r.wallMs), secondsBare)];
  const cli = s.get('cli-empty-app')!;
  const noPlugin = s.get('example-no-plugin')!;
  const appOnly = s.get('app-tsx-import')!;
  const nodeYaml = s.get('node-yaml')!;
  const compiled = s.get('app-compiled')!;
  const share = (ms: number) => `${seconds(ms)} (${Math.round(100 * ms / ex.wallMs)}%)`;
  const body = [
    `Example app: \`npx cdk8s synth --check-upgrade false -o <tmp>\` in the repository (\`app: ${'node --import tsx src/main.ts'}\`, the cdk8s validation plugin running the linter on the output), each run a fresh process tree with an empty \`TMPDIR\` (no tsx transform cache): cold. `
    + `It synthesizes ${exampleDocs.length} documents (${kindsOf(exampleDocs)}).`,
    '',
    `Plain route: a project laid out by \`cdk8s init typescript-app\` (its tsconfig.json, \`app: ${plain.appCommand}\`, ts-node type-checking), with \`cdk8s import\` of the ${'four'} CRDs of \`workflows-v4.1.2/crds-full\` (${(plain.importBytes / 1e6).toFixed(1)} MB of TypeScript; the import itself took ${plain.importSeconds.toFixed(1)} s, not counted). `
    + `Its main.ts (${plainLines} lines) is generated from the example app's synthesized ${compared.length} object(s) (${kindsOf(compared)}), so it follows src/main.ts; after every run its output is asserted deeply equal to the example app's objects.`,
    '',
    `Runs interleaved, ${ctx.runs} each; medians. RSS: peak of the largest Node process, and the sum of the peaks of all Node processes of the command (npx, cdk8s CLI, app: an upper bound of what the tree held at once).`,
    '',
    table(['command', 'wall (median)', 'vs example', 'peak RSS, largest process', 'largest is', 'sum of process peaks', `runs (s)`], [
      row('example app, cold (1)', ex),
      row('plain cdk8s-import route, ts-node type-checked (2)', pl),
      row('example app, warm tsx cache', s.get('example-warm')!),
      row('example app, `--no-validate` (no lint plugin)', noPlugin),
      row('example app alone: `node --import tsx src/main.ts` (its cdk8s.yaml `app:`)', appOnly),
      row('example app alone: `node --require tsx/cjs src/main.ts`', s.get('app-tsx-cjs')!),
      row('example app alone, precompiled by tsc: `node lib/src/main.js`', compiled),
      row('cdk8s CLI with an empty app', cli),
      row('`node -e "require(\'yaml\')"`', nodeYaml),
    ]),
    '',
    'Where the cold example synth goes (medians of the rows above; differences of medians are estimates):',
    '',
    table(['part', 'time (share of the cold synth)', 'whose'], [
      ['cdk8s CLI start-up and its own work (measured with an empty app)', share(cli.wallMs), 'not ours: cdk8s-cli'],
      ['running the app\'s TypeScript through tsx: app via tsx - precompiled app', share(appOnly.wallMs - compiled.wallMs), 'ours: the `app:` line of cdk8s.yaml (tsx, cold transform cache)'],
      ['the precompiled app: Node start, loading cdk8s, cdk8s-plus-27 and our modules, constructs, synth, YAML', share(compiled.wallMs), 'ours (src/) and cdk8s'],
      ['the lint validation plugin: with plugin - `--no-validate`', share(ex.wallMs - noPlugin.wallMs), 'ours: src/cli/plugin.ts loading src/ through tsx, the linter and schema compile'],
      ['the rest: npx, spawning the app, reading its output', share(ex.wallMs - cli.wallMs - appOnly.wallMs - (ex.wallMs - noPlugin.wallMs)), 'npm / cdk8s-cli'],
      ['(for scale) Node plus the YAML library starting', share(nodeYaml.wallMs), 'Node'],
    ]),
    '',
    `Reading: target (1) asks for 2 s; the cdk8s CLI alone takes ${seconds(cli.wallMs)} here. With the app precompiled (same documents, no tsx), the estimate is ${seconds(ex.wallMs - (appOnly.wallMs - compiled.wallMs))}. `
    + `Target (2) is a ratio: with the plain route at ${seconds(pl.wallMs)}, it needs the example synth at ${seconds(pl.wallMs / 8)} or less.`,
    profile,
  ].join('\n');
  return { title: '1-2. Example app synth vs the plain cdk8s-import route', body, targets };
}

function kindsOf(docs: readonly Manifest[]): string {
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
