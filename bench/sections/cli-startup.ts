import { mkdtempSync, readFileSync } from 'fs';
import { join } from 'path';
import { table } from '../lib/report';
import { runMeasured } from '../lib/run-process';
import { median } from '../lib/stats';
import { benchTempDir, newTempDir } from '../lib/temp';

const HOOK = join(__dirname, '..', 'lib', 'require-timer-hook.cjs');
const COMMANDS_DIR = 'cdk8s-cli/lib/cli/cmds/';

/**
 * What the cdk8s CLI loads for its commands before `synth` runs anything: each command module's
 * own require()s, timed in the CLI process (callees included) while it synthesizes an empty app.
 * A dependency of another command (`init` needs jsii-pacmak) is start-up time `synth` never uses.
 */
export async function cliStartupBreakdown(emptyApp: string, runs: number): Promise<{ text: string; unusedMs: number }> {
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const file = join(mkdtempSync(join(benchTempDir(), 'require-')), 'times.jsonl');
    await runMeasured('npx', ['cdk8s', 'synth', '--check-upgrade', 'false', '-o', newTempDir('out')], {
      cwd: emptyApp, check: true, freshTmpDir: true,
      env: { BENCH_REQUIRE_FILE: file, BENCH_REQUIRE_FROM: COMMANDS_DIR, NODE_OPTIONS: `--require "${HOOK}"` },
    });
    const cli = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as { argv: string; times: Record<string, number> })
      .find(r => r.argv.includes('cdk8s synth'));
    if (!cli) throw new Error('the cdk8s CLI process reported no require times');
    for (const [key, ms] of Object.entries(cli.times)) samples.set(key, [...(samples.get(key) ?? []), ms]);
  }
  const medians = [...samples].map(([key, ms]) => ({ key, ms: median(ms) })).filter(r => r.ms >= 5).sort((a, b) => b.ms - a.ms);
  const command = (key: string) => key.slice(0, key.indexOf('.js ->'));
  const request = (key: string) => key.slice(key.indexOf('-> ') + 3);
  const synthNeeds = (key: string) => command(key) === 'synth' || samples.has(`synth.js -> ${request(key)}`);
  const unusedMs = medians.filter(r => !synthNeeds(r.key)).reduce((sum, r) => sum + r.ms, 0);
  const text = [
    `The CLI's start-up, by what each command module requires (\`cdk8s-cli/lib/cli/cmds/<command>.js -> module\`, callees included; a module two commands share is charged to the first that loads it), medians of ${runs} runs of the CLI with the empty app:`,
    '',
    table(['command module -> what it loads', 'time (median)', 'needed by `synth`'], medians.map(r => [
      `\`${r.key}\``, `${Math.round(r.ms)} ms`, synthNeeds(r.key) ? 'yes (synth.js requires it too)' : `no (only \`cdk8s ${command(r.key)}\` uses it)`,
    ])),
  ].join('\n');
  return { text, unusedMs };
}
