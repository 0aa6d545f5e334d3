import { ApiObject, ApiObjectMetadataDefinition, Lazy, Testing } from 'cdk8s';
import { sameSnapshot, snapshotOf } from '../../src/core/metadata-snapshot';

function metadata(): ApiObjectMetadataDefinition {
  return new ApiObject(Testing.chart(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o', labels: { a: 'b' } } }).metadata;
}

describe('metadata snapshots (what the synth session compares in every round)', () => {
  test('every add* method of this cdk8s changes the snapshot; nothing else does', () => {
    const m = metadata();
    const first = snapshotOf(m)!;
    expect(first).toBeDefined();
    expect(sameSnapshot(first, snapshotOf(m)!)).toBe(true);
    const steps: (() => void)[] = [
      () => m.addLabel('a', 'c'), () => m.addLabel('x', 'y'), () => m.addAnnotation('n', 'v'), () => m.addFinalizers('f'),
      () => m.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u' }), () => m.add('generateName', 'o-'),
    ];
    let before = first;
    for (const step of steps) {
      step();
      const after = snapshotOf(m)!;
      expect(sameSnapshot(before, after)).toBe(false);
      before = after;
    }
  });

  test('a Lazy value is the same value: what it produces is read when the object renders', () => {
    const m = metadata();
    let version = '1';
    m.addLabel('version', Lazy.any({ produce: () => version }) as unknown as string);
    const before = snapshotOf(m)!;
    version = '2';
    expect(sameSnapshot(before, snapshotOf(m)!)).toBe(true);
  });

  test('metadata held in a form the snapshot cannot compare gives no snapshot (the caller compares the resolved metadata)', () => {
    const odd = { name: 'o', labels: new Map([['a', 'b']]) } as unknown as ApiObjectMetadataDefinition;
    expect(snapshotOf(odd)).toBeUndefined();
  });
});
