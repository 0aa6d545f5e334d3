import { profileCommand, renderProfiles, topLibraryFunction, topLibraryInclusive } from '../lib/cpu-profile';
import { SectionReport, table, TargetResult } from '../lib/report';
import { runMeasured } from '../lib/run-process';
import { median, megabytes, seconds, secondsBare, series } from '../lib/stats';
import { newTempDir } from '../lib/temp';
import type { ScalingRunResult } from '../scaling/app';
import { compileLibrary } from './compiled-library';
import { BenchContext } from './context';

const SIZES = [10, 100, 1000];
const APP = 'bench/scaling/app.ts';

interface SizeSummary {
  readonly n: number;
  readonly runs: readonly ScalingRunResult[];
  readonly documents: number;
  readonly yamlMb: number;
  readonly loadMs: number;
  readonly constructMs: number;
  readonly synthMs: number;
  /** construct + synth: what the app does after loading. */
  readonly buildAndSynthMs: number;
  readonly floorMs: number;
  readonly processWallMs: number;
  readonly processMaxRssMb: number;
  readonly synthMaxRssMb: number;
}

/** Target (3): generated apps of 10, 100, 1000 WorkflowTemplates, synth time vs the YAML floor. */
export async function benchScaling(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(3) scaling: N = 10, 100, 1000 WorkflowTemplates');
  const library = (await compileLibrary(repoRoot)).entry;
  const env = { BENCH_SCALING_LIBRARY: library };
  const runs = new Map<number, { result: ScalingRunResult; wallMs: number; maxRssMb: number }[]>(SIZES.map(n => [n, []]));
  const runOnce = async (n: number) => {
    const r = await runMeasured('node', ['--import', 'tsx', APP, String(n), newTempDir(`scaling-${n}`)], { cwd: repoRoot, check: true, freshTmpDir: true, env });
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!) as ScalingRunResult;
    runs.get(n)!.push({ result, wallMs: r.wallMs, maxRssMb: r.maxRssMb });
    log(`  N=${n}: construct ${secondsBare(result.constructMs)} s, synth ${secondsBare(result.synthMs)} s, floor ${secondsBare(result.floorMs)} s, process ${secondsBare(r.wallMs)} s, ${Math.round(r.maxRssMb)} MB`);
  };
  const repetitions = ctx.repeats;
  for (let r = 0; r < repetitions; r++) {
    const order = r % 2 ? [...SIZES].reverse() : SIZES;
    for (const n of order) await runOnce(n);
  }
  const sizes: SizeSummary[] = SIZES.map(n => {
    const list = runs.get(n)!;
    const m = (f: (x: ScalingRunResult) => number) => median(list.map(x => f(x.result)));
    return {
      n, runs: list.map(x => x.result), documents: list[0].result.documents, yamlMb: list[0].result.yamlBytes / 1e6,
      loadMs: m(x => x.loadMs), constructMs: m(x => x.constructMs), synthMs: m(x => x.synthMs),
      buildAndSynthMs: m(x => x.constructMs + x.synthMs), floorMs: m(x => x.floorMs),
      processWallMs: median(list.map(x => x.wallMs)), processMaxRssMb: median(list.map(x => x.maxRssMb)), synthMaxRssMb: m(x => x.synthMaxRssMb),
    };
  });
  const [, s100, s1000] = sizes;
  const floorRatio = s1000.buildAndSynthMs / s1000.floorMs;
  const growth = s1000.buildAndSynthMs / s100.buildAndSynthMs;
  const targets: TargetResult[] = [
    { name: '(3) N=1000: (construct + synth) / YAML floor', measured: `${floorRatio.toFixed(2)}x`, target: '<= 3x', pass: floorRatio <= 3 },
    { name: '(3) time(1000) / time(100), construct + synth', measured: `${growth.toFixed(1)}x`, target: '<= 12x', pass: growth <= 12 },
  ];

  let profile = '';
  if (targets.some(t => !t.pass)) {
    log('  profiling N=1000 (a target is missed)');
    const summaries = await profileCommand('node', ['--import', 'tsx', APP, '1000', newTempDir('scaling-prof')], repoRoot, repoRoot, { ...env, BENCH_SCALING_SYNTH_ONLY: '1' });
    const top = summaries[0] ? topLibraryFunction(summaries[0]) : undefined;
    const inclusive = summaries[0] ? topLibraryInclusive(summaries[0]) : undefined;
    profile = ['', '### Profile of a missed target: N=1000, one sampled run of the app process up to the end of synth (no floor)', '',
      'Sampling slows the process down; shares matter, not absolute times.',
      inclusive ? `Library functions with the most time, callees included (share of the samples): ${inclusive}.` : '',
      top ? `Largest self time in the library's code: ${top}.\n` : '',
      renderProfiles(summaries.slice(0, 1), 15)].join('\n');
  }

  const body = [
    'Each app: N WorkflowTemplates of 10 templates each (a 9-task DAG chain, a workflow parameter passed on as input parameters, an S3 output artifact consumed by the last task) and N/10 WorkflowSensors, each with its own webhook EventSource, submitting 10 templates with a body field mapped onto the parameter; one EventBus. Built with the library constructs through the package entry (bench/scaling/build-app.ts), compiled: the library runs as tsc compiled it, as an installed package runs it (its src/index.ts compiled by the benchmark into a temp folder); the app file itself runs through tsx.',
    '',
    `Each run is a fresh process (\`node --import tsx bench/scaling/app.ts N\` with BENCH_SCALING_LIBRARY naming the compiled entry, cold tsx cache) that times building the construct tree, then \`app.synth()\` (validations including the rule engine, resolution, YAML files), then serializes the same final documents with cdk8s's \`Yaml.stringify\` (the \`yaml\` package cdk8s uses) three times in the same process: the floor. ${repetitions} run(s) per N, sizes interleaved; medians.`,
    '',
    table(['N', 'documents', 'YAML', 'load (node, tsx, the library and cdk8s)', 'construct', 'synth', 'construct + synth', 'YAML floor', '(construct + synth) / floor', 'synth / floor', 'process wall', 'peak RSS (whole process)', 'peak RSS at end of synth'],
      sizes.map(s => [String(s.n), String(s.documents), `${s.yamlMb.toFixed(1)} MB`, seconds(s.loadMs), seconds(s.constructMs), seconds(s.synthMs), seconds(s.buildAndSynthMs), seconds(s.floorMs),
        `${(s.buildAndSynthMs / s.floorMs).toFixed(2)}x`, `${(s.synthMs / s.floorMs).toFixed(2)}x`, seconds(s.processWallMs), megabytes(s.processMaxRssMb), megabytes(s.synthMaxRssMb)])),
    '',
    table(['growth', 'construct', 'synth', 'construct + synth', 'floor'], [
      ['time(100) / time(10)', ...growthRow(sizes[1], sizes[0])],
      ['time(1000) / time(100)', ...growthRow(s1000, s100)],
    ]),
    '',
    `Runs of construct + synth (s): ${sizes.map(s => `N=${s.n}: ${series(s.runs.map(r => r.constructMs + r.synthMs), secondsBare)}`).join('; ')}.`,
    '',
    `Reading: from N=100 to N=1000 the construct phase grew ${(s1000.constructMs / s100.constructMs).toFixed(1)}x and synth ${(s1000.synthMs / s100.synthMs).toFixed(1)}x for 10x the objects; linear growth is 10x. `
    + 'The floor is one `Yaml.stringify` of the final documents (warm: measured after synth); `app.synth()` also builds and resolves every object once (the validation pass renders it and hands the JSON to the serialization), runs the rule engine once over all objects and every construct check once, and cdk8s orders the objects by dependency. When a target is missed, the profile below attributes the time by function.',
    profile,
  ].join('\n');
  return { title: '3. Scaling: N WorkflowTemplates and N/10 sensors', body, targets };
}

function growthRow(a: SizeSummary, b: SizeSummary): string[] {
  const g = (x: number, y: number) => `${(x / y).toFixed(1)}x`;
  return [g(a.constructMs, b.constructMs), g(a.synthMs, b.synthMs), g(a.buildAndSynthMs, b.buildAndSynthMs), g(a.floorMs, b.floorMs)];
}
