import { table } from './report';
import { CheckAttribution, PackageCheckTime } from './tsc-trace';

/** Packages of a user app's type-check, grouped by who is answerable for them. */
export const GROUPS = {
  app: { label: 'the user app (main.ts)', has: (p: string) => p === 'app' },
  ours: { label: 'cdk8s-argo: our declarations (lib/src, lib/imports)', has: (p: string) => p === 'cdk8s-argo' },
  plus: { label: 'cdk8s-plus-27: our dependency, loaded because our declarations import it', has: (p: string) => p === 'cdk8s-plus-27' },
  cdk8s: { label: 'cdk8s, constructs', has: (p: string) => p === 'cdk8s' || p === 'constructs' },
  node: { label: '@types/node and what it imports (undici-types, buffer)', has: (p: string) => ['@types/node', 'undici-types', 'buffer'].includes(p) },
  lib: { label: "TypeScript's lib.*.d.ts", has: (p: string) => p === 'typescript' },
  unknown: { label: 'unattributed', has: (p: string) => p === '?' },
  jest: { label: "the other @types (jest's: babel__*, jest, yargs...) and what they import (@babel/types, @sinclair/typebox, expect...)", has: () => true },
} as const;

export type GroupName = keyof typeof GROUPS;

/** A group's sums over its packages, largest packages first. */
export interface GroupTime {
  readonly fileMs: number;
  readonly subjectMs: number;
  readonly parseBindMs: number;
  readonly members: readonly PackageCheckTime[];
}

/** Sums the attribution's packages by group (each package in the first group that has it). */
export function groupTimes(at: CheckAttribution): Record<GroupName, GroupTime> {
  const names = Object.keys(GROUPS) as GroupName[];
  const groups = {} as Record<GroupName, { fileMs: number; subjectMs: number; parseBindMs: number; members: PackageCheckTime[] }>;
  for (const n of names) groups[n] = { fileMs: 0, subjectMs: 0, parseBindMs: 0, members: [] };
  for (const p of at.packages) {
    const g = groups[names.find(n => GROUPS[n].has(p.name))!];
    g.fileMs += p.fileMs;
    g.subjectMs += p.subjectMs;
    g.parseBindMs += p.parseBindMs;
    g.members.push(p);
  }
  return groups;
}

/** The groups as a Markdown table; `scale` turns a traced check time into its part of the timed median. */
export function groupTable(at: CheckAttribution, groups: Record<GroupName, GroupTime>, scale: (ms: number) => string): string {
  const pct = (ms: number) => `${(100 * ms / at.totalMs).toFixed(1)}%`;
  const ms = (v: number) => `${Math.round(v)} ms`;
  return table(['group', 'checking its files', 'share', 'as subject', 'share', '≈ of the median check time', 'parse + bind', 'largest packages (checking their files)'],
    (Object.keys(GROUPS) as GroupName[]).filter(n => groups[n].members.length).map(n => {
      const g = groups[n];
      return [GROUPS[n].label, ms(g.fileMs), pct(g.fileMs), ms(g.subjectMs), pct(g.subjectMs), scale(g.fileMs), ms(g.parseBindMs),
        g.members.slice(0, 4).map(m => `${m.name} ${ms(m.fileMs)}`).join(', ')];
    }));
}
