import { readFileSync } from 'fs';
import { join } from 'path';
import { describeUpstream } from '../support/upstream';
import { ArgoTestCase, CaseResult, describeFinding, loadArgoTestCases, runCase, tally, Tally } from './argo-test-cases';

/**
 * Calibration against Argo's own validation tests: each fixture under test/fixtures/argo-tests is
 * a manifest one of Argo's unit tests feeds to the controller's validation, with the outcome the
 * test asserts. Reject cases must be caught with the rule mapped to Argo's message, accept cases
 * must lint without errors (apart from the deliberately stricter rules listed in docs/lint.md).
 */
const cases = loadArgoTestCases();
// Cases that add an upstream example's documents need ../shared/argo: without it they are left out, saying why.
const runnable = cases.filter(c => !c.needsUpstream);
const decidable = runnable.filter(c => !c.skip);
if (runnable.length < cases.length) describeUpstream(`the ${cases.length - runnable.length} Argo test cases that read upstream examples`, () => undefined);
const lintDoc = readFileSync(join(__dirname, '..', '..', 'docs', 'lint.md'), 'utf8');

function report(label: string, t: Tally, skipped: number): string {
  const rate = t.rejectCases ? (100 * t.caught / t.rejectCases).toFixed(1) : '-';
  return `${label}: ${t.caught}/${t.rejectCases} reject cases caught with Argo's rule (${rate}%, ${t.knownMisses} known misses); `
    + `${t.falseRejections}/${t.acceptCases} accept cases refused (${t.stricterOnly} refused only by listed stricter rules); `
    + `${skipped} cases not decidable offline`;
}

function byProject(results: readonly CaseResult[]): string[] {
  const projects = [...new Set(results.map(r => r.testCase.id.split('/')[0]))];
  return projects.map(p => report(`  ${p}`, tally(results.filter(r => r.testCase.id.startsWith(`${p}/`))), runnable.filter(c => c.skip && c.id.startsWith(`${p}/`)).length));
}

describe('calibration on the validation tests of Argo Workflows and Argo Events (test/fixtures/argo-tests)', () => {
  test('every fixture names its upstream test, Argo\'s outcome and an expectation or a reason to skip', () => {
    const bad = cases.filter(c => !c.upstream || !c.test || !c.argo || (!c.skip && !c.expect) || c.problems.length
      || (!c.skip && !c.needsUpstream && c.manifests.length === 0));
    expect(bad.map(c => `${c.id}: ${c.problems.join('; ') || 'incomplete header or no manifests'}`)).toEqual([]);
    expect(cases.length).toBeGreaterThan(150);
  });

  test('each deliberately stricter rule an accept case meets is listed in docs/lint.md', () => {
    const stricter = [...new Set(cases.flatMap(c => c.stricter))];
    const section = lintDoc.slice(lintDoc.indexOf('## Deliberately stricter than Argo'));
    expect(stricter.filter(id => !section.includes(`\`${id}\``))).toEqual([]);
  });

  describe.each([['schema check on', true], ['schema check off', false]] as const)('%s', (label, schema) => {
    // Without the schema check, reject cases only the schema check can catch are not counted.
    const results = decidable.filter(c => schema || !onlySchema(c)).map(c => runCase(c, schema));
    const t = tally(results);
    const schemaOnly = schema ? 0 : decidable.filter(onlySchema).length;

    afterAll(() => {
      // The measured numbers, printed with the test output (npx jest test/lint/argo-tests).
      // eslint-disable-next-line no-console
      console.log([report(`Argo tests, ${label}`, t, runnable.length - decidable.length)
        + (schemaOnly ? ` (${schemaOnly} reject cases only the schema check catches left out)` : ''), ...byProject(results)].join('\n'));
    });

    test('catches at least 97% of the reject cases with the rule matching Argo\'s message', () => {
      expect(t.caught / t.rejectCases).toBeGreaterThanOrEqual(0.97);
    });

    test('refuses no accept case', () => {
      const refused = results.filter(r => r.testCase.expect!.outcome === 'accept' && !r.agrees);
      expect(refused.map(r => `${r.testCase.id}: ${r.errors.map(describeFinding).join(' | ')}`)).toEqual([]);
    });

    test('every reject case not listed as a known miss is caught', () => {
      const missed = results.filter(r => r.testCase.expect!.outcome === 'reject' && !r.agrees && !r.testCase.knownMiss);
      expect(missed.map(r => `${r.testCase.id}: expected ${rulesOf(r.testCase)}, got ${r.errors.map(describeFinding).join(' | ') || 'no error'}`)).toEqual([]);
    });

    test('known misses are still missed (remove the header once a rule catches them)', () => {
      const caught = results.filter(r => r.testCase.knownMiss && r.agrees);
      expect(caught.map(r => r.testCase.id)).toEqual([]);
    });
  });
});

function rulesOf(c: ArgoTestCase): string {
  return c.expect?.outcome === 'reject' ? c.expect.rules.join(' or ') : 'no error';
}

/** A reject case only the schema check can catch (its expected rule is SCHEMA). */
function onlySchema(c: ArgoTestCase): boolean {
  return c.expect?.outcome === 'reject' && c.expect.rules.every(r => r === 'SCHEMA');
}
