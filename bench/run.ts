/**
 * `npm run bench [-- --quick] [-- --only=synth,scaling,typecheck,lint,tests]`: measures issue #8's
 * targets side by side and writes BENCHMARKS.md (a partial run with --only prints the report
 * instead of writing the file).
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { describeMachine } from './lib/machine';
import { SectionReport } from './lib/report';
import { renderBenchmarks } from './render';
import { BenchContext } from './sections/context';
import { benchLintThroughput } from './sections/lint-throughput';
import { benchScaling } from './sections/scaling';
import { benchSynthExample } from './sections/synth-example';
import { benchTestSuite } from './sections/test-suite';
import { benchTypeCheck } from './sections/typecheck';

const SECTIONS: { readonly [name: string]: (ctx: BenchContext) => Promise<SectionReport> } = {
  synth: benchSynthExample,
  scaling: benchScaling,
  typecheck: benchTypeCheck,
  lint: benchLintThroughput,
  tests: benchTestSuite,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find(a => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : Object.keys(SECTIONS);
  const unknown = only.filter(name => !SECTIONS[name]);
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);

  const repoRoot = join(__dirname, '..');
  // The upstream folder (examples, CRDs); unset for what the bench runs, which then validates with
  // the schemas built into the package, as users do.
  const schemaDir = process.env.ARGO_SCHEMA_DIR || join(repoRoot, '..', 'shared', 'argo');
  delete process.env.ARGO_SCHEMA_DIR;
  const ctx: BenchContext = {
    repoRoot,
    schemaDir,
    runs: quick ? 2 : 5,
    repeats: quick ? 1 : 3,
    quick,
    log: line => process.stderr.write(`${line}\n`),
  };
  const machine = describeMachine(repoRoot);
  const started = performance.now();
  const reports: SectionReport[] = [];
  for (const name of only) reports.push(await runSection(name, ctx));
  const text = renderBenchmarks({ machine, reports, quick, totalSeconds: (performance.now() - started) / 1000, complete: !onlyArg });
  if (onlyArg) {
    process.stdout.write(text);
  } else {
    writeFileSync(join(repoRoot, 'BENCHMARKS.md'), text);
    ctx.log(`wrote BENCHMARKS.md (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

/** A section that throws still yields a report (with the error), so one failure does not lose the others. */
async function runSection(name: string, ctx: BenchContext): Promise<SectionReport> {
  try {
    return await SECTIONS[name](ctx);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.log(`section ${name} failed: ${e instanceof Error ? e.stack : message}`);
    process.exitCode = 1;
    return {
      title: `Section "${name}" failed`,
      body: `The section threw before it could measure:\n\n\`\`\`\n${message}\n\`\`\``,
      targets: [{ name: `section ${name}`, measured: 'error', target: 'runs', pass: false }],
    };
  }
}

main().catch(e => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
