/**
 * The actions of a Go template (`{{...}}`) delimited exactly as Helm's parser (Go text/template,
 * parse/lex.go) delimits them: an action runs from `{{` to the first `}}` that is not inside a
 * string, raw string or character constant; `{{- ` and ` -}}` trim the white space next to the
 * action; `{{/* ... *\/}}` is a comment. Only the boundaries and the literal actions are
 * interpreted: nothing here evaluates a template.
 */

/** What an action is, as far as rendering it without Helm goes. */
export type ActionKind =
  /** `{{/* ... *\/}}`: renders to nothing. */
  | 'comment'
  /** A single string constant (`{{ "x" }}`, {{`x`}}): renders to its text. */
  | 'literal'
  /** Anything else: a pipeline only Helm can evaluate (or fail on). */
  | 'other';

/** One `{{...}}` of a template. */
export interface TemplateAction {
  /** Offset of its `{{` in the template text. */
  readonly start: number;
  /** Offset just past its `}}`. */
  readonly end: number;
  readonly kind: ActionKind;
  /** The text between the delimiters (and their trim markers), as written. */
  readonly body: string;
  /** `{{- `: the white space before the action is dropped. */
  readonly trimBefore: boolean;
  /** ` -}}`: the white space after the action is dropped. */
  readonly trimAfter: boolean;
  /** What a literal renders to. */
  readonly value?: string;
}

/** Text Helm cannot parse as a template: where, and Go's message for it. */
export interface TemplateSyntaxError {
  readonly offset: number;
  readonly message: string;
}

/** The actions of a template, in order, up to the first syntax error (Helm renders nothing then). */
export interface ActionScan {
  readonly actions: readonly TemplateAction[];
  readonly error?: TemplateSyntaxError;
}

const LEFT = '{{';
const RIGHT = '}}';

/** Go's white space for trim markers and between tokens (text/template's spaceChars). */
export function isGoSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Scans a template for its actions. Text without `{{` has none (and costs one indexOf). */
export function templateActions(text: string): ActionScan {
  const actions: TemplateAction[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(LEFT, from);
    if (start < 0) return { actions };
    const scanned = scanAction(text, start);
    if ('message' in scanned) return { actions, error: scanned };
    actions.push(scanned);
    from = scanned.end;
  }
}

function scanAction(text: string, start: number): TemplateAction | TemplateSyntaxError {
  let pos = start + LEFT.length;
  const trimBefore = text[pos] === '-' && isGoSpace(text[pos + 1]);
  if (trimBefore) pos += 2;
  if (text.startsWith('/*', pos)) return scanComment(text, start, pos, trimBefore);
  const bodyStart = pos;
  while (pos < text.length) {
    const delimiter = rightDelimiterAt(text, pos);
    if (delimiter) {
      const body = text.slice(bodyStart, pos);
      const literal = literalValue(body);
      return {
        start, end: pos + delimiter.length, body, trimBefore, trimAfter: delimiter.trim,
        ...(literal !== undefined ? { kind: 'literal', value: literal } : { kind: 'other' }),
      };
    }
    const c = text[pos];
    if (c === '"' || c === '\'') {
      const end = quotedEnd(text, pos, c);
      if (end < 0) return { offset: pos, message: c === '"' ? 'unterminated quoted string' : 'unterminated character constant' };
      pos = end;
    } else if (c === '`') {
      const close = text.indexOf('`', pos + 1);
      if (close < 0) return { offset: pos, message: 'unterminated raw quoted string' };
      pos = close + 1;
    } else {
      pos++;
    }
  }
  return { offset: start, message: 'unclosed action' };
}

function scanComment(text: string, start: number, at: number, trimBefore: boolean): TemplateAction | TemplateSyntaxError {
  const close = text.indexOf('*/', at + 2);
  if (close < 0) return { offset: start, message: 'unclosed comment' };
  const delimiter = rightDelimiterAt(text, close + 2);
  if (!delimiter) return { offset: start, message: 'comment ends before closing delimiter' };
  return { start, end: close + 2 + delimiter.length, kind: 'comment', body: text.slice(at, close + 2), trimBefore, trimAfter: delimiter.trim };
}

/** `}}` or ` -}}` (any Go space before the `-`) at `pos`. */
function rightDelimiterAt(text: string, pos: number): { readonly length: number; readonly trim: boolean } | undefined {
  if (isGoSpace(text[pos]) && text[pos + 1] === '-' && text.startsWith(RIGHT, pos + 2)) return { length: 4, trim: true };
  if (text.startsWith(RIGHT, pos)) return { length: 2, trim: false };
  return undefined;
}

/** Offset past the closing quote of a string or character constant starting at `pos`, or -1. */
function quotedEnd(text: string, pos: number, quote: string): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length || text[i + 1] === '\n') return -1;
      i++;
    } else if (c === '\n') {
      return -1;
    } else if (c === quote) {
      return i + 1;
    }
  }
  return -1;
}

/** The text a body renders to when it is one string constant, else undefined. */
function literalValue(body: string): string | undefined {
  let from = 0;
  let to = body.length;
  while (from < to && isGoSpace(body[from])) from++;
  while (to > from && isGoSpace(body[to - 1])) to--;
  const c = body[from];
  if (c === '`') {
    const close = body.indexOf('`', from + 1);
    // Go drops carriage returns from raw strings (strconv.Unquote).
    return close === to - 1 ? body.slice(from + 1, close).replace(/\r/g, '') : undefined;
  }
  if (c === '"') {
    const end = quotedEnd(body, from, '"');
    return end === to ? unquoteGo(body.slice(from + 1, to - 1)) : undefined;
  }
  return undefined;
}

const SIMPLE_ESCAPES: { readonly [c: string]: number } = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };

/**
 * The value of a Go interpreted string literal's contents (strconv.Unquote), or undefined when
 * Go rejects it (an unknown escape, an invalid code point) or it is not valid UTF-8.
 */
function unquoteGo(contents: string): string | undefined {
  if (contents.indexOf('\\') < 0) return contents;
  const bytes: number[] = [];
  const push = (s: string) => {
    for (const b of Buffer.from(s, 'utf8')) bytes.push(b);
  };
  for (let i = 0; i < contents.length; i++) {
    const c = contents[i];
    if (c !== '\\') {
      const code = contents.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      push(char);
      i += char.length - 1;
      continue;
    }
    const e = contents[++i];
    if (Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, e)) {
      bytes.push(SIMPLE_ESCAPES[e]);
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = contents.slice(i + 1, i + 1 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
      const value = parseInt(hex, 16);
      if (e === 'x') bytes.push(value);
      else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
      else push(String.fromCodePoint(value));
      i += digits;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const octal = contents.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(octal) || parseInt(octal, 8) > 255) return undefined;
      bytes.push(parseInt(octal, 8));
      i += 2;
    } else {
      return undefined;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
