/**
 * JSON text parsed into nodes that keep their source span, so that path lookups can return the
 * raw text of a value as Go's gjson does (spacing and number spelling preserved, duplicate keys
 * kept in order).
 */
export type JsonNode =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly entries: readonly JsonEntry[] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly value: string }
  | { readonly kind: 'number'; readonly start: number; readonly end: number; readonly value: number }
  | { readonly kind: 'true' | 'false' | 'null'; readonly start: number; readonly end: number };

export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
}

/** A JSON document with its text. */
export interface JsonText {
  readonly text: string;
  readonly root: JsonNode;
}

/** Parses JSON text (RFC 8259, as Go's encoding/json accepts it); undefined when it is not valid. */
export function parseJsonText(text: string): JsonText | undefined {
  const parser = new Parser(text);
  try {
    parser.ws();
    const root = parser.value();
    parser.ws();
    if (parser.i !== text.length) return undefined;
    return { text, root };
  } catch {
    return undefined;
  }
}

/** True when Go's json.Valid / gjson.Valid accept the text. */
export function isValidJson(text: string): boolean {
  return parseJsonText(text) !== undefined;
}

/** The source text of a node. */
export function rawOf(doc: JsonText, node: JsonNode): string {
  return doc.text.slice(node.start, node.end);
}

/** The node as a JavaScript value (first of duplicate keys wins, as gjson reads it). */
export function valueOf(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: { [key: string]: unknown } = {};
      for (const e of node.entries) if (!Object.prototype.hasOwnProperty.call(out, e.key)) out[e.key] = valueOf(e.value);
      return out;
    }
    case 'array': return node.items.map(valueOf);
    case 'string': case 'number': return node.value;
    case 'true': return true;
    case 'false': return false;
    default: return null;
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }

  value(): JsonNode {
    const c = this.s[this.i];
    const start = this.i;
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', start, value: this.string(), end: this.i };
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null'] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return { kind: word, start, end: this.i };
      }
    }
    throw new Error(`unexpected character at ${this.i}`);
  }

  private object(): JsonNode {
    const start = this.i++;
    const entries: JsonEntry[] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { kind: 'object', start, end: this.i, entries };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw new Error('expected a key');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') throw new Error('expected ":"');
      this.ws();
      entries.push({ key, value: this.value() });
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return { kind: 'object', start, end: this.i, entries };
      if (c !== ',') throw new Error('expected "," or "}"');
    }
  }

  private array(): JsonNode {
    const start = this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { kind: 'array', start, end: this.i, items };
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return { kind: 'array', start, end: this.i, items };
      if (c !== ',') throw new Error('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Error('unterminated string');
      if (c === '"') break;
      if (c < ' ') throw new Error('control character in string');
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) throw new Error('bad \\u escape');
          this.i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e ?? '')) throw new Error('bad escape');
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++;
    return JSON.parse(this.s.slice(start, this.i));
  }

  private number(): JsonNode {
    const start = this.i;
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) throw new Error('bad number');
    this.i += m[0].length;
    return { kind: 'number', start, end: this.i, value: Number(m[0]) };
  }
}
