import { ArgoGraph, ArgoGraphNode } from '../model';
import { findingsSummary, groupGraph } from './groups';
import { EDGE_STYLES, MISSING_COLOR, NODE_COLORS } from './styles';

/**
 * The graph in Graphviz DOT (`dot -Tsvg`): objects with parts are clusters (an edge to the
 * object ends at the cluster's border), references missing from the manifests are dashed red.
 */
export function renderDot(graph: ArgoGraph): string {
  const g = groupGraph(graph);
  const out: string[] = [
    'digraph argo {',
    '  rankdir=LR; compound=true; newrank=true; nodesep=0.25; ranksep=0.6;',
    '  graph [fontname="Helvetica", fontsize=11, labeljust=l];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];',
  ];
  /** The node an edge to a cluster is drawn to (its first part), with lhead/ltail naming the cluster. */
  const anchor = (id: string): string => {
    let current = id;
    while (g.clusters.has(current)) current = g.children.get(current)![0].id;
    return current;
  };
  const emit = (node: ArgoGraphNode, indent: string) => {
    const id = g.ids.get(node.id)!;
    const color = node.missing ? MISSING_COLOR : NODE_COLORS[node.kind];
    if (g.clusters.has(node.id)) {
      out.push(`${indent}subgraph cluster_${id} {`);
      const head = `${node.kind} ${node.name}${node.missing ? ' (missing)' : ''}${node.roles.length ? ` (${node.roles.join(', ')})` : ''}`;
      out.push(`${indent}  label=${quote([head, ...node.details, ...summary(node)].join('\n'))};`);
      out.push(`${indent}  color=${quote(color)}; fontcolor=${quote(node.missing ? MISSING_COLOR : '#1f2933')}; style=${node.missing ? 'dashed' : 'rounded'};`);
      for (const child of g.children.get(node.id) ?? []) emit(child, `${indent}  `);
      out.push(`${indent}}`);
      return;
    }
    const head = `${node.parent ? '' : `${node.kind} `}${node.name}${node.roles.length ? ` (${node.roles.join(', ')})` : ''}`;
    const lines = [head, ...node.details, ...(node.missing ? ['missing from the manifests'] : []), ...summary(node)];
    const attrs = [`label=${quote(lines.join('\n'))}`, `color=${quote(color)}`];
    if (node.missing) attrs.push('style="rounded,dashed,filled"', 'fillcolor="#fdecea"', `fontcolor=${quote(MISSING_COLOR)}`);
    out.push(`${indent}${id} [${attrs.join(', ')}];`);
  };
  for (const root of g.roots) emit(root, '  ');
  for (const edge of g.edges) {
    const s = EDGE_STYLES[edge.kind];
    const attrs = [`color=${quote(edge.missing ? MISSING_COLOR : s.color)}`, `penwidth=${s.width}`];
    if (edge.missing) attrs.push('style=dashed', `fontcolor=${quote(MISSING_COLOR)}`, `tooltip=${quote(edge.message ?? '')}`);
    else if (s.dash) attrs.push('style=dotted');
    if (edge.label) attrs.push(`label=${quote(edge.label)}`);
    if (edge.kind === 'loads') attrs.push('constraint=false');
    if (g.clusters.has(edge.from)) attrs.push(`ltail=cluster_${g.ids.get(edge.from)}`);
    if (g.clusters.has(edge.to)) attrs.push(`lhead=cluster_${g.ids.get(edge.to)}`);
    out.push(`  ${g.ids.get(anchor(edge.from))} -> ${g.ids.get(anchor(edge.to))} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

function summary(node: ArgoGraphNode): string[] {
  const text = findingsSummary(node);
  return text ? [text] : [];
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
