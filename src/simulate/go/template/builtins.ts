import { CannotSimulate } from '../../cannot-simulate';
import { sprint, sprintf, sprintln } from '../printf';
import { GoInt, GoValue, goTypeName, isGoMap, truth } from '../values';
import { FunctionError } from './exec';
import { TemplateFunction, fn } from './functions';

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other' | 'invalid';

function basicKind(v: GoValue): Kind {
  if (v === undefined || v === null) return 'invalid';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

function scalar(v: GoValue): number | string | boolean {
  return v instanceof GoInt ? v.value : (v as number | string | boolean);
}

/** text/template's eq: basic kinds must match (float64 vs an int constant is an error). */
function eq(arg1: GoValue, rest: GoValue[]): boolean {
  if (!rest.length) throw new FunctionError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid') throw new FunctionError('incompatible types for comparison');
      continue;
    }
    if (k1 === 'other') {
      throw new FunctionError(`non-comparable type ${goTypeName(arg1)}`);
    }
    if (k1 === 'invalid' || scalar(arg1) === scalar(arg)) return true;
  }
  return false;
}

function lt(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'bool' || k1 === 'other' || k1 === 'invalid' || k2 === 'other' || k2 === 'invalid' || k2 === 'bool') {
    throw new FunctionError('invalid type for comparison');
  }
  if (k1 !== k2) throw new FunctionError('incompatible types for comparison');
  return scalar(a) < scalar(b);
}

function len(v: GoValue): GoInt {
  if (typeof v === 'string') return new GoInt(Buffer.byteLength(v, 'utf8'));
  if (Array.isArray(v)) return new GoInt(v.length);
  if (isGoMap(v)) return new GoInt(Object.keys(v).length);
  throw new FunctionError(`len of type ${goTypeName(v)}`);
}

function index(item: GoValue, indexes: GoValue[]): GoValue {
  let v = item;
  for (const i of indexes) {
    if (v === null || v === undefined) throw new FunctionError('index of untyped nil');
    if (Array.isArray(v) || typeof v === 'string') {
      if (!(i instanceof GoInt)) throw new FunctionError(`cannot index slice/array with type ${goTypeName(i)}`);
      const length = typeof v === 'string' ? Buffer.byteLength(v) : v.length;
      if (i.value < 0 || i.value >= length) throw new FunctionError(`index out of range: ${i.value}`);
      if (typeof v === 'string') return new GoInt(Buffer.from(v)[i.value]);
      v = v[i.value];
    } else if (isGoMap(v)) {
      if (typeof i !== 'string') throw new FunctionError(`value has type ${goTypeName(i)}; should be string`);
      v = Object.prototype.hasOwnProperty.call(v, i) ? v[i] : null;
    } else {
      throw new FunctionError(`can't index item of type ${goTypeName(v)}`);
    }
  }
  return v;
}

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"\0]/g, c => ({ '&': '&amp;', '\'': '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' }[c]!));
}

function jsEscape(s: string): string {
  return s.replace(/[\\'"<>&=\n\r\t]/g, c => ({ '\\': '\\\\', '\'': '\\\'', '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D', '\n': '\\n', '\r': '\\r', '\t': '\\t' }[c]!));
}

function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Go's predefined template functions (text/template funcs.go); `and`/`or` are in the executor. */
export const BUILTINS: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['not', fn(['any'], ([a]) => !truth(a))],
  ['len', fn(['any'], ([a]) => len(a))],
  ['index', fn(['any'], ([item, ...rest]) => index(item, rest), 'any')],
  ['slice', fn(['any'], () => {
    throw new CannotSimulate('template function "slice"');
  }, 'any')],
  ['print', fn([], args => sprint(args), 'any')],
  ['println', fn([], args => sprintln(args), 'any')],
  ['printf', fn(['string'], ([format, ...args]) => sprintf(format as string, args), 'any')],
  ['html', fn([], args => htmlEscape(sprint(args)), 'any')],
  ['js', fn([], args => jsEscape(sprint(args)), 'any')],
  ['urlquery', fn([], args => queryEscape(sprint(args)), 'any')],
  ['call', fn(['any'], () => {
    throw new CannotSimulate('template function "call"');
  }, 'any')],
  ['eq', fn(['any'], ([a, ...rest]) => eq(a, rest), 'any')],
  ['ne', fn(['any', 'any'], ([a, b]) => !eq(a, [b]))],
  ['lt', fn(['any', 'any'], ([a, b]) => lt(a, b))],
  ['le', fn(['any', 'any'], ([a, b]) => lt(a, b) || eq(a, [b]))],
  ['gt', fn(['any', 'any'], ([a, b]) => !lt(a, b) && !eq(a, [b]))],
  ['ge', fn(['any', 'any'], ([a, b]) => !lt(a, b))],
]);

/** Names the executor implements itself. */
export const SHORT_CIRCUIT = ['and', 'or'];
