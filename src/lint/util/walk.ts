import { fieldPath } from '../path';

/** Read-only JSON object as found in a manifest. */
export type JsonObject = { readonly [key: string]: any };

/** True for a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value met while walking a manifest. */
export interface Visited {
  readonly value: unknown;
  /** Field path of the value, as findings print it. */
  readonly path: string;
  /** Map key or list index under which the value sits (undefined for the root). */
  readonly key?: string | number;
  /** Map key of the nearest enclosing map entry (for a list item: the list's key). */
  readonly field?: string;
  /**
   * Map keys from the root to the value, list indexes left out: `['spec', 'templates', 'container']`.
   * Only valid during the visit (the walker reuses the array): copy it to keep it.
   */
  readonly fields: readonly string[];
}

const keySegments = new Map<string, string>();

/** `.key` or `["key"]`, formatted once per distinct key. */
function keySegment(key: string): string {
  let segment = keySegments.get(key);
  if (segment === undefined) {
    const formatted = fieldPath(key);
    segment = formatted.startsWith('[') ? formatted : `.${formatted}`;
    if (keySegments.size < 10000) keySegments.set(key, segment);
  }
  return segment;
}

/**
 * Visits every value of a JSON tree depth-first, parents before children. Return `false`
 * from `visit` to skip a value's children.
 */
export function walk(root: unknown, visit: (v: Visited) => boolean | void, path = ''): void {
  const fields: string[] = [];
  const step = (value: unknown, at: string, key: string | number | undefined) => {
    if (visit({ value, path: at, key, field: fields[fields.length - 1], fields }) === false) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) step(value[i], `${at}[${i}]`, i);
    } else if (isJsonObject(value)) {
      for (const k of Object.keys(value)) {
        fields.push(k);
        const segment = keySegment(k);
        step(value[k], at === '' && segment.startsWith('.') ? segment.slice(1) : at + segment, k);
        fields.pop();
      }
    }
  };
  step(root, path, undefined);
}
