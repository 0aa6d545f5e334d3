import { closestName } from '../lint/rules/events/support/suggest';
import { ArgoGraphFocusError } from './focus-error';
import { ArgoGraph, ArgoGraphNode, ArgoGraphNodeKind } from './model';

/** Kinds a user focuses on by bare name ahead of the ConfigMaps and accounts that share it. */
const FLOW_KINDS = new Set<ArgoGraphNodeKind>(['Sensor', 'EventSource', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'Workflow', 'WorkflowEventBinding']);

/** `focusGraph()`, documented where src/graph/index.ts exports it (loading this module on first call). */
export function focusGraph(graph: ArgoGraph, names: readonly string[]): ArgoGraph {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of graph.nodes) if (n.parent) push(children, n.parent, n.id);
  const out = new Map<string, string[]>();
  for (const e of graph.edges) push(out, e.from, e.to);

  const start = names.flatMap(name => matchFocus(graph.nodes, byId, name));
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    queue.push(id);
  };
  const addWithParts = (id: string) => {
    visit(id);
    for (const child of children.get(id) ?? []) addWithParts(child);
  };
  start.forEach(addWithParts);
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of out.get(id) ?? []) visit(next);
  }
  const kept = new Set(reached);
  for (const id of reached) {
    for (let parent = byId.get(id)?.parent; parent && !kept.has(parent); parent = byId.get(parent)?.parent) kept.add(parent);
  }
  return {
    nodes: graph.nodes.filter(n => kept.has(n.id)),
    edges: graph.edges.filter(e => kept.has(e.from) && kept.has(e.to)),
    otherFindings: [],
    focus: [...new Set(start)],
  };
}

function matchFocus(nodes: readonly ArgoGraphNode[], byId: ReadonlyMap<string, ArgoGraphNode>, name: string): string[] {
  if (byId.has(name)) return [name];
  const keysOf = (n: ArgoGraphNode): string[] => {
    const parent = n.parent ? byId.get(n.parent) : undefined;
    const qualified = parent ? [`${parent.name}/${n.name}`, `${parent.kind}/${parent.name}/${n.name}`] : [`${n.kind}/${n.name}`];
    return [...qualified, ...(n.namespace ? [`${n.kind}/${n.namespace}/${n.name}`] : [])];
  };
  const exact = nodes.filter(n => !n.missing && keysOf(n).includes(name)).map(n => n.id);
  if (exact.length) return exact;
  const named = nodes.filter(n => !n.missing && !n.parent && n.name === name);
  const flow = named.filter(n => FLOW_KINDS.has(n.kind));
  const parts = nodes.filter(n => !n.missing && n.parent && n.name === name);
  const found = flow.length ? flow : named.length ? named : parts;
  if (found.length) return found.map(n => n.id);
  const candidates = nodes.filter(n => !n.missing).flatMap(n => [n.name, ...keysOf(n)]);
  const close = closestName(name, candidates);
  throw new ArgoGraphFocusError(`focus "${name}" matches no node of the graph${close ? ` (did you mean "${close}"?)` : ''}. `
    + 'Name a Sensor, template or other object as name, Kind/name or object/part (e.g. a-workflow/main).');
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
