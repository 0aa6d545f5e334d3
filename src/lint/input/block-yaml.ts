import type { DocumentRegion } from './locator';
import { MAX_NESTING } from './nesting';

/** What a plain scalar reads as; DECLINE leaves the whole text to the full YAML reader. */
export type PlainScalarReader = (text: string) => string | number | boolean | null | typeof DECLINE;

/** Returned by a PlainScalarReader for a scalar the fast reader must not decide. */
export const DECLINE: unique symbol = Symbol('decline');

/**
 * Where the keys and list items of a document read by the block reader are, as the full reader's
 * syntax tree would place them: a map entry at its key, a list item at its value. `keys` (by the
 * key's text as written) or `items` describe the value when it is a map or a list.
 */
export interface BlockPositions {
  offset?: number;
  keys?: Map<string, BlockPositions>;
  items?: BlockPositions[];
}

/** One document read by `readBlockYaml`. */
export interface BlockYamlDocument {
  /** The document's data (a map: other roots are left to the full reader). */
  readonly value: { readonly [key: string]: unknown };
  /** The document in the text, its `---` line included. */
  readonly region: DocumentRegion;
  /** Offset of the document's first key. */
  readonly contentStart: number;
}

class Declined {}
const DECLINED = new Declined();

/**
 * Reads YAML as cdk8s writes it (block maps and sequences, one scalar per line, `[]` and `{}`,
 * quoted scalars on one line, `|` blocks, documents split by `---` lines) straight into data, in
 * a tenth of the time the full reader needs. Anything else (comments, anchors, tags, flow
 * collections, folded or multi-line scalars, tabs, duplicate or over-long keys, empty documents,
 * a root that is not a map, deep nesting) returns undefined: the full reader then reads the text
 * and reports what it finds. Plain scalars are read by `plain`, which the full reader's schema
 * answers, so values come out identical (test/lint/block-yaml.test.ts compares the two).
 * Linear in the text: every search stays within its line.
 */
export function readBlockYaml(text: string, plain: PlainScalarReader): BlockYamlDocument[] | undefined {
  // A last line without "\n" changes what a block scalar ends with: cdk8s always ends files with one.
  if (!text.endsWith('\n') || /[\t\r\u0085\u2028\u2029\ufeff]/.test(text)) return undefined;
  try {
    return new BlockReader(text, plain).documents();
  } catch (e) {
    if (e === DECLINED) return undefined;
    throw e;
  }
}

/**
 * The positions of one document that `readBlockYaml` read, found again from its text (`region`
 * of the same text), with offsets in the whole text.
 */
export function blockPositions(text: string, region: DocumentRegion, plain: PlainScalarReader): BlockPositions {
  const root: BlockPositions = {};
  new BlockReader(text.slice(region.start, region.end), plain, root, region.start).documents();
  return root;
}

function decline(): never {
  throw DECLINED;
}

/** Characters a plain scalar cannot start with (YAML indicators), or that this reader leaves to the full one. */
const NOT_PLAIN_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ']);

const ESCAPES: { readonly [c: string]: string } = {
  '0': '\0', 'a': '\x07', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', 'e': '\x1b', ' ': ' ', '"': '"',
  '/': '/', '\\': '\\', 'N': '\u0085', '_': '\u00a0', 'L': '\u2028', 'P': '\u2029',
};
const HEX_ESCAPES: { readonly [c: string]: number } = { x: 2, u: 4, U: 8 };

class BlockReader {
  /** Offset where each line starts; the line ends before the next start's "\n". */
  private readonly starts: number[] = [0];
  private readonly lineCount: number;
  /** Current line. */
  private line = 0;
  /** End of the current document (a line index). */
  private end = 0;

  /**
   * @param positions filled with the first document's positions when given (offsets plus `base`)
   */
  constructor(private readonly text: string, private readonly plain: PlainScalarReader, private readonly positions?: BlockPositions, private readonly base = 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    // A final "\n" ends the last line; it does not start an empty one.
    this.lineCount = text.endsWith('\n') ? this.starts.length - 1 : this.starts.length;
    this.starts.push(text.length + 1);
  }

  public documents(): BlockYamlDocument[] {
    const out: BlockYamlDocument[] = [];
    let first = 0;
    if (this.lineCount > 0 && this.lineText(0) === '---') first = 1;
    let regionStart = 0;
    for (let from = first; from <= this.lineCount;) {
      let to = from;
      while (to < this.lineCount && this.lineText(to) !== '---') to++;
      const regionEnd = to < this.lineCount ? this.starts[to] : this.text.length;
      out.push(this.document(from, to, { start: regionStart, end: regionEnd }));
      if (to >= this.lineCount) break;
      regionStart = this.starts[to];
      from = to + 1;
    }
    return out;
  }

  private document(from: number, to: number, region: DocumentRegion): BlockYamlDocument {
    this.line = from;
    this.end = to;
    this.skipEmpty();
    // Where an empty document counts as one differs between a leading blank line and a `---`: left to the full reader.
    if (this.line >= this.end) decline();
    const indent = this.indentAt(this.line);
    const contentStart = this.starts[this.line] + indent;
    if (this.isSequenceItem(this.line, indent)) decline();
    const value = this.map(indent, 1, this.positions);
    this.skipEmpty();
    if (this.line < this.end) decline();
    return { value, region, contentStart };
  }

  private map(indent: number, depth: number, positions?: BlockPositions): { [key: string]: unknown } {
    if (depth > MAX_NESTING) decline();
    const out: { [key: string]: unknown } = {};
    let keys: Map<string, BlockPositions> | undefined;
    if (positions) keys = positions.keys = new Map();
    for (;;) {
      const lineEnd = this.lineEnd(this.line);
      const keyAt = this.starts[this.line] + indent;
      const { key, written, valueAt } = this.key(keyAt, lineEnd);
      if (Object.prototype.hasOwnProperty.call(out, key)) decline();
      let entry: BlockPositions | undefined;
      if (keys) keys.set(written, entry = { offset: this.base + keyAt });
      const value = valueAt === lineEnd ? this.nested(indent, depth, true, entry) : this.inline(valueAt, lineEnd, indent, entry);
      if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
      if (!this.continues(indent, false)) return out;
    }
  }

  private sequence(indent: number, depth: number, positions?: BlockPositions): unknown[] {
    if (depth > MAX_NESTING) decline();
    const out: unknown[] = [];
    let items: BlockPositions[] | undefined;
    if (positions) items = positions.items = [];
    for (;;) {
      const at = this.starts[this.line] + indent;
      const lineEnd = this.lineEnd(this.line);
      // An item is where its value starts (none for an empty one).
      let item: BlockPositions | undefined;
      if (items) items.push(item = {});
      if (at + 1 === lineEnd) {
        out.push(this.nested(indent, depth, false, item));
      } else {
        const content = at + 2;
        if (content >= lineEnd || this.text[content] === ' ') decline();
        if (item) item.offset = this.base + content;
        const column = indent + 2;
        if (this.isSequenceItem(this.line, column)) out.push(this.sequence(column, depth + 1, item));
        else if (this.isMapEntry(content, lineEnd)) out.push(this.map(column, depth + 1, item));
        else out.push(this.inline(content, lineEnd, indent, item));
      }
      if (!this.continues(indent, true)) return out;
    }
  }

  /** After a node ends: true when the next line is another entry of the collection at `indent`. */
  private continues(indent: number, sequence: boolean): boolean {
    this.skipEmpty();
    if (this.line >= this.end) return false;
    const next = this.indentAt(this.line);
    if (next < indent) return false;
    if (next > indent || this.isSequenceItem(this.line, indent) !== sequence) decline();
    return true;
  }

  /** The value on the lines below `key:` or `-`: a deeper collection, or null when there is none. */
  private nested(indent: number, depth: number, inMap: boolean, positions?: BlockPositions): unknown {
    this.line++;
    this.skipEmpty();
    if (this.line >= this.end) return null;
    const next = this.indentAt(this.line);
    // A list at the key's own indentation is valid YAML, but cdk8s indents lists: left to the full reader.
    if (next === indent && inMap && this.isSequenceItem(this.line, indent)) decline();
    if (next <= indent) return null;
    const at = this.starts[this.line] + next;
    // A list item with its value below starts where that value does.
    if (positions && !inMap) positions.offset = this.base + at;
    if (this.isSequenceItem(this.line, next)) return this.sequence(next, depth + 1, positions);
    if (!this.isMapEntry(at, this.lineEnd(this.line))) decline();
    return this.map(next, depth + 1, positions);
  }

  /** A value that starts on the current line at `at` (a scalar, `[]`, `{}` or a `|` block); moves past it. */
  private inline(at: number, lineEnd: number, indent: number, positions?: BlockPositions): unknown {
    const text = this.text;
    const c = text[at];
    if (c === '"' || c === '\'') {
      const { value, end } = c === '"' ? this.doubleQuoted(at, lineEnd) : this.singleQuoted(at, lineEnd);
      if (end !== lineEnd) decline();
      this.line++;
      return value;
    }
    if (c === '|') return this.literal(at, lineEnd, indent);
    const source = text.slice(at, lineEnd);
    this.line++;
    if (source === '[]') {
      if (positions) positions.items = [];
      return [];
    }
    if (source === '{}') {
      if (positions) positions.keys = new Map();
      return {};
    }
    return this.plainValue(source);
  }

  private plainValue(source: string): string | number | boolean | null {
    const first = source[0];
    if ((NOT_PLAIN_START.has(first) && !(first === '-' && source.length > 1 && source[1] !== ' ')) || source.endsWith(' ') || source.endsWith(':') || source.includes(': ') || source.includes(' #')) decline();
    const value = this.plain(source);
    if (value === DECLINE) decline();
    return value;
  }

  /** A map key at `at` up to its `:`; `valueAt` is where the value starts (lineEnd when it is on the next lines). */
  /** `key`: the key as the data has it; `written`: as the text spells it (quotes resolved), which positions go by. */
  private key(at: number, lineEnd: number): { readonly key: string; readonly written: string; readonly valueAt: number } {
    const text = this.text;
    let key: string;
    let written: string;
    let colon: number;
    if (text[at] === '"' || text[at] === '\'') {
      const quoted = text[at] === '"' ? this.doubleQuoted(at, lineEnd) : this.singleQuoted(at, lineEnd);
      key = written = quoted.value;
      colon = quoted.end;
      if (text[colon] !== ':') decline();
    } else {
      colon = this.colonOf(at, lineEnd);
      if (colon < 0) decline();
      written = text.slice(at, colon);
      const value = this.plainValue(written);
      // sigs.k8s.io/yaml turns a number or boolean key into its text; a null key is an error.
      if (value === null) decline();
      key = String(value);
    }
    // YAML puts an implicit key's ":" at most 1024 characters after its start (the full reader reports it).
    if (colon - at > 1000) decline();
    if (colon + 1 === lineEnd) return { key, written, valueAt: lineEnd };
    if (text[colon + 1] !== ' ' || text[colon + 2] === ' ' || colon + 2 === lineEnd) decline();
    return { key, written, valueAt: colon + 2 };
  }

  private isMapEntry(at: number, lineEnd: number): boolean {
    const c = this.text[at];
    if (c === '"' || c === '\'') {
      const quoted = c === '"' ? this.doubleQuoted(at, lineEnd) : this.singleQuoted(at, lineEnd);
      return this.text[quoted.end] === ':';
    }
    return this.colonOf(at, lineEnd) >= 0;
  }

  /** The first ": " of the line from `at`, else a ":" ending it, else -1 (searched within the line: linear in the text). */
  private colonOf(at: number, lineEnd: number): number {
    const text = this.text;
    for (let i = at; i < lineEnd; i++) {
      if (text.charCodeAt(i) === 58 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32)) return i;
    }
    return -1;
  }

  private doubleQuoted(at: number, lineEnd: number): { readonly value: string; readonly end: number } {
    const text = this.text;
    let value = '';
    let from = at + 1;
    for (let i = from; i < lineEnd; i++) {
      const c = text[i];
      if (c === '"') return { value: value + text.slice(from, i), end: i + 1 };
      if (c !== '\\') continue;
      value += text.slice(from, i);
      const e = text[++i];
      const digits = HEX_ESCAPES[e];
      if (digits !== undefined) {
        const hex = text.slice(i + 1, i + 1 + digits);
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) decline();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) decline();
        value += String.fromCodePoint(code);
        i += digits;
      } else if (Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
        value += ESCAPES[e];
      } else {
        decline();
      }
      from = i + 1;
    }
    return decline();
  }

  private singleQuoted(at: number, lineEnd: number): { readonly value: string; readonly end: number } {
    const text = this.text;
    let value = '';
    let from = at + 1;
    for (let i = from; i < lineEnd; i++) {
      if (text[i] !== '\'') continue;
      value += text.slice(from, i);
      if (text[i + 1] !== '\'') return { value, end: i + 1 };
      value += '\'';
      from = ++i + 1;
    }
    return decline();
  }

  /** A `|`, `|-` or `|+` block below the current line, indented deeper than `indent`. */
  private literal(at: number, lineEnd: number, indent: number): string {
    const header = this.text.slice(at, lineEnd);
    if (header !== '|' && header !== '|-' && header !== '|+') decline();
    this.line++;
    let first = this.line;
    while (first < this.end && this.lineLength(first) === 0) first++;
    if (first >= this.end) decline();
    const blockIndent = this.indentAt(first);
    // cdk8s indents a block two columns deeper than its key or dash; anything else is left to the full reader.
    if (blockIndent !== indent + 2 || blockIndent === this.lineLength(first)) decline();
    const lines: string[] = [];
    for (; this.line < this.end; this.line++) {
      const length = this.lineLength(this.line);
      if (length === 0) {
        lines.push('');
        continue;
      }
      const lineIndent = this.indentAt(this.line);
      if (lineIndent === length) decline();
      if (lineIndent < blockIndent) break;
      lines.push(this.text.slice(this.starts[this.line] + blockIndent, this.lineEnd(this.line)));
    }
    let trailing = 0;
    while (lines.length && lines[lines.length - 1] === '') {
      lines.pop();
      trailing++;
    }
    const body = lines.join('\n');
    return header === '|-' ? body : header === '|' ? `${body}\n` : `${body}\n${'\n'.repeat(trailing)}`;
  }

  private isSequenceItem(line: number, column: number): boolean {
    const at = this.starts[line] + column;
    return this.text[at] === '-' && (at + 1 === this.lineEnd(line) || this.text[at + 1] === ' ');
  }

  private skipEmpty(): void {
    while (this.line < this.end && this.lineLength(this.line) === 0) this.line++;
    if (this.line < this.end && this.indentAt(this.line) === this.lineLength(this.line)) decline();
  }

  private indentAt(line: number): number {
    const start = this.starts[line];
    const end = this.lineEnd(line);
    let i = start;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i - start;
  }

  private lineEnd(line: number): number {
    return this.starts[line + 1] - 1;
  }

  private lineLength(line: number): number {
    return this.lineEnd(line) - this.starts[line];
  }

  private lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}
