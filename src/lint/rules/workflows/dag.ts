import { asArray, CallSite, str } from './model';
import { perManifest } from '../../util/manifest-memo';

/** One task reference in a `depends` expression: `a`, `a.Succeeded`... */
export interface DependsRef {
  readonly task: string;
  readonly result?: string;
}

// Argo's own pattern (workflow/common/ancestry.go): `task.Result` or a bare task name.
const TASK_REF = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;
const refsCache = new Map<string, readonly DependsRef[]>();

/** Task references of a `depends` expression, as Argo extracts them. */
export function dependsRefs(depends: string): readonly DependsRef[] {
  let refs = refsCache.get(depends);
  if (!refs) {
    const out: DependsRef[] = [];
    for (const m of depends.matchAll(TASK_REF)) {
      if (m[1]) {
        const dot = m[1].indexOf('.');
        out.push({ task: m[1].slice(0, dot), result: m[1].slice(dot + 1) });
      } else {
        out.push({ task: m[2] });
      }
    }
    refs = out;
    if (refsCache.size > 5000) refsCache.clear();
    refsCache.set(depends, refs);
  }
  return refs;
}

/** Names of the tasks a task depends on, from `depends` or else `dependencies`. */
export function taskDependencies(task: any): string[] {
  const depends = str(task?.depends);
  if (depends) return [...new Set(dependsRefs(depends).map(r => r.task))];
  return asArray(task?.dependencies).filter((d): d is string => typeof d === 'string');
}

/** True when a step/task loops (withItems, withParam or withSequence). */
export function isLooped(call: any): boolean {
  return (Array.isArray(call?.withItems) && call.withItems.length > 0)
    || (typeof call?.withParam === 'string' && call.withParam !== '')
    || (call?.withSequence !== undefined && call?.withSequence !== null);
}

/** The tasks of one DAG by name (first wins) and each task's direct dependencies. */
export interface DagGraph {
  readonly byName: ReadonlyMap<string, CallSite>;
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

/** Graphs by task list: W24, W27 and the variables analysis each ask for the graph of every DAG (`tasksOf` returns one list per template). */
export const dagGraph: (tasks: readonly CallSite[]) => DagGraph = perManifest(buildGraph);

function buildGraph(tasks: readonly CallSite[]): DagGraph {
  const byName = new Map<string, CallSite>();
  const dependencies = new Map<string, readonly string[]>();
  for (const t of tasks) {
    const name = str(t.call.name);
    if (!name || byName.has(name)) continue;
    byName.set(name, t);
    dependencies.set(name, taskDependencies(t.call));
  }
  return { byName, dependencies };
}

/**
 * Whether `ancestor` is reached from `task` through dependencies (transitively). Searches only
 * as far as needed, so a task reading its direct parent costs O(1) even in a long chain.
 */
export function isAncestor(graph: DagGraph, task: string, ancestor: string): boolean {
  if (task === ancestor || !graph.byName.has(ancestor)) return false;
  const seen = new Set<string>([task]);
  const queue = [task];
  for (let i = 0; i < queue.length; i++) {
    for (const dep of graph.dependencies.get(queue[i]) ?? []) {
      if (dep === ancestor) return true;
      if (seen.has(dep) || !graph.byName.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  return false;
}
