import { CRD_RULE_ID, ManifestValidator } from '../schema/validator';
import { ALL_RULES } from './rules';
import { annotationSuppressions, applySuppressions, SUPPRESSION_RULE_ID } from './suppression';
import { Finding, LintOptions, LintResult, Manifest, ManifestIndex, NestedFinding, Rule, RuleContext, Severity } from './types';
import { withinManifest } from './util/manifest-memo';
import { isJsonObject, Visited, walkTogether } from './util/walk';

/** Rule id of the strict schema check. */
export const SCHEMA_RULE_ID = 'SCHEMA';

const CLUSTER_SCOPED = new Set(['ClusterWorkflowTemplate', 'ClusterRole', 'ClusterRoleBinding', 'Namespace', 'PersistentVolume', 'StorageClass']);

/**
 * Lints a set of manifests together: strict schema check plus every semantic rule, with
 * cross-object references resolved within the set. Findings are sorted by manifest and path;
 * suppressed findings are left out (see `lintDetailed` for them).
 */
export function lint(manifests: readonly Manifest[], options: LintOptions = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  return lintDetailed(manifests, options, rules).findings;
}

/**
 * `lint()` with what the suppressions did: the findings they silenced (with their reasons) and
 * the suppressions that silenced nothing. Suppressions come from `options.suppressions` and from
 * each manifest's `cdk8s-argo.io/disable` annotation.
 */
export function lintDetailed(manifests: readonly Manifest[], options: LintOptions = {}, rules: readonly Rule[] = ALL_RULES): LintResult {
  const index = indexManifests(manifests);
  const findings: Finding[] = [];
  const only = options.only ? new Set(options.only) : undefined;
  const running = only ? rules.filter(rule => only.has(rule.id)) : rules;
  const selected = rulesByKind(running);
  const ran = new Set<string>(running.map(rule => rule.id));
  const validator = options.schema !== false && (!only || only.has(SCHEMA_RULE_ID) || only.has(CRD_RULE_ID)) && manifests.length > 0
    ? ManifestValidator.get({ workflowsVersion: options.workflowsVersion, crd: options.crd !== false && (!only || only.has(CRD_RULE_ID)) }) : undefined;
  if (validator) ran.add(SCHEMA_RULE_ID);
  if (validator && options.crd !== false && (!only || only.has(CRD_RULE_ID))) ran.add(CRD_RULE_ID);

  const objects = manifests.map(describeObject);
  // A nested object gets every rule and the schema check: `only` selects what the set reports,
  // not what a rule sees of the object it asks about.
  let nestedChecks: { readonly rules: RulesByKind; readonly validator?: ManifestValidator } | undefined;
  const nested = (manifest: Manifest): NestedFinding[] => {
    nestedChecks ??= {
      rules: only ? rulesByKind(rules) : selected,
      validator: options.schema !== false ? ManifestValidator.get({ workflowsVersion: options.workflowsVersion, crd: options.crd !== false }) : undefined,
    };
    const out: NestedFinding[] = [];
    lintOne(manifest, (ruleId, path, message, severity) => out.push({ ruleId, severity, path, message }), nestedChecks.validator, nestedChecks.rules, undefined);
    return out;
  };
  const lintOne = (manifest: Manifest, sink: FindingSink, validator: ManifestValidator | undefined, selected: RulesByKind, only: Set<string> | undefined) => {
    if (validator) {
      const report = (path: string, message: string, severity: Severity = 'error') => sink(SCHEMA_RULE_ID, path, message, severity);
      try {
        if (isForeignKind(manifest, validator)) {
          report('kind', `${manifest.apiVersion} ${manifest.kind} is not an Argo or core Kubernetes kind: its fields are not checked against a schema`, 'warning');
        } else {
          for (const v of validator.validate(manifest)) if (!only || only.has(v.ruleId ?? SCHEMA_RULE_ID)) sink(v.ruleId ?? SCHEMA_RULE_ID, v.path, v.message, v.severity ?? 'error');
        }
      } catch (e) {
        report('', `the schema check could not check this object: ${errorMessage(e)}`);
      }
    }
    if (!manifest || typeof manifest !== 'object') return;
    const kind = Object.prototype.hasOwnProperty.call(manifest, 'kind') ? String(manifest.kind) : undefined;
    const walkers: Walker[] = [];
    for (const rule of rulesFor(selected, kind)) {
      const ctx = new Context(rule.id, manifest, index, options, sink, walkers, nested);
      try {
        rule.check(ctx);
      } catch (e) {
        ctx.failed(e);
      }
    }
    if (walkers.length) runWalkers(manifest, walkers);
  };
  manifests.forEach((manifest, manifestIndex) => {
    const object = objects[manifestIndex];
    const restated: { finding: Finding; restates: string }[] = [];
    const own = new Set<string>();
    withinManifest(index, () => lintOne(manifest, (ruleId, path, message, severity, restates) => {
      const finding = { ruleId, severity, manifestIndex, object, path, message };
      if (restates === undefined) {
        findings.push(finding);
        own.add(`${ruleId} ${path}`);
      } else {
        restated.push({ finding, restates });
      }
    }, validator, selected, only));
    for (const r of restated) if (!own.has(`${r.restates} ${r.finding.path}`)) findings.push(r.finding);
  });
  const suppressions = [...(options.suppressions ?? []), ...manifests.flatMap(annotationSuppressions)];
  const known = new Set([...rules.map(r => r.id), SCHEMA_RULE_ID, CRD_RULE_ID]);
  const result = suppressions.length
    ? applySuppressions(findings, suppressions, { known, ran, describe: i => objects[i] })
    : { findings, suppressed: [], unused: [] };
  result.findings.sort(compareFindings);
  return result;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.manifestIndex - b.manifestIndex || comparePaths(a.path, b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** Rule id of findings about suppressions (unused, malformed). */
export { SUPPRESSION_RULE_ID };

/** The rules to run, by the kind they apply to. */
interface RulesByKind {
  readonly byKind: ReadonlyMap<string, readonly Rule[]>;
  readonly forAll: readonly Rule[];
  /** The rules of every kind and those of one kind, in that order, made once per kind met. */
  readonly ofKind: Map<string, readonly Rule[]>;
}

function rulesByKind(rules: readonly Rule[]): RulesByKind {
  const byKind = new Map<string, Rule[]>();
  const forAll: Rule[] = [];
  for (const rule of rules) {
    if (rule.kinds) for (const k of rule.kinds) listIn(byKind, k).push(rule);
    else forAll.push(rule);
  }
  return { byKind, forAll, ofKind: new Map() };
}

/** The rules a manifest of `kind` gets (only the rules of every kind when it has none). */
function rulesFor(selected: RulesByKind, kind: string | undefined): readonly Rule[] {
  if (kind === undefined) return selected.forAll;
  let rules = selected.ofKind.get(kind);
  if (!rules) selected.ofKind.set(kind, rules = [...selected.forAll, ...selected.byKind.get(kind) ?? []]);
  return rules;
}

type FindingSink = (ruleId: string, path: string, message: string, severity: Severity, restates?: string) => void;

/** What one rule sees of one manifest: its findings carry the rule's id. */
class Context implements RuleContext {
  constructor(
    private readonly ruleId: string,
    readonly manifest: Manifest,
    readonly index: ManifestIndex,
    readonly options: LintOptions,
    private readonly sink: FindingSink,
    private readonly walkers: Walker[],
    private readonly nested: (manifest: Manifest) => readonly NestedFinding[],
  ) {}

  lintNested(manifest: Manifest): readonly NestedFinding[] {
    return this.nested(manifest);
  }

  report(path: string, message: string, severity: Severity = 'error', restates?: string): void {
    this.sink(this.ruleId, path, message, severity, restates);
  }

  reportMissingReference(path: string, kind: string, name: string, hint?: string): void {
    const strict = this.options.strictRefs;
    this.report(path, `${kind} "${name}" is not among the linted manifests; `
      + (strict ? 'it must be defined in the same set (--strict-refs)' : 'assumed to exist in the cluster')
      + (hint ? `. ${hint}` : ''), strict ? 'error' : 'warning');
  }

  onWalk(visit: (at: Visited) => boolean | void, after?: () => void): void {
    this.walkers.push({ ctx: this, visit, after });
  }

  /** Reports that the rule crashed on this manifest (a finding, so one bad rule cannot hide the others). */
  failed(error: unknown): void {
    this.report('', `rule ${this.ruleId} could not check this object: ${errorMessage(error)}`);
  }
}

/** A rule's visitor waiting for the shared walk of a manifest. */
interface Walker {
  readonly ctx: Context;
  readonly visit: (at: Visited) => boolean | void;
  readonly after?: () => void;
}

/** One walk of the manifest for every rule that asked (`ctx.onWalk`), then their `after` steps. */
function runWalkers(manifest: Manifest, walkers: readonly Walker[]): void {
  const failed = new Set<Walker>();
  try {
    walkTogether(manifest, walkers.map(w => w.visit), (i, e) => {
      failed.add(walkers[i]);
      walkers[i].ctx.failed(e);
    });
  } catch (e) {
    // The walk itself failed (a cyclic object passed to lint() exhausts the stack): every rule still walking failed.
    for (const w of walkers) {
      if (!failed.has(w)) w.ctx.failed(e);
      failed.add(w);
    }
  }
  for (const w of walkers) {
    if (!w.after || failed.has(w)) continue;
    try {
      w.after();
    } catch (e) {
      w.ctx.failed(e);
    }
  }
}

/** `Kind/name`, falling back to generateName, then `<unnamed>` (values that are not strings shown as JSON). */
export function describeObject(manifest: Manifest): string {
  const metadata = isJsonObject(manifest) && isJsonObject(ownValue(manifest, 'metadata')) ? manifest.metadata! : {};
  const name = ownValue(metadata, 'name');
  const generateName = ownValue(metadata, 'generateName');
  const shown = name !== undefined && name !== null ? display(name) : generateName ? `${display(generateName)}*` : '<unnamed>';
  const kind = isJsonObject(manifest) ? ownValue(manifest, 'kind') : undefined;
  return `${kind === undefined || kind === null ? '<no kind>' : display(kind)}/${shown}`;
}

/**
 * Lookup of manifests by kind, name and namespace, as rules see it in `ctx.index`: hashed by kind
 * and name, so that resolving every reference of a large set stays linear.
 */
export function indexManifests(manifests: readonly Manifest[]): ManifestIndex {
  const byKind = new Map<string, Manifest[]>();
  const byName = new Map<string, Map<string, Manifest[]>>();
  for (const m of manifests) {
    if (!isJsonObject(m)) continue;
    const kind = ownValue(m, 'kind');
    if (typeof kind !== 'string') continue;
    listIn(byKind, kind).push(m);
    const name = isJsonObject(ownValue(m, 'metadata')) ? ownValue(m.metadata!, 'name') : undefined;
    if (typeof name !== 'string') continue;
    let names = byName.get(kind);
    if (!names) byName.set(kind, names = new Map());
    listIn(names, name).push(m);
  }
  return {
    all: manifests,
    ofKind: kind => byKind.get(kind) ?? [],
    find: (kind, name, namespace) => (byName.get(kind)?.get(name) ?? []).find(m => CLUSTER_SCOPED.has(kind) || !namespace
      || !m.metadata?.namespace || m.metadata.namespace === namespace),
  };
}

function ownValue(object: object, key: string): any {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as { [key: string]: unknown })[key] : undefined;
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(typeof value);
  } catch {
    return `<${typeof value}>`;
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * True for a kind from another API group (cert-manager, Istio...): no pinned schema can check
 * it, which is no error. Unknown kinds in argoproj.io or a Kubernetes group stay errors (typos,
 * removed API versions).
 */
function isForeignKind(manifest: Manifest, validator: ManifestValidator): boolean {
  const { apiVersion, kind } = manifest ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || validator.knows(apiVersion, kind)) return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group.includes('.') && group !== 'argoproj.io' && !group.endsWith('.k8s.io');
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, list = []);
  return list;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
