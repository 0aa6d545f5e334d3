import { Manifest, Rule } from '../../types';
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
        const problem = ref.key !== undefined ? missingKey(target, ref) : undefined;
        if (problem) ctx.report(ref.path, `${problem}: ${podConsequence(ctx.manifest, 'the value cannot be read')}. Add the key to the ${ref.kind} or correct the key name.`);
      }
    });
  },
};

function missingKey(target: Manifest, ref: ObjectReference): string | undefined {
  if (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') return undefined;
  if (ref.kind === 'Secret' && GENERATED_SECRET_TYPES.has(target.type)) return undefined;
  const sections = ['data', 'stringData', 'binaryData'].map(s => target[s]).filter(s => s && typeof s === 'object');
  if (sections.length === 0) return undefined;
  const keys = new Set(sections.flatMap(s => Object.keys(s)));
  if (keys.has(ref.key!)) return undefined;
  return `${ref.kind} "${ref.name}" has no key "${ref.key}" (its keys: ${[...keys].map(k => `"${k}"`).join(', ') || 'none'})`;
}
