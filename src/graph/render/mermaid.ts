import { ArgoGraph, ArgoGraphNode } from '../model';
import { findingsSummary, groupGraph } from './groups';
import { EDGE_STYLES, MISSING_COLOR, NODE_COLORS } from './styles';

/**
 * The graph as a Mermaid flowchart (GitHub draws it in a ```mermaid block): objects with parts
 * are subgraphs, references missing from the manifests are dashed red.
 */
export function renderMermaid(graph: ArgoGraph): string {
  const g = groupGraph(graph);
  const out: string[] = ['flowchart LR'];
  const emit = (node: ArgoGraphNode, indent: string) => {
    const id = g.ids.get(node.id)!;
    if (g.clusters.has(node.id)) {
      const title = [`${node.kind} ${node.name}`, ...node.roles, ...node.details].join(' · ');
      out.push(`${indent}subgraph ${id}["${text(title)}${node.missing ? ' (missing)' : ''}"]`);
      for (const child of g.children.get(node.id) ?? []) emit(child, `${indent}  `);
      out.push(`${indent}end`);
    } else {
      out.push(`${indent}${id}["${label(node)}"]`);
    }
  };
  for (const root of g.roots) emit(root, '  ');

  const styles = new Map<string, number[]>();
  g.edges.forEach((edge, i) => {
    const from = g.ids.get(edge.from)!;
    const to = g.ids.get(edge.to)!;
    const arrow = edge.missing ? '-.->' : '-->';
    out.push(`  ${from} ${arrow}${edge.label ? `|"${text(edge.label)}"|` : ''} ${to}`);
    const s = EDGE_STYLES[edge.kind];
    const style = edge.missing
      ? `stroke:${MISSING_COLOR},stroke-width:2px,stroke-dasharray:6 4,color:${MISSING_COLOR}`
      : `stroke:${s.color},stroke-width:${s.width}px${s.dash ? `,stroke-dasharray:${s.dash}` : ''}`;
    const list = styles.get(style);
    if (list) list.push(i);
    else styles.set(style, [i]);
  });
  for (const [style, indexes] of styles) out.push(`  linkStyle ${indexes.join(',')} ${style}`);

  const byClass = new Map<string, string[]>();
  for (const node of g.nodes) {
    const id = g.ids.get(node.id)!;
    const cls = node.missing ? 'missing' : `k${node.kind}`;
    if (g.clusters.has(node.id)) {
      out.push(`  style ${id} fill:${node.missing ? '#fdecea' : '#f7f9fa'},stroke:${node.missing ? MISSING_COLOR : NODE_COLORS[node.kind]}${node.missing ? ',stroke-dasharray:6 4' : ''}`);
    } else {
      const list = byClass.get(cls);
      if (list) list.push(id);
      else byClass.set(cls, [id]);
    }
  }
  for (const [cls, ids] of byClass) {
    const kind = cls.slice(1) as ArgoGraphNode['kind'];
    const def = cls === 'missing'
      ? `fill:#fdecea,stroke:${MISSING_COLOR},stroke-dasharray:6 4,color:${MISSING_COLOR}`
      : `fill:#ffffff,stroke:${NODE_COLORS[kind]},color:#1f2933`;
    out.push(`  classDef ${cls} ${def}`);
    out.push(`  class ${ids.join(',')} ${cls}`);
  }
  return `${out.join('\n')}\n`;
}

function label(node: ArgoGraphNode): string {
  const head = `${node.parent ? '' : `${node.kind} `}${node.name}${node.roles.length ? ` · ${node.roles.join(', ')}` : ''}`;
  const findings = findingsSummary(node);
  return [`<b>${text(head)}</b>`, ...node.details.map(text), ...(node.missing ? ['missing from the manifests'] : []), ...(findings ? [text(findings)] : [])]
    .join('<br/>');
}

/** Text safe inside a quoted Mermaid label: quotes, angle brackets and `#` as entity codes. */
function text(value: string): string {
  return value.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')
    .replace(/[{}]/g, c => (c === '{' ? '#123;' : '#125;')).replace(/\n/g, ' ');
}
