import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES, lint, parseManifests, inlineSuppressionsOf, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID } from '../../src/lint';
import { CRD_RULE_ID } from '../../src/schema/validator';

const corpusDir = join(__dirname, '..', 'fixtures', 'bad');
const ruleIds = [...new Set([...ALL_RULES.map(r => r.id), SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, CRD_RULE_ID])];

interface CorpusCase {
  readonly file: string;
  readonly ruleId: string | undefined;
  readonly severity: 'error' | 'warning';
}

/** `<RULE-ID>[-<case>][.warning].yaml`: the longest known rule id the name starts with. */
function parseCaseName(file: string): CorpusCase {
  const severity = file.endsWith('.warning.yaml') ? 'warning' : 'error';
  const stem = file.replace(/(\.warning)?\.yaml$/, '');
  const ruleId = ruleIds.filter(id => stem === id || stem.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
  return { file, ruleId, severity };
}

const cases = readdirSync(corpusDir).filter(f => f.endsWith('.yaml')).sort().map(parseCaseName);

describe('bad-input corpus (test/fixtures/bad)', () => {
  test('every file name starts with a known rule id', () => {
    expect(cases.filter(c => c.ruleId === undefined).map(c => c.file)).toEqual([]);
  });

  test('every rule id, SCHEMA and SUPPRESSION included, has at least one corpus file', () => {
    const covered = new Set(cases.map(c => c.ruleId));
    expect(ruleIds.filter(id => !covered.has(id))).toEqual([]);
  });

  test.each(cases.filter(c => c.ruleId !== undefined).map(c => [c.file, c] as const))('%s reports its rule id', (_file, c) => {
    const parsed = parseManifests(readFileSync(join(corpusDir, c.file), 'utf8'), c.file);
    expect(parsed.problems).toEqual([]);
    const findings = lint(parsed.manifests.map(m => m.manifest), { schema: true, suppressions: inlineSuppressionsOf(parsed.manifests) });
    const reported = findings.filter(f => f.ruleId === c.ruleId).map(f => `${f.severity}: ${f.object}: ${f.path}: ${f.message}`);
    expect(reported.some(r => r.startsWith(`${c.severity}:`)) ? [] : [`no ${c.severity} ${c.ruleId} in ${JSON.stringify(reported)}`]).toEqual([]);
  });
});
