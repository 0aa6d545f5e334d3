/**
 * Reading Argo Workflows v4.1.2's upstream examples and comparing them with what the typed API
 * synthesizes, after normalizing what does not change the meaning of a manifest (named below).
 */
import { readFileSync } from 'fs';
import { Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { withGoScalars } from '../../../src/lint/util/go-yaml';
import { newChart, schemaViolations, synth } from '../helpers';
import { withoutOptOut, withRestrictedDefaults } from '../../support/pod-security';
import { upstreamPath } from '../../support/upstream';

/** The examples folder, relative paths below it name the files. */
export const EXAMPLES_DIR = ['workflows-v4.1.2', 'examples'] as const;

/**
 * An upstream example rebuilt with the typed API.
 * `build` makes the app; the documents it synthesizes (in order, or those `pick` selects) are
 * compared with the upstream documents (all of the file, or `documents`).
 */
export interface UpstreamExample {
  /** Path below examples/, e.g. `dag-diamond.yaml`. */
  readonly file: string;
  /** What the example shows, for the test name. */
  readonly title: string;
  /**
   * Indices of the upstream documents compared (multi-document files).
   * @default - every document of the file
   */
  readonly documents?: readonly number[];
  /** Builds the example in a fresh chart (no namespace). */
  readonly build: (chart: Chart) => void;
  /**
   * The synthesized documents to compare, in the order of the upstream ones.
   * @default - every synthesized document
   */
  readonly pick?: (docs: any[]) => any[];
  /**
   * Why the example cannot pass Argo Workflows v3.7's schema (a field added in v4): only v4.1.2's
   * schema is checked then.
   * @default - both schemas are checked
   */
  readonly v4Only?: string;
  /**
   * Why the example opts out of the library's Pod Security "restricted" default (its pods need
   * what restricted forbids): upstream is then compared as written, without the defaults.
   * @default - restricted: upstream is compared with the restricted defaults filled in
   */
  readonly podSecurityOptOut?: string;
  /** Differences on purpose, each with its reason; applied to copies before comparing. */
  readonly differences?: readonly Difference[];
}

/** A difference between the upstream document and ours that the library makes on purpose. */
export interface Difference {
  /** Why the library differs (what Argo does, and why the typed API does otherwise). */
  readonly reason: string;
  /** Edits the upstream documents (and, if needed, ours) before both are normalized, so that the rest compares equal. */
  readonly apply: (upstream: any[], ours: any[]) => void;
}

/**
 * A few upstream files put multi-line double-quoted scalars in flow sequences (`args: ["\n  ...\n  "]`)
 * with continuation lines indented no deeper than their key. Go's YAML parser (kubectl, `argo
 * submit`) accepts that; YAML 1.2 parsers do not. Indenting the continuation lines deeper does not
 * change the scalar (a double-quoted scalar folds its line breaks and drops leading blanks), so the
 * text is read as Go reads it.
 */
function indentFlowScalars(text: string): string {
  const out: string[] = [];
  let open = false;
  for (const line of text.split('\n')) {
    if (open) {
      out.push(`    ${line}`);
      if (/["']\s*\]/.test(line)) open = false;
      continue;
    }
    out.push(line);
    const m = /^\s*(?:- )?[\w-]+:\s*\[\s*(["'])(.*)$/.exec(line);
    if (m && !new RegExp(`${m[1]}\\s*[,\\]]`).test(m[2].replace(/\\./g, ''))) open = true;
  }
  return out.join('\n');
}

const cache = new Map<string, any[]>();

/** The documents of an upstream example file, as Go's YAML reads them (octal `0755`, flow scalars, duplicate keys). */
export function readUpstream(file: string): any[] {
  let docs = cache.get(file);
  if (!docs) {
    const text = indentFlowScalars(readFileSync(upstreamPath(...EXAMPLES_DIR, file), 'utf8'));
    // uniqueKeys: false keeps the last of duplicate keys, as go-yaml v2 (sigs.k8s.io/yaml) does
    // (k8s-patch-json-workflow.yaml has two metadata.annotations).
    docs = parseAllDocuments(text, { customTags: withGoScalars, uniqueKeys: false }).map(d => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
      return d.toJS();
    }).filter(d => d !== null && d !== undefined);
    cache.set(file, docs);
  }
  return JSON.parse(JSON.stringify(docs));
}

/**
 * Annotations and labels that only Argo's own test harness and example catalogue read, not the
 * controller: whether the e2e suite runs the example (`no-test`), the assertion it runs
 * (`verify.py`), why it does not (`no-test-reasons`, also misspelled `no-test-resons` upstream), the
 * Argo version it needs (`version`), and the prose describing the example (`description`).
 * Dropped from both sides.
 */
const HARNESS_METADATA = [
  'workflows.argoproj.io/no-test', 'workflows.argoproj.io/verify.py', 'workflows.argoproj.io/version',
  'workflows.argoproj.io/description', 'workflows.argoproj.io/test', 'workflows.argoproj.io/no-test-reasons', 'workflows.argoproj.io/no-test-reason', 'workflows.argoproj.io/no-test-resons',
];

/** Fields whose text is an expr-lang expression. */
const EXPR_FIELDS = new Set(['expression', 'fromExpression']);

/**
 * expr-lang text in a canonical form: string literals in double quotes (expr-lang reads `'a'` and
 * `"a"` alike) and no whitespace outside them (expr-lang tokens do not depend on it). Both
 * sides are normalized the same way, so equal results mean equal token sequences.
 */
export function canonicalExpr(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\') {
          const next = text[++j];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        } else {
          value += text[j];
        }
      }
      out += JSON.stringify(value);
      i = j;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/** A govaluate `when`: whitespace runs are one space, none inside parentheses (govaluate does not read them). */
function canonicalWhen(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();
}

/** `{{= expr }}` templates inside any text, canonicalized. */
function canonicalTemplates(text: string): string {
  return text.replace(/\{\{=([\s\S]*?)\}\}/g, (_m, e: string) => `{{=${canonicalExpr(e)}}}`);
}

/**
 * A resource template's manifest as the structure Argo applies: the YAML text parsed, so that
 * comments, quoting and layout do not count. `{{...}}` variables (substituted by Argo before it
 * parses) become plain tokens first, identical on both sides for the same variable.
 */
function canonicalManifest(text: string): any {
  const tokenized = text.replace(/\{\{([\s\S]*?)\}\}/g, (_m, inner: string) => `ARGOVAR${Buffer.from(inner.trim()).toString('hex')}`);
  const docs = parseAllDocuments(tokenized);
  if (docs.some(d => d.errors.length)) return text;
  return { parsedManifest: docs.map(d => d.toJS()) };
}

function normalizeValue(v: any, key: string, parentKey: string): any {
  if (typeof v === 'string') {
    if (key === 'manifest' && parentKey === 'resource') return canonicalManifest(v);
    if (EXPR_FIELDS.has(key) || (key === 'successCondition' && parentKey === 'http')) return canonicalExpr(v);
    if (key === 'depends') return v.replace(/\s+/g, '');
    if (key === 'when' && !v.includes('{{=')) return canonicalWhen(v);
    return canonicalTemplates(v);
  }
  if (Array.isArray(v)) return v.map(x => normalizeValue(x, key, parentKey));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeValue(x, k, key)]));
  return v;
}

/**
 * Normalization applied to BOTH sides before comparing:
 * - key order is ignored (toEqual compares objects by keys);
 * - the harness metadata above is dropped from the object's labels and annotations (an emptied
 *   map is dropped too);
 * - expr-lang expressions (hook, retry, output and `labelsFrom` expressions, `fromExpression`, an
 *   HTTP `successCondition`, `{{=...}}` templates anywhere) are compared in canonical form,
 *   `depends` without whitespace, and a govaluate `when` with its whitespace collapsed;
 * - a resource template's manifest is compared as the YAML structure it holds (comments and
 *   layout dropped), `{{...}}` variables as tokens.
 * Array order, scalar types and every other field must match exactly.
 */
export function normalize(doc: any): any {
  const copy = JSON.parse(JSON.stringify(doc));
  for (const field of ['labels', 'annotations']) {
    const map = copy.metadata?.[field];
    if (!map) continue;
    for (const k of HARNESS_METADATA) delete map[k];
    if (!Object.keys(map).length) delete copy.metadata[field];
  }
  return normalizeValue(copy, '', '');
}

/** What comparing one example found. */
export interface Comparison {
  readonly ours: any[];
  readonly upstream: any[];
}

/**
 * Builds the example, synthesizes it (construct validation and the rule engine run, errors
 * throw), checks every Argo document against both strict schemas, applies the example's
 * differences and returns both sides normalized.
 */
export function rebuild(example: UpstreamExample): Comparison {
  const { app, chart } = newChart();
  example.build(chart);
  const all = synth(app);
  for (const doc of all) {
    if (String(doc.apiVersion).startsWith('argoproj.io/')) {
      const label = `${doc.kind}/${doc.metadata?.name ?? doc.metadata?.generateName}`;
      const { v4, v37 } = schemaViolations(doc);
      expect({ doc: label, v4, v37: example.v4Only ? [] : v37 }).toEqual({ doc: label, v4: [], v37: [] });
    }
  }
  const ours = JSON.parse(JSON.stringify(example.pick ? example.pick(all) : all));
  const docs = readUpstream(example.file);
  const upstream = example.documents ? example.documents.map(i => docs[i]) : docs;
  for (const d of example.differences ?? []) d.apply(upstream, ours);
  // On purpose: the library secures every pod to Pod Security "restricted" unless the example opts
  // out (docs/security.md); upstream is compared as the library renders it by default, and an
  // opted-out example without the inert opt-out annotation.
  const expected = example.podSecurityOptOut ? upstream : upstream.map(withRestrictedDefaults);
  const rendered = example.podSecurityOptOut ? ours.map(withoutOptOut) : ours;
  return { ours: rendered.map(normalize), upstream: expected.map(normalize) };
}

/** Documents of a kind, in order (a `pick`). */
export function kindIs(...kinds: string[]): (docs: any[]) => any[] {
  return docs => docs.filter(d => kinds.includes(d.kind));
}
