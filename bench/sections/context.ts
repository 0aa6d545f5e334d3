/** What every benchmark section gets from bench/run.ts. */
export interface BenchContext {
  readonly repoRoot: string;
  /** $ARGO_SCHEMA_DIR: Argo's schemas, CRDs and examples. */
  readonly schemaDir: string;
  /** Repetitions of the synth comparison, targets (1) and (2) (5, or 2 with --quick). */
  readonly runs: number;
  /** Repetitions of the other measurements (3, or 1 with --quick). */
  readonly repeats: number;
  readonly quick: boolean;
  /** Progress to stderr. */
  log(line: string): void;
}
