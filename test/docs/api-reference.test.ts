/**
 * The API reference (`npm run docs`, TypeDoc over src/index.ts and the ./jest entry) is complete:
 * every exported symbol has a JSDoc comment, every optional field of a Props or Options interface
 * a `@default`, every `{@link}` resolves and no exported signature names a type the reference
 * leaves out. scripts/check-api-docs.mjs runs TypeDoc's own validation (what `npm run docs`
 * treats as errors) and reports each problem with its file; this test asserts there are none.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

interface Problem {
  readonly check: 'notDocumented' | 'missingDefault' | 'notExported' | 'invalidLink' | 'error' | 'other';
  readonly file: string;
  readonly symbol: string;
  readonly message: string;
}

const root = join(__dirname, '..', '..');

function byFile(problems: readonly Problem[]): { [file: string]: string[] } {
  const out: { [file: string]: string[] } = {};
  for (const p of problems) (out[p.file || '(project)'] ??= []).push(p.symbol || p.message);
  return out;
}

describe('the API reference', () => {
  let problems: Problem[];

  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'check-api-docs.mjs'), '--json'], {
      cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    // Exit code 1 means "problems found": they are in the JSON, asserted below. Anything else is a crash.
    if (run.status !== 0 && run.status !== 1) throw new Error(`scripts/check-api-docs.mjs failed (${run.status ?? run.signal}): ${run.stderr}`);
    problems = JSON.parse(run.stdout);
  }, 600_000);

  test('every exported symbol has a JSDoc comment (listed by file)', () => {
    expect(byFile(problems.filter(p => p.check === 'notDocumented'))).toEqual({});
  });

  test('every optional field of a Props or Options interface says its @default (listed by file)', () => {
    expect(byFile(problems.filter(p => p.check === 'missingDefault'))).toEqual({});
  });

  test('no exported signature names a type the package does not export', () => {
    expect(problems.filter(p => p.check === 'notExported').map(p => p.message)).toEqual([]);
  });

  test('every {@link} resolves, and TypeDoc reports nothing else', () => {
    expect(problems.filter(p => ['invalidLink', 'error', 'other'].includes(p.check)).map(p => p.message)).toEqual([]);
  });
});
