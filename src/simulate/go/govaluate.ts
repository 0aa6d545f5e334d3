import { CannotSimulate } from '../cannot-simulate';
import { goRegExp } from './regexp';
import { formatV } from './values';

/** An error from Knetic/govaluate (parse or evaluation), with its message. */
export class GovaluateError extends Error {}

type Token =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'accessor'; readonly parts: readonly string[] }
  | { readonly kind: 'op'; readonly op: string }
  | { readonly kind: '(' | ')' | ',' };

type Node =
  | { readonly type: 'literal'; readonly value: unknown }
  | { readonly type: 'param'; readonly name: string }
  | { readonly type: 'accessor'; readonly parts: readonly string[] }
  | { readonly type: 'unary'; readonly op: string; readonly operand: Node }
  | { readonly type: 'binary'; readonly op: string; readonly left: Node; readonly right: Node };

const SYMBOLS = ['**', '<<', '>>', '==', '!=', '>=', '<=', '=~', '!~', '&&', '||', '??', '+', '-', '*', '/', '%', '&', '|', '^', '>', '<', '!', '~', '?', ':'];
const PREFIX = new Set(['-', '!', '~']);

/** Levels from lowest to highest precedence (govaluate's stagePlanner order). */
const LEVELS: readonly (readonly string[])[] = [
  [','],
  ['?', ':', '??'],
  ['||'],
  ['&&'],
  ['==', '!=', '>', '<', '>=', '<=', '=~', '!~', 'in'],
  ['&', '|', '^'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
  ['**'],
];

/** govaluate reads quoted strings that parse as one of these layouts as dates (Unix seconds). */
const DATE_PATTERNS: readonly RegExp[] = [
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{4})$/,
];

/**
 * A compiled govaluate expression (github.com/Knetic/govaluate, the version Argo Events pins):
 * what expr filters and trigger conditions are evaluated with. Numbers are float64, strings
 * that look like dates become Unix seconds, `-` in a name must be escaped (`\-`), `==`
 * compares Go values deeply, `=~` takes a Go regular expression, types are checked per operator.
 */
export class GovaluateExpression {
  private readonly root: Node;

  constructor(readonly expression: string) {
    const tokens = tokenize(expression);
    if (!tokens.length) throw new GovaluateError('Unexpected end of expression');
    const parser = new ExpressionParser(tokens);
    this.root = parser.parse();
  }

  /** Names of the parameters the expression reads, in order of appearance, duplicates kept. */
  vars(): string[] {
    const out: string[] = [];
    const visit = (n: Node) => {
      if (n.type === 'param') out.push(n.name);
      else if (n.type === 'unary') visit(n.operand);
      else if (n.type === 'binary') {
        visit(n.left);
        visit(n.right);
      }
    };
    visit(this.root);
    return out;
  }

  /** Evaluates with parameter values (JSON values: numbers are float64). */
  evaluate(parameters: { readonly [name: string]: unknown }): unknown {
    return evaluate(this.root, parameters);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const chars = [...text];
  const prefixAllowed = () => {
    const last = tokens[tokens.length - 1];
    return !last || last.kind === 'op' || last.kind === '(' || last.kind === ',';
  };
  while (i < chars.length) {
    const c = chars[i];
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      if (c === '0' && chars[i + 1] === 'x') {
        let j = i + 2;
        let hex = '';
        while (j < chars.length && /[0-9a-fA-F]/.test(chars[j])) hex += chars[j++];
        if (!hex) throw new GovaluateError(`Unable to parse hex value '' to uint64\n`);
        tokens.push({ kind: 'number', value: parseInt(hex, 16) });
        i = j;
        continue;
      }
      let j = i;
      let s = '';
      while (j < chars.length && /[0-9.]/.test(chars[j])) s += chars[j++];
      if (!/^(\d+\.?\d*|\.\d+)$/.test(s)) throw new GovaluateError(`Unable to parse numeric value '${s}' to float64\n`);
      tokens.push({ kind: 'number', value: Number(s) });
      i = j;
      continue;
    }
    if (c === ',') { tokens.push({ kind: ',' }); i++; continue; }
    if (c === '[') {
      let j = i + 1;
      let name = '';
      while (j < chars.length && chars[j] !== ']') {
        if (chars[j] === '\\') j++;
        name += chars[j++] ?? '';
      }
      if (j >= chars.length) throw new GovaluateError('Unclosed parameter bracket');
      tokens.push({ kind: 'variable', name });
      i = j + 1;
      continue;
    }
    if (/\p{L}/u.test(c)) {
      let j = i;
      let name = '';
      while (j < chars.length) {
        if (chars[j] === '\\') {
          name += chars[j + 1] ?? '';
          j += 2;
          continue;
        }
        if (!/[\p{L}\p{Nd}_.]/u.test(chars[j])) break;
        name += chars[j++];
      }
      i = j;
      if (name === 'true' || name === 'false') tokens.push({ kind: 'bool', value: name === 'true' });
      else if (name === 'in' || name === 'IN') tokens.push({ kind: 'op', op: 'in' });
      else if (chars[i] === '(' && !name.includes('.')) throw new GovaluateError(`Invalid token: '${name}'`);
      else if (name.indexOf('.') > 0) {
        if (name.endsWith('.')) throw new GovaluateError(`Hanging accessor on token '${name}'`);
        const parts = name.split('.');
        const bad = parts.slice(1).find(p => p[0] !== p[0].toUpperCase());
        if (bad) throw new GovaluateError(`Unable to access unexported field '${bad}' in token '${name}'`);
        tokens.push({ kind: 'accessor', parts });
      } else tokens.push({ kind: 'variable', name });
      continue;
    }
    if (c === '"' || c === '\'') {
      let j = i + 1;
      let s = '';
      while (j < chars.length && chars[j] !== '"' && chars[j] !== '\'') {
        if (chars[j] === '\\') j++;
        s += chars[j++] ?? '';
      }
      if (j >= chars.length) throw new GovaluateError('Unclosed string literal');
      i = j + 1;
      const date = parseDate(s);
      tokens.push(date !== undefined ? { kind: 'number', value: date } : { kind: 'string', value: s });
      continue;
    }
    if (c === '(') { tokens.push({ kind: '(' }); i++; continue; }
    if (c === ')') { tokens.push({ kind: ')' }); i++; continue; }
    // A run of symbol characters, as govaluate reads it (readTokenUntilFalse(isNotAlphanumeric)).
    let j = i;
    let run = '';
    while (j < chars.length && !/[\p{L}\p{Nd}_\s()[\]"',.]/u.test(chars[j])) run += chars[j++];
    if (!run) throw new GovaluateError(`Invalid token: '${c}'`);
    if (prefixAllowed() && PREFIX.has(run)) {
      tokens.push({ kind: 'op', op: `prefix${run}` });
    } else if (SYMBOLS.includes(run)) {
      tokens.push({ kind: 'op', op: run });
    } else {
      throw new GovaluateError(`Invalid token: '${run}'`);
    }
    i = j;
  }
  return tokens;
}

function parseDate(s: string): number | undefined {
  if (/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /.test(s) || /^\d{1,2}:\d{2}(AM|PM)$/.test(s)) {
    throw new CannotSimulate(`govaluate date literal "${s}"`);
  }
  if (!DATE_PATTERNS.some(p => p.test(s))) return undefined;
  let iso = s.replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso += 'T00:00:00';
  iso = iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/T\d{2}(Z|[+-])/.test(iso)) iso = iso.replace(/T(\d{2})/, 'T$1:00');
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

class ExpressionParser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Node {
    const node = this.level(0);
    if (this.i < this.tokens.length) throw new GovaluateError(`Unexpected token after end of expression`);
    return node;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    if (!t) return undefined;
    if (t.kind === ',') return ',';
    return t.kind === 'op' ? t.op : undefined;
  }

  private level(n: number): Node {
    if (n >= LEVELS.length) return this.prefix();
    let left = this.level(n + 1);
    for (;;) {
      const op = this.peekOp();
      if (op === undefined || !LEVELS[n].includes(op)) return left;
      this.i++;
      const right = this.level(n + 1);
      left = { type: 'binary', op, left, right };
    }
  }

  private prefix(): Node {
    const t = this.tokens[this.i];
    if (t?.kind === 'op' && t.op.startsWith('prefix')) {
      this.i++;
      return { type: 'unary', op: t.op.slice(6), operand: this.prefix() };
    }
    return this.value();
  }

  private value(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new GovaluateError('Unexpected end of expression');
    switch (t.kind) {
      case 'number': case 'string': case 'bool': return { type: 'literal', value: t.value };
      case 'variable': return { type: 'param', name: t.name };
      case 'accessor': return { type: 'accessor', parts: t.parts };
      case '(': {
        const inner = this.level(0);
        if (this.tokens[this.i]?.kind !== ')') throw new GovaluateError('Unbalanced parenthesis');
        this.i++;
        return inner;
      }
      default:
        throw new GovaluateError(`Cannot transition token types from ${describe(this.tokens[this.i - 2])} to ${describe(t)}`);
    }
  }
}

function describe(t: Token | undefined): string {
  if (!t) return 'START';
  switch (t.kind) {
    case 'op': return t.op.startsWith('prefix') ? 'PREFIX' : ['&&', '||'].includes(t.op) ? 'LOGICALOP' : 'COMPARATOR';
    case '(': return 'CLAUSE';
    case ')': return 'CLAUSE_CLOSE';
    case ',': return 'SEPARATOR';
    case 'number': return 'NUMERIC';
    case 'string': return 'STRING';
    case 'bool': return 'BOOLEAN';
    default: return 'VARIABLE';
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

function typeError(value: unknown, op: string, what: string): GovaluateError {
  return new GovaluateError(`Value '${formatV(value === undefined ? null : value, false)}' cannot be used with the ${what} '${op}', it is not a ${what === 'logical operator' ? 'bool' : 'number'}`);
}

function evaluate(node: Node, params: { readonly [name: string]: unknown }): unknown {
  switch (node.type) {
    case 'literal': return node.value;
    case 'param':
      if (!Object.prototype.hasOwnProperty.call(params, node.name)) throw new GovaluateError(`No parameter '${node.name}' found.`);
      return params[node.name];
    case 'accessor': {
      const base = node.parts[0];
      if (!Object.prototype.hasOwnProperty.call(params, base)) throw new GovaluateError(`No parameter '${base}' found.`);
      throw new GovaluateError(`Unable to access '${node.parts[1]}', '${base}' is not a struct`);
    }
    case 'unary': {
      const v = evaluate(node.operand, params);
      if (node.op === '-') {
        if (!isNumber(v)) throw typeError(v, '-', 'modifier');
        return -v;
      }
      if (node.op === '!') {
        if (!isBool(v)) throw new GovaluateError(`Value '${formatV(v, false)}' cannot be used with the prefix '!'`);
        return !v;
      }
      if (!isNumber(v)) throw new GovaluateError(`Value '${formatV(v, false)}' cannot be used with the prefix '~'`);
      return ~Math.trunc(v);
    }
    default:
      return binary(node, params);
  }
}

function binary(node: Extract<Node, { type: 'binary' }>, params: { readonly [name: string]: unknown }): unknown {
  const op = node.op;
  const left = evaluate(node.left, params);
  if (op === '&&' && left === false) return false;
  if (op === '||' && left === true) return true;
  if (op === '??' && left !== null && left !== undefined) return left;
  if (op === '?' && left === false) {
    return null;
  }
  if (op === ':' && left !== null && left !== undefined) return left;
  const right = evaluate(node.right, params);
  switch (op) {
    case '&&': case '||':
      if (!isBool(left)) throw typeError(left, op, 'logical operator');
      if (!isBool(right)) throw typeError(right, op, 'logical operator');
      return op === '&&' ? left && right : left || right;
    case '==': return deepEqual(left, right);
    case '!=': return !deepEqual(left, right);
    case '>': case '<': case '>=': case '<=':
      if (!((isNumber(left) && isNumber(right)) || (isString(left) && isString(right)))) throw typeError(left, op, 'comparator');
      return op === '>' ? left > right : op === '<' ? left < right : op === '>=' ? left >= right : left <= right;
    case '=~': case '!~': {
      if (!isString(left)) throw typeError(left, op, 'comparator');
      if (!isString(right)) throw typeError(right, op, 'comparator');
      let re: RegExp;
      try {
        re = goRegExp(right);
      } catch (e) {
        if (e instanceof CannotSimulate) throw e;
        throw new GovaluateError(`Unable to compile regexp pattern '${right}': ${(e as Error).message}`);
      }
      return re.test(left) === (op === '=~');
    }
    case 'in':
      if (!Array.isArray(right)) throw typeError(right, op, 'comparator');
      return right.some(v => v === left);
    case '+':
      if (isString(left) || isString(right)) return `${formatV(left, false)}${formatV(right, false)}`;
      if (!isNumber(left) || !isNumber(right)) throw typeError(left, op, 'modifier');
      return left + right;
    case '-': case '*': case '/': case '%': case '**': case '&': case '|': case '^': case '<<': case '>>':
      if (!isNumber(left)) throw typeError(left, op, 'modifier');
      if (!isNumber(right)) throw typeError(right, op, 'modifier');
      switch (op) {
        case '-': return left - right;
        case '*': return left * right;
        case '/': return left / right;
        case '%': return left % right;
        case '**': return left ** right;
        case '&': return Number(BigInt.asIntN(64, BigInt(Math.trunc(left)) & BigInt(Math.trunc(right))));
        case '|': return Number(BigInt.asIntN(64, BigInt(Math.trunc(left)) | BigInt(Math.trunc(right))));
        case '^': return Number(BigInt.asIntN(64, BigInt(Math.trunc(left)) ^ BigInt(Math.trunc(right))));
        case '<<': return Number(BigInt.asUintN(64, BigInt(Math.trunc(left)) << BigInt(Math.trunc(right))));
        default: return Number(BigInt.asUintN(64, BigInt(Math.trunc(left))) >> BigInt(Math.trunc(right)));
      }
    case '?':
      if (!isBool(left)) throw new GovaluateError(`Value '${formatV(left, false)}' cannot be used with the ternary operator '?', it is not a bool`);
      return right;
    case ':': case '??': return right;
    case ',': return Array.isArray(left) && node.left.type === 'binary' && node.left.op === ',' ? [...left, right] : [left, right];
    default: throw new GovaluateError(`unknown operator ${op}`);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every(k => deepEqual((a as { [k: string]: unknown })[k], (b as { [k: string]: unknown })[k]));
  }
  return false;
}
