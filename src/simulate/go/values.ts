/**
 * Go values as the template engine sees them. JSON data decoded by Go is `float64`, `string`,
 * `bool`, `nil`, `map[string]interface{}` and `[]interface{}`: JavaScript numbers, strings,
 * booleans, null, plain objects and arrays. Go's `int` (template constants, len, sprig's
 * arithmetic) prints differently from float64, so it is wrapped. `undefined` is Go's invalid
 * reflect.Value (a missing map key), which prints as `<no value>`.
 */
export class GoInt {
  constructor(readonly value: number) {}
}

/** A Go time.Time (sprig's date functions), kept as milliseconds since the epoch. */
export class GoTime {
  constructor(readonly ms: number) {}
}

export type GoValue = unknown;

/** Go's type name of a value, for error messages (`float64`, `map[string]interface {}`...). */
export function goTypeName(v: GoValue): string {
  if (v === undefined) return '<invalid>';
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return 'int';
  if (v instanceof GoTime) return 'time.Time';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    default: return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  }
}

/** A number as a JavaScript number, for either Go numeric type; undefined for non-numbers. */
export function numberOf(v: GoValue): number | undefined {
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'number') return v;
  return undefined;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is what fmt's %v prints for a float64. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // Shortest round-trip digits, as strconv's shortest formatting; %e form when the exponent
  // is below -4 or at least 6 (strconv uses precision 6 for this decision when shortest).
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let out: string;
  if (exp < 0) out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (exp + 1 >= digits.length) out = digits + '0'.repeat(exp + 1 - digits.length);
  else out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${out}` : out;
}

/** fmt's %v of a value (Fprint): maps print sorted as `map[k:v]`, slices as `[a b]`. */
export function formatV(v: GoValue, top = true): string {
  if (v === undefined) return top ? '<no value>' : '<invalid reflect.Value>';
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return String(v.value);
  if (v instanceof GoTime) return formatGoTimeDefault(v);
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatFloatG(v);
    case 'boolean': return String(v);
    default:
      if (Array.isArray(v)) return `[${v.map(x => formatV(x, false)).join(' ')}]`;
      return `map[${Object.keys(v as object).sort().map(k => `${k}:${formatV((v as { [k: string]: unknown })[k], false)}`).join(' ')}]`;
  }
}

/** Go's time.Time.String() in UTC: `2006-01-02 15:04:05.999999999 +0000 UTC`. */
function formatGoTimeDefault(t: GoTime): string {
  const d = new Date(t.ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3).replace(/0+$/, '')}` : '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** text/template's truth: false for the zero value of the type, empty collections and invalid values. */
export function truth(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (v instanceof GoInt) return v.value !== 0;
  if (v instanceof GoTime) return true;
  switch (typeof v) {
    case 'string': return v.length > 0;
    case 'number': return v !== 0;
    case 'boolean': return v;
    default: return Array.isArray(v) ? v.length > 0 : Object.keys(v as object).length > 0;
  }
}

/** True for a Go map (a plain object). */
export function isGoMap(v: GoValue): v is { [key: string]: GoValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof GoTime);
}
