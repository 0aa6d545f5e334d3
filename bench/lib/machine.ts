import { execFileSync } from 'child_process';
import { cpus, loadavg, release, totalmem } from 'os';

/** What the numbers were measured on, and in which state of the working tree. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly os: string;
  readonly loadAverage: readonly number[];
  readonly commit: string;
  readonly uncommittedFiles: number;
  readonly startedAt: string;
}

export function describeMachine(repoRoot: string): MachineInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    // BENCHMARKS.md is this run's output, not part of the measured tree.
    uncommittedFiles: git('status', '--porcelain').split('\n').filter(line => line && !line.endsWith(' BENCHMARKS.md')).length,
    startedAt: new Date().toISOString(),
  };
}

/** 1, 5 and 15 minute load averages, e.g. `5.20 / 5.62 / 3.96`. */
export function formatLoad(load: readonly number[]): string {
  return load.map(l => l.toFixed(2)).join(' / ');
}
