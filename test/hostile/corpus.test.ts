import { join } from 'path';
import { main } from '../../src/cli/main';
import { Output } from '../../src/cli/output';
import { removeTempTrees, tempTree } from '../cli/helpers';
import { HOSTILE_CASES, HostileCase } from './corpus';

afterAll(removeTempTrees);

interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function run(args: readonly string[]): Captured {
  let out = '';
  let err = '';
  const output: Output = { out: t => { out += t; }, err: t => { err += t; } };
  const code = main(args, output, () => Buffer.alloc(0));
  return { code, out, err };
}

/** Raw characters that would act on a terminal (escapes, bidi overrides) instead of being shown. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Everything that must hold for a hostile input, whatever it is. */
function check(c: HostileCase): void {
  const files = c.files();
  const dir = tempTree({});
  // tempTree writes strings; Buffers need writing as bytes.
  const { writeFileSync } = require('fs') as typeof import('fs');
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  const paths = Object.keys(files).map(p => join(dir, p));

  const json = run(['lint', '--format', 'json', ...paths]);
  expect(json.code).toBe(c.exit);
  const report = JSON.parse(json.out);
  // Unreadable input names its file, and its line unless the case says there is none.
  for (const problem of report.inputErrors) {
    expect(paths).toContain(problem.file);
    if (!c.lineless) expect(problem.line).toEqual(expect.any(Number));
  }
  if (c.exit === 2) expect(report.inputErrors.length).toBeGreaterThan(0);
  // No rule or check may crash on it.
  const messages = [...report.findings, ...report.inputErrors].map((f: { message: string }) => f.message);
  expect(messages.filter(m => /could not check this object|internal error/.test(m))).toEqual([]);
  if (c.says) expect(messages.join('\n')).toMatch(c.says);
  for (const rule of c.rules ?? []) expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(rule);
  for (const f of report.findings) expect(paths).toContain(f.file);

  // The text report says the same, on lines a terminal prints as they are.
  const text = run(['lint', ...paths]);
  expect(text.code).toBe(c.exit);
  expect(`${text.out}${text.err}`).not.toMatch(TERMINAL_CONTROL);
  expect(text.err).not.toMatch(/\n\s+at /);
}

describe('hostile input corpus (cdk8s-argo lint, in process)', () => {
  for (const c of HOSTILE_CASES) {
    if (c.knownFailure) {
      test.failing(`${c.name} [known gap: ${c.knownFailure}]`, () => check(c));
    } else {
      test(c.name, () => check(c));
    }
  }
});
