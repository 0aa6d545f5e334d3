/**
 * What the CRD rules compiled to JavaScript by `npm run import` (imports/crd-rules.ts) run on:
 * the manifest's own values, no CEL library, no conversion. Each operation decides only where the
 * value is what the rule expects (a map where it reads a field, a boolean where it negates...);
 * anywhere else it throws `UNDECIDED` and the CEL evaluator decides (src/schema/cel.ts), so a
 * compiled rule returns what the evaluator would return or nothing at all.
 *
 * Why it agrees: a field missing or set to null is absent in CEL (the API server prunes nulls),
 * `&&`/`||` stop where CEL's result is already fixed (false && x is false even when x fails), and
 * a comprehension stops at the first element that fixes `all` or `exists`.
 */

/** Thrown by the fast path where only the CEL evaluator can say what happens (an error, most often). */
export const UNDECIDED: unique symbol = Symbol('cel-undecided');

/** A compiled rule: true or false as CEL evaluates it; throws UNDECIDED where it cannot tell. */
export type CompiledCelRule = (self: unknown) => boolean;

function undecided(): never {
  throw UNDECIDED;
}

function isMap(value: unknown): value is { readonly [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `has(target.key)`. */
export function has(target: unknown, key: string): boolean {
  if (!isMap(target)) undecided();
  if (!Object.hasOwn(target, key)) return false;
  const value = target[key];
  return value !== null && value !== undefined;
}

/** `target.key`, when present. */
export function field(target: unknown, key: string): unknown {
  if (!has(target, key)) undecided();
  return (target as { readonly [key: string]: unknown })[key];
}

/** A value CEL uses as a condition. */
export function bool(value: unknown): boolean {
  if (typeof value !== 'boolean') undecided();
  return value;
}

/** A CEL int: a JSON integer (toCel makes it a BigInt; a fraction is a double). */
export function int(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) undecided();
  return value;
}

function str(value: unknown): string {
  if (typeof value !== 'string') undecided();
  return value;
}

/** `a + b` of ints (a result beyond 2^53 is left to the evaluator, which checks int64 overflow). */
export function add(a: unknown, b: unknown): number {
  return int(int(a) + int(b));
}

/** `a - b` of ints. */
export function sub(a: unknown, b: unknown): number {
  return int(int(a) - int(b));
}

/** `-a` of an int. */
export function neg(a: unknown): number {
  return int(-int(a));
}

/** Values `==` decides here: both strings, both booleans or both ints. */
function sameKind(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof a === 'boolean') return typeof b === typeof a;
  return typeof a === 'number' && Number.isSafeInteger(a) && typeof b === 'number' && Number.isSafeInteger(b);
}

/** `a == b`. */
export function eq(a: unknown, b: unknown): boolean {
  if (!sameKind(a, b)) undecided();
  return a === b;
}

/** `a < b` (-1), `a == b` (0), `a > b` (1), for two ints or two strings. */
export function compare(a: unknown, b: unknown): number {
  if (!(typeof a === 'string' && typeof b === 'string') && !(typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b))) {
    undecided();
  }
  // CEL compares strings by code point; JavaScript's < by UTF-16 unit, which differs only beyond the BMP.
  if (typeof a === 'string' && (/[\ud800-\udfff]/.test(a) || /[\ud800-\udfff]/.test(b as string))) undecided();
  return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
}

/** `list.all(x, predicate)`. */
export function all(list: unknown, predicate: (item: unknown) => unknown): boolean {
  if (!Array.isArray(list)) undecided();
  for (const item of list) if (!bool(predicate(item))) return false;
  return true;
}

/** `list.exists(x, predicate)`. */
export function exists(list: unknown, predicate: (item: unknown) => unknown): boolean {
  if (!Array.isArray(list)) undecided();
  for (const item of list) if (bool(predicate(item))) return true;
  return false;
}

/** `text.matches(pattern)`, the pattern compiled by `npm run import` where RE2 and JavaScript read it alike. */
export function matches(text: unknown, pattern: RegExp): boolean {
  return pattern.test(str(text));
}

/** `text.contains(part)`. */
export function contains(text: unknown, part: unknown): boolean {
  return str(text).includes(str(part));
}

/** `text.startsWith(part)`. */
export function startsWith(text: unknown, part: unknown): boolean {
  return str(text).startsWith(str(part));
}

/** `text.endsWith(part)`. */
export function endsWith(text: unknown, part: unknown): boolean {
  return str(text).endsWith(str(part));
}
