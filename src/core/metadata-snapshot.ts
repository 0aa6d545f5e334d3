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

/** True when `metadata` holds what `snapshot` captured (compared in place: the synth session asks in every round). @internal */
export function matchesSnapshot(metadata: ApiObjectMetadataDefinition, snapshot: MetadataSnapshot): boolean {
  let mismatch = false;
  let i = 0;
  const complete = visit(metadata, value => {
    if (i >= snapshot.length || snapshot[i++] !== value) mismatch = true;
    return !mismatch;
  });
  return complete && !mismatch && i === snapshot.length;
}

function capture(metadata: ApiObjectMetadataDefinition): MetadataSnapshot | undefined {
  const out: unknown[] = [];
  return visit(metadata, value => { out.push(value); return true; }) ? out : undefined;
}

/**
 * Passes each part of the snapshot of `metadata` to `emit`, in order, until it returns false.
 * False when the metadata holds something a snapshot cannot compare (then nothing is meaningful).
 */
function visit(metadata: ApiObjectMetadataDefinition, emit: (value: unknown) => boolean): boolean {
  for (const key in metadata) {
    const value: unknown = Reflect.get(metadata, key);
    if (ApiObject.isApiObject(value)) continue;
    if (!emit(key)) return true;
    if (Array.isArray(value)) {
      if (!emit(value.length)) return true;
      for (const item of value) if (!emit(item)) return true;
    } else if (typeof value === 'object' && value !== null) {
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const k in value) if (!emit(k) || !emit(Reflect.get(value, k))) return true;
      if (!emit(undefined)) return true;
    } else if (!emit(value)) {
      return true;
    }
  }
  return true;
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
