import { loadavg } from 'os';
import { formatLoad, MachineInfo } from './lib/machine';
import { SectionReport, table, verdict } from './lib/report';

export interface BenchmarkRun {
  readonly machine: MachineInfo;
  readonly reports: readonly SectionReport[];
  readonly quick: boolean;
  readonly totalSeconds: number;
  /** False when only some sections ran (--only). */
  readonly complete: boolean;
}

/** BENCHMARKS.md: the machine, the targets with pass/miss, then each section. */
export function renderBenchmarks(run: BenchmarkRun): string {
  const m = run.machine;
  const targets = run.reports.flatMap(r => r.targets);
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${run.quick ? ' -- --quick' : ''}\` (bench/run.ts); do not edit by hand. Issue #8.`,
    run.quick ? '\n**Quick run** (2 repetitions per measurement): indicative only.\n' : '',
    '## Machine',
    '',
    table(['', ''], [
      ['CPU', `${m.cpuModel}, ${m.cores} cores`],
      ['memory', `${m.memoryGb.toFixed(1)} GB`],
      ['Node', m.node],
      ['OS', m.os],
      ['load average (1/5/15 min) at start', formatLoad(m.loadAverage)],
      ['load average at end', formatLoad(loadavg())],
      ['measured tree', `commit ${m.commit}${m.uncommittedFiles ? ` plus ${m.uncommittedFiles} uncommitted file(s) of the working tree` : ''}`],
      ['started', m.startedAt],
      ['benchmark duration', `${Math.round(run.totalSeconds)} s`],
    ]),
    '',
    'A load average above the core count means other work shared the CPUs: absolute times are then',
    'inflated, while the ratios of side-by-side, interleaved runs stay comparable.',
    '',
    '## Targets',
    '',
    table(['target', 'measured (median)', 'asked', 'verdict'], targets.map(t => [t.name, t.measured, t.target, verdict(t.pass)])),
    '',
    ...run.reports.flatMap(r => [`## ${r.title}`, '', r.body, '']),
  ].join('\n');
}
