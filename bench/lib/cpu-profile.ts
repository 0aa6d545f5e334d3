import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { table } from './report';
import { runMeasured } from './run-process';
import { describeProcess } from './side-by-side';
import { newTempDir } from './temp';

/** V8's .cpuprofile format (the parts we read). */
interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: CallFrame; children?: readonly number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  /** Added by cpu-prof-hook.cjs. */
  readonly argv?: string;
}

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based, in the code V8 ran. */
  readonly lineNumber: number;
  /** 0-based line in the TypeScript source, added by cpu-prof-hook.cjs from the source map. */
  readonly originalLine?: number;
}

/** `:line` (1-based) of a frame, in the source file when known. */
function lineOf(frame: CallFrame): string {
  return frame.url ? `:${(frame.originalLine ?? frame.lineNumber) + 1}` : '';
}

/** Self time of one process's profile, by function and by file/package. */
export interface ProfileSummary {
  readonly process: string;
  readonly totalMs: number;
  readonly byFunction: readonly { readonly name: string; readonly where: string; readonly ms: number }[];
  readonly byFile: readonly { readonly where: string; readonly ms: number }[];
  /** Functions of this repository (src/, bin/, bench/) by inclusive time (self plus callees). */
  readonly oursInclusive: readonly { readonly name: string; readonly where: string; readonly ms: number }[];
}

const HOOK = join(__dirname, 'cpu-prof-hook.cjs');

/**
 * Runs a command with every Node process profiled (cpu-prof-hook.cjs preloaded through
 * NODE_OPTIONS) and summarizes each profile's self time, largest first.
 */
export async function profileCommand(command: string, args: readonly string[], cwd: string, repoRoot: string, env: NodeJS.ProcessEnv = {}): Promise<ProfileSummary[]> {
  const dir = newTempDir('cpu-prof');
  await runMeasured(command, args, {
    cwd, check: true, freshTmpDir: true,
    env: { ...env, BENCH_CPU_PROF_DIR: dir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${HOOK}"`.trim() },
  });
  return readdirSync(dir).filter(f => f.endsWith('.cpuprofile'))
    .map(f => summarizeProfile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile, repoRoot))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function summarizeProfile(profile: CpuProfile, repoRoot: string): ProfileSummary {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, { name: string; where: string; ms: number }>();
  const files = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const where = locate(node.callFrame.url, repoRoot);
    if (!us || node.callFrame.functionName === '(idle)') continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const line = lineOf(node.callFrame);
    const key = `${name} ${where}${line}`;
    const entry = fn.get(key) ?? { name, where: `${where}${line}`, ms: 0 };
    entry.ms += us / 1000;
    fn.set(key, entry);
    files.set(groupOf(where), (files.get(groupOf(where)) ?? 0) + us / 1000);
  }
  const totalMs = [...files.values()].reduce((a, b) => a + b, 0);
  return {
    oursInclusive: inclusiveOurs(profile, repoRoot),
    process: describeProcess(profile.argv ?? ''),
    totalMs,
    byFunction: [...fn.values()].sort((a, b) => b.ms - a.ms),
    byFile: [...files].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms),
  };
}

/** Inclusive time of this repository's functions (sources or compiled lib/): each sample counts once per function on its stack. */
function inclusiveOurs(profile: CpuProfile, repoRoot: string): { name: string; where: string; ms: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const keyOf = new Map<number, string | undefined>();
  const info = new Map<string, { name: string; where: string; ms: number }>();
  for (const node of profile.nodes) {
    const where = locate(node.callFrame.url, repoRoot);
    if (!/^(lib\/)?(src|imports|bin|bench)\//.test(where)) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const key = `${name} ${where}${lineOf(node.callFrame)}`;
    keyOf.set(node.id, key);
    if (!info.has(key)) info.set(key, { name, where: `${where}${lineOf(node.callFrame)}`, ms: 0 });
  }
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const key = keyOf.get(n);
      if (key && !seen.has(key)) {
        seen.add(key);
        info.get(key)!.ms += (profile.timeDeltas[i] ?? 0) / 1000;
      }
    }
  });
  return [...info.values()].sort((a, b) => b.ms - a.ms);
}

/** A repository-relative path, `node_modules/<package>/...`, `node:internal/...`, or a V8 pseudo-frame. */
function locate(url: string, repoRoot: string): string {
  if (!url) return '(native/V8)';
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  if (path.startsWith('/')) return relative(repoRoot, path);
  return path;
}

/** Files of our repository stay files; a dependency counts as its package. */
function groupOf(where: string): string {
  const nm = where.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = where.slice(nm + 'node_modules/'.length).split('/');
    return `${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]} (package)`;
  }
  if (where.startsWith('node:')) return 'Node internals';
  return where;
}

/** The function of the library (src/, imports/) with the most self time, and its share of the samples. */
export function topLibraryFunction(summary: ProfileSummary): string | undefined {
  const top = summary.byFunction.find(f => /^(lib\/)?(src|imports)\//.test(f.where));
  if (!top) return undefined;
  return `\`${top.name}\` at \`${top.where}\`: ${Math.round(top.ms)} ms of self time, ${(100 * top.ms / summary.totalMs).toFixed(1)}% of the samples`;
}

/** The named functions of the library (src/, imports/) with the most inclusive time: where its time goes, callees included. */
export function topLibraryInclusive(summary: ProfileSummary, count = 3): string | undefined {
  const top = summary.oursInclusive.filter(f => /^(lib\/)?(src|imports)\//.test(f.where) && f.name !== '(anonymous)').slice(0, count);
  if (!top.length) return undefined;
  return top.map(f => `\`${f.name}\` at \`${f.where}\` ${(100 * f.ms / summary.totalMs).toFixed(1)}%`).join(', ');
}

/** Markdown: the top self-time files/packages and functions of each profiled process. */
export function renderProfiles(summaries: readonly ProfileSummary[], top = 12): string {
  return summaries.filter(s => s.totalMs > 50).map(s => {
    const pct = (ms: number) => `${(100 * ms / s.totalMs).toFixed(1)}%`;
    return [
      `Process \`${s.process}\`, ${(s.totalMs / 1000).toFixed(2)} s of samples. Self time by file or package:`,
      '',
      table(['file / package', 'self time', 'share'], s.byFile.slice(0, top).map(f => [`\`${f.where}\``, `${Math.round(f.ms)} ms`, pct(f.ms)])),
      '',
      'Top functions by self time:',
      '',
      table(['function', 'where', 'self time', 'share'], s.byFunction.slice(0, top).map(f => [`\`${f.name}\``, `\`${f.where}\``, `${Math.round(f.ms)} ms`, pct(f.ms)])),
      '',
      ...(s.oursInclusive.length ? [
        'Functions of this repository by inclusive time (self plus everything they call):',
        '',
        table(['function', 'where', 'inclusive time', 'share'], s.oursInclusive.slice(0, top).map(f => [`\`${f.name}\``, `\`${f.where}\``, `${Math.round(f.ms)} ms`, pct(f.ms)])),
        '',
      ] : []),
    ].join('\n');
  }).join('\n');
}
