import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

let root: string | undefined;

/** One temp folder per benchmark run (removed at exit unless BENCH_KEEP_TEMP=1). */
export function benchTempDir(): string {
  if (!root) {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-bench-'));
    root = dir;
    if (process.env.BENCH_KEEP_TEMP !== '1') process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return root;
}

/** A new empty folder inside the run's temp folder. */
export function newTempDir(prefix: string): string {
  return mkdtempSync(join(benchTempDir(), `${prefix}-`));
}
