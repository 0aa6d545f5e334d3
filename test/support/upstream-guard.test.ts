/**
 * A stranger's clone has no ../shared: a test that builds its own path to it fails there with
 * ENOENT instead of being skipped. Every test reaches the upstream folder through
 * test/support/upstream.ts (UPSTREAM_DIR, upstreamPath, describeUpstream, testUpstream).
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

const TEST_ROOT = join(__dirname, '..');
const OWN_PATH = /join\([^)]*['"]shared['"]|['"`][^'"`]*\.\.\/shared\/argo[^'"`]*['"`]\s*[),]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === '__snapshots__' ? [] : sources(path);
    return /\.(ts|js)$/.test(e.name) ? [path] : [];
  });
}

test('the guard sees the test files and would catch a path of its own to ../shared', () => {
  expect(sources(TEST_ROOT).length).toBeGreaterThan(50);
  expect(OWN_PATH.test("const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'argo');")).toBe(true);
  expect(OWN_PATH.test("readFileSync('../shared/argo/events-v1.9.11/x.yaml')")).toBe(true);
  expect(OWN_PATH.test('// (../shared/argo/events-v1.9.11/examples/sensors), each with')).toBe(false);
});

test('no test builds its own path to ../shared: test/support/upstream.ts is the one way there', () => {
  const own = sources(TEST_ROOT)
    .filter(f => f !== join(TEST_ROOT, 'support', 'upstream.ts') && f !== __filename)
    .filter(f => OWN_PATH.test(readFileSync(f, 'utf8')))
    .map(f => relative(TEST_ROOT, f));
  expect(own).toEqual([]);
});
