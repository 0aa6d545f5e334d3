import type { ManifestIndex } from '../types';

/**
 * `compute(key, index)` made once per key object and lint run (a run's ManifestIndex), and let
 * go with either: for what several rules, or several workflows of one run, ask of the same spec.
 */
export function perLintRun<K extends object, V>(compute: (key: K, index: ManifestIndex) => V): (key: K, index: ManifestIndex) => V {
  const byIndex = new WeakMap<ManifestIndex, WeakMap<K, V>>();
  return (key, index) => {
    let byKey = byIndex.get(index);
    if (!byKey) byIndex.set(index, byKey = new WeakMap());
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = compute(key, index);
    byKey.set(key, value);
    return value;
  };
}
