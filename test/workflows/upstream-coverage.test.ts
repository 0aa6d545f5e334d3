/**
 * Coverage of the upstream examples: every document of Argo Workflows v4.1.2's examples folder
 * is either rebuilt with the typed API (the upstream-*.test.ts files compare each one) or listed
 * in NOT_REBUILT with the reason, and at least MIN_REBUILT are rebuilt.
 */
import { readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { EXAMPLES_DIR, readUpstream } from './upstream/compare';
import { ALL_EXAMPLES, MIN_REBUILT, NOT_REBUILT } from './upstream/all';
import { testUpstream as test, upstreamPath } from '../support/upstream';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** `file#index` of every upstream document. */
function upstreamDocuments(): string[] {
  const root = upstreamPath(...EXAMPLES_DIR);
  return yamlFiles(root).map(f => relative(root, f)).sort().flatMap(file => readUpstream(file).map((_d, i) => `${file}#${i}`));
}

function rebuiltDocuments(): string[] {
  return ALL_EXAMPLES.flatMap(e => (e.documents ?? readUpstream(e.file).map((_d, i) => i)).map(i => `${e.file}#${i}`));
}

test('every upstream document is rebuilt or listed as not rebuilt, with a reason, exactly once', () => {
  const all = upstreamDocuments();
  const rebuilt = rebuiltDocuments();
  const listed = (doc: string) => Object.prototype.hasOwnProperty.call(NOT_REBUILT, doc) || Object.prototype.hasOwnProperty.call(NOT_REBUILT, doc.replace(/#\d+$/, ''));
  expect(rebuilt.filter((d, i) => rebuilt.indexOf(d) !== i)).toEqual([]);
  expect(rebuilt.filter(d => !all.includes(d))).toEqual([]);
  expect(all.filter(d => !rebuilt.includes(d) && !listed(d))).toEqual([]);
  expect(rebuilt.filter(listed)).toEqual([]);
  for (const key of Object.keys(NOT_REBUILT)) expect({ key, known: all.some(d => d === key || d.startsWith(`${key}#`)) }).toEqual({ key, known: true });
  expect(Object.values(NOT_REBUILT).filter(reason => reason.length < 20)).toEqual([]);
});

test(`at least ${MIN_REBUILT} of the upstream documents are rebuilt and compared`, () => {
  const all = upstreamDocuments();
  const rebuilt = rebuiltDocuments();
  expect(all.length).toBe(228);
  expect(rebuilt.length).toBeGreaterThanOrEqual(MIN_REBUILT);
});
