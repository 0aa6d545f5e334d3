import { childPath } from '../path';
import { Manifest } from '../types';
import { isJsonObject, JsonObject, walk } from './walk';

/** A container spec found in a manifest. */
export interface ContainerAt {
  readonly container: JsonObject;
  readonly path: string;
  /**
   * True when Kubernetes names the container from this spec (pod containers, Argo sidecars,
   * init containers, containerSet containers); false for single `container`/`script` blocks
   * whose name Argo or Argo Events sets itself.
   */
  readonly namedByUser: boolean;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers', 'sidecars']);
const SINGLE_CONTAINERS = new Set(['container', 'script']);

const cache = new WeakMap<Manifest, ContainerAt[]>();

/**
 * Every container spec of a manifest, wherever the kind keeps them: pod templates of core
 * workloads, Argo templates (container, script, initContainers, sidecars, containerSet),
 * templateDefaults, EventSource/Sensor `spec.template.container`, and resources embedded in
 * Sensor triggers. Computed once per manifest.
 */
export function containersOf(manifest: Manifest): readonly ContainerAt[] {
  let found = cache.get(manifest);
  if (found) return found;
  const out: ContainerAt[] = [];
  walk(manifest, at => {
    const { value, field, key } = at;
    if (field === 'metadata' || field === 'data' || field === 'stringData') return false;
    if (typeof key === 'number' && field && CONTAINER_LISTS.has(field) && isJsonObject(value)) {
      out.push({ container: value, path: at.path, namedByUser: true });
      return false;
    }
    if (typeof key === 'string' && SINGLE_CONTAINERS.has(key) && isJsonObject(value)) {
      out.push({ container: value, path: at.path, namedByUser: false });
      return false;
    }
    return true;
  });
  found = out;
  cache.set(manifest, found);
  return found;
}

/** `env[i]` entries of a container that are objects, with their paths. */
export function envOf(at: ContainerAt): { env: JsonObject; path: string }[] {
  const list = Array.isArray(at.container.env) ? at.container.env : [];
  return list.map((env: unknown, i: number) => ({ env: env as JsonObject, path: childPath(at.path, 'env', i) }))
    .filter(e => isJsonObject(e.env));
}
