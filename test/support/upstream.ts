import { existsSync } from 'fs';
import { join } from 'path';

/**
 * Argo's pinned schemas, CRDs and upstream examples (`../shared/argo` beside the repository, or
 * $ARGO_SCHEMA_DIR): the input of `npm run import` and of the tests that compare with upstream.
 * A stranger's clone has no such folder: those tests are skipped, with the reason printed. CI
 * (.ci/run) has it and sets CDK8S_ARGO_REQUIRE_UPSTREAM=1, so there a missing folder fails.
 */
export const UPSTREAM_DIR = process.env.ARGO_SCHEMA_DIR || join(__dirname, '..', '..', '..', 'shared', 'argo');

/** Whether the upstream folder is there. */
export function hasUpstream(): boolean {
  return existsSync(join(UPSTREAM_DIR, 'workflows-v4.1.2', 'schema.json'));
}

/** A path inside the upstream folder, e.g. `upstreamPath('events-v1.9.11', 'examples')`. */
export function upstreamPath(...parts: string[]): string {
  return join(UPSTREAM_DIR, ...parts);
}

const reported = new Set<string>();

/**
 * `describe` for tests that read the upstream folder. Without it, the block's body does not run
 * (it would read missing files); one skipped test says why, and the reason is printed.
 */
export function describeUpstream(name: string, body: () => void): void {
  if (hasUpstream()) {
    describe(name, body);
    return;
  }
  const reason = `${UPSTREAM_DIR} (Argo's pinned schemas and examples) is missing; set ARGO_SCHEMA_DIR or put the folder beside the repository to run these tests`;
  if (process.env.CDK8S_ARGO_REQUIRE_UPSTREAM === '1') {
    describe(name, () => {
      test('needs the upstream folder', () => {
        throw new Error(`${reason} (CDK8S_ARGO_REQUIRE_UPSTREAM=1: CI must not skip them)`);
      });
    });
    return;
  }
  if (!reported.has(reason)) {
    reported.add(reason);
    console.warn(`skipped: ${reason}`);
  }
  describe(name, () => {
    test.skip(`skipped: ${reason}`, () => undefined);
  });
}

/**
 * `test` for a test that reads the upstream folder: skipped, with the reason printed, when it is
 * missing. A file made of such tests can shadow jest's global:
 * `import { testUpstream as test } from '../support/upstream';`.
 */
export function testUpstream(name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (hasUpstream()) {
    test(name, fn, timeout);
    return;
  }
  describeUpstream(name, () => undefined);
}
