import { parseFieldPath } from '../lint/path';

/** One override: a value set at a field path of the rendered manifest (Kubernetes' field names). */
export interface ManifestOverride {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

/**
 * The overrides of one rendered object, each addressed by its construct (a trigger, a dependency,
 * an event of an EventSource) and applied after rendering, so that adding another part before it
 * never makes an override land on the wrong one. @internal
 */
export class ManifestOverrides {
  private readonly list: ManifestOverride[] = [];

  /** Records `value` at `path` (dot/bracket syntax: `template.http.timeout`, `ports[0].name`) below `prefix`. */
  public add(prefix: readonly (string | number)[], path: string, value: unknown, where: string): void {
    const relative = parseFieldPath(path);
    if (!relative.length) {
      throw new Error(`${where}: addOverride() needs a field path (e.g. "template.http.timeout"), got ${JSON.stringify(path)}. `
        + 'Name the field to set, relative to the construct.');
    }
    this.list.push({ path: [...prefix, ...relative], value });
  }

  /** True when no override was added. */
  public get empty(): boolean {
    return this.list.length === 0;
  }

  /** The manifest with the overrides applied, in the order they were added (`undefined` deletes a field). */
  public apply(manifest: any): any {
    if (!this.list.length) return manifest;
    // A copy: the render may share nested values with the props (an embedded resource).
    const copy = JSON.parse(JSON.stringify(manifest));
    for (const o of this.list) setAt(copy, o.path, o.value);
    return copy;
  }
}

function setAt(root: any, path: readonly (string | number)[], value: unknown): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = node[key];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[key] = next;
    }
    node = next;
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}
