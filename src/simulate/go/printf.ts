import { CannotSimulate } from '../cannot-simulate';
import { GoInt, GoValue, formatFloatG, formatV, goTypeName, isGoMap } from './values';

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatV(a === undefined ? null : a, false);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by spaces, newline appended. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map(a => formatV(a === undefined ? null : a, false)).join(' ')}\n`;
}

/** Go's %q of a string (strconv.Quote). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * fmt.Sprintf for the verbs templates use: %v %s %d %f %F %e %g %q %t %x %X %o %b %c %%, with
 * flags `-+ 0#`, width and precision. Other verbs throw CannotSimulate.
 */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argIndex = 0;
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(format))) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, widthText, precText, verb] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const width = widthText === '*' ? Number((args[argIndex++] as GoInt)?.value) : widthText ? Number(widthText) : undefined;
    const precision = precText === '*' ? Number((args[argIndex++] as GoInt)?.value) : precText !== undefined ? Number(precText || '0') : undefined;
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argIndex++];
    out += pad(formatVerb(verb, arg, flags, precision), width, flags);
  }
  out += format.slice(last);
  if (argIndex < args.length) {
    out += `%!(EXTRA ${args.slice(argIndex).map(a => `${goTypeName(a)}=${formatV(a, false)}`).join(', ')})`;
  }
  return out;
}

function pad(text: string, width: number | undefined, flags: string): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[+-]?\d/.test(text)) {
    const sign = /^[+-]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function formatVerb(verb: string, arg: GoValue, flags: string, precision: number | undefined): string {
  const plus = flags.includes('+');
  const sign = (n: number, s: string) => (plus && n >= 0 ? `+${s}` : s);
  const bad = () => `%!${verb}(${goTypeName(arg)}=${formatV(arg, false)})`;
  switch (verb) {
    case 'v':
      if (flags.includes('#')) throw new CannotSimulate('printf verb %#v');
      if (typeof arg === 'number' && precision !== undefined) return sign(arg, toPrecisionG(arg, precision));
      return formatV(arg === undefined ? null : arg, false);
    case 's':
      if (typeof arg === 'string') return precision !== undefined ? [...arg].slice(0, precision).join('') : arg;
      if (Array.isArray(arg) || isGoMap(arg) || typeof arg === 'boolean') return formatV(arg, false);
      return bad();
    case 'q':
      if (typeof arg === 'string') return goQuote(arg);
      return bad();
    case 't':
      return typeof arg === 'boolean' ? String(arg) : bad();
    case 'd':
      if (arg instanceof GoInt) return sign(arg.value, String(arg.value));
      return bad();
    case 'f': case 'F':
      if (typeof arg === 'number') return sign(arg, arg.toFixed(precision ?? 6));
      return bad();
    case 'e':
      if (typeof arg === 'number') return sign(arg, goExp(arg.toExponential(precision ?? 6)));
      return bad();
    case 'g':
      if (typeof arg === 'number') return sign(arg, precision === undefined ? formatFloatG(arg) : toPrecisionG(arg, precision));
      return bad();
    case 'x': case 'X': {
      let s: string;
      if (arg instanceof GoInt) s = arg.value < 0 ? `-${(-arg.value).toString(16)}` : arg.value.toString(16);
      else if (typeof arg === 'string') s = Buffer.from(arg, 'utf8').toString('hex');
      else return bad();
      if (flags.includes('#')) s = `0x${s}`;
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'o':
      return arg instanceof GoInt ? arg.value.toString(8) : bad();
    case 'b':
      return arg instanceof GoInt ? arg.value.toString(2) : bad();
    case 'c':
      return arg instanceof GoInt ? String.fromCodePoint(arg.value) : bad();
    default:
      throw new CannotSimulate(`printf verb %${verb}`);
  }
}

function goExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function toPrecisionG(f: number, precision: number): string {
  const p = precision === 0 ? 1 : precision;
  const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= p) return goExp(f.toExponential(p - 1).replace(/\.?0+e/, 'e'));
  return String(Number(f.toPrecision(p)));
}
