import { Manifest, Rule, RuleContext } from '../../types';
import { podConsequence } from '../../util/kinds';
import { collectReferences, ObjectReference } from './references';

/** Secret types whose keys Kubernetes fills in itself. */
const GENERATED_SECRET_TYPES = new Set(['kubernetes.io/service-account-token']);

/**
 * K8S-REF: objects a manifest names (ConfigMaps, Secrets and their keys, ServiceAccounts,
 * PersistentVolumeClaims, Roles) exist in the linted set. A missing object is
 * "assumed to exist in the cluster" (a warning; an error with strictRefs); a key missing from
 * a ConfigMap/Secret that is in the set is an error.
 */
export const K8S_REF: Rule = {
  id: 'K8S-REF',
  description: 'Referenced ConfigMaps, Secrets (and their keys), ServiceAccounts, PVCs and Roles exist in the set',
  check(ctx) {
    collectReferences(ctx, references => {
      for (const ref of references) {
        const target = ctx.index.find(ref.kind, ref.name, ref.namespace);
        if (!target) {
          ctx.reportMissingReference(ref.path, ref.kind, ref.name, ref.whenMissing);
          continue;
        }
        if (ref.parameter && checkParameterConfigMap(ctx, target, ref)) continue;
        const problem = ref.key !== undefined ? missingKey(target, ref) : undefined;
        if (problem) {
          ctx.report(ref.path, `${problem}: ${ref.whenKeyMissing ?? podConsequence(ctx.manifest, 'the value cannot be read')}. Add the key to the ${ref.kind} or correct the key name.`,
            ref.parameter?.hasDefault ? 'warning' : 'error');
        }
      }
    });
  },
};

const PARAMETER_LABEL = 'workflows.argoproj.io/configmap-type';

/**
 * Argo reads parameter ConfigMaps through an informer that selects them by the label
 * workflows.argoproj.io/configmap-type, and then requires its value Parameter
 * (workflow/common/configmap.go). True when it reported a problem with the label.
 */
function checkParameterConfigMap(ctx: RuleContext, target: Manifest, ref: ObjectReference): boolean {
  const label = target.metadata?.labels?.[PARAMETER_LABEL];
  if (label === 'Parameter') return false;
  const fix = `Label the ConfigMap ${PARAMETER_LABEL}: Parameter.`;
  if (label === undefined) {
    ctx.report(ref.path, `ConfigMap "${ref.name}" has no label ${PARAMETER_LABEL}, so Argo's controller never sees it and takes it for missing `
      + `("ConfigMap '${ref.name}' does not exist"): ${ref.parameter!.hasDefault ? 'Argo silently uses valueFrom.default instead' : 'Argo fails the step (or the workflow, for a workflow argument) when it reads the parameter'}. ${fix}`,
    ref.parameter!.hasDefault ? 'warning' : 'error');
  } else {
    ctx.report(ref.path, `ConfigMap "${ref.name}" is labelled ${PARAMETER_LABEL}: ${label}, and Argo loads parameters only from ConfigMaps labelled Parameter: `
      + `it fails the step (or the workflow, for a workflow argument) even when valueFrom.default is set ("needs to have the label ${PARAMETER_LABEL}: Parameter"). ${fix}`);
  }
  return true;
}

function missingKey(target: Manifest, ref: ObjectReference): string | undefined {
  if (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') return undefined;
  if (ref.kind === 'Secret' && GENERATED_SECRET_TYPES.has(target.type)) return undefined;
  const sections = ['data', 'stringData', 'binaryData'].map(s => target[s]).filter(s => s && typeof s === 'object');
  if (sections.length === 0) return undefined;
  const keys = new Set(sections.flatMap(s => Object.keys(s)));
  if (keys.has(ref.key!)) return undefined;
  return `${ref.kind} "${ref.name}" has no key "${ref.key}" (its keys: ${[...keys].map(k => `"${k}"`).join(', ') || 'none'})`;
}
