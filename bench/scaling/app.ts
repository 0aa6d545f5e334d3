/**
 * Child process of the scaling benchmark: `node --import tsx bench/scaling/app.ts <n> <outdir> [charts] [foreign]`.
 * Builds and synthesizes the generated app as `cdk8s synth` would (app.synth(): validations,
 * YAML files), then serializes the same final documents with cdk8s's YAML library (the floor),
 * and prints the timings as one JSON line. With BENCH_SCALING_REPEAT=1 it then builds and
 * synthesizes a second app of the same shape (warm).
 */
import { performance } from 'perf_hooks';
import { Yaml } from 'cdk8s';
import { median } from '../lib/stats';
import type * as Library from '../../src';
import { buildScalingApp } from './build-app';

/** What the child reports. */
export interface ScalingRunResult {
  readonly n: number;
  /** Charts the objects are spread over. */
  readonly charts: number;
  /** Plain cdk8s ConfigMaps added (objects the library does not render). */
  readonly foreign: number;
  readonly documents: number;
  readonly yamlBytes: number;
  /** From process start to the first line after the imports (Node, tsx, module loading). */
  readonly loadMs: number;
  readonly constructMs: number;
  /** app.synth(): validation (the rule engine), resolution, YAML, files. */
  readonly synthMs: number;
  /** Median of 3 `Yaml.stringify(...docs)` of the final documents. */
  readonly floorMs: number;
  /** Peak RSS up to the end of synth (before the floor measurement). */
  readonly synthMaxRssMb: number;
  /** With BENCH_SCALING_REPEAT=1: construct and synth of a second app of the same shape, in the same process, after the floor. */
  readonly repeat?: { readonly constructMs: number; readonly synthMs: number };
}

function main(): void {
  const n = Number(process.argv[2]);
  const outdir = process.argv[3];
  const charts = Number(process.argv[4] ?? 1);
  const foreign = Number(process.argv[5] ?? 0);
  if (!Number.isInteger(n) || n <= 0 || !outdir || !Number.isInteger(charts) || charts <= 0 || charts > n || !Number.isInteger(foreign) || foreign < 0) {
    throw new Error('usage: app.ts <n> <outdir> [charts <= n] [foreign >= 0]');
  }
  // The library as users run it: compiled JavaScript (BENCH_SCALING_LIBRARY, the package entry
  // the benchmark compiled); the TypeScript sources through tsx otherwise.
  const lib: typeof Library = require(process.env.BENCH_SCALING_LIBRARY ?? '../../src');
  const loadMs = performance.now();
  const t0 = performance.now();
  const app = buildScalingApp(lib, n, outdir, charts, foreign);
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const synthMaxRssMb = process.resourceUsage().maxRSS / 1024;
  // Profiling runs stop here, so that the profile shows the app's own work only.
  if (process.env.BENCH_SCALING_SYNTH_ONLY === '1') return;

  const docs = app.charts.flatMap(chart => Object.values(chart.toJson()));
  const floors: number[] = [];
  let yamlBytes = 0;
  for (let r = 0; r < 3; r++) {
    const f0 = performance.now();
    const text = Yaml.stringify(...docs);
    floors.push(performance.now() - f0);
    yamlBytes = Buffer.byteLength(text);
  }
  // The same work again, warm: what the first run spends on running the code for the first time
  // (interpreter, JIT compilation, deoptimizations) shows as the difference.
  let repeat: ScalingRunResult['repeat'];
  if (process.env.BENCH_SCALING_REPEAT === '1') {
    const r0 = performance.now();
    const again = buildScalingApp(lib, n, `${outdir}-again`, charts, foreign);
    const r1 = performance.now();
    again.synth();
    repeat = { constructMs: r1 - r0, synthMs: performance.now() - r1 };
  }
  const result: ScalingRunResult = {
    n, charts, foreign, documents: docs.length, yamlBytes, loadMs, constructMs: t1 - t0, synthMs: t2 - t1, floorMs: median(floors), synthMaxRssMb, repeat,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
