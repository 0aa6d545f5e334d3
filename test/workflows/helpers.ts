import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../src/schema/validator';
import { withoutOptOut, withRestrictedDefaults } from '../support/pod-security';
import { upstreamPath } from '../support/upstream';

/** A fresh app and chart (no namespace), writing nowhere (tests call synthYaml()). */
export function newChart(): { app: App; chart: Chart } {
  const app = new App({ outdir: join(__dirname, '.never-written') });
  return { app, chart: new Chart(app, 'test') };
}

/**
 * Synthesizes the app the way `cdk8s synth` does, running every construct validation (the rule
 * engine included): throws on any validation error. Returns the documents in order.
 */
export function synth(app: App): any[] {
  return parseAllDocuments(app.synthYaml()).map(d => d.toJS());
}

/** The validation error text of an app that must not synthesize. */
export function synthError(app: App): string {
  try {
    app.synthYaml();
  } catch (e: any) {
    return String(e.message);
  }
  throw new Error('expected synthesis to fail validation, but it succeeded');
}

/** Documents of an upstream Argo Workflows v4.1.2 example file. */
export function upstream(file: string): any[] {
  const text = readFileSync(upstreamPath('workflows-v4.1.2', 'examples', file), 'utf8');
  return parseAllDocuments(text).map(d => d.toJS()).filter(d => d !== null);
}

/**
 * Normalization applied to BOTH sides before comparing with an upstream example:
 * - object key order is ignored (toEqual compares objects by keys);
 * - `workflows.argoproj.io/*` labels and annotations are dropped: they are hints for Argo's own
 *   test harness and UI (`no-test`, `description`, `version`), not part of the workflow;
 * - whitespace right inside `{{=` and `}}` of expression templates is trimmed
 *   (`{{= a }}` and `{{=a}}` are the same expression).
 * Array order, scalar types and every other field must match exactly.
 */
export function normalize(doc: any): any {
  const copy = JSON.parse(JSON.stringify(doc));
  for (const field of ['labels', 'annotations']) {
    const map = copy.metadata?.[field];
    if (!map) continue;
    for (const k of Object.keys(map)) if (k.startsWith('workflows.argoproj.io/')) delete map[k];
    if (!Object.keys(map).length) delete copy.metadata[field];
  }
  return trimExpressions(copy);
}

function trimExpressions(v: any): any {
  if (typeof v === 'string') return v.replace(/\{\{=\s*([\s\S]*?)\s*\}\}/g, '{{=$1}}');
  if (Array.isArray(v)) return v.map(trimExpressions);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimExpressions(x)]));
  return v;
}

/** Strict schema violations of a document under both pinned Argo Workflows schemas. */
export function schemaViolations(doc: any): { v4: unknown[]; v37: unknown[] } {
  return { v4: validateManifest(doc), v37: validateManifest(doc, { workflowsVersion: 'v3.7.18' }) };
}

/**
 * Asserts that the app synthesizes (validation included), that every document passes both strict
 * schemas, and that the documents equal the upstream file's after normalization: with the Pod
 * Security "restricted" settings the library adds by default (test/support/pod-security.ts), or,
 * for an app that opted out (`optedOut`: an example that runs privileged or as root), exactly
 * the upstream documents (the opt-out's annotation left out).
 */
export function expectUpstream(app: App, file: string, pick?: (docs: any[]) => any[], optedOut = false): void {
  const ours = synth(app);
  for (const doc of ours) expect(schemaViolations(doc)).toEqual({ v4: [], v37: [] });
  const selected = pick ? pick(ours) : ours;
  const expected = upstream(file).map(d => (optedOut ? d : withRestrictedDefaults(d)));
  expect(selected.map(d => normalize(optedOut ? withoutOptOut(d) : d))).toEqual(expected.map(normalize));
}
