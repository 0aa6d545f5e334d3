import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { parseAllDocuments } from 'yaml';

/** A synthesized Kubernetes object, as plain JSON. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name?: string; namespace?: string; [key: string]: unknown }; [key: string]: unknown };

/** Every document of every `*.yaml` file `cdk8s synth` wrote into `dir`, files in name order. */
export function readSynthOutput(dir: string): Manifest[] {
  return readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()
    .flatMap(f => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map(d => d.toJS() as Manifest))
    .filter(d => d !== null);
}

/** `Kind/namespace/name`. */
export function objectKey(m: Manifest): string {
  return `${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? ''}`;
}

/**
 * Throws unless `actual` holds exactly the objects of `expected`, each deeply equal (key order
 * aside), naming the first differing field.
 */
export function assertSameObjects(expected: readonly Manifest[], actual: readonly Manifest[], what: string): void {
  const byKey = new Map(actual.map(m => [objectKey(m), m]));
  const expectedKeys = expected.map(objectKey).sort();
  const actualKeys = [...byKey.keys()].sort();
  if (!isDeepStrictEqual(expectedKeys, actualKeys)) {
    throw new Error(`${what}: different objects: expected ${expectedKeys.join(', ')}; got ${actualKeys.join(', ')}`);
  }
  for (const m of expected) {
    const diff = firstDifference(m, byKey.get(objectKey(m)), objectKey(m));
    if (diff) throw new Error(`${what}: ${diff}`);
  }
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`;
}
