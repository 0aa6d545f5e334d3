import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { Finding, lint, parseManifests } from '../../src/lint';
import { Manifest } from '../../src/lint/types';
import { hasUpstream, upstreamPath } from '../support/upstream';

/** Calibration fixtures derived from Argo's own validation tests (test/fixtures/argo-tests). */
export const ARGO_TESTS_DIR = join(__dirname, '..', 'fixtures', 'argo-tests');

/**
 * One case, read from the header comment of its fixture:
 * - `# expect: accept` or `# expect: reject W31[,K8S-ENUM]` (any of the ids, as an error);
 * - `# skip: <reason>`: Argo's outcome cannot be decided offline (needs the cluster, a server, the controller's config);
 * - `# stricter: <RULE> -- <reason>`: an accept case a deliberately stricter rule refuses (listed in docs/lint.md);
 * - `# known-miss: <reason>`: a reject case the linter does not catch yet (counted as missed);
 * - `# options: strictRefs`: lint with strict references (the fixture holds the whole set);
 * - `# example: <path>`: the documents of that upstream example (in ../shared/argo, see test/support/upstream.ts),
 *   after the fixture's own; without that folder the case is left out (`needsUpstream`).
 */
export interface ArgoTestCase {
  /** Path under test/fixtures/argo-tests, e.g. `argo-workflows/validate_test/TestUnresolved-unresolvedInput.yaml`. */
  readonly id: string;
  readonly upstream: string;
  readonly test: string;
  /** Argo's outcome and message, as the header states it. */
  readonly argo: string;
  readonly expect?: { readonly outcome: 'accept' } | { readonly outcome: 'reject'; readonly rules: readonly string[] };
  readonly skip?: string;
  readonly stricter: readonly string[];
  readonly knownMiss?: string;
  readonly strictRefs: boolean;
  /** Set when the case reads an upstream example and the upstream folder is missing: it cannot run here. */
  readonly needsUpstream?: string;
  readonly manifests: readonly Manifest[];
  /** YAML problems of the fixture (there should be none). */
  readonly problems: readonly string[];
}

export function loadArgoTestCases(dir: string = ARGO_TESTS_DIR): ArgoTestCase[] {
  return files(dir).map(file => readCase(file, relative(dir, file)));
}

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

function readCase(file: string, id: string): ArgoTestCase {
  const text = readFileSync(file, 'utf8');
  const header = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match = /^#\s*([a-z-]+):\s?(.*)$/.exec(line);
    if (match) header.set(match[1], [...(header.get(match[1]) ?? []), match[2].trim()]);
  }
  const one = (key: string) => header.get(key)?.[0];
  const parsed = parseManifests(text, id);
  const manifests = parsed.manifests.map(m => m.manifest);
  const problems = parsed.problems.map(p => `${p.line}: ${p.message}`);
  const examples = header.get('example') ?? [];
  const needsUpstream = examples.length && !hasUpstream() ? examples.join(', ') : undefined;
  for (const example of needsUpstream ? [] : examples) {
    const upstream = parseManifests(readFileSync(upstreamPath(example), 'utf8'), example);
    manifests.push(...upstream.manifests.map(m => m.manifest));
    problems.push(...upstream.problems.map(p => `${example}:${p.line}: ${p.message}`));
  }
  return {
    id,
    upstream: one('upstream') ?? '',
    test: one('test') ?? '',
    argo: one('argo') ?? '',
    expect: parseExpect(one('expect')),
    skip: one('skip'),
    stricter: (header.get('stricter') ?? []).map(s => s.split(/\s/)[0]),
    knownMiss: one('known-miss'),
    strictRefs: (one('options') ?? '').split(/[\s,]+/).includes('strictRefs'),
    needsUpstream,
    manifests,
    problems,
  };
}

function parseExpect(text: string | undefined): ArgoTestCase['expect'] {
  if (!text) return undefined;
  if (text === 'accept') return { outcome: 'accept' };
  const match = /^reject\s+([A-Z0-9,-]+)/.exec(text);
  return match ? { outcome: 'reject', rules: match[1].split(',') } : undefined;
}

/** What the linter made of one case. */
export interface CaseResult {
  readonly testCase: ArgoTestCase;
  /** Reject case: caught with one of the expected rule ids. Accept case: no error beyond the allowed ones. */
  readonly agrees: boolean;
  /** Errors that decided the outcome (for a reject case: those of the expected rules; for an accept case: the unexpected ones). */
  readonly errors: readonly Finding[];
  /** Accept case refused only by its listed stricter rules / by SCHEMA pending the schema work. */
  readonly stricterOnly: boolean;
}

export function runCase(testCase: ArgoTestCase, schema: boolean): CaseResult {
  const findings = lint(testCase.manifests, { schema, strictRefs: testCase.strictRefs });
  const errors = findings.filter(f => f.severity === 'error');
  const expect = testCase.expect!;
  if (expect.outcome === 'reject') {
    const matching = errors.filter(f => expect.rules.includes(f.ruleId));
    return { testCase, agrees: matching.length > 0, errors: matching.length ? matching : errors, stricterOnly: false };
  }
  const refusing = errors.filter(f => !testCase.stricter.includes(f.ruleId));
  return {
    testCase,
    agrees: refusing.length === 0,
    errors: refusing.length ? refusing : errors,
    stricterOnly: refusing.length === 0 && errors.some(f => testCase.stricter.includes(f.ruleId)),
  };
}

/** Counts over a set of results, as the calibration reports them. */
export interface Tally {
  readonly rejectCases: number;
  readonly caught: number;
  readonly knownMisses: number;
  readonly acceptCases: number;
  readonly falseRejections: number;
  readonly stricterOnly: number;
}

export function tally(results: readonly CaseResult[]): Tally {
  const rejects = results.filter(r => r.testCase.expect!.outcome === 'reject');
  const accepts = results.filter(r => r.testCase.expect!.outcome === 'accept');
  return {
    rejectCases: rejects.length,
    caught: rejects.filter(r => r.agrees).length,
    knownMisses: rejects.filter(r => r.testCase.knownMiss).length,
    acceptCases: accepts.length,
    falseRejections: accepts.filter(r => !r.agrees).length,
    stricterOnly: accepts.filter(r => r.stricterOnly).length,
  };
}

export function describeFinding(f: Finding): string {
  return `${f.ruleId} ${f.object} ${f.path}: ${f.message}`;
}
