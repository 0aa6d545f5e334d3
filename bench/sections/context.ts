/** What every benchmark section gets from bench/run.ts. */
export interface BenchContext {
  readonly repoRoot: string;
  /** $ARGO_SCHEMA_DIR: Argo's schemas, CRDs and examples. */
  readonly schemaDir: string;
  /** Repetitions of each side-by-side measurement (5, or 2 with --quick). */
  readonly runs: number;
  readonly quick: boolean;
  /** Progress to stderr. */
  log(line: string): void;
}
