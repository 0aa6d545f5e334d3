import { existsSync, readFileSync } from 'fs';
import { cpus } from 'os';
import { join, relative } from 'path';
import { SectionReport, table, TargetResult } from '../lib/report';
import { runMeasured, tail } from '../lib/run-process';
import { median, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import { BenchContext } from './context';

/** The parts of jest's --json report we read. */
interface JestReport {
  readonly startTime: number;
  readonly numFailedTests: number;
  readonly numTotalTests: number;
  readonly testResults: readonly { readonly name: string; readonly startTime: number; readonly endTime: number }[];
}

interface TestRun {
  readonly wallMs: number;
  readonly jestMs: number;
  readonly exitCode: number;
  readonly report?: JestReport;
  readonly output: string;
}

/**
 * Target (6): wall time of `npm test` (the type-check, then jest). Extra arguments after `--` reach
 * jest (the last command of the script), which writes a JSON report: jest's own wall time and
 * the slowest test files come from it, the type-check is the rest.
 */
export async function benchTestSuite(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(6) npm test');
  const repetitions = ctx.quick ? 1 : 2;
  const runs: TestRun[] = [];
  const jestAllCores: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const reportFile = join(newTempDir('jest'), 'report.json');
    const p = await runMeasured('npm', ['test', '--silent', '--', '--json', `--outputFile=${reportFile}`], { cwd: repoRoot });
    const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport : undefined;
    const jestEnd = Math.max(0, ...(report?.testResults ?? []).map(t => t.endTime));
    const jestMs = report ? jestEnd - report.startTime : 0;
    runs.push({ wallMs: p.wallMs, jestMs, exitCode: p.exitCode, report, output: p.stdout + p.stderr });
    // The same jest run with both cores (jest's default on 2 cores is one worker): what a jest.config.js change would give.
    const twoWorkers = await runMeasured('npx', ['jest', '--silent', `--maxWorkers=${cpus().length}`], { cwd: repoRoot });
    jestAllCores.push(twoWorkers.wallMs);
    log(`  run ${r + 1}: npm test ${secondsBare(p.wallMs)} s (exit ${p.exitCode}), jest ${secondsBare(jestMs)} s; jest --maxWorkers=${cpus().length} alone ${secondsBare(twoWorkers.wallMs)} s (exit ${twoWorkers.exitCode})`);
  }
  const wall = median(runs.map(r => r.wallMs));
  const jest = median(runs.map(r => r.jestMs));
  const last = runs[runs.length - 1];
  const failed = runs.some(r => r.exitCode !== 0);
  const targets: TargetResult[] = [
    { name: '(6) `npm test` wall time', measured: `${seconds(wall)}${failed ? ' (tests failed)' : ''}`, target: '<= 60 s', pass: wall <= 60000 },
  ];
  const slowest = [...(last.report?.testResults ?? [])]
    .map(t => ({ file: relative(repoRoot, t.name), ms: t.endTime - t.startTime }))
    .sort((a, b) => b.ms - a.ms);
  const testCpuMs = slowest.reduce((s, t) => s + t.ms, 0);
  const body = [
    `\`npm test -- --json --outputFile=<tmp>\` (\`${npmTestScript(repoRoot)}\`) on the working tree as it is, with the machine's usual temp dir (jest's transform cache as a developer or CI run on this machine finds it); ${repetitions} run(s), median${repetitions % 2 ? '' : ' (of two: their mean)'}. `
    + 'Type-check time is the wall time minus jest\'s (npm start-up included).',
    '',
    table(['part', 'wall (median)', 'runs (s)'], [
      ['`npm test`', seconds(wall), series(runs.map(r => r.wallMs), secondsBare)],
      ['of which jest (its JSON report: start to last file end)', seconds(jest), series(runs.map(r => r.jestMs), secondsBare)],
      ['of which the type-check (`npm run typecheck`) and npm', seconds(wall - jest), series(runs.map(r => r.wallMs - r.jestMs), secondsBare)],
      [`\`npx jest --maxWorkers=${cpus().length}\` alone (all cores), run right after`, seconds(median(jestAllCores)), series(jestAllCores, secondsBare)],
      [`estimate: \`npm test\` with jest on ${cpus().length} workers (type-check part + the row above)`, seconds(wall - jest + median(jestAllCores)), ''],
    ]),
    '',
    last.report ? `Jest ran ${last.report.numTotalTests} tests in ${slowest.length} files (${last.report.numFailedTests} failed), ${seconds(testCpuMs)} of test-file time in ${seconds(jest)} of wall time: `
      + `jest.config.js sets maxWorkers: '100%' (${cpus().length} workers here; jest's default would be cores - 1). Slowest files (last run):` : 'No jest report (the type-check failed before jest ran?).',
    '',
    slowest.length ? `${table(['test file', 'time', 'share of test-file time'], slowest.slice(0, 12).map(t => [`\`${t.file}\``, seconds(t.ms), `${(100 * t.ms / testCpuMs).toFixed(1)}%`]))}\n\n`
      + `Reading: the ${Math.min(3, slowest.length)} slowest files take ${(100 * slowest.slice(0, 3).reduce((a, t) => a + t.ms, 0) / testCpuMs).toFixed(0)}% of the test-file time; the type-check ${(100 * (wall - jest) / wall).toFixed(0)}% of the wall time.` : '',
    failed ? `\n**\`npm test\` failed** on this working tree (others' work in progress may be the cause); last lines of the last failing run:\n\n\`\`\`\n${tail(runs.filter(r => r.exitCode !== 0).pop()!.output.replace(/\{"numFailedTestSuites"[\s\S]*$/, ''), 15)}\n\`\`\`` : '',
  ].join('\n');
  return { title: '6. Test suite wall time', body, targets };
}

function npmTestScript(repoRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: { [name: string]: string } };
  return pkg.scripts?.test ?? '?';
}
