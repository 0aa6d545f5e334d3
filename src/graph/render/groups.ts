import { ArgoGraph, ArgoGraphEdge, ArgoGraphNode } from '../model';

/** The graph as the text formats draw it: objects with parts become clusters. */
export interface GroupedGraph {
  readonly nodes: readonly ArgoGraphNode[];
  /** Short id per node (`n0`, `n1`...), in graph order. */
  readonly ids: ReadonlyMap<string, string>;
  /** Nodes with parts in the graph, drawn as clusters. */
  readonly clusters: ReadonlySet<string>;
  readonly children: ReadonlyMap<string, readonly ArgoGraphNode[]>;
  readonly roots: readonly ArgoGraphNode[];
  /** Edges to draw: those between a cluster and its own parts are left out (roles say it). */
  readonly edges: readonly ArgoGraphEdge[];
}

export function groupGraph(graph: ArgoGraph): GroupedGraph {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const children = new Map<string, ArgoGraphNode[]>();
  const roots: ArgoGraphNode[] = [];
  for (const node of graph.nodes) {
    if (node.parent && byId.has(node.parent)) {
      const list = children.get(node.parent) ?? [];
      list.push(node);
      children.set(node.parent, list);
    } else {
      roots.push(node);
    }
  }
  const clusters = new Set(children.keys());
  const isInside = (id: string, ancestor: string) => {
    for (let p = byId.get(id)?.parent; p; p = byId.get(p)?.parent) if (p === ancestor) return true;
    return false;
  };
  const edges = graph.edges.filter(e => byId.has(e.from) && byId.has(e.to) && e.from !== e.to
    && !(clusters.has(e.from) && isInside(e.to, e.from)) && !(clusters.has(e.to) && isInside(e.from, e.to)));
  return { nodes: graph.nodes, ids, clusters, children, roots, edges };
}

/** `1 error`, `2 warnings`: the findings on a node in a few words. */
export function findingsSummary(node: ArgoGraphNode): string | undefined {
  const errors = node.findings.filter(f => f.severity === 'error').length;
  const warnings = node.findings.length - errors;
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}
