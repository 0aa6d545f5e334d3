import { ArgoGraph, ArgoGraphEdge, ArgoGraphNode } from '../model';
import { layeredLayout, LayoutBox, LayoutLink, LayoutResult } from './layout';
import { kindLabel } from './styles';

/** Font sizes (px) and the advance of a monospace glyph relative to its size. */
export const FONT = { kind: 10, name: 13, rowName: 12, detail: 11, advance: 0.61 } as const;
export const SIZES = { padX: 10, band: 36, detailLine: 14, rowTop: 6, rowName: 15, rowDetail: 13, rowBottom: 6, badge: 26, minWidth: 150 } as const;
const MAX_NAME = 44;
const MAX_DETAIL = 50;

/** A part drawn as a row of its object's box. */
export interface SceneRow {
  readonly node: ArgoGraphNode;
  /** Offset of the row from the box top. */
  readonly y: number;
  readonly height: number;
  readonly name: string;
  readonly tags: string;
  readonly details: readonly string[];
}

/** A box: an object with its parts as rows, or a node on its own. */
export interface SceneBox {
  readonly node: ArgoGraphNode;
  readonly width: number;
  readonly height: number;
  readonly name: string;
  readonly details: readonly string[];
  readonly rows: readonly SceneRow[];
}

/** An edge between two drawn boxes (or two rows of one box). */
export interface SceneLink {
  readonly edge: ArgoGraphEdge;
  readonly from: SceneBox;
  readonly to: SceneBox;
}

export interface Scene {
  readonly boxes: readonly SceneBox[];
  readonly links: readonly SceneLink[];
  readonly layout: LayoutResult;
}

/** Width in px of a monospace text at a font size. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * FONT.advance;
}

/** The text cut to `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Turns the graph into boxes and lays them out: each object is a box with its parts (templates,
 * events, dependencies, triggers) as rows, so that edges attach to the row they concern; steps
 * and tasks of an expanded template, references and endpoints are boxes of their own.
 */
export function buildScene(graph: ArgoGraph): Scene {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const rowsOf = new Map<string, ArgoGraphNode[]>();
  const roots: ArgoGraphNode[] = [];
  for (const node of graph.nodes) {
    const parent = node.parent ? byId.get(node.parent) : undefined;
    if (parent && !parent.parent) {
      const list = rowsOf.get(parent.id) ?? [];
      list.push(node);
      rowsOf.set(parent.id, list);
    } else {
      roots.push(node);
    }
  }
  const boxes: SceneBox[] = [];
  const boxOf = new Map<string, SceneBox>();
  for (const node of roots) {
    const box = makeBox(node, rowsOf.get(node.id) ?? []);
    boxes.push(box);
    boxOf.set(node.id, box);
    for (const row of box.rows) boxOf.set(row.node.id, box);
  }
  const links: SceneLink[] = [];
  for (const edge of graph.edges) {
    const from = boxOf.get(edge.from);
    const to = boxOf.get(edge.to);
    if (from && to) links.push({ edge, from, to });
  }
  const layoutBoxes: LayoutBox[] = boxes.map(b => ({
    id: b.node.id,
    width: b.width,
    height: b.height,
    defaultPort: SIZES.band / 2,
    ports: new Map(b.rows.map(r => [r.node.id, r.y + r.height / 2])),
  }));
  const layoutLinks: LayoutLink[] = links.map(l => ({
    id: l.edge.id,
    from: l.from.node.id,
    to: l.to.node.id,
    fromPort: l.edge.from === l.from.node.id ? undefined : l.edge.from,
    toPort: l.edge.to === l.to.node.id ? undefined : l.edge.to,
    constraint: l.edge.kind !== 'loads',
  }));
  return { boxes, links, layout: layeredLayout(layoutBoxes, layoutLinks) };
}

function makeBox(node: ArgoGraphNode, parts: readonly ArgoGraphNode[]): SceneBox {
  const name = truncate(node.name, MAX_NAME);
  const details = detailLines(node);
  let width = Math.max(textWidth(name, FONT.name) + SIZES.badge, textWidth(`${kindLabel(node.kind)}${node.missing ? ' · missing' : ''}`, FONT.kind) + SIZES.badge, ...details.map(d => textWidth(d, FONT.detail)));
  let y = SIZES.band + (details.length ? details.length * SIZES.detailLine + 6 : 0);
  const rows: SceneRow[] = [];
  for (const part of parts) {
    const rowName = truncate(part.name, MAX_NAME);
    const tags = part.missing ? 'missing' : part.roles.join(', ');
    const rowDetails = detailLines(part);
    const height = SIZES.rowTop + SIZES.rowName + rowDetails.length * SIZES.rowDetail + SIZES.rowBottom;
    rows.push({ node: part, y, height, name: rowName, tags, details: rowDetails });
    width = Math.max(width, textWidth(rowName, FONT.rowName) + (tags ? textWidth(tags, FONT.kind) + 14 : 0) + SIZES.badge,
      ...rowDetails.map(d => textWidth(d, FONT.detail)));
    y += height;
  }
  const height = rows.length ? y : Math.max(y, SIZES.band + 6);
  return { node, width: Math.max(SIZES.minWidth, Math.ceil(width + 2 * SIZES.padX)), height, name, details, rows };
}

/** Detail lines as drawn: artifact keys wrapped at path separators, others cut to one line each. */
function detailLines(node: ArgoGraphNode): string[] {
  if (node.kind === 'Artifact') return node.details.flatMap(d => wrap(d, 40));
  return node.details.map(d => truncate(d, MAX_DETAIL));
}

/** Splits text into lines of at most `max` characters: before `{{` or after `}}`, `/` or `-` where possible. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max + 1);
    const cuts = [head.lastIndexOf('{{'), ...['}}', '/', '-'].map(s => head.lastIndexOf(s) + s.length)].filter(c => c > max / 3 && c <= max);
    const at = cuts.length ? Math.max(...cuts) : max;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) lines.push(rest);
  return lines;
}
