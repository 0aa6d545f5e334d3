/**
 * Deep equality of two JSON values, key order included (as comparing their serializations
 * would). A Date, a class instance...: not plain JSON, so never equal to anything but itself.
 * @internal
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== otherKeys[i] || !sameJson(a[keys[i]], b[keys[i]])) return false;
  }
  return true;
}

/** An object built by a literal or JSON.parse (not a Date, a class instance, an array). */
function isPlainObject(value: object): value is { readonly [key: string]: unknown } {
  return Object.getPrototypeOf(value) === Object.prototype;
}
