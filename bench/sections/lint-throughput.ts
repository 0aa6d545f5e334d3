import { join } from 'path';
import { profileCommand, renderProfiles } from '../lib/cpu-profile';
import { SectionReport, table, TargetResult } from '../lib/report';
import { runMeasured } from '../lib/run-process';
import { median, secondsBare, series } from '../lib/stats';
import type { LintRunResult } from '../lint/measure';
import { BenchContext } from './context';

const SCRIPT = 'bench/lint/measure.ts';

/** Target (5): lint() throughput over every parseable upstream example document. */
export async function benchLintThroughput(ctx: BenchContext): Promise<SectionReport> {
  const { repoRoot, log } = ctx;
  log('(5) lint throughput on the upstream examples');
  const dirs = [join(ctx.schemaDir, 'workflows-v4.1.2', 'examples'), join(ctx.schemaDir, 'events-v1.9.11', 'examples')];
  const runs: LintRunResult[] = [];
  const repetitions = ctx.repeats;
  for (let r = 0; r < repetitions; r++) {
    const p = await runMeasured('node', ['--import', 'tsx', SCRIPT, ...dirs], { cwd: repoRoot, check: true, freshTmpDir: true });
    const result = JSON.parse(p.stdout.trim().split('\n').pop()!) as LintRunResult;
    runs.push(result);
    log(`  run ${r + 1}: parse ${secondsBare(result.parseMs)} s, first lint ${secondsBare(result.firstLintMs)} s, lint ${secondsBare(result.lintMs)} s`);
  }
  const m = (f: (r: LintRunResult) => number) => median(runs.map(f));
  const docs = runs[0].documents;
  const perSecond = (ms: number) => Math.round(docs / (ms / 1000));
  const steady = perSecond(m(r => r.lintMs));
  const targets: TargetResult[] = [
    { name: '(5) lint throughput, schema check on (steady state)', measured: `${steady} documents/s`, target: '>= 1,000 documents/s', pass: steady >= 1000 },
  ];
  let profile = '';
  if (!targets[0].pass) {
    log('  profiling the lint run (target missed)');
    profile = ['', '### Profile of the missed target (one `node --cpu-prof` run of the measuring process: parse, first lint, repeated lints)', '',
      renderProfiles((await profileCommand('node', ['--import', 'tsx', SCRIPT, ...dirs], repoRoot, repoRoot)).slice(0, 1), 15)].join('\n');
  }
  const body = [
    `All ${runs[0].files} .yaml/.yml/.json files below \`workflows-v4.1.2/examples\` and \`events-v1.9.11/examples\`, parsed as \`cdk8s-argo lint\` parses them (parseManifests: ${docs} documents; ${runs[0].unparseable} document(s) left out as unparseable), then linted together in one \`lint()\` call (schema check on, Workflows v4.1.2). `
    + `Each run is a fresh process: the first call loads and compiles the schemas; the steady state is the median of 5 further calls. ${repetitions} process run(s); medians.`,
    '',
    table(['phase', 'time (median)', 'documents/s', 'runs (s)'], [
      ['YAML parsing (parseManifests), not in the figure', `${secondsBare(m(r => r.parseMs))} s`, String(perSecond(m(r => r.parseMs))), series(runs.map(r => r.parseMs), secondsBare)],
      ['first lint() call, schema load and compile included', `${secondsBare(m(r => r.firstLintMs))} s`, String(perSecond(m(r => r.firstLintMs))), series(runs.map(r => r.firstLintMs), secondsBare)],
      ['lint(), steady state (5)', `${secondsBare(m(r => r.lintMs))} s`, String(steady), series(runs.map(r => r.lintMs), secondsBare)],
      ['lint() with schema: false (rules only), steady state', `${secondsBare(m(r => r.rulesOnlyMs))} s`, String(perSecond(m(r => r.rulesOnlyMs))), series(runs.map(r => r.rulesOnlyMs), secondsBare)],
    ]),
    '',
    `The lint reports ${runs[0].errors} error finding(s) on these examples (the known upstream exceptions: removed fields, names Kubernetes rejects).`,
    profile,
  ].join('\n');
  return { title: '5. Lint throughput on the upstream examples', body, targets };
}
