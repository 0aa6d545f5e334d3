import { ManifestValidator } from '../schema/validator';
import { ALL_RULES } from './rules';
import { Finding, LintOptions, Manifest, ManifestIndex, Rule, RuleContext, Severity } from './types';

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
  const validator = options.schema !== false && (!only || only.has(SCHEMA_RULE_ID)) && manifests.length > 0
    ? ManifestValidator.get({ workflowsVersion: options.workflowsVersion }) : undefined;

  manifests.forEach((manifest, manifestIndex) => {
    const object = describeObject(manifest);
    let ruleId = '';
    const push = (path: string, message: string, severity: Severity = 'error') =>
      findings.push({ ruleId, severity, manifestIndex, object, path, message });
    const ctx: RuleContext = {
      manifest,
      index,
      options,
      report: push,
      reportMissingReference: (path, kind, name, hint) => push(path,
        `${kind} "${name}" is not among the linted manifests; `
        + (options.strictRefs ? 'it must be defined in the same set (--strict-refs)' : 'assumed to exist in the cluster')
        + (hint ? `. ${hint}` : ''), options.strictRefs ? 'error' : 'warning'),
    };
    if (validator) {
      ruleId = SCHEMA_RULE_ID;
      if (isForeignKind(manifest, validator)) {
        push('kind', `${manifest.apiVersion} ${manifest.kind} is not an Argo or core Kubernetes kind: its fields are not checked against a schema`, 'warning');
      } else {
        for (const v of validator.validate(manifest)) push(v.path, v.message);
      }
    }
    if (!manifest || typeof manifest !== 'object') return;
    for (const rule of [...forAll, ...(byKind.get(String(manifest.kind)) ?? [])]) {
      ruleId = rule.id;
      try {
        rule.check(ctx);
      } catch (e: any) {
        push('', `rule ${rule.id} could not check this object: ${e?.message ?? e}`);
      }
    }
  });
  return findings.sort((a, b) => a.manifestIndex - b.manifestIndex || comparePaths(a.path, b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
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
