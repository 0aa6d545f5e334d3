import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../../src/lint/engine';
import { Manifest } from '../../../src/lint/types';
import { WORKFLOWS_RULE_IDS } from '../../../src/lint/rules/workflows';

import { describeUpstream, upstreamPath } from '../../support/upstream';

const examples = upstreamPath('workflows-v4.1.2', 'examples');
const ODD_VALUES: unknown[] = [null, 7, 'x', '{{', [], {}, [null], [[1]], true];

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** Every object/array node of a manifest, with a setter replacing it. */
function slots(value: any, out: ((v: unknown) => void)[] = []): ((v: unknown) => void)[] {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push(v => { value[key] = v; });
      slots(value[key], out);
    }
  }
  return out;
}

/** A small deterministic pseudo-random sequence, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describeUpstream('Workflows rules on malformed input', () => {
  test('no rule throws on upstream examples with random fields replaced by values of the wrong type', () => {
    const parsed: Manifest[] = files(examples).flatMap(f => parseAllDocuments(readFileSync(f, 'utf8')))
      .filter(d => !d.errors.length).map(d => d.toJS()).filter(m => m?.apiVersion && m.kind && /Workflow/.test(m.kind));
    const next = random(42);
    const crashes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const docs = structuredClone(parsed);
      for (const doc of docs) {
        const all = slots(doc);
        for (let i = 0; i < 3 && all.length; i++) all[Math.floor(next() * all.length)](ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]);
      }
      for (const f of lint(docs, { schema: false, only: WORKFLOWS_RULE_IDS })) {
        if (/could not check this object/.test(f.message)) crashes.push(`${f.object}: ${f.message}`);
      }
    }
    expect(crashes).toEqual([]);
  });
});
