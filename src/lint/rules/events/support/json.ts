export { listOf } from '../../../util/walk';

/** Read-only JSON object as found in a manifest. */
export type JsonObject = { readonly [key: string]: any };

/** True for a plain (non-array, non-null) object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a map-valued field, or none when it is not an object. */
export function entriesOf(value: unknown): [string, any][] {
  return isObject(value) ? Object.entries(value) : [];
}

/** True when Go would see the zero value of a string field: absent, null or ''. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** `"a", "b", "c"` for messages; `(none)` when empty. */
export function quoteList(names: Iterable<string>): string {
  const list = [...names].map(n => JSON.stringify(n));
  return list.length ? list.join(', ') : '(none)';
}
