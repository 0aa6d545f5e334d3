import { markChanged } from '../core/revision';

/** A path below a construct's part of the manifest: `readinessProbe.httpGet.port`, or its segments (for keys with dots). */
export type OverridePath = string | readonly string[];

interface Override {
  readonly path: readonly string[];
  readonly value: unknown;
}

function segmentsOf(path: OverridePath, owner: string): readonly string[] {
  const segments = typeof path === 'string' ? path.split('.') : path;
  if (!segments.length || segments.some(s => typeof s !== 'string' || s === '' || s === '__proto__')) {
    throw new Error(`${owner}: addOverride() needs a path of field names, e.g. 'readinessProbe.httpGet.port' or ['metadata', 'annotations', 'example.com/key'] (got ${JSON.stringify(path)})`);
  }
  return segments;
}

/**
 * The escape hatch of a construct: fields set on the construct's own part of the manifest, after
 * it rendered, with the manifest's field names. The part is found where it is when the manifest
 * renders (a template added before it does not shift it), and the schema check sees the result.
 * @internal
 */
export class Overrides {
  private readonly list: Override[] = [];

  constructor(private readonly owner: () => string) {}

  /** Records an override; `undefined` removes the field. */
  public add(path: OverridePath, value: unknown): void {
    markChanged();
    this.list.push({ path: segmentsOf(path, this.owner()), value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) });
  }

  /** Whether any override was added. */
  public get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Applies the overrides, in order, to `target` (the construct's part of the rendered manifest). */
  public apply(target: unknown): void {
    if (!this.list.length) return;
    if (!isObject(target)) throw new Error(`${this.owner()}: an override cannot be applied: its part of the manifest is not rendered`);
    for (const o of this.list) setPath(target, o.path, o.value);
  }
}

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null;
}

function setPath(root: { [key: string]: unknown }, path: readonly string[], value: unknown): void {
  let node: { [key: string]: unknown } | unknown[] = root;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    const index = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : undefined;
    const container = node as { [key: string]: unknown };
    const slot = index ?? key;
    if (last) {
      if (value === undefined) {
        if (Array.isArray(node) && index !== undefined) node.splice(index, 1);
        else delete container[key];
      } else {
        container[slot as string] = value;
      }
      return;
    }
    let next = container[slot as string];
    if (!isObject(next)) {
      next = /^\d+$/.test(path[i + 1]) ? [] : {};
      container[slot as string] = next;
    }
    node = next as { [key: string]: unknown } | unknown[];
  }
}
