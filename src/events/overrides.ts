/** One override: a value set at a field path of the rendered manifest (Kubernetes' field names). */
interface ManifestOverride {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

/**
 * The overrides of one rendered object, each addressed by its construct (a trigger, a dependency,
 * an event of an EventSource) and applied after rendering, so that adding another part before it
 * never makes an override land on the wrong one. Paths are written as the workflow constructs'
 * `addOverride()` takes them: `template.http.timeout`, or segments for keys with dots
 * (`['metadata', 'annotations', 'example.com/key']`); a numeric segment indexes a list. @internal
 */
export class ManifestOverrides {
  private readonly list: ManifestOverride[] = [];

  /** Records `value` at `path` below `prefix` (`undefined` removes the field). */
  public add(prefix: readonly (string | number)[], path: string | readonly string[], value: unknown, owner: string): void {
    const segments = typeof path === 'string' ? path.split('.') : path;
    if (!segments.length || segments.some(s => typeof s !== 'string' || s === '' || s === '__proto__')) {
      throw new Error(`${owner}: addOverride() needs a path of field names, e.g. 'template.http.timeout' or ['metadata', 'annotations', 'example.com/key'] (got ${JSON.stringify(path)}). `
        + 'Name the field to set, relative to the construct.');
    }
    this.list.push({ path: [...prefix, ...segments], value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) });
  }

  /** The manifest with the overrides applied, in the order they were added. */
  public apply(manifest: any): any {
    if (!this.list.length) return manifest;
    // A copy: the render may share nested values with the props (an embedded resource).
    const copy = JSON.parse(JSON.stringify(manifest));
    for (const o of this.list) setAt(copy, o.path, o.value);
    return copy;
  }
}

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null;
}

function setAt(root: { [key: string]: unknown }, path: readonly (string | number)[], value: unknown): void {
  let node: { [key: string]: unknown } | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const index = Array.isArray(node) && /^\d+$/.test(String(key)) ? Number(key) : undefined;
    const container = node as { [key: string]: unknown };
    const slot = String(index ?? key);
    if (i === path.length - 1) {
      if (value !== undefined) container[slot] = value;
      else if (Array.isArray(node) && index !== undefined) node.splice(index, 1);
      else delete container[slot];
      return;
    }
    let next = container[slot];
    if (!isObject(next)) {
      if (value === undefined) return;
      next = /^\d+$/.test(String(path[i + 1])) ? [] : {};
      container[slot] = next;
    }
    node = next as { [key: string]: unknown } | unknown[];
  }
}
