import { childPath } from '../path';
import { Manifest } from '../types';
import { isJsonObject, JsonObject } from './walk';
import { perManifest } from './manifest-memo';

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

/**
 * Every container spec of a manifest, wherever the kind keeps them: pod templates of core
 * workloads, Argo templates (container, script, initContainers, sidecars, containerSet),
 * templateDefaults, EventSource/Sensor `spec.template.container`, and resources embedded in
 * Sensor triggers. Computed once per manifest (util/manifest-memo.ts) and shared by every rule that asks: the
 * list and its entries are frozen; `container` is the manifest's own object, which no rule changes.
 */
export const containersOf: (manifest: Manifest) => readonly ContainerAt[] = perManifest(findContainers);

function findContainers(manifest: Manifest): readonly ContainerAt[] {
  const out: ContainerAt[] = [];
  // A walk of its own, without util/walk's record and paths: paths are made for the hits only.
  const segments: (string | number)[] = [];
  const visit = (value: unknown, field: string | undefined) => {
    if (Array.isArray(value)) {
      const list = field !== undefined && CONTAINER_LISTS.has(field);
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        segments.push(i);
        if (list && isJsonObject(item)) out.push(Object.freeze({ container: item, path: childPath('', ...segments), namedByUser: true }));
        else if (typeof item === 'object' && item !== null) visit(item, field);
        segments.pop();
      }
    } else if (isJsonObject(value)) {
      for (const key of Object.keys(value)) {
        if (key === 'metadata' || key === 'data' || key === 'stringData') continue;
        const child = value[key];
        if (typeof child !== 'object' || child === null) continue;
        segments.push(key);
        if (SINGLE_CONTAINERS.has(key) && isJsonObject(child)) out.push(Object.freeze({ container: child, path: childPath('', ...segments), namedByUser: false }));
        else visit(child, key);
        segments.pop();
      }
    }
  };
  visit(manifest, undefined);
  return Object.freeze(out);
}

/** `env[i]` entries of a container that are objects, with their paths. */
export function envOf(at: ContainerAt): { env: JsonObject; path: string }[] {
  const list = Array.isArray(at.container.env) ? at.container.env : [];
  return list.map((env: unknown, i: number) => ({ env: env as JsonObject, path: childPath(at.path, 'env', i) }))
    .filter(e => isJsonObject(e.env));
}
