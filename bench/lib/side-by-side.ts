import { ProcessResult } from './run-process';
import { median } from './stats';

/** One of the commands compared in a side-by-side measurement. */
export interface Variant {
  readonly id: string;
  /** Runs the command once (fresh processes) and checks its output. */
  run(): Promise<ProcessResult>;
}

/** Median figures of a variant over its runs. */
export interface VariantSummary {
  readonly runs: readonly ProcessResult[];
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly sumRssMb: number;
  /** The Node process with the largest peak in the median run (by wall time). */
  readonly largestProcess: string;
}

/**
 * Runs every variant `runs` times, interleaved: run r starts with variant r mod n, so that each
 * variant meets the machine's changing load as often early as late in a round.
 */
export async function sideBySide(variants: readonly Variant[], runs: number, log: (line: string) => void): Promise<Map<string, VariantSummary>> {
  const results = new Map<string, ProcessResult[]>(variants.map(v => [v.id, []]));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(r + k) % variants.length];
      const result = await variant.run();
      results.get(variant.id)!.push(result);
      log(`  run ${r + 1}/${runs} ${variant.id}: ${(result.wallMs / 1000).toFixed(2)} s, largest process ${Math.round(result.maxRssMb)} MB`);
    }
  }
  return new Map([...results].map(([id, list]) => [id, summarize(list)]));
}

export function summarize(runs: readonly ProcessResult[]): VariantSummary {
  const wallMs = median(runs.map(r => r.wallMs));
  const medianRun = [...runs].sort((a, b) => Math.abs(a.wallMs - wallMs) - Math.abs(b.wallMs - wallMs))[0];
  const largest = [...medianRun.processes].sort((a, b) => b.maxRssMb - a.maxRssMb)[0];
  return {
    runs,
    wallMs,
    maxRssMb: median(runs.map(r => r.maxRssMb)),
    sumRssMb: median(runs.map(r => r.sumRssMb)),
    largestProcess: largest ? describeProcess(largest.argv) : 'none',
  };
}

/** A short name for a Node process from its argv. */
export function describeProcess(argv: string): string {
  if (/cdk8s(-cli)?\/bin\/cdk8s|\.bin\/cdk8s/.test(argv)) return 'cdk8s CLI';
  if (/npx-cli|npm-cli|\/npx\b/.test(argv)) return 'npx';
  if (/ts-node/.test(argv)) return 'app (ts-node)';
  if (/main\.[jt]s|app\.[jt]s/.test(argv)) return 'app';
  return argv ? argv.split(' ')[0].split('/').slice(-2).join('/') : 'node -e';
}
