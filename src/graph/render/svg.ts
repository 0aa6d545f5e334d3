import { ArgoGraph, ArgoGraphEdgeKind, ArgoGraphFinding, ArgoGraphNode } from '../model';
import { PlacedBox, RoutedLink } from './layout';
import { buildScene, FONT, Scene, SceneBox, SIZES, textWidth } from './scene';
import { EDGE_KIND_ORDER, EDGE_STYLES, ERROR_COLOR, kindLabel, MISSING_COLOR, NODE_COLORS, WARNING_COLOR } from './styles';

export const FONT_FAMILY = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', ui-monospace, monospace";
const MARGIN = 16;
const LEGEND_LINE = 18;

export interface SvgOptions {
  /** A title drawn above the graph. @default - none */
  readonly title?: string;
  /** Draw the legend of edge kinds below the graph. @default true */
  readonly legend?: boolean;
}

/** The picture as a standalone SVG document (layout computed here, byte-stable for the same graph). */
export function renderSvg(graph: ArgoGraph, options: SvgOptions = {}): string {
  return svgDocument(graph, buildScene(graph), options).svg;
}

/** The SVG and its size, for embedding (the HTML page). */
export function svgDocument(graph: ArgoGraph, scene: Scene, options: SvgOptions = {}): { svg: string; width: number; height: number } {
  const top = MARGIN + (options.title ? 26 : 0);
  const legend = options.legend === false ? { svg: '', height: 0 } : legendSvg(graph, Math.max(scene.layout.width, 640), MARGIN, top + scene.layout.height + 24);
  const width = Math.ceil(Math.max(scene.layout.width, legend.height ? 640 : 0) + 2 * MARGIN);
  const height = Math.ceil(top + scene.layout.height + (legend.height ? 24 + legend.height : 0) + MARGIN);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="argo-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT_FAMILY)}">`);
  out.push(markers());
  out.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title) out.push(`<text x="${MARGIN}" y="${MARGIN + 16}" font-size="16" font-weight="bold" fill="#1f2933">${esc(options.title)}</text>`);
  out.push(`<g transform="translate(${MARGIN} ${top})">`);
  out.push('<g class="edges">');
  for (const link of scene.links) {
    const routed = scene.layout.links.get(link.edge.id);
    if (routed) out.push(edgeSvg(link.edge.id, link.edge, routed));
  }
  out.push('</g>');
  out.push('<g class="nodes">');
  for (const box of scene.boxes) out.push(boxSvg(box, scene.layout.boxes.get(box.node.id)!));
  out.push('</g>');
  out.push('</g>');
  out.push(legend.svg);
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height };
}

function markers(): string {
  const colors = new Map<string, string>();
  for (const kind of EDGE_KIND_ORDER) colors.set(`arrow-${kind}`, EDGE_STYLES[kind].color);
  colors.set('arrow-missing', MISSING_COLOR);
  colors.set('arrow-error', ERROR_COLOR);
  const defs = [...colors].map(([id, color]) => `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`);
  return `<defs>${defs.join('')}</defs>`;
}

function edgeSvg(id: string, edge: ArgoGraph['edges'][number], routed: RoutedLink): string {
  const style = EDGE_STYLES[edge.kind];
  const hasError = edge.findings.some(f => f.severity === 'error');
  const color = edge.missing ? MISSING_COLOR : hasError ? ERROR_COLOR : style.color;
  const dash = edge.missing ? '6 4' : style.dash;
  const marker = edge.missing ? 'arrow-missing' : hasError ? 'arrow-error' : `arrow-${edge.kind}`;
  const width = routed.shape === 'self' ? Math.min(style.width, 1.3) : style.width;
  const title = [edge.label ? `${edgeKindText(edge.kind)}: ${edge.label}` : edgeKindText(edge.kind), edge.message, ...edge.findings.filter(f => f.message !== edge.message).map(findingText)]
    .filter(Boolean).join('\n');
  const classes = ['edge', `edge-${edge.kind}`, ...(edge.missing ? ['missing'] : []), ...(hasError ? ['error'] : [])].join(' ');
  return `<path class="${classes}" data-id="${esc(id)}" data-from="${esc(edge.from)}" data-to="${esc(edge.to)}" d="${pathData(routed)}" fill="none" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#${marker})"><title>${esc(title)}</title></path>`;
}

function pathData(r: RoutedLink): string {
  const p = r.points;
  if (r.shape === 'self' || r.shape === 'same-layer') {
    return `M${n(p[0].x)},${n(p[0].y)} C${n(p[1].x)},${n(p[1].y)} ${n(p[2].x)},${n(p[2].y)} ${n(p[3].x)},${n(p[3].y)}`;
  }
  const parts = [`M${n(p[0].x)},${n(p[0].y)}`];
  for (let i = 1; i < p.length; i++) {
    const a = p[i - 1];
    const b = p[i];
    if (a.x === b.x && a.y === b.y) continue;
    if (r.curved[i - 1] && a.y !== b.y) {
      const mid = (a.x + b.x) / 2;
      parts.push(`C${n(mid)},${n(a.y)} ${n(mid)},${n(b.y)} ${n(b.x)},${n(b.y)}`);
    } else {
      parts.push(`L${n(b.x)},${n(b.y)}`);
    }
  }
  return parts.join(' ');
}

function boxSvg(box: SceneBox, at: PlacedBox): string {
  const node = box.node;
  const color = node.missing ? MISSING_COLOR : NODE_COLORS[node.kind];
  const out: string[] = [];
  const classes = ['node', `kind-${node.kind}`, ...(node.missing ? ['missing'] : [])].join(' ');
  out.push(`<g class="${classes}" data-id="${esc(node.id)}" transform="translate(${n(at.x)} ${n(at.y)})">`);
  out.push(`<title>${esc(nodeTitle(node))}</title>`);
  const dash = node.missing ? ' stroke-dasharray="6 4"' : '';
  out.push(`<rect class="box" width="${box.width}" height="${box.height}" rx="6" fill="#ffffff" stroke="${color}" stroke-width="1.5"${dash}/>`);
  if (node.missing) {
    out.push(`<rect class="band" x="0.75" y="0.75" width="${box.width - 1.5}" height="${SIZES.band - 0.75}" rx="5.5" fill="#fdecea"/>`);
  } else {
    out.push(`<path class="band" d="M0,6 a6,6 0 0 1 6,-6 h${box.width - 12} a6,6 0 0 1 6,6 v${SIZES.band - 6} h-${box.width} z" fill="${color}"/>`);
  }
  const ink = node.missing ? MISSING_COLOR : '#ffffff';
  out.push(`<text x="${SIZES.padX}" y="13" font-size="${FONT.kind}" fill="${ink}" opacity="0.9">${esc(kindLabel(node.kind))}${node.missing ? ' · missing' : ''}</text>`);
  out.push(`<text class="name" x="${SIZES.padX}" y="29" font-size="${FONT.name}" font-weight="bold" fill="${ink}">${esc(box.name)}</text>`);
  out.push(badge(node.findings, box.width - 14, 18));
  box.details.forEach((d, i) => {
    out.push(`<text class="detail" x="${SIZES.padX}" y="${SIZES.band + 14 + i * SIZES.detailLine}" font-size="${FONT.detail}" fill="#3e4c59">${esc(d)}</text>`);
  });
  for (const row of box.rows) {
    const p = row.node;
    const rowInk = p.missing ? MISSING_COLOR : '#1f2933';
    out.push(`<g class="row${p.missing ? ' missing' : ''}" data-id="${esc(p.id)}">`);
    out.push(`<title>${esc(nodeTitle(p))}</title>`);
    out.push(`<rect class="row-bg" x="1" y="${row.y}" width="${box.width - 2}" height="${row.height}" fill="${p.missing ? '#fdecea' : '#ffffff'}" fill-opacity="${p.missing ? 1 : 0}"/>`);
    out.push(`<line x1="0" y1="${row.y}" x2="${box.width}" y2="${row.y}" stroke="#d9dee3" stroke-width="1"${p.missing ? ' stroke-dasharray="4 3"' : ''}/>`);
    const baseline = row.y + SIZES.rowTop + 11;
    out.push(`<text x="${SIZES.padX}" y="${baseline}" font-size="${FONT.rowName}" font-weight="bold" fill="${rowInk}">${esc(row.name)}</text>`);
    if (row.tags) {
      const x = SIZES.padX + textWidth(row.name, FONT.rowName) + 8;
      out.push(`<text class="tags" x="${n(x)}" y="${baseline}" font-size="${FONT.kind}" font-style="italic" fill="${p.missing ? MISSING_COLOR : NODE_COLORS[p.kind]}">${esc(row.tags)}</text>`);
    }
    out.push(badge(p.findings, box.width - 14, row.y + SIZES.rowTop + 7));
    row.details.forEach((d, i) => {
      out.push(`<text class="detail" x="${SIZES.padX}" y="${baseline + 14 + i * SIZES.rowDetail}" font-size="${FONT.detail}" fill="${p.missing ? MISSING_COLOR : '#52606d'}">${esc(d)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</g>');
  return out.join('');
}

/** A red (errors) or amber (warnings only) circle with the count. */
function badge(findings: readonly ArgoGraphFinding[], cx: number, cy: number): string {
  if (findings.length === 0) return '';
  const errors = findings.filter(f => f.severity === 'error').length;
  const count = errors || findings.length;
  const color = errors ? ERROR_COLOR : WARNING_COLOR;
  const label = errors ? `${errors} error${errors === 1 ? '' : 's'}` : `${count} warning${count === 1 ? '' : 's'}`;
  return `<g class="badge" data-severity="${errors ? 'error' : 'warning'}"><title>${esc(label)}</title><circle cx="${n(cx)}" cy="${n(cy)}" r="8" fill="${color}" stroke="#ffffff" stroke-width="1.5"/>`
    + `<text x="${n(cx)}" y="${n(cy + 3.5)}" font-size="10" font-weight="bold" text-anchor="middle" fill="#ffffff">${count > 99 ? '99+' : count}</text></g>`;
}

function legendSvg(graph: ArgoGraph, width: number, x0: number, y0: number): { svg: string; height: number } {
  const kinds = new Set(graph.edges.map(e => e.kind));
  const entries: { text: string; sample: string }[] = [];
  for (const kind of EDGE_KIND_ORDER) {
    if (!kinds.has(kind)) continue;
    const s = EDGE_STYLES[kind];
    entries.push({ text: s.legend, sample: `stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${kind})"` });
  }
  if (graph.nodes.some(n => n.missing) || graph.edges.some(e => e.missing)) {
    entries.push({ text: 'missing from the manifests', sample: `stroke="${MISSING_COLOR}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#arrow-missing)"` });
  }
  if (entries.length === 0) return { svg: '', height: 0 };
  const out: string[] = [`<g class="legend" transform="translate(${x0} ${y0})">`];
  let x = 0;
  let y = 0;
  for (const entry of entries) {
    const itemWidth = 44 + textWidth(entry.text, FONT.detail) + 22;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += LEGEND_LINE;
    }
    out.push(`<path d="M${x},${y + 6} h34" fill="none" ${entry.sample}/>`);
    out.push(`<text x="${x + 42}" y="${y + 10}" font-size="${FONT.detail}" fill="#3e4c59">${esc(entry.text)}</text>`);
    x += itemWidth;
  }
  out.push('</g>');
  return { svg: out.join(''), height: y + LEGEND_LINE };
}

/** Tooltip text of a node: kind and name, details, findings. */
export function nodeTitle(node: ArgoGraphNode): string {
  return [`${node.kind} ${node.name}${node.missing ? ' (missing from the manifests)' : ''}`, ...node.details,
    ...(node.source?.file ? [`${node.source.file}:${node.source.line ?? 1}`] : []), ...node.findings.map(findingText)].join('\n');
}

export function findingText(f: ArgoGraphFinding): string {
  return `${f.severity} [${f.ruleId}] ${f.path ? `${f.path}: ` : ''}${f.message}`;
}

export function edgeKindText(kind: ArgoGraphEdgeKind): string {
  return EDGE_STYLES[kind].verb;
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
