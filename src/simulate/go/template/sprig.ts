import { createHash } from 'crypto';
import { posix } from 'path';
import { CannotSimulate } from '../../cannot-simulate';
import { goRegExp } from '../regexp';
import { goQuote } from '../printf';
import { GoInt, GoValue, formatV, goTypeName, isGoMap } from '../values';
import { FunctionError } from './exec';
import { TemplateFunction, fn } from './functions';

/**
 * Every function name of sprig v3.3.0's FuncMap (what Argo Events v1.9.11 registers for
 * dataTemplate, contextTemplate and data filter templates). A template calling any other
 * name fails to parse in Argo Events too.
 */
export const SPRIG_NAMES: readonly string[] = ('hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate '
  + 'htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower title '
  + 'untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii randNumeric '
  + 'swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent '
  + 'replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn '
  + 'toStrings until untilStep add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor '
  + 'round join sortAlpha default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson '
  + 'mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual env '
  + 'expandenv getHostByName base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list '
  + 'dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append mustAppend '
  + 'prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without '
  + 'mustWithout has mustHas slice mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword '
  + 'buildCustomCert genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES '
  + 'decryptAES randBytes uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind '
  + 'mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit '
  + 'regexQuoteMeta urlParse urlJoin').split(' ');

const NOT_REPRODUCIBLE: { readonly [name: string]: string } = {
  env: 'it reads the sensor pod\'s environment',
  expandenv: 'it reads the sensor pod\'s environment',
  getHostByName: 'it resolves DNS in the cluster',
  now: 'it reads the sensor\'s clock',
  ago: 'it reads the sensor\'s clock',
  uuidv4: 'it is random',
  randAlphaNum: 'it is random',
  randAlpha: 'it is random',
  randAscii: 'it is random',
  randNumeric: 'it is random',
  randInt: 'it is random',
  randBytes: 'it is random',
  shuffle: 'it is random',
  bcrypt: 'it is salted at random',
  htpasswd: 'it is salted at random',
  genPrivateKey: 'it is random',
  genCA: 'it is random',
  genCAWithKey: 'it is random',
  genSelfSignedCert: 'it is random',
  genSelfSignedCertWithKey: 'it is random',
  genSignedCert: 'it is random',
  genSignedCertWithKey: 'it is random',
  buildCustomCert: 'it is random',
  encryptAES: 'it is random',
};

/** sprig's strval: strings as they are, everything else through fmt's %v. */
function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  return formatV(v, false);
}

/** spf13/cast ToInt64 as sprig's toInt64 uses it (strings parsed, floats truncated, errors give 0). */
function toInt64(v: GoValue): number {
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.replace(/\.0*$/, '');
    if (/^[+-]?\d+$/.test(s)) return Number(s);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return Number(s.replace(/^([+-]?)0[xX]/, '$10x'));
    return 0;
  }
  return 0;
}

function toFloat64(v: GoValue): number {
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = Number(v);
    return v.trim() !== '' && !Number.isNaN(n) ? n : 0;
  }
  return 0;
}

/** sprig's empty(): the zero value of its type, or an empty collection. */
function empty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  if (v instanceof GoInt) return v.value === 0;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return v.length === 0;
  if (isGoMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** Go's encoding/json Marshal of a template value (map keys sorted, HTML characters escaped). */
export function goJsonMarshal(v: GoValue, escapeHtml = true, indent?: string): string {
  const plain = (x: GoValue): unknown => {
    if (x === undefined) return null;
    if (x instanceof GoInt) return x.value;
    if (Array.isArray(x)) return x.map(plain);
    if (isGoMap(x)) {
      const out: { [k: string]: unknown } = {};
      for (const k of Object.keys(x).sort()) out[k] = plain(x[k]);
      return out;
    }
    return x;
  };
  let text = JSON.stringify(plain(v), null, indent);
  if (escapeHtml) text = text.replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text;
}

function list(v: GoValue, name: string): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new FunctionError(`Cannot ${name} on type ${goTypeName(v)}`);
}

function regex(pattern: string): RegExp {
  try {
    return goRegExp(pattern, 'g');
  } catch (e) {
    if (e instanceof CannotSimulate) throw e;
    throw new FunctionError(`error parsing regexp: ${(e as Error).message}`);
  }
}

const s = (f: (x: string) => GoValue) => fn(['string'], ([x]) => f(x as string));
const s2 = (f: (a: string, b: string) => GoValue) => fn(['string', 'string'], ([a, b]) => f(a as string, b as string));

const IMPLEMENTED: [string, TemplateFunction][] = [
  // strings
  ['upper', s(x => x.toUpperCase())],
  ['lower', s(x => x.toLowerCase())],
  ['title', s(x => x.replace(/(^|[^\p{L}\p{N}'_])(\p{L})/gu, (_m, sep, ch) => sep + ch.toUpperCase()))],
  ['untitle', s(x => x.replace(/(^|\s)(\p{L})/gu, (_m, sep, ch) => sep + ch.toLowerCase()))],
  ['trim', s(x => x.trim())],
  ['trimAll', s2((cut, x) => trimCut(x, cut))],
  ['trimall', s2((cut, x) => trimCut(x, cut))],
  ['trimPrefix', s2((p, x) => (x.startsWith(p) ? x.slice(p.length) : x))],
  ['trimSuffix', s2((p, x) => (p && x.endsWith(p) ? x.slice(0, -p.length) : x))],
  ['nospace', s(x => x.replace(/\s+/gu, ''))],
  ['repeat', fn(['int', 'string'], ([n, x]) => (x as string).repeat(Math.max(0, (n as GoInt).value)))],
  ['substr', fn(['int', 'int', 'string'], ([a, b, x]) => substr((a as GoInt).value, (b as GoInt).value, x as string))],
  ['trunc', fn(['int', 'string'], ([n, x]) => trunc((n as GoInt).value, x as string))],
  ['contains', s2((sub, x) => x.includes(sub))],
  ['hasPrefix', s2((p, x) => x.startsWith(p))],
  ['hasSuffix', s2((p, x) => x.endsWith(p))],
  ['replace', fn(['string', 'string', 'string'], ([o, n, x]) => (o === '' ? goReplaceEmpty(x as string, n as string) : (x as string).split(o as string).join(n as string)))],
  ['quote', fn([], args => args.filter(a => a !== null && a !== undefined).map(a => goQuote(strval(a))).join(' '), 'any')],
  ['squote', fn([], args => args.filter(a => a !== null && a !== undefined).map(a => `'${strval(a)}'`).join(' '), 'any')],
  ['cat', fn([], args => args.filter(a => a !== null && a !== undefined).map(strval).join(' '), 'any')],
  ['indent', fn(['int', 'string'], ([n, x]) => indent((n as GoInt).value, x as string))],
  ['nindent', fn(['int', 'string'], ([n, x]) => `\n${indent((n as GoInt).value, x as string)}`)],
  ['splitList', s2((sep, x) => x.split(sep))],
  ['split', s2((sep, x) => Object.fromEntries(x.split(sep).map((p, i) => [`_${i}`, p])))],
  ['join', fn(['string', 'any'], ([sep, v]) => (Array.isArray(v) ? v.filter(x => x !== null && x !== undefined).map(strval).join(sep as string) : strval(v)))],
  ['toString', fn(['any'], ([v]) => strval(v))],
  ['toStrings', fn(['any'], ([v]) => (Array.isArray(v) ? v.map(strval) : [strval(v)]))],
  ['snakecase', s(x => words(x).join('_').toLowerCase())],
  ['kebabcase', s(x => words(x).join('-').toLowerCase())],
  ['camelcase', s(x => x.split('_').map(w => (w ? w[0].toUpperCase() + w.slice(1) : '')).join(''))],
  ['swapcase', s(x => [...x].map(c => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''))],
  ['initials', s(x => x.split(/\s+/).filter(Boolean).map(w => w[0]).join(''))],
  ['abbrev', fn(['int', 'string'], ([n, x]) => abbrev((n as GoInt).value, x as string))],
  ['plural', fn(['string', 'string', 'int'], ([one, many, n]) => ((n as GoInt).value === 1 ? one : many))],
  // conversions and math (sprig converts with spf13/cast: strings parse, errors give 0)
  ['atoi', s(x => new GoInt(/^[+-]?\d+$/.test(x) ? Number(x) : 0))],
  ['int', fn(['any'], ([v]) => new GoInt(toInt64(v)))],
  ['int64', fn(['any'], ([v]) => new GoInt(toInt64(v)))],
  ['float64', fn(['any'], ([v]) => toFloat64(v))],
  ['add', fn([], args => new GoInt(args.reduce<number>((a, b) => a + toInt64(b), 0)), 'any')],
  ['add1', fn(['any'], ([v]) => new GoInt(toInt64(v) + 1))],
  ['sub', fn(['any', 'any'], ([a, b]) => new GoInt(toInt64(a) - toInt64(b)))],
  ['mul', fn(['any'], ([a, ...rest]) => new GoInt(rest.reduce<number>((x, y) => x * toInt64(y), toInt64(a))), 'any')],
  ['div', fn(['any', 'any'], ([a, b]) => {
    if (toInt64(b) === 0) throw new FunctionError('runtime error: integer divide by zero');
    return new GoInt(Math.trunc(toInt64(a) / toInt64(b)));
  })],
  ['mod', fn(['any', 'any'], ([a, b]) => {
    if (toInt64(b) === 0) throw new FunctionError('runtime error: integer divide by zero');
    return new GoInt(toInt64(a) % toInt64(b));
  })],
  ['max', fn(['any'], ([a, ...rest]) => new GoInt(Math.max(toInt64(a), ...rest.map(toInt64))), 'any')],
  ['biggest', fn(['any'], ([a, ...rest]) => new GoInt(Math.max(toInt64(a), ...rest.map(toInt64))), 'any')],
  ['min', fn(['any'], ([a, ...rest]) => new GoInt(Math.min(toInt64(a), ...rest.map(toInt64))), 'any')],
  ['addf', fn([], args => args.reduce<number>((a, b) => a + toFloat64(b), 0), 'any')],
  ['add1f', fn(['any'], ([v]) => toFloat64(v) + 1)],
  ['subf', fn(['any'], ([a, ...rest]) => rest.reduce<number>((x, y) => x - toFloat64(y), toFloat64(a)), 'any')],
  ['mulf', fn(['any'], ([a, ...rest]) => rest.reduce<number>((x, y) => x * toFloat64(y), toFloat64(a)), 'any')],
  ['divf', fn(['any'], ([a, ...rest]) => rest.reduce<number>((x, y) => x / toFloat64(y), toFloat64(a)), 'any')],
  ['maxf', fn(['any'], ([a, ...rest]) => Math.max(toFloat64(a), ...rest.map(toFloat64)), 'any')],
  ['minf', fn(['any'], ([a, ...rest]) => Math.min(toFloat64(a), ...rest.map(toFloat64)), 'any')],
  ['ceil', fn(['any'], ([v]) => Math.ceil(toFloat64(v)))],
  ['floor', fn(['any'], ([v]) => Math.floor(toFloat64(v)))],
  ['round', fn(['any', 'int'], ([v, p]) => {
    const f = 10 ** (p as GoInt).value;
    return Math.round(toFloat64(v) * f) / f;
  }, 'float')],
  ['until', fn(['int'], ([n]) => range(0, (n as GoInt).value, (n as GoInt).value >= 0 ? 1 : -1))],
  ['untilStep', fn(['int', 'int', 'int'], ([a, b, st]) => range((a as GoInt).value, (b as GoInt).value, (st as GoInt).value))],
  // defaults and flow
  ['default', fn(['any'], ([d, ...given]) => (given.length === 0 || empty(given[0]) ? d : given[0]), 'any')],
  ['empty', fn(['any'], ([v]) => empty(v))],
  ['coalesce', fn([], args => args.find(a => !empty(a)) ?? null, 'any')],
  ['all', fn([], args => args.every(a => !empty(a)), 'any')],
  ['any', fn([], args => args.some(a => !empty(a)), 'any')],
  ['ternary', fn(['any', 'any', 'bool'], ([t, f, c]) => (c ? t : f))],
  ['fail', s(x => {
    throw new FunctionError(x);
  })],
  // JSON
  ['toJson', fn(['any'], ([v]) => goJsonMarshal(v))],
  ['mustToJson', fn(['any'], ([v]) => goJsonMarshal(v))],
  ['toRawJson', fn(['any'], ([v]) => goJsonMarshal(v, false))],
  ['mustToRawJson', fn(['any'], ([v]) => goJsonMarshal(v, false))],
  ['toPrettyJson', fn(['any'], ([v]) => goJsonMarshal(v, true, '  '))],
  ['mustToPrettyJson', fn(['any'], ([v]) => goJsonMarshal(v, true, '  '))],
  ['fromJson', s(x => {
    try {
      return JSON.parse(x);
    } catch {
      return {};
    }
  })],
  ['mustFromJson', s(x => {
    try {
      return JSON.parse(x);
    } catch (e) {
      throw new FunctionError((e as Error).message);
    }
  })],
  // encoding and hashes
  ['b64enc', s(x => Buffer.from(x, 'utf8').toString('base64'))],
  // Go's StdEncoding: padding required; sprig returns the decoding error as the result.
  ['b64dec', s(x => {
    const bad = x.search(/[^A-Za-z0-9+/=]/);
    if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
    if (x.length % 4 !== 0 || /=[^=]/.test(x)) return `illegal base64 data at input byte ${Math.floor(x.length / 4) * 4}`;
    return Buffer.from(x, 'base64').toString('utf8');
  })],
  ['sha1sum', s(x => createHash('sha1').update(x).digest('hex'))],
  ['sha256sum', s(x => createHash('sha256').update(x).digest('hex'))],
  ['sha512sum', s(x => createHash('sha512').update(x).digest('hex'))],
  ['adler32sum', s(x => String(adler32(x)))],
  // lists
  ['list', fn([], args => args.map(a => (a === undefined ? null : a)), 'any')],
  ['tuple', fn([], args => args.map(a => (a === undefined ? null : a)), 'any')],
  ['first', fn(['any'], ([v]) => (list(v, 'first').length ? list(v, 'first')[0] : null))],
  ['mustFirst', fn(['any'], ([v]) => (list(v, 'first').length ? list(v, 'first')[0] : null))],
  ['last', fn(['any'], ([v]) => (list(v, 'last').length ? list(v, 'last').slice(-1)[0] : null))],
  ['mustLast', fn(['any'], ([v]) => (list(v, 'last').length ? list(v, 'last').slice(-1)[0] : null))],
  ['rest', fn(['any'], ([v]) => (list(v, 'rest').length ? list(v, 'rest').slice(1) : null))],
  ['initial', fn(['any'], ([v]) => (list(v, 'initial').length ? list(v, 'initial').slice(0, -1) : null))],
  ['append', fn(['any', 'any'], ([v, x]) => [...list(v, 'append'), x])],
  ['mustAppend', fn(['any', 'any'], ([v, x]) => [...list(v, 'append'), x])],
  ['prepend', fn(['any', 'any'], ([v, x]) => [x, ...list(v, 'prepend')])],
  ['concat', fn([], args => args.flatMap(a => list(a, 'concat')), 'any')],
  ['reverse', fn(['any'], ([v]) => list(v, 'reverse').slice().reverse())],
  ['uniq', fn(['any'], ([v]) => list(v, 'uniq').filter((x, i, all) => all.findIndex(y => formatV(y) === formatV(x) && goTypeName(x) === goTypeName(y)) === i))],
  ['has', fn(['any', 'any'], ([needle, v]) => (v === null ? false : list(v, 'has').some(x => formatV(x) === formatV(needle) && goTypeName(x) === goTypeName(needle))))],
  ['without', fn(['any'], ([v, ...omit]) => list(v, 'without').filter(x => !omit.some(o => formatV(o) === formatV(x) && goTypeName(o) === goTypeName(x))), 'any')],
  ['compact', fn(['any'], ([v]) => list(v, 'compact').filter(x => !empty(x)))],
  ['sortAlpha', fn(['any'], ([v]) => (Array.isArray(v) ? v.map(strval).sort() : [strval(v)]))],
  // dicts
  ['dict', fn([], args => {
    const out: { [k: string]: GoValue } = {};
    for (let i = 0; i < args.length; i += 2) out[strval(args[i])] = i + 1 < args.length ? args[i + 1] ?? null : '';
    return out;
  }, 'any')],
  ['get', fn(['map', 'string'], ([m, k]) => (m && Object.prototype.hasOwnProperty.call(m, k as string) ? (m as { [k: string]: GoValue })[k as string] : ''))],
  ['hasKey', fn(['map', 'string'], ([m, k]) => !!m && Object.prototype.hasOwnProperty.call(m, k as string))],
  ['keys', fn([], args => args.flatMap(m => Object.keys((m ?? {}) as object)), 'map')],
  ['values', fn(['map'], ([m]) => Object.values((m ?? {}) as object))],
  ['pluck', fn(['string'], ([k, ...maps]) => maps.filter(m => m && Object.prototype.hasOwnProperty.call(m, k as string)).map(m => (m as { [x: string]: GoValue })[k as string]), 'map')],
  ['pick', fn(['map'], ([m, ...ks]) => Object.fromEntries(Object.entries((m ?? {}) as object).filter(([k]) => ks.includes(k))), 'string')],
  ['omit', fn(['map'], ([m, ...ks]) => Object.fromEntries(Object.entries((m ?? {}) as object).filter(([k]) => !ks.includes(k))), 'string')],
  ['dig', fn(['any'], args => dig(args), 'any')],
  // regular expressions (Go RE2 syntax)
  ['regexMatch', s2((re, x) => regex(re).test(x))],
  ['mustRegexMatch', s2((re, x) => regex(re).test(x))],
  ['regexFind', s2((re, x) => x.match(regex(re))?.[0] ?? '')],
  ['mustRegexFind', s2((re, x) => x.match(regex(re))?.[0] ?? '')],
  ['regexFindAll', fn(['string', 'string', 'int'], ([re, x, n]) => {
    const all = (x as string).match(regex(re as string)) ?? [];
    return (n as GoInt).value < 0 ? all : all.slice(0, (n as GoInt).value);
  })],
  ['regexReplaceAll', fn(['string', 'string', 'string'], ([re, x, repl]) => (x as string).replace(regex(re as string), goExpand(repl as string)))],
  ['mustRegexReplaceAll', fn(['string', 'string', 'string'], ([re, x, repl]) => (x as string).replace(regex(re as string), goExpand(repl as string)))],
  ['regexReplaceAllLiteral', fn(['string', 'string', 'string'], ([re, x, repl]) => (x as string).replace(regex(re as string), () => repl as string))],
  ['regexSplit', fn(['string', 'string', 'int'], ([re, x, n]) => {
    const parts = (x as string).split(regex(re as string));
    return (n as GoInt).value < 0 ? parts : parts.slice(0, (n as GoInt).value);
  })],
  ['regexQuoteMeta', s(x => x.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))],
  // types
  ['typeOf', fn(['any'], ([v]) => goTypeName(v))],
  ['kindOf', fn(['any'], ([v]) => kindName(v))],
  ['kindIs', fn(['string', 'any'], ([k, v]) => kindName(v) === k)],
  ['typeIs', fn(['string', 'any'], ([t, v]) => goTypeName(v) === t)],
  ['deepEqual', fn(['any', 'any'], ([a, b]) => goJsonMarshal(a) === goJsonMarshal(b) && goTypeName(a) === goTypeName(b))],
  // paths
  ['base', s(x => posix.basename(x) || (x.startsWith('/') ? '/' : '.'))],
  ['dir', s(x => posix.dirname(x))],
  ['clean', s(x => posix.normalize(x).replace(/\/$/, '') || '.')],
  ['ext', s(x => posix.extname(x))],
  ['isAbs', s(x => x.startsWith('/'))],
];

function trimCut(x: string, cut: string): string {
  const chars = new Set([...cut]);
  const arr = [...x];
  let a = 0;
  let b = arr.length;
  while (a < b && chars.has(arr[a])) a++;
  while (b > a && chars.has(arr[b - 1])) b--;
  return arr.slice(a, b).join('');
}

function substr(start: number, end: number, x: string): string {
  if (start < 0) return x.slice(0, end);
  if (end < 0 || end > x.length) return x.slice(start);
  return x.slice(start, end);
}

function trunc(n: number, x: string): string {
  if (n < 0 && x.length + n > 0) return x.slice(x.length + n);
  if (n >= 0 && x.length > n) return x.slice(0, n);
  return x;
}

function goReplaceEmpty(x: string, n: string): string {
  const chars = [...x];
  return n + chars.join(n) + (chars.length ? n : '');
}

function indent(n: number, x: string): string {
  const pad = ' '.repeat(n);
  return pad + x.replace(/\n/g, `\n${pad}`);
}

function abbrev(width: number, x: string): string {
  if (width < 4) return x;
  return x.length > width ? `${x.slice(0, width - 3)}...` : x;
}

function words(x: string): string[] {
  return x.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean);
}

function range(a: number, b: number, step: number): GoInt[] {
  const out: GoInt[] = [];
  if (step === 0) return out;
  for (let i = a; step > 0 ? i < b : i > b; i += step) out.push(new GoInt(i));
  return out;
}

function adler32(x: string): number {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(x, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new FunctionError('dig needs at least three arguments');
  const dict = args[args.length - 1];
  const fallback = args[args.length - 2];
  let v: GoValue = dict;
  for (const k of args.slice(0, -2)) {
    if (!isGoMap(v) || !Object.prototype.hasOwnProperty.call(v, strval(k))) return fallback;
    v = v[strval(k)];
  }
  return v;
}

function kindName(v: GoValue): string {
  if (v === null || v === undefined) return 'invalid';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** Go's Regexp.Expand syntax ($1, ${name}) turned into JavaScript's replacement syntax. */
function goExpand(repl: string): string {
  return repl.replace(/\$\$/g, '\u0000').replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a, b) => {
    const name = a ?? b;
    return /^\d+$/.test(name) ? `$${name}` : `$<${name}>`;
  }).replace(/\u0000/g, '$$$$');
}

function unsupported(name: string): TemplateFunction {
  const why = NOT_REPRODUCIBLE[name];
  return fn([], () => {
    throw new CannotSimulate(`template function "${name}"`, why ?? 'not reproduced by the simulator');
  }, 'any');
}

/** sprig's functions: the reproduced ones, and for every other name one that throws CannotSimulate. */
export const SPRIG: ReadonlyMap<string, TemplateFunction> = (() => {
  const map = new Map<string, TemplateFunction>(IMPLEMENTED);
  for (const name of SPRIG_NAMES) if (!map.has(name)) map.set(name, unsupported(name));
  return map;
})();

