/**
 * Child process of the lint benchmark: `node --import tsx bench/lint/measure.ts <dir>...`.
 * Parses every YAML/JSON file below the given folders as the CLI does (parseManifests), then
 * lints all documents together with lint() (schema check on): the first call (schemas loaded and
 * compiled) and then repeated calls. Prints one JSON line.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { lint, Manifest, parseManifests } from '../../src/lint';
import { median } from '../lib/stats';

/** What the child reports. */
export interface LintRunResult {
  readonly files: number;
  readonly documents: number;
  readonly unparseable: number;
  readonly parseMs: number;
  /** First lint() call: includes loading and compiling the schemas. */
  readonly firstLintMs: number;
  /** Median of the following calls. */
  readonly lintMs: number;
  /** Median of calls with the schema check off (rules only). */
  readonly rulesOnlyMs: number;
  readonly errors: number;
}

const REPEATS = 5;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesBelow(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

function main(): void {
  const files = process.argv.slice(2).flatMap(filesBelow);
  const texts = files.map(f => [f, readFileSync(f, 'utf8')] as const);
  const p0 = performance.now();
  const parsed = texts.map(([file, text]) => parseManifests(text, file));
  const parseMs = performance.now() - p0;
  const manifests: Manifest[] = parsed.flatMap(r => r.manifests.map(m => m.manifest));

  const l0 = performance.now();
  const findings = lint(manifests);
  const firstLintMs = performance.now() - l0;
  const timed = (schema: boolean) => {
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const t0 = performance.now();
      lint(manifests, { schema });
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const result: LintRunResult = {
    files: files.length,
    documents: manifests.length,
    unparseable: parsed.reduce((n, r) => n + r.problems.length, 0),
    parseMs,
    firstLintMs,
    lintMs: timed(true),
    rulesOnlyMs: timed(false),
    errors: findings.filter(f => f.severity === 'error').length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
