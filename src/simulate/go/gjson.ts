import { CannotSimulate } from '../cannot-simulate';
import { JsonNode, JsonText, parseJsonText, rawOf, valueOf } from './json-text';

/** gjson's result types. */
export type GType = 'Null' | 'False' | 'Number' | 'String' | 'True' | 'JSON';

/** What `gjson.Get` returns: the value's type, its raw JSON text and, for scalars, its value. */
export interface GResult {
  readonly type: GType;
  /** Raw JSON text of the value ('' when nothing was found). */
  readonly raw: string;
  readonly str?: string;
  readonly num?: number;
}

const NOTHING: GResult = { type: 'Null', raw: '' };

/** `Result.Exists()`: found, including an explicit `null`. */
export function gExists(r: GResult): boolean {
  return r.type !== 'Null' || r.raw.length > 0;
}

/** `Result.String()`. */
export function gString(r: GResult): string {
  switch (r.type) {
    case 'False': return 'false';
    case 'True': return 'true';
    case 'String': return r.str!;
    case 'JSON': return r.raw;
    case 'Number': return /^-?\d+$/.test(r.raw) ? r.raw : formatFloatF(r.num!);
    default: return '';
  }
}

/** `Result.Float()`. */
export function gFloat(r: GResult): number {
  switch (r.type) {
    case 'True': return 1;
    case 'String': return goParseFloat(r.str!) ?? 0;
    case 'Number': return r.num!;
    default: return 0;
  }
}

/** `Result.Bool()`. */
export function gBool(r: GResult): boolean {
  switch (r.type) {
    case 'True': return true;
    case 'String': return goParseBool(r.str!.toLowerCase()) ?? false;
    case 'Number': return r.num !== 0;
    default: return false;
  }
}

/** `Result.Value()`: the value as Go's interface{} (numbers are float64, objects maps). */
export function gValue(r: GResult): unknown {
  switch (r.type) {
    case 'True': return true;
    case 'False': return false;
    case 'String': return r.str;
    case 'Number': return r.num;
    case 'JSON': {
      const doc = parseJsonText(r.raw);
      return doc ? valueOf(doc.root) : undefined;
    }
    default: return null;
  }
}

/** `gjson.Parse(json)`: the whole document as a result. */
export function gParse(json: string): GResult {
  const doc = parseJsonText(json);
  return doc ? resultOf(doc, doc.root) : NOTHING;
}

/**
 * `gjson.Get(json, path)` for the path syntax Argo Events users write: dot-separated keys with
 * `\` escapes and `*`/`?` wildcards, array indexes, `#` (length), `#.key` (collect), queries
 * `#(key==value)` and `#(...)#`, `|` pipes and the modifiers `@this`, `@reverse`, `@keys`,
 * `@values`, `@flatten`, `@ugly`, `@valid`, `@tostr`, `@fromstr`, and multipaths (`[a,b]`,
 * `{a,b}`, `{name:a}`). Literals (`!true`), JSON lines (`..`) and other modifiers throw
 * CannotSimulate.
 */
export function gGet(json: string, path: string): GResult {
  const doc = parseJsonText(json);
  if (!doc) return NOTHING;
  return getPath(doc, doc.root, path);
}

function resultOf(doc: JsonText, node: JsonNode): GResult {
  const raw = rawOf(doc, node);
  switch (node.kind) {
    case 'string': return { type: 'String', raw, str: node.value };
    case 'number': return { type: 'Number', raw, num: node.value };
    case 'true': return { type: 'True', raw };
    case 'false': return { type: 'False', raw };
    case 'null': return { type: 'Null', raw };
    default: return { type: 'JSON', raw };
  }
}

function getPath(doc: JsonText, node: JsonNode, path: string): GResult {
  if (path.startsWith('..')) throw new CannotSimulate(`gjson JSON-lines path "${path}"`);
  const first = path[0];
  if (first === '@') return modifier(doc, node, path);
  if (first === '[' || first === '{') return multipath(doc, node, path);
  if (first === '!') throw new CannotSimulate(`gjson literal "${path}"`);
  if (node.kind === 'object') return objectStep(doc, node, path);
  if (node.kind === 'array') return arrayStep(doc, node, path);
  return NOTHING;
}

/** Continues after a component: `.rest`, `|rest`, or the value itself. */
function next(doc: JsonText, node: JsonNode, rest: { path?: string; pipe?: string }): GResult {
  if (rest.path !== undefined) return getPath(doc, node, rest.path);
  if (rest.pipe !== undefined) return getPath(doc, node, rest.pipe);
  return resultOf(doc, node);
}

interface Component {
  readonly part: string;
  readonly wild: boolean;
  readonly path?: string;
  readonly pipe?: string;
}

/** gjson's parseObjectPath: the first key (escapes removed) and what follows it. */
function splitComponent(path: string): Component {
  let part = '';
  let wild = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '|') return { part, wild, pipe: path.slice(i + 1) };
    if (c === '.') {
      const rest = path.slice(i + 1);
      return rest !== '' && isModifierStart(rest) ? { part, wild, pipe: rest } : { part, wild, path: rest };
    }
    if (c === '*' || c === '?') wild = true;
    if (c === '\\') {
      i++;
      if (i < path.length) part += path[i];
      continue;
    }
    part += c;
  }
  return { part, wild };
}

const MODIFIERS = new Set(['this', 'reverse', 'keys', 'values', 'flatten', 'ugly', 'valid', 'tostr', 'fromstr', 'pretty', 'join', 'group', 'dig']);

function isModifierStart(rest: string): boolean {
  if (rest[0] === '[' || rest[0] === '{') return true;
  if (rest[0] !== '@') return false;
  const m = /^@([^.|:]*)/.exec(rest)!;
  return MODIFIERS.has(m[1]);
}

function objectStep(doc: JsonText, node: Extract<JsonNode, { kind: 'object' }>, path: string): GResult {
  const c = splitComponent(path);
  const entry = node.entries.find(e => (c.wild ? globMatch(e.key, c.part) : e.key === c.part));
  if (!entry) return NOTHING;
  return next(doc, entry.value, c);
}

function arrayStep(doc: JsonText, node: Extract<JsonNode, { kind: 'array' }>, path: string): GResult {
  if (path === '#') return { type: 'Number', raw: String(node.items.length), num: node.items.length };
  if (path.startsWith('#.') || path.startsWith('#|')) {
    if (path[1] === '|') return getPath(doc, node, path.slice(2));
    const [each, pipe] = splitPipe(path.slice(2));
    const parts: string[] = [];
    for (const item of node.items) {
      const r = getPath(doc, item, each);
      if (gExists(r)) parts.push(r.raw);
    }
    return afterCollect(`[${parts.join(',')}]`, pipe);
  }
  if (path.startsWith('#(') || path.startsWith('#[')) return query(doc, node, path);
  const c = splitComponent(path);
  if (c.part.startsWith('#')) return NOTHING;
  if (!/^\d+$/.test(c.part)) return NOTHING;
  const item = node.items[Number(c.part)];
  if (!item) return NOTHING;
  return next(doc, item, c);
}

function afterCollect(raw: string, pipe: string | undefined): GResult {
  const collected = parseJsonText(raw)!;
  return pipe === undefined ? resultOf(collected, collected.root) : getPath(collected, collected.root, pipe);
}

/** Splits at the first `|` outside quotes and brackets. */
function splitPipe(path: string): [string, string | undefined] {
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\') i++;
    else if (c === '"') {
      for (i++; i < path.length && path[i] !== '"'; i++) if (path[i] === '\\') i++;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) return [path.slice(0, i), path.slice(i + 1)];
  }
  return [path, undefined];
}

interface Query {
  readonly path: string;
  readonly op: string;
  readonly value: string;
  readonly all: boolean;
  readonly rest: string;
}

/** gjson's parseQuery: `#(path op value)` or `#(path)`, optionally followed by `#`. */
function parseQuery(text: string): Query | undefined {
  let i = 2;
  let j = 0;
  let depth = 1;
  let escaped = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (depth === 1 && j === 0 && '!=<>%'.includes(c)) {
      j = i;
      continue;
    }
    if (c === '\\') i++;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) break;
    } else if (c === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') {
          escaped = true;
          i++;
        } else if (text[i] === '"') break;
      }
    }
  }
  if (depth > 0) return undefined;
  let path: string;
  let op = '';
  let value = '';
  if (j > 0) {
    path = text.slice(2, j).trim();
    value = text.slice(j, i).trim();
    let size = 1;
    if (value.length === 1) size = 1;
    else if (/^(!=|!%|<=|>=)/.test(value)) size = 2;
    else if (value.startsWith('==')) value = value.slice(1);
    op = value.slice(0, size);
    value = value.slice(size).trim();
  } else {
    path = text.slice(2, i).trim();
  }
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = value.slice(1, -1);
    if (escaped) value = JSON.parse(`"${value}"`);
  }
  let rest = text.slice(i + 1);
  const all = rest.startsWith('#');
  if (all) rest = rest.slice(1);
  return { path, op, value, all, rest };
}

function query(doc: JsonText, node: Extract<JsonNode, { kind: 'array' }>, path: string): GResult {
  const q = parseQuery(path);
  if (!q) return NOTHING;
  const matches = node.items.filter(item => queryMatches(q, q.path === '' ? resultOf(doc, item) : getPath(doc, item, q.path)));
  const rest = q.rest;
  if (!q.all) {
    if (!matches.length) return NOTHING;
    if (rest === '') return resultOf(doc, matches[0]);
    if (rest[0] === '.' || rest[0] === '|') return getPath(doc, matches[0], rest.slice(1));
    return NOTHING;
  }
  if (rest.startsWith('.')) {
    const [each, pipe] = splitPipe(rest.slice(1));
    const parts = matches.map(m => getPath(doc, m, each)).filter(gExists).map(r => r.raw);
    return afterCollect(`[${parts.join(',')}]`, pipe);
  }
  const raw = `[${matches.map(m => rawOf(doc, m)).join(',')}]`;
  return afterCollect(raw, rest.startsWith('|') ? rest.slice(1) : undefined);
}

function queryMatches(q: Query, value: GResult): boolean {
  let rpv = q.value;
  let v = value;
  if (rpv.startsWith('~')) {
    const ish = ({ '*': () => gExists(v), null: () => v.type === 'Null', true: () => trueish(v), false: () => falseish(v) } as { [k: string]: () => boolean })[rpv.slice(1)];
    if (ish) {
      v = ish() ? { type: 'True', raw: 'true' } : { type: 'False', raw: 'false' };
      rpv = 'true';
    } else {
      rpv = '';
      v = NOTHING;
    }
  }
  if (!gExists(v)) return false;
  if (q.op === '') return true;
  switch (v.type) {
    case 'String': {
      const s = v.str!;
      switch (q.op) {
        case '=': return s === rpv;
        case '!=': return s !== rpv;
        case '<': return s < rpv;
        case '<=': return s <= rpv;
        case '>': return s > rpv;
        case '>=': return s >= rpv;
        case '%': return globMatch(s, rpv);
        case '!%': return !globMatch(s, rpv);
      }
      return false;
    }
    case 'Number': {
      const n = goParseFloat(rpv) ?? 0;
      switch (q.op) {
        case '=': return v.num === n;
        case '!=': return v.num !== n;
        case '<': return v.num! < n;
        case '<=': return v.num! <= n;
        case '>': return v.num! > n;
        case '>=': return v.num! >= n;
      }
      return false;
    }
    case 'True':
      return ({ '=': rpv === 'true', '!=': rpv !== 'true', '>': rpv === 'false', '>=': true } as { [k: string]: boolean })[q.op] ?? false;
    case 'False':
      return ({ '=': rpv === 'false', '!=': rpv !== 'false', '<': rpv === 'true', '<=': true } as { [k: string]: boolean })[q.op] ?? false;
    default:
      return false;
  }
}

function trueish(r: GResult): boolean {
  if (r.type === 'True') return true;
  if (r.type === 'String') return goParseBool(r.str!.toLowerCase()) === true;
  if (r.type === 'Number') return r.num !== 0;
  return false;
}

function falseish(r: GResult): boolean {
  if (r.type === 'Null' || r.type === 'False') return true;
  if (r.type === 'String') return goParseBool(r.str!.toLowerCase()) === false;
  if (r.type === 'Number') return r.num === 0;
  return false;
}

function modifier(doc: JsonText, node: JsonNode, path: string): GResult {
  const m = /^@([^.|:]*)/.exec(path)!;
  const name = m[1];
  let i = m[0].length;
  if (path[i] === ':') throw new CannotSimulate(`gjson modifier argument in "${path}"`);
  const rest = path.slice(i);
  const raw = rawOf(doc, node);
  let out: string;
  switch (name) {
    case 'this': out = raw; break;
    case 'valid': out = raw; break;
    case 'ugly': out = JSON.stringify(valueOf(node)); break;
    case 'reverse':
      if (node.kind === 'array') out = `[${node.items.slice().reverse().map(n => rawOf(doc, n)).join(',')}]`;
      else if (node.kind === 'object') out = `{${node.entries.slice().reverse().map(e => `${JSON.stringify(e.key)}:${rawOf(doc, e.value)}`).join(',')}}`;
      else out = raw;
      break;
    case 'keys':
      out = node.kind === 'object' ? `[${node.entries.map(e => JSON.stringify(e.key)).join(',')}]` : '[]';
      break;
    case 'values':
      out = node.kind === 'object' ? `[${node.entries.map(e => rawOf(doc, e.value)).join(',')}]` : node.kind === 'array' ? raw : '[]';
      break;
    case 'flatten':
      if (node.kind !== 'array') out = raw;
      else out = `[${node.items.flatMap(n => (n.kind === 'array' ? n.items.map(x => rawOf(doc, x)) : [rawOf(doc, n)])).join(',')}]`;
      break;
    case 'tostr': out = JSON.stringify(raw); break;
    case 'fromstr': out = node.kind === 'string' ? node.value : ''; break;
    default:
      throw new CannotSimulate(`gjson modifier "@${name}"`);
  }
  const parsed = parseJsonText(out);
  if (!parsed) return NOTHING;
  if (rest === '') return resultOf(parsed, parsed.root);
  return getPath(parsed, parsed.root, rest.slice(1));
}

/** gjson's parseSubSelectors: the comma-separated paths of `[...]` or `{...}` and what follows. */
function subSelectors(path: string): { sels: { name?: string; path: string }[]; rest: string } | undefined {
  const sels: { name?: string; path: string }[] = [];
  let depth = 1;
  let colon = 0;
  let start = 1;
  let modifier = 0;
  const push = (i: number) => {
    sels.push(colon === 0 ? { path: path.slice(start, i) } : { name: path.slice(start, colon), path: path.slice(colon + 1, i) });
    colon = 0;
    modifier = 0;
    start = i + 1;
  };
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (c === '\\') i++;
    else if (c === '@') {
      if (modifier === 0 && (path[i - 1] === '.' || path[i - 1] === '|')) modifier = i;
    } else if (c === ':') {
      if (modifier === 0 && colon === 0 && depth === 1) colon = i;
    } else if (c === ',') {
      if (depth === 1) push(i);
    } else if (c === '"') {
      for (i++; i < path.length && path[i] !== '"'; i++) if (path[i] === '\\') i++;
    } else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') {
      depth--;
      if (depth === 0) {
        push(i);
        return { sels, rest: path.slice(i + 1) };
      }
    }
  }
  return undefined;
}

function multipath(doc: JsonText, node: JsonNode, path: string): GResult {
  const kind = path[0];
  const parsed = subSelectors(path);
  if (!parsed || !(parsed.rest === '' || parsed.rest[0] === '|' || parsed.rest[0] === '.')) return NOTHING;
  const parts: string[] = [];
  for (const sel of parsed.sels) {
    const r = getPath(doc, node, sel.path);
    if (!gExists(r)) continue;
    let raw = r.raw || gString(r) || 'null';
    if (kind === '{') {
      const last = sel.path.split(/[.|]/).pop() ?? '';
      const name = sel.name !== undefined && sel.name !== '' ? (sel.name.startsWith('"') ? sel.name : JSON.stringify(sel.name))
        : JSON.stringify(/^[^\s\[\]{}()#@*?!|:.,\\"]+$/.test(last) ? last : '_');
      raw = `${name}:${raw}`;
    }
    parts.push(raw);
  }
  const text = kind === '[' ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  const built = parseJsonText(text);
  if (!built) return NOTHING;
  return parsed.rest === '' ? resultOf(built, built.root) : getPath(built, built.root, parsed.rest.slice(1));
}

/** tidwall/match: `*` matches any run of characters, `?` any one character. */
export function globMatch(text: string, pattern: string): boolean {
  const source = [...pattern].map(ch => (ch === '*' ? '[\\s\\S]*' : ch === '?' ? '[\\s\\S]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'u').test(text);
}

/** Go's strconv.ParseFloat for the forms JSON and users write; undefined when Go would fail. */
export function goParseFloat(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  if (/^[+-]?0x[0-9a-f]+(\.[0-9a-f]*)?(p[+-]?\d+)?$/i.test(t) && !/\./.test(t)) return Number(t.replace(/p.*$/i, ''));
  return undefined;
}

/** Go's strconv.ParseBool. */
export function goParseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloatF(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  if (Object.is(f, -0)) return '-0';
  const s = String(f);
  if (!/e/i.test(s)) return s;
  const [mantissa, expText] = s.split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = mantissa.replace('-', '').indexOf('.') < 0 ? mantissa.replace('-', '').length : mantissa.replace('-', '').indexOf('.');
  const position = point + exp;
  let out: string;
  if (position <= 0) out = `0.${'0'.repeat(-position)}${digits}`;
  else if (position >= digits.length) out = digits + '0'.repeat(position - digits.length);
  else out = `${digits.slice(0, position)}.${digits.slice(position)}`;
  return negative ? `-${out}` : out;
}
