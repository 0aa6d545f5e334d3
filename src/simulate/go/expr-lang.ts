import { CannotSimulate } from '../cannot-simulate';
import { goRegExp } from './regexp';
import { GoInt, formatV } from './values';

/** An evaluation error of github.com/antonmedv/expr (the EventSource's filter fails on it). */
export class ExprError extends Error {}

type Token =
  | { readonly t: 'num'; readonly v: number; readonly int: boolean }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'id'; readonly v: string }
  | { readonly t: 'op'; readonly v: string };

type Node =
  | { readonly k: 'lit'; readonly v: unknown }
  | { readonly k: 'name'; readonly v: string }
  | { readonly k: 'member'; readonly obj: Node; readonly prop: Node }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Node[] }
  | { readonly k: 'array'; readonly items: readonly Node[] }
  | { readonly k: 'unary'; readonly op: string; readonly x: Node }
  | { readonly k: 'binary'; readonly op: string; readonly l: Node; readonly r: Node }
  | { readonly k: 'cond'; readonly c: Node; readonly a: Node; readonly b: Node };

const OPS = ['**', '==', '!=', '<=', '>=', '&&', '||', '??', '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '.', '[', ']', '(', ')', ',', '{', '}', '#'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(\d[\d_]*(\.\d+)?([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+)/.exec(src.slice(i));
    if (num && !(src[i - 1] === '.' && out[out.length - 1]?.t === 'op')) {
      const text = num[0].replace(/_/g, '');
      out.push({ t: 'num', v: Number(text), int: !/[.eE]/.test(text) || /^0[xX]/.test(text) });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === '\'') {
      let j = i + 1;
      let s = '';
      for (; j < src.length && src[j] !== c; j++) {
        if (src[j] === '\\') {
          const e = src[++j];
          s += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '\'': '\'' } as { [k: string]: string })[e] ?? e;
        } else s += src[j];
      }
      if (j >= src.length) throw new ExprError('literal not terminated');
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find(o => src.startsWith(o, i));
    if (!op) throw new ExprError(`unexpected token ${JSON.stringify(c)}`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

const WORD_OPS: { [w: string]: string } = { and: '&&', or: '||' };
const BINARY: readonly (readonly string[])[] = [
  ['??'], ['||'], ['&&'], ['==', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'matches', 'contains', 'startsWith', 'endsWith'], ['+', '-'], ['*', '/', '%'], ['**'],
];

class Parser {
  private i = 0;
  constructor(private readonly toks: readonly Token[]) {}

  parse(): Node {
    const n = this.ternary();
    if (this.i < this.toks.length) throw new ExprError(`unexpected token ${JSON.stringify((this.toks[this.i] as { v: unknown }).v)}`);
    return n;
  }

  private peekOp(): string | undefined {
    const t = this.toks[this.i];
    if (!t) return undefined;
    if (t.t === 'op') return t.v;
    if (t.t === 'id') {
      if (WORD_OPS[t.v]) return WORD_OPS[t.v];
      if (t.v === 'not' && this.toks[this.i + 1]?.t === 'id' && (this.toks[this.i + 1] as { v: string }).v === 'in') return 'not in';
      if (['in', 'matches', 'contains', 'startsWith', 'endsWith'].includes(t.v)) return t.v;
    }
    return undefined;
  }

  private ternary(): Node {
    const c = this.binary(0);
    if (this.peekOp() !== '?') return c;
    this.i++;
    const a = this.ternary();
    if (this.peekOp() !== ':') throw new ExprError('expected :');
    this.i++;
    return { k: 'cond', c, a, b: this.ternary() };
  }

  private binary(level: number): Node {
    if (level >= BINARY.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      const op = this.peekOp();
      if (!op || !BINARY[level].includes(op)) return l;
      this.i += op === 'not in' ? 2 : 1;
      const r = op === '**' ? this.binary(level) : this.binary(level + 1);
      l = { k: 'binary', op, l, r };
    }
  }

  private unary(): Node {
    const t = this.toks[this.i];
    if (t && ((t.t === 'op' && (t.v === '!' || t.v === '-' || t.v === '+')) || (t.t === 'id' && t.v === 'not'))) {
      this.i++;
      return { k: 'unary', op: t.v === 'not' ? '!' : t.v, x: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new ExprError('unexpected end of expression');
    if (t.t === 'num') return { k: 'lit', v: t.int ? new GoInt(t.v) : t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'id') {
      if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true' };
      if (t.v === 'nil') return { k: 'lit', v: null };
      if (this.toks[this.i]?.t === 'op' && (this.toks[this.i] as { v: string }).v === '(') {
        this.i++;
        return { k: 'call', fn: t.v, args: this.list(')') };
      }
      return { k: 'name', v: t.v };
    }
    if (t.v === '(') {
      const n = this.ternary();
      this.expect(')');
      return n;
    }
    if (t.v === '[') return { k: 'array', items: this.list(']') };
    if (t.v === '{' || t.v === '#') throw new CannotSimulate('expr closures and maps ({...}, #)');
    throw new ExprError(`unexpected token ${JSON.stringify(t.v)}`);
  }

  private list(close: string): Node[] {
    const items: Node[] = [];
    if (this.peekOp() === close) {
      this.i++;
      return items;
    }
    for (;;) {
      items.push(this.ternary());
      const op = this.peekOp();
      this.i++;
      if (op === close) return items;
      if (op !== ',') throw new ExprError(`expected , or ${close}`);
    }
  }

  private postfix(node: Node): Node {
    let n = node;
    for (;;) {
      const op = this.peekOp();
      if (op === '.') {
        this.i++;
        const name = this.toks[this.i++];
        if (!name || name.t !== 'id') throw new ExprError('expected a name after .');
        if (this.peekOp() === '(') {
          if (n.k === 'name' && n.v === 'sprig') {
            this.i++;
            n = { k: 'call', fn: `sprig.${name.v}`, args: this.list(')') };
            continue;
          }
          throw new CannotSimulate('expr method calls');
        }
        n = { k: 'member', obj: n, prop: { k: 'lit', v: name.v } };
      } else if (op === '[') {
        this.i++;
        const prop = this.ternary();
        if (this.peekOp() === ':') throw new CannotSimulate('expr slices');
        this.expect(']');
        n = { k: 'member', obj: n, prop };
      } else {
        return n;
      }
    }
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) throw new ExprError(`expected ${op}`);
    this.i++;
  }
}

const isNum = (v: unknown): boolean => typeof v === 'number' || v instanceof GoInt;
const num = (v: unknown): number => (v instanceof GoInt ? v.value : (v as number));
const typeName = (v: unknown): string => (v === null || v === undefined ? '<nil>' : v instanceof GoInt ? 'int' : typeof v === 'number' ? 'float64'
  : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}');

function equal(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) return num(a) === num(b);
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' || typeof b === 'object') return false;
  return a === b;
}

function member(obj: unknown, prop: unknown): unknown {
  if (obj === null || obj === undefined) throw new ExprError(`cannot fetch ${formatV(prop, false)} from <nil>`);
  if (Array.isArray(obj)) {
    if (!isNum(prop)) throw new ExprError(`cannot use ${typeName(prop)} as index to []interface {}`);
    let i = num(prop);
    if (i < 0) i += obj.length;
    if (i < 0 || i >= obj.length) throw new ExprError(`index out of range: ${num(prop)} (array length is ${obj.length})`);
    return obj[i];
  }
  if (typeof obj === 'object' && !(obj instanceof GoInt)) {
    if (typeof prop !== 'string') throw new ExprError(`cannot use ${typeName(prop)} as map key`);
    return Object.prototype.hasOwnProperty.call(obj, prop) ? (obj as { [k: string]: unknown })[prop] : null;
  }
  throw new ExprError(`invalid operation: cannot fetch ${formatV(prop, false)} from ${typeName(obj)}`);
}

function call(fn: string, args: unknown[]): unknown {
  const one = () => {
    if (args.length !== 1) throw new ExprError(`invalid number of arguments for ${fn} (expected 1, got ${args.length})`);
    return args[0];
  };
  const str = (v: unknown) => {
    if (typeof v !== 'string') throw new ExprError(`invalid argument for ${fn} (type ${typeName(v)})`);
    return v;
  };
  switch (fn) {
    case 'len': {
      const v = one();
      if (typeof v === 'string') return new GoInt([...v].length);
      if (Array.isArray(v)) return new GoInt(v.length);
      if (v && typeof v === 'object' && !(v instanceof GoInt)) return new GoInt(Object.keys(v).length);
      throw new ExprError(`invalid argument for len (type ${typeName(v)})`);
    }
    case 'upper': case 'sprig.upper': return str(one()).toUpperCase();
    case 'lower': case 'sprig.lower': return str(one()).toLowerCase();
    case 'trim': case 'sprig.trim': return str(one()).trim();
    case 'string': case 'sprig.toString': return formatV(one(), false);
    case 'int': case 'asInt': {
      const v = one();
      if (isNum(v)) return new GoInt(Math.trunc(num(v)));
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return new GoInt(Number(v));
      throw new ExprError(`invalid operation: int(${typeName(v)})`);
    }
    case 'float': case 'asFloat': {
      const v = one();
      if (isNum(v)) return num(v);
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
      throw new ExprError(`invalid operation: float(${typeName(v)})`);
    }
    case 'abs': {
      const v = one();
      if (!isNum(v)) throw new ExprError(`invalid argument for abs (type ${typeName(v)})`);
      return v instanceof GoInt ? new GoInt(Math.abs(v.value)) : Math.abs(v as number);
    }
    default:
      throw new CannotSimulate(`expr function "${fn}"`);
  }
}

function evaluate(n: Node, env: { [k: string]: unknown }): unknown {
  switch (n.k) {
    case 'lit': return n.v;
    case 'name': return Object.prototype.hasOwnProperty.call(env, n.v) ? env[n.v] : null;
    case 'member': return member(evaluate(n.obj, env), evaluate(n.prop, env));
    case 'array': return n.items.map(x => evaluate(x, env));
    case 'call': return call(n.fn, n.args.map(a => evaluate(a, env)));
    case 'cond': {
      const c = evaluate(n.c, env);
      if (typeof c !== 'boolean') throw new ExprError(`non-bool expression (type ${typeName(c)}) used as condition`);
      return evaluate(c ? n.a : n.b, env);
    }
    case 'unary': {
      const x = evaluate(n.x, env);
      if (n.op === '!') {
        if (typeof x !== 'boolean') throw new ExprError(`invalid operation: ! (mismatched type ${typeName(x)})`);
        return !x;
      }
      if (!isNum(x)) throw new ExprError(`invalid operation: ${n.op} (mismatched type ${typeName(x)})`);
      return n.op === '-' ? (x instanceof GoInt ? new GoInt(-x.value) : -(x as number)) : x;
    }
    default: return binary(n, env);
  }
}

function binary(n: Extract<Node, { k: 'binary' }>, env: { [k: string]: unknown }): unknown {
  const l = evaluate(n.l, env);
  if (n.op === '&&' || n.op === '||') {
    if (typeof l !== 'boolean') throw new ExprError(`invalid operation: ${n.op} (mismatched type ${typeName(l)})`);
    if (n.op === '&&' ? !l : l) return l;
    const r = evaluate(n.r, env);
    if (typeof r !== 'boolean') throw new ExprError(`invalid operation: ${n.op} (mismatched type ${typeName(r)})`);
    return r;
  }
  if (n.op === '??') return l === null || l === undefined ? evaluate(n.r, env) : l;
  const r = evaluate(n.r, env);
  const bad = () => new ExprError(`invalid operation: ${typeName(l)} ${n.op} ${typeName(r)}`);
  switch (n.op) {
    case '==': return equal(l, r);
    case '!=': return !equal(l, r);
    case '<': case '>': case '<=': case '>=': {
      let a: number | string;
      let b: number | string;
      if (isNum(l) && isNum(r)) [a, b] = [num(l), num(r)];
      else if (typeof l === 'string' && typeof r === 'string') [a, b] = [l, r];
      else throw bad();
      return n.op === '<' ? a < b : n.op === '>' ? a > b : n.op === '<=' ? a <= b : a >= b;
    }
    case 'in': case 'not in': {
      let found: boolean;
      if (Array.isArray(r)) found = r.some(x => equal(x, l));
      else if (r && typeof r === 'object' && !(r instanceof GoInt)) {
        if (typeof l !== 'string') throw bad();
        found = Object.prototype.hasOwnProperty.call(r, l);
      } else throw bad();
      return n.op === 'in' ? found : !found;
    }
    case 'matches': case 'contains': case 'startsWith': case 'endsWith': {
      if (typeof l !== 'string' || typeof r !== 'string') throw bad();
      if (n.op === 'matches') return goRegExp(r).test(l);
      return n.op === 'contains' ? l.includes(r) : n.op === 'startsWith' ? l.startsWith(r) : l.endsWith(r);
    }
    case '+':
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      if (!isNum(l) || !isNum(r)) throw bad();
      return l instanceof GoInt && r instanceof GoInt ? new GoInt(l.value + r.value) : num(l) + num(r);
    case '-': case '*':
      if (!isNum(l) || !isNum(r)) throw bad();
      if (l instanceof GoInt && r instanceof GoInt) return new GoInt(n.op === '-' ? l.value - r.value : l.value * r.value);
      return n.op === '-' ? num(l) - num(r) : num(l) * num(r);
    case '/':
      if (!isNum(l) || !isNum(r)) throw bad();
      return num(l) / num(r);
    case '%':
      if (!(l instanceof GoInt) || !(r instanceof GoInt)) throw bad();
      if (r.value === 0) throw new ExprError('integer divide by zero');
      return new GoInt(l.value % r.value);
    case '**':
      if (!isNum(l) || !isNum(r)) throw bad();
      return num(l) ** num(r);
    default: throw new ExprError(`unknown operator ${n.op}`);
  }
}

/**
 * An EventSource's `filter.expression` as Argo Events evaluates it (pkg/shared/expr EvalBool with
 * antonmedv/expr over the event data, top-level keys with `-` turned into `_`): names, members,
 * literals, comparisons, `and`/`or`/`not`, `in`, `matches`/`contains`/`startsWith`/`endsWith`,
 * arithmetic, `?:` and `??`, and the functions len, upper, lower, trim, string, int, float, abs,
 * asInt, asFloat, sprig.upper/lower/trim/toString. Returns true or false; throws ExprError where
 * expr fails (the event is then not dispatched) and CannotSimulate for what is not reproduced.
 */
export function evalExprBool(expression: string, data: { [k: string]: unknown }): boolean {
  const env: { [k: string]: unknown } = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.includes('.')) throw new CannotSimulate('expr environment with dotted keys', 'Argo Events expands them into nested maps');
    env[k.replace(/-/g, '_')] = v;
  }
  let result: unknown;
  try {
    result = evaluate(new Parser(tokenize(expression)).parse(), env);
  } catch (e) {
    if (e instanceof ExprError) throw new ExprError(`unable to evaluate expression '${expression}': ${e.message}`);
    throw e;
  }
  if (typeof result !== 'boolean') throw new ExprError(`unable to cast expression result '${formatV(result, false)}' to bool`);
  return result;
}
