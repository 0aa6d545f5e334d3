import { ApiObject, ApiObjectMetadataDefinition, App, Chart } from 'cdk8s';

/**
 * What an object's metadata holds, captured cheaply to notice a change made through its add*
 * methods (addLabel, addAnnotation, addFinalizers, addOwnerReference, add): the metadata object's
 * own fields, maps and lists one level deep, values compared by identity. Resolving the metadata
 * (`metadata.toJson()`) to compare it costs 16 times more, and the synth session compares every
 * object's metadata in every cdk8s validation round (one per chart serialized). When this cdk8s
 * keeps its metadata in a form the snapshot cannot see (`probe()` says so, or a field holds a Map or
 * a class instance), `undefined` is returned and the caller compares the resolved metadata instead.
 * A Lazy value is compared as the same Lazy: what it produces is read when the object renders.
 * @internal
 */
export type MetadataSnapshot = readonly unknown[];

let supported: boolean | undefined;

/** The snapshot of `metadata`, or undefined when snapshots cannot show its changes. @internal */
export function snapshotOf(metadata: ApiObjectMetadataDefinition): MetadataSnapshot | undefined {
  supported ??= probe();
  return supported ? capture(metadata) : undefined;
}

/** True when both snapshots are of the same metadata. @internal */
export function sameSnapshot(a: MetadataSnapshot, b: MetadataSnapshot): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function capture(metadata: ApiObjectMetadataDefinition): MetadataSnapshot | undefined {
  const out: unknown[] = [];
  for (const [key, field] of Object.entries(metadata)) {
    const value: unknown = field;
    if (ApiObject.isApiObject(value)) continue;
    out.push(key);
    if (Array.isArray(value)) {
      out.push(value.length, ...value);
    } else if (typeof value === 'object' && value !== null) {
      if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
      for (const k of Object.keys(value)) out.push(k, (value as { readonly [key: string]: unknown })[k]);
      out.push(undefined);
    } else {
      out.push(value);
    }
  }
  return out;
}

/** Whether snapshots see what each add* method of this cdk8s changes. */
function probe(): boolean {
  const object = new ApiObject(new Chart(new App({ outdir: '' }), 'probe'), 'probe', { apiVersion: 'v1', kind: 'Probe' });
  const m = object.metadata;
  const mutations: (() => void)[] = [
    () => m.addLabel('a', 'b'),
    () => m.addLabel('a', 'c'),
    () => m.addAnnotation('a', 'b'),
    () => m.addAnnotation('a', 'c'),
    () => m.addFinalizers('f'),
    () => m.addOwnerReference({ apiVersion: 'v1', kind: 'Probe', name: 'owner', uid: 'u' }),
    () => m.add('extra', 'x'),
    () => m.add('extra', 'y'),
  ];
  let before = capture(m);
  for (const mutate of mutations) {
    mutate();
    const after = capture(m);
    if (!before || !after || sameSnapshot(before, after)) return false;
    before = after;
  }
  return true;
}
