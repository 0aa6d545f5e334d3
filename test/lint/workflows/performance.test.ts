import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../../src/lint/engine';
import { Manifest } from '../../../src/lint/types';
import { WORKFLOWS_RULE_IDS } from '../../../src/lint/rules/workflows';
import { container, workflow } from './helpers';

const examples = join(process.env.ARGO_SCHEMA_DIR!, 'workflows-v4.1.2/examples');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

function timed(manifests: Manifest[]): { ms: number; findings: number } {
  const start = process.hrtime.bigint();
  const findings = lint(manifests, { schema: false, only: WORKFLOWS_RULE_IDS }).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, findings };
}

describe('Workflows rules are fast enough to run on every synth', () => {
  test('well over 1,000 upstream example documents per second', () => {
    const parsed = files(examples).flatMap(f => parseAllDocuments(readFileSync(f, 'utf8')))
      .filter(d => !d.errors.length).map(d => d.toJS()).filter(m => m?.apiVersion && m.kind);
    const docs = (): Manifest[] => structuredClone(parsed);
    timed(docs()); // warm-up
    // Fresh objects each round (per-manifest caches do not help), ~2,000 documents a round; best of 3 rounds.
    const rounds = [0, 1, 2].map(() => {
      const set: Manifest[] = [];
      for (let i = 0; i < 10; i++) set.push(...docs());
      return set.length / (timed(set).ms / 1000);
    });
    expect(Math.max(...rounds)).toBeGreaterThan(2500); // leaves room for the schema check and the other rule sets
  });

  test('a 4,000-task DAG chain where each task reads its parent is linted in about linear time', () => {
    const chain = (n: number) => workflow({ entrypoint: 'main', templates: [
      { name: 'main', dag: { tasks: Array.from({ length: n }, (_, i) => ({
        name: `t${i}x`, template: 'echo', ...(i ? { depends: `t${i - 1}x` } : {}),
        arguments: { parameters: [{ name: 'msg', value: i ? `{{tasks.t${i - 1}x.outputs.parameters.out}}` : 'start' }] },
      })) } },
      container('echo', { inputs: { parameters: [{ name: 'msg' }] }, outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] } }),
    ] });
    const best = (n: number) => Math.min(...[0, 1, 2].map(() => timed([chain(n)]).ms));
    best(200);
    const small = best(1000);
    const big = best(4000);
    expect(timed([chain(4000)]).findings).toBe(0);
    expect(big).toBeLessThan(2000);
    expect(big / Math.max(small, 1)).toBeLessThan(10); // 4x the tasks: ~4x the time, 16x if quadratic
  });
});
