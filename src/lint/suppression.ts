import { childPath, fieldPath, parseFieldPath } from './path';
import { Finding, LintResult, Manifest, Suppression, SuppressedFinding } from './types';
import { isJsonObject } from './util/walk';

/** Rule id of findings about suppressions themselves: unused, without a reason, naming an unknown rule. */
export const SUPPRESSION_RULE_ID = 'SUPPRESSION';

/**
 * Annotation that silences findings on the object carrying it: one directive per line,
 * `W31, K8S-REF -- reason`, a rule id optionally narrowed to a field path: `W31@spec.templates[2] -- reason`.
 */
export const DISABLE_ANNOTATION = 'cdk8s-argo.io/disable';

const ANNOTATION_PATH = fieldPath('metadata', 'annotations', DISABLE_ANNOTATION);

/** One rule id of a directive, with the field path it is narrowed to. */
export interface DirectiveTarget {
  readonly ruleId: string;
  /** Field path below the suppression's own path, when the directive names one (`W31@spec.x`). */
  readonly path?: string;
}

/** A directive read: what it silences and why. */
export interface ParsedDirective {
  readonly targets: readonly DirectiveTarget[];
  readonly reason: string;
}

/**
 * Reads `RULE[, RULE...] -- reason` (rule ids separated by commas or spaces; with `paths`, a rule
 * id may carry `@field.path`). Returns a message saying what is wrong instead when the reason or
 * the rule ids are missing, or a rule id is not in `known`.
 */
export function parseDirective(text: string, known: ReadonlySet<string>, options: { readonly paths?: boolean } = {}): ParsedDirective | string {
  const separator = /(^|\s)--(\s|$)/.exec(text);
  const example = options.paths ? 'W31@spec.templates[0] -- why it does not apply' : 'W31 -- why it does not apply';
  if (!separator) return `"${text.trim()}" gives no reason: write the rule ids, " -- " and why the finding does not apply (e.g. "${example}")`;
  const reason = text.slice(separator.index + separator[0].length).trim();
  const ids = text.slice(0, separator.index).split(/[\s,]+/).filter(Boolean);
  if (!ids.length) return `"${text.trim()}" names no rule id: write the rule ids before " -- " (e.g. "${example}")`;
  if (!reason) return `"${text.trim()}" gives no reason after " -- ": say why the finding does not apply`;
  const targets: DirectiveTarget[] = [];
  for (const id of ids) {
    const at = id.indexOf('@');
    const ruleId = at < 0 ? id : id.slice(0, at);
    if (at >= 0 && !options.paths) return `"${id}": a field path (@...) can only be given in the ${DISABLE_ANNOTATION} annotation; here the suppression covers the next line`;
    if (ruleId === SUPPRESSION_RULE_ID) return `${SUPPRESSION_RULE_ID} findings cannot be suppressed: remove the suppression they report instead`;
    if (!known.has(ruleId)) return `unknown rule id "${ruleId}"${suggestion(ruleId, known)}`;
    targets.push({ ruleId, path: at < 0 ? undefined : fieldPath(...parseFieldPath(id.slice(at + 1))) });
  }
  return { targets, reason };
}

/** True when `path` is `prefix` or a field or list item below it. */
export function isUnderPath(path: string, prefix: string): boolean {
  if (!prefix) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** The suppressions a manifest carries in its `cdk8s-argo.io/disable` annotation, one per line. */
export function annotationSuppressions(manifest: Manifest, manifestIndex: number): Suppression[] {
  const annotations = isJsonObject(manifest?.metadata) ? manifest.metadata.annotations : undefined;
  if (!isJsonObject(annotations) || !Object.prototype.hasOwnProperty.call(annotations, DISABLE_ANNOTATION)) return [];
  const value = annotations[DISABLE_ANNOTATION];
  if (typeof value !== 'string') return [{ directive: '', origin: `annotation ${DISABLE_ANNOTATION}`, manifestIndex, path: '' }];
  return value.split('\n').map(line => line.trim()).filter(Boolean).map(directive => ({ directive, origin: `annotation ${DISABLE_ANNOTATION}`, manifestIndex, path: '' }));
}

interface Entry {
  readonly suppression: Suppression;
  readonly reason: string;
  readonly targets: readonly { readonly ruleId: string; readonly path: string | null; used: boolean }[];
}

/** Inputs of `applySuppressions` the engine knows. */
export interface SuppressionContext {
  /** Rule ids that exist (a directive naming another is an error). */
  readonly known: ReadonlySet<string>;
  /** Rule ids that ran: a suppression of a rule that did not run cannot be judged unused. */
  readonly ran: ReadonlySet<string>;
  /** `Kind/name` of a manifest, for SUPPRESSION findings. */
  describe(manifestIndex: number): string;
}

/**
 * Silences the findings the suppressions cover, and reports suppressions that are malformed
 * (error) or silence nothing (warning) as SUPPRESSION findings. A suppression for every
 * manifest that is malformed is a programming error: it throws.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], context: SuppressionContext): LintResult {
  const entries: Entry[] = [];
  const reports: Finding[] = [];
  const report = (s: Suppression, message: string, severity: Finding['severity']) => {
    if (s.manifestIndex === undefined) return;
    const at = s.origin.startsWith('annotation') ? ANNOTATION_PATH : s.path ?? '';
    reports.push({ ruleId: SUPPRESSION_RULE_ID, severity, manifestIndex: s.manifestIndex, object: context.describe(s.manifestIndex), path: at, message });
  };
  for (const s of suppressions) {
    const annotation = s.origin.startsWith('annotation');
    const parsed = parseDirective(s.directive, context.known, { paths: annotation });
    if (typeof parsed === 'string') {
      if (s.manifestIndex === undefined) throw new Error(`lint(): suppression (${s.origin}): ${parsed}`);
      report(s, `${s.origin}: ${parsed}; it silences nothing.`, 'error');
      continue;
    }
    const base = s.path;
    entries.push({
      suppression: s,
      reason: parsed.reason,
      targets: parsed.targets.map(t => ({ ruleId: t.ruleId, path: base === null ? null : base && t.path ? childPath(base, t.path) : base || (t.path ?? ''), used: false })),
    });
  }
  const byRule = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const t of e.targets) {
      const list = byRule.get(t.ruleId) ?? [];
      if (!list.includes(e)) list.push(e);
      byRule.set(t.ruleId, list);
    }
  }
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    let silencedBy: Entry | undefined;
    for (const e of byRule.get(f.ruleId) ?? []) {
      if (e.suppression.manifestIndex !== undefined && e.suppression.manifestIndex !== f.manifestIndex) continue;
      const target = e.targets.find(t => t.ruleId === f.ruleId && t.path !== null && isUnderPath(f.path, t.path));
      if (!target) continue;
      target.used = true;
      silencedBy ??= e;
    }
    if (silencedBy) suppressed.push({ finding: f, suppression: silencedBy.suppression, reason: silencedBy.reason });
    else kept.push(f);
  }
  const unused: Suppression[] = [];
  for (const e of entries) {
    const idle = e.targets.filter(t => !t.used && context.ran.has(t.ruleId));
    if (!idle.length) continue;
    unused.push(e.suppression);
    const ids = [...new Set(idle.map(t => t.ruleId))].join(', ');
    const scope = idle[0].path === null ? 'it is followed by nothing in its document'
      : `no ${ids} finding ${idle[0].path ? `at or below ${idle[0].path}` : 'in this object'}`;
    report(e.suppression, `${e.suppression.origin} ("${e.suppression.directive}") silences nothing: ${scope}. Remove it, or move it to where the finding is reported.`, 'warning');
  }
  return { findings: [...kept, ...reports], suppressed, unused };
}

function suggestion(id: string, known: ReadonlySet<string>): string {
  const upper = id.toUpperCase();
  if (known.has(upper)) return ` (rule ids are upper case: "${upper}")`;
  const near = [...known].find(k => k.replace(/^W0?/, 'W') === upper.replace(/^W0?/, 'W'));
  return near ? ` (did you mean "${near}"?)` : ': see the rule list in docs/lint.md';
}
