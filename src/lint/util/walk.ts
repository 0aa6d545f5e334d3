import { fieldPath } from '../path';

/** Read-only JSON object as found in a manifest. */
export type JsonObject = { readonly [key: string]: any };

/** True for a plain (non-array, non-null) object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array, or an empty one for anything else (absent, null, wrong type). */
export function listOf(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : [];
}

/** True for an object built by a literal or JSON.parse (not a Date, a class instance, an array). */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** One value met while walking a manifest. */
export interface Visited {
  /** The value (a map, a list or a scalar). */
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

function joinSegments(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const segment = keySegment(s);
      out += out === '' && segment.startsWith('.') ? segment.slice(1) : segment;
    }
  }
  return out;
}

/**
 * Visits every value of a JSON tree depth-first, parents before children, once for several
 * visitors: a visitor that returns `false` does not see that value's children, while the others
 * still do. Rules share one walk of each manifest this way (through `RuleContext.onWalk`). The
 * visited record is reused from one value to the next (its `path` is computed only when read):
 * copy what you keep. A visitor that throws is passed to `onError` and not called again.
 */
export function walkTogether(root: unknown, visitors: readonly ((v: Visited) => boolean | void)[], onError: (index: number, error: unknown) => void): void {
  const count = visitors.length;
  /** Depth at which each visitor stopped descending; -1 while it descends, FAILED for good. */
  const skippedAt = new Array<number>(count).fill(-1);
  const fields: string[] = [];
  const segments: (string | number)[] = [];
  const current = {
    value: root as unknown,
    key: undefined as string | number | undefined,
    field: undefined as string | undefined,
    fields: fields as readonly string[],
    get path(): string {
      return joinSegments(segments);
    },
  };
  const step = (value: unknown, key: string | number | undefined, depth: number) => {
    current.value = value;
    current.key = key;
    current.field = fields.length ? fields[fields.length - 1] : undefined;
    let descending = 0;
    let skippedHere = 0;
    for (let i = 0; i < count; i++) {
      if (skippedAt[i] !== -1) continue;
      let result: boolean | void;
      try {
        result = visitors[i](current);
      } catch (e) {
        skippedAt[i] = FAILED;
        onError(i, e);
        continue;
      }
      if (result === false) {
        skippedAt[i] = depth;
        skippedHere++;
      } else {
        descending++;
      }
    }
    if (descending > 0 && typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          segments.push(i);
          step(value[i], i, depth + 1);
          segments.pop();
        }
      } else {
        // for...in with an own-property test lists what Object.keys lists, without a new array per map.
        const object = value as JsonObject;
        for (const k in object) {
          if (!hasOwn.call(object, k)) continue;
          fields.push(k);
          segments.push(k);
          step(object[k], k, depth + 1);
          segments.pop();
          fields.pop();
        }
      }
    }
    if (skippedHere) for (let i = 0; i < count; i++) if (skippedAt[i] === depth) skippedAt[i] = -1;
  };
  step(root, undefined, 0);
}

const FAILED = -2;
const hasOwn = Object.prototype.hasOwnProperty;
