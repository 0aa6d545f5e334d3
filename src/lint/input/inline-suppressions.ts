import type { CST, Document, LineCounter, Node, Pair } from 'yaml';
import { yaml } from '../util/yaml';
import { keyOf } from './plain-data';

/** The comment that silences findings on the next line: `# cdk8s-argo-disable-next-line W31 -- reason`. */
export const DISABLE_NEXT_LINE = 'cdk8s-argo-disable-next-line';

/** A `# cdk8s-argo-disable-next-line` comment and what it covers. */
export interface InlineSuppression {
  /** What follows the marker: rule ids, ` -- `, the reason. */
  readonly directive: string;
  /** 1-based line of the comment. */
  readonly line: number;
  /**
   * Field path segments of the value on the next line (the shallowest one starting there), in
   * the document; undefined when no value follows in the document.
   */
  readonly target?: readonly (string | number)[];
}

const MARKER = new RegExp(`^#\\s*${DISABLE_NEXT_LINE}(?:\\s+(.*?))?\\s*$`);

/** Cheap test before looking for directives: most files have none. */
export function mayHaveInlineSuppressions(text: string): boolean {
  return text.includes(DISABLE_NEXT_LINE);
}

/**
 * The `# cdk8s-argo-disable-next-line` comments of one document (its CST tokens, and the comments
 * before it; comments only: the marker inside
 * a string or a block scalar does not count), each with the field it covers: the value whose
 * key or list item starts on the next line that holds more than a comment, and everything below
 * it. Above the first line of a document it covers the whole object.
 */
export function inlineSuppressions(cst: readonly CST.Token[], doc: Document.Parsed, text: string, lines: LineCounter): InlineSuppression[] {
  const comments: { readonly directive: string; readonly line: number; readonly targetLine?: number }[] = [];
  const stack: unknown[] = [...cst];
  while (stack.length) {
    const token = stack.pop();
    if (Array.isArray(token)) {
      for (const t of token) stack.push(t);
      continue;
    }
    if (typeof token !== 'object' || token === null) continue;
    const t = token as { type?: string; source?: string; offset?: number };
    if (t.type === 'comment' && typeof t.source === 'string' && t.offset !== undefined) {
      const match = MARKER.exec(t.source);
      if (match) {
        const line = lines.linePos(t.offset).line;
        comments.push({ directive: match[1] ?? '', line, targetLine: nextContentLine(text, t.offset + t.source.length, lines) });
      }
      continue;
    }
    for (const value of Object.values(token)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  if (!comments.length) return [];
  const wanted = new Set(comments.map(c => c.targetLine).filter((l): l is number => l !== undefined));
  const found = targetsOnLines(doc, wanted, lines);
  return comments.sort((a, b) => a.line - b.line).map(c => ({ directive: c.directive, line: c.line, target: c.targetLine === undefined ? undefined : found.get(c.targetLine) }));
}

/** The first line after `from` that holds more than white space and a comment. */
function nextContentLine(text: string, from: number, lines: LineCounter): number | undefined {
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < text.length) {
    const end = text.indexOf('\n', i + 1);
    const line = text.slice(i + 1, end < 0 ? text.length : end).trim();
    if (line === '---' || line === '...') return undefined;
    if (line && !line.startsWith('#')) return lines.linePos(i + 1).line;
    if (end < 0) return undefined;
    i = end;
  }
  return undefined;
}

/** For each wanted line, the path of the shallowest value (map entry or list item) starting on it. */
function targetsOnLines(doc: Document.Parsed, wanted: ReadonlySet<number>, lines: LineCounter): Map<number, (string | number)[]> {
  const Y = yaml();
  const found = new Map<number, (string | number)[]>();
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  const stack: { readonly node: unknown; readonly path: (string | number)[]; readonly line?: number }[] = [{ node: doc.contents, path: [], line: lineOf(doc.contents as Node) }];
  while (stack.length && found.size < wanted.size) {
    const { node, path, line } = stack.pop()!;
    if (line !== undefined && wanted.has(line) && !found.has(line)) found.set(line, path);
    const children: { node: unknown; path: (string | number)[]; line?: number }[] = [];
    if (Y.isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const key = keyOf(pair.key);
        if (typeof key === 'string') children.push({ node: pair.value, path: [...path, key], line: lineOf(pair.key as Node) ?? lineOf(pair.value as Node) });
      }
    } else if (Y.isSeq(node)) {
      node.items.forEach((item, i) => children.push({ node: item, path: [...path, i], line: lineOf((Y.isPair(item) ? item.key : item) as Node) }));
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}
