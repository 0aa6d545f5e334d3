import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SectionReport, table, TargetResult } from '../lib/report';
import { ProcessResult, runMeasured } from '../lib/run-process';
import { sideBySide } from '../lib/side-by-side';
import { megabytes, ratio, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import { BenchContext } from './context';

/**
 * Target (4): `tsc --noEmit` of a small user project importing the library from its package
 * entry (src/index.ts), with the tsconfig.json of `cdk8s init typescript-app`; side by side with
 * the same project using cdk8s alone.
 */
export async function benchTypeCheck(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(4) tsc --noEmit of a user app');
  const template = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json'), 'utf8'));
  const project = (file: string) => {
    const dir = newTempDir('user-app');
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    copyFileSync(join(repoRoot, 'bench', 'user-app', file), join(dir, 'main.ts'));
    const tsconfig = {
      ...template,
      compilerOptions: { ...template.compilerOptions, noEmit: true, paths: { 'cdk8s-argo': [join(repoRoot, 'src', 'index.ts')] } },
      include: ['main.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    return dir;
  };
  const userDir = project('main.ts');
  const baselineDir = project('baseline.ts');
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const errorsOf = new Map<string, ProcessResult>();
  const run = (id: string, dir: string) => async () => {
    const r = await runMeasured('node', [tsc, '--noEmit', '-p', dir, '--extendedDiagnostics'], { cwd: dir });
    errorsOf.set(id, r);
    return r;
  };
  const s = await sideBySide([{ id: 'user', run: run('user', userDir) }, { id: 'baseline', run: run('baseline', baselineDir) }], ctx.runs, log);
  const user = s.get('user')!;
  const base = s.get('baseline')!;
  const userErrors = diagnostics(errorsOf.get('user')!);
  const files = diagnosticValue(errorsOf.get('user')!.stdout, 'Files');
  const lines = diagnosticValue(errorsOf.get('user')!.stdout, 'Lines of TypeScript');
  const targets: TargetResult[] = [
    { name: '(4) `tsc --noEmit` of a user app importing the library', measured: seconds(user.wallMs), target: '<= 3 s', pass: user.wallMs <= 3000 && userErrors.length === 0 },
  ];
  const body = [
    'A user project (bench/user-app/main.ts: a WorkflowTemplate with a DAG, parameters and an S3 artifact, a CronWorkflow, an EventBus, a webhook EventSource and a sensor) importing everything from `cdk8s-argo`, mapped to the package entry src/index.ts; the tsconfig.json of `cdk8s init typescript-app` (strict, no skipLibCheck) plus that path and `noEmit`. Baseline: a similar chart with cdk8s alone (bench/user-app/baseline.ts), same tsconfig.',
    `Runs interleaved, ${ctx.runs} each; medians.`,
    '',
    table(['project', 'wall (median)', 'vs baseline', 'peak RSS', 'runs (s)'], [
      ['user app importing cdk8s-argo (4)', seconds(user.wallMs), ratio(user.wallMs, base.wallMs), megabytes(user.maxRssMb), series(user.runs.map(r => r.wallMs), secondsBare)],
      ['cdk8s alone', seconds(base.wallMs), '1.00x', megabytes(base.maxRssMb), series(base.runs.map(r => r.wallMs), secondsBare)],
    ]),
    '',
    `The user project type-checks ${files ?? '?'} files, ${lines ?? '?'} lines of TypeScript (tsc --extendedDiagnostics). `
    + (userErrors.length ? `**tsc reported ${userErrors.length} error(s)**, so a user with the template's tsconfig cannot build against the sources as they are:\n\n${userErrors.slice(0, 10).map(e => `    ${e}`).join('\n')}` : 'tsc reported no error.'),
  ].join('\n');
  return { title: '4. Type-check cost of a user app', body, targets };
}

function diagnostics(r: ProcessResult): string[] {
  return r.stdout.split('\n').filter(l => /error TS\d+/.test(l));
}

function diagnosticValue(output: string, name: string): string | undefined {
  const line = output.split('\n').find(l => l.startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}
