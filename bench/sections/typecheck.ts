import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SectionReport, table, TargetResult } from '../lib/report';
import { ProcessResult, runMeasured } from '../lib/run-process';
import { sideBySide, VariantSummary } from '../lib/side-by-side';
import { megabytes, ratio, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import { compileLibrary } from './compiled-library';
import { BenchContext } from './context';

/**
 * Target (4): `tsc --noEmit` of a small user project importing the library from its package
 * entry (src/index.ts), with the tsconfig.json of `cdk8s init typescript-app`; side by side with
 * the same project against the compiled declarations (what an installed package ships) and a
 * similar project using cdk8s alone.
 */
export async function benchTypeCheck(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(4) tsc --noEmit of a user app');
  const declarations = (await compileLibrary(repoRoot)).entryDeclarations;
  const template = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json'), 'utf8'));
  const project = (file: string, entry: string) => {
    const dir = newTempDir('user-app');
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    copyFileSync(join(repoRoot, 'bench', 'user-app', file), join(dir, 'main.ts'));
    const tsconfig = { ...template, compilerOptions: { ...template.compilerOptions, noEmit: true, paths: { 'cdk8s-argo': [entry] } }, include: ['main.ts'] };
    writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    return dir;
  };
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const last = new Map<string, ProcessResult>();
  const variant = (id: string, dir: string) => ({
    id,
    run: async () => {
      const r = await runMeasured('node', [tsc, '--noEmit', '-p', dir, '--extendedDiagnostics'], { cwd: dir });
      last.set(id, r);
      return r;
    },
  });
  const s = await sideBySide([
    variant('sources', project('main.ts', join(repoRoot, 'src', 'index.ts'))),
    variant('declarations', project('main.ts', declarations)),
    variant('baseline', project('baseline.ts', join(repoRoot, 'src', 'index.ts'))),
  ], ctx.repeats, log);
  const sources = s.get('sources')!;
  const base = s.get('baseline')!;
  const sourceErrors = errorsOf(last.get('sources')!);
  const targets: TargetResult[] = [
    {
      name: '(4) `tsc --noEmit` of a user app importing the package entry (src/index.ts)',
      measured: `${seconds(sources.wallMs)}${sourceErrors.length ? ` (${sourceErrors.length} type error(s))` : ''}`,
      target: '<= 3 s',
      pass: sources.wallMs <= 3000 && sourceErrors.length === 0,
    },
  ];
  const row = (label: string, id: string, v: VariantSummary) => {
    const out = last.get(id)!.stdout;
    return [label, seconds(v.wallMs), ratio(v.wallMs, base.wallMs), `${seconds(v.wallMs - base.wallMs)}`, diagnostic(out, 'Files'), diagnostic(out, 'Lines of TypeScript'), diagnostic(out, 'Lines of Definitions'),
      diagnostic(out, 'Check time'), megabytes(v.maxRssMb), String(errorsOf(last.get(id)!).length), series(v.runs.map(r => r.wallMs), secondsBare)];
  };
  const body = [
    'A user project (bench/user-app/main.ts: a WorkflowTemplate with a DAG, parameters and an S3 artifact, a CronWorkflow, an EventBus, a webhook EventSource and a sensor) importing everything from `cdk8s-argo`; the tsconfig.json of `cdk8s init typescript-app` (strict, ES2017 target, no skipLibCheck) plus `noEmit` and a `paths` entry for `cdk8s-argo`. '
    + 'It points at the package entry src/index.ts (the target), or at the declarations tsc compiles from it (lib/src/index.d.ts, what an installed package ships). Baseline: a similar chart with cdk8s alone (bench/user-app/baseline.ts), same tsconfig: what any cdk8s user pays.',
    `Runs interleaved, ${ctx.repeats} each; medians. Files, lines and check time from \`tsc --extendedDiagnostics\` (last run).`,
    '',
    table(['project', 'wall (median)', 'vs baseline', 'added by the library', 'files', 'lines of TypeScript', 'lines of declarations', 'tsc check time', 'peak RSS', 'type errors', 'runs (s)'], [
      row('user app -> src/index.ts (4)', 'sources', sources),
      row('user app -> compiled declarations', 'declarations', s.get('declarations')!),
      row('cdk8s alone (baseline)', 'baseline', base),
    ]),
    '',
    `Reading: cdk8s alone already takes ${seconds(base.wallMs)}, more than the 3 s asked: tsc start-up and checking the declarations of @types/node, cdk8s and constructs (the template has no \`skipLibCheck\`), not ours. `
    + `The library adds ${seconds(sources.wallMs - base.wallMs)} when the user's tsc checks its sources, ${seconds(s.get('declarations')!.wallMs - base.wallMs)} through the compiled declarations.`,
    '',
    sourceErrors.length
      ? `**tsc reported ${sourceErrors.length} error(s)** against the sources with the template's tsconfig (its target, ES2017, is older than ours):\n\n${sourceErrors.slice(0, 10).map(e => `    ${e}`).join('\n')}`
      : 'tsc reported no error against the sources.',
  ].join('\n');
  return { title: '4. Type-check cost of a user app', body, targets };
}

function errorsOf(r: ProcessResult): string[] {
  return r.stdout.split('\n').filter(l => /error TS\d+/.test(l)).map(l => l.replace(/^.*?\/(src|imports)\//, '$1/'));
}

function diagnostic(output: string, name: string): string {
  const line = output.split('\n').find(l => l.startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '?';
}
