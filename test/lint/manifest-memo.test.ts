import { indexManifests, lint } from '../../src/lint/engine';
import { Manifest, Rule } from '../../src/lint/types';
import { perManifest, perManifestOfRun, withinManifest } from '../../src/lint/util/manifest-memo';
import { podsOf } from '../../src/lint/util/pods';

const run = indexManifests([]);

const configMap = (name: string): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' } });

/** A memo of `compute` that counts the calls per key. */
function counted<V>(compute: (key: object) => V): { readonly memo: (key: object) => V; readonly calls: Map<object, number> } {
  const calls = new Map<object, number>();
  return {
    calls,
    memo: perManifest(key => {
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return compute(key);
    }),
  };
}

describe('memos of what rules compute from the manifest being linted', () => {
  test('within a manifest\'s lint, a value is computed once per key, undefined included, and nested calls share the memo', () => {
    const { memo, calls } = counted(key => (Object.keys(key).length ? { of: key } : undefined));
    const a = { x: 1 };
    const empty = {};
    withinManifest(run, () => {
      const first = memo(a);
      expect(memo(a)).toBe(first);
      expect(memo(empty)).toBeUndefined();
      expect(memo(empty)).toBeUndefined();
      withinManifest(run, () => expect(memo(a)).toBe(first));
    });
    expect(calls.get(a)).toBe(1);
    expect(calls.get(empty)).toBe(1);
  });

  test('the memo is let go when the manifest\'s lint ends: the next manifest computes again', () => {
    const { memo, calls } = counted(key => ({ of: key }));
    const a = { x: 1 };
    const first = withinManifest(run, () => memo(a));
    const second = withinManifest(run, () => memo(a));
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(calls.get(a)).toBe(2);
  });

  test('a failing lint of a manifest still lets its memo go', () => {
    const { memo, calls } = counted(key => ({ of: key }));
    const a = { x: 1 };
    expect(() => withinManifest(run, () => {
      memo(a);
      throw new Error('rule failed');
    })).toThrow('rule failed');
    withinManifest(run, () => memo(a));
    expect(calls.get(a)).toBe(2);
  });

  test('a lint run inside a manifest\'s lint (a rule linting another set) gets a memo of its own, and the outer one is back after it', () => {
    const ofRun = perManifestOfRun((key: object, index) => ({ key, index }));
    const a = { x: 1 };
    const outer = indexManifests([configMap('outer')]);
    const inner = indexManifests([configMap('inner')]);
    withinManifest(outer, () => {
      const before = ofRun(a, outer);
      withinManifest(inner, () => expect(ofRun(a, inner).index).toBe(inner));
      expect(ofRun(a, outer)).toBe(before);
    });
  });

  test('outside the engine, perManifest keeps values by object and perManifestOfRun by linted set and object', () => {
    const { memo, calls } = counted(key => ({ of: key }));
    const a = { x: 1 };
    expect(memo(a)).toBe(memo(a));
    expect(calls.get(a)).toBe(1);

    let runs = 0;
    const ofRun = perManifestOfRun((key: object, index) => ({ key, index, run: ++runs }));
    const one = indexManifests([configMap('one')]);
    const two = indexManifests([configMap('two')]);
    expect(ofRun(a, one)).toBe(ofRun(a, one));
    expect(ofRun(a, two).index).toBe(two);
    expect(runs).toBe(2);
  });

  test('the engine gives each manifest a memo of its own: rules asking about the same manifest share one computation', () => {
    const { memo, calls } = counted(key => ({ of: key }));
    const seen: object[] = [];
    const asking = (id: string): Rule => ({ id, description: id, check: ctx => { seen.push(memo(ctx.manifest)); } });
    const manifests = [configMap('one'), configMap('two')];
    expect(lint(manifests, { schema: false }, [asking('A'), asking('B'), asking('C')])).toEqual([]);
    expect(manifests.map(m => calls.get(m))).toEqual([1, 1]);
    expect(seen.slice(0, 3).every(v => v === seen[0])).toBe(true);
    expect(seen[3]).not.toBe(seen[0]);
    // A second lint of the same objects computes again: nothing of the first run is kept.
    lint(manifests, { schema: false }, [asking('A')]);
    expect(manifests.map(m => calls.get(m))).toEqual([2, 2]);
  });

  test('the pod models rules share are the same objects during a manifest\'s lint, and made again for the next', () => {
    const pod: Manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } };
    const models: unknown[] = [];
    const asking = (id: string): Rule => ({ id, description: id, kinds: ['Pod'], check: ctx => { models.push(podsOf(ctx.manifest)); } });
    lint([pod], { schema: false }, [asking('A'), asking('B')]);
    lint([pod], { schema: false }, [asking('A')]);
    expect(models[1]).toBe(models[0]);
    expect(models[2]).not.toBe(models[0]);
    expect(models[2]).toEqual(models[0]);
  });
});
