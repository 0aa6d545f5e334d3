import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { benchTempDir } from './temp';

const RSS_HOOK = join(__dirname, 'rss-hook.cjs');

/** Peak RSS of one Node process of a measured command. */
export interface NodeProcessPeak {
  readonly pid: number;
  /** Script and arguments, e.g. `/work/main/node_modules/.bin/cdk8s synth`. */
  readonly argv: string;
  readonly maxRssMb: number;
}

/** What one run of a command cost. */
export interface ProcessResult {
  readonly wallMs: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every Node process of the command (the command itself, npx, the app...), as each reported at exit. */
  readonly processes: readonly NodeProcessPeak[];
  /** Largest peak RSS of one Node process (what `/usr/bin/time -f %M` reports for the tree). */
  readonly maxRssMb: number;
  /** Sum of the peaks of all Node processes: an upper bound of the tree's footprint. */
  readonly sumRssMb: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Give the command an empty temp dir (TMPDIR): no tsx transform cache, a cold start. */
  readonly freshTmpDir?: boolean;
  /** Fail unless the command exits with 0. */
  readonly check?: boolean;
}

/**
 * Runs a command, timing it from spawn to exit (wall clock) and collecting the peak RSS of each
 * Node process it starts through a preloaded hook (Node-only: no `/usr/bin/time` needed).
 */
export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const rssFile = join(mkdtempSync(join(benchTempDir(), 'rss-')), 'rss.jsonl');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    BENCH_RSS_FILE: rssFile,
    NODE_OPTIONS: `${options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ''} --require "${RSS_HOOK}"`.trim(),
  };
  if (options.freshTmpDir) env.TMPDIR = mkdtempSync(join(benchTempDir(), 'tmp-'));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', code => {
      const wallMs = performance.now() - started;
      const processes = readPeaks(rssFile);
      const result: ProcessResult = {
        wallMs,
        exitCode: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        processes,
        maxRssMb: Math.max(0, ...processes.map(p => p.maxRssMb)),
        sumRssMb: processes.reduce((s, p) => s + p.maxRssMb, 0),
      };
      if (options.check && result.exitCode !== 0) {
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited with ${result.exitCode}:\n${tail(result.stderr || result.stdout)}`));
      } else {
        resolve(result);
      }
    });
  });
}

function readPeaks(file: string): NodeProcessPeak[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => {
    const r = JSON.parse(line) as { pid: number; argv: string; maxRssKb: number };
    return { pid: r.pid, argv: r.argv, maxRssMb: r.maxRssKb / 1024 };
  });
}

/** The last lines of a command's output, for error messages. */
export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
