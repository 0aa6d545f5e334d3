import type { ManifestIndex } from '../types';

/**
 * What the rules compute from the manifest being linted (its pods, containers, workflow model,
 * variable analysis...), computed once and shared by the rules that ask, then let go when the
 * engine moves on to the next manifest (`withinManifest`). A value asked about another manifest (a
 * Sensor's trigger reading the WorkflowTemplate it submits) is computed again in that manifest's
 * turn.
 *
 * Why not a WeakMap by manifest: its values live as long as the manifests, the whole run, so every
 * young collection of the lint copied the values made since the one before and moved them to the
 * old generation (about 50 MB and 180 ms of a 1.3 s lint of 1,000 WorkflowTemplates). A Map
 * emptied between manifests is no better: young collections do not trace the old generation, so a
 * table that got there keeps what it pointed to until a full collection. Here the values hang from
 * a young object made for each manifest and die with it.
 *
 * Outside the engine (a helper called on its own, src/graph), `perManifest` values are kept by
 * object, weakly, and `perManifestOfRun` values by index and object, as before.
 */
export function perManifest<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = slots++;
  const outside = new WeakMap<K, V>();
  return key => memoized(scope ? (scope.memos[slot] ??= new Map()) as Map<K, V> : outside, key, compute);
}

/** `perManifest` for what depends on the linted set too (`index`, one per run). */
export function perManifestOfRun<K extends object, V>(compute: (key: K, index: ManifestIndex) => V): (key: K, index: ManifestIndex) => V {
  const slot = slots++;
  const outside = new WeakMap<ManifestIndex, WeakMap<K, V>>();
  return (key, index) => {
    let memo: Map<K, V> | WeakMap<K, V>;
    if (scope) {
      memo = (scope.memos[slot] ??= new Map()) as Map<K, V>;
    } else {
      let byKey = outside.get(index);
      if (!byKey) outside.set(index, byKey = new WeakMap());
      memo = byKey;
    }
    return memoized(memo, key, k => compute(k, index));
  };
}

/** The value of `key` in `memo`, computed and kept on first ask (undefined is a value too). */
function memoized<K extends object, V>(memo: Map<K, V> | WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    value = compute(key);
    memo.set(key, value);
  }
  return value as V;
}

/**
 * Runs `lint` (the engine's lint of one manifest of the set `index`) with a memo of its own. A call
 * made while a manifest of the same set is linted (a nested object) shares that memo; one for
 * another set (a rule linting other manifests) gets its own, and the outer memo is back after it.
 */
export function withinManifest<T>(index: ManifestIndex, lint: () => T): T {
  if (scope && scope.index === index) return lint();
  const outer = scope;
  scope = { index, memos: [] };
  try {
    return lint();
  } finally {
    scope = outer;
  }
}

/** The memos of the manifest being linted, one table per memo (by its slot), made when first asked. */
let scope: { readonly index: ManifestIndex; readonly memos: (Map<object, unknown> | undefined)[] } | undefined;
let slots = 0;
