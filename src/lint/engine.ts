import { CRD_RULE_ID, ManifestValidator } from '../schema/validator';
import { ALL_RULES } from './rules';
import { Finding, LintOptions, Manifest, ManifestIndex, Rule, RuleContext, Severity } from './types';
import { Visited, walkTogether } from './util/walk';

/** Rule id of the strict schema check. */
export const SCHEMA_RULE_ID = 'SCHEMA';

const CLUSTER_SCOPED = new Set(['ClusterWorkflowTemplate', 'ClusterRole', 'ClusterRoleBinding', 'Namespace', 'PersistentVolume', 'StorageClass']);

/**
 * Lints a set of manifests together: strict schema check plus every semantic rule, with
 * cross-object references resolved within the set. Findings are sorted by manifest and path.
 */
export function lint(manifests: readonly Manifest[], options: LintOptions = {}, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const index = indexManifests(manifests);
  const findings: Finding[] = [];
  const only = options.only ? new Set(options.only) : undefined;
  const byKind = new Map<string, Rule[]>();
  const forAll: Rule[] = [];
  for (const rule of rules) {
    if (only && !only.has(rule.id)) continue;
    if (rule.kinds) for (const k of rule.kinds) listIn(byKind, k).push(rule);
    else forAll.push(rule);
  }
  const validator = options.schema !== false && (!only || only.has(SCHEMA_RULE_ID) || only.has(CRD_RULE_ID)) && manifests.length > 0
    ? ManifestValidator.get({ workflowsVersion: options.workflowsVersion, crd: options.crd !== false && (!only || only.has(CRD_RULE_ID)) }) : undefined;

  manifests.forEach((manifest, manifestIndex) => {
    const object = describeObject(manifest);
    const sink: FindingSink = (ruleId, path, message, severity) => findings.push({ ruleId, severity, manifestIndex, object, path, message });
    if (validator) {
      const report = (path: string, message: string, severity: Severity = 'error') => sink(SCHEMA_RULE_ID, path, message, severity);
      if (isForeignKind(manifest, validator)) {
        report('kind', `${manifest.apiVersion} ${manifest.kind} is not an Argo or core Kubernetes kind: its fields are not checked against a schema`, 'warning');
      } else {
        for (const v of validator.validate(manifest)) if (!only || only.has(v.ruleId ?? SCHEMA_RULE_ID)) sink(v.ruleId ?? SCHEMA_RULE_ID, v.path, v.message, v.severity ?? 'error');
      }
    }
    if (!manifest || typeof manifest !== 'object') return;
    const walkers: Walker[] = [];
    for (const rule of [...forAll, ...(byKind.get(String(manifest.kind)) ?? [])]) {
      const ctx = new Context(rule.id, manifest, index, options, sink, walkers);
      try {
        rule.check(ctx);
      } catch (e) {
        ctx.failed(e);
      }
    }
    if (walkers.length) runWalkers(manifest, walkers);
  });
  return findings.sort((a, b) => a.manifestIndex - b.manifestIndex || comparePaths(a.path, b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}

type FindingSink = (ruleId: string, path: string, message: string, severity: Severity) => void;

/** What one rule sees of one manifest: its findings carry the rule's id. */
class Context implements RuleContext {
  constructor(
    private readonly ruleId: string,
    readonly manifest: Manifest,
    readonly index: ManifestIndex,
    readonly options: LintOptions,
    private readonly sink: FindingSink,
    private readonly walkers: Walker[],
  ) {}

  report(path: string, message: string, severity: Severity = 'error'): void {
    this.sink(this.ruleId, path, message, severity);
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
  failed(error: any): void {
    this.report('', `rule ${this.ruleId} could not check this object: ${error?.message ?? error}`);
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
  walkTogether(manifest, walkers.map(w => w.visit), (i, e) => {
    failed.add(walkers[i]);
    walkers[i].ctx.failed(e);
  });
  for (const w of walkers) {
    if (!w.after || failed.has(w)) continue;
    try {
      w.after();
    } catch (e) {
      w.ctx.failed(e);
    }
  }
}

/** `Kind/name`, falling back to generateName, then `<unnamed>`. */
export function describeObject(manifest: Manifest): string {
  const name = manifest?.metadata?.name ?? (manifest?.metadata?.generateName ? `${manifest.metadata.generateName}*` : '<unnamed>');
  return `${manifest?.kind ?? '<no kind>'}/${name}`;
}

/** Lookup of manifests by kind, name and namespace, as rules see it in `ctx.index`. */
export function indexManifests(manifests: readonly Manifest[]): ManifestIndex {
  const byKind = new Map<string, Manifest[]>();
  for (const m of manifests) {
    if (!m || typeof m !== 'object' || typeof m.kind !== 'string') continue;
    listIn(byKind, m.kind).push(m);
  }
  return {
    all: manifests,
    ofKind: kind => byKind.get(kind) ?? [],
    find: (kind, name, namespace) => (byKind.get(kind) ?? []).find(m => m.metadata?.name === name
      && (CLUSTER_SCOPED.has(kind) || !namespace || !m.metadata?.namespace || m.metadata.namespace === namespace)),
  };
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
