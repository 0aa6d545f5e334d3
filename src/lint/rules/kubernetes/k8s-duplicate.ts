import { fieldPath } from '../../path';
import { Manifest, Rule } from '../../types';
import { isJsonObject } from '../../util/walk';

/** Kinds that live outside namespaces: their metadata.namespace is ignored (and dropped) by the API server. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'RuntimeClass', 'IngressClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'ClusterWorkflowTemplate', 'ClusterIssuer',
]);

interface Identity {
  /** API group, kind and name: what names one object (the version does not). */
  readonly object: string;
  readonly namespace?: string;
  readonly clusterScoped: boolean;
}

interface Seen {
  readonly index: number;
  readonly identity: Identity;
}

/** Per linted set: every named object by group, kind and name, in order. */
const sets = new WeakMap<readonly Manifest[], { byObject: Map<string, Seen[]>; position: Map<Manifest, number> }>();

function identityOf(m: Manifest): Identity | undefined {
  if (!isJsonObject(m) || typeof m.kind !== 'string' || typeof m.apiVersion !== 'string' || !isJsonObject(m.metadata)) return undefined;
  const name = m.metadata.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const group = m.apiVersion.includes('/') ? m.apiVersion.slice(0, m.apiVersion.indexOf('/')) : '';
  const clusterScoped = CLUSTER_SCOPED.has(m.kind);
  const namespace = !clusterScoped && typeof m.metadata.namespace === 'string' && m.metadata.namespace !== '' ? m.metadata.namespace : undefined;
  return { object: `${group} ${m.kind} ${name}`, namespace, clusterScoped };
}

function indexOf(all: readonly Manifest[]) {
  let set = sets.get(all);
  if (!set) {
    const byObject = new Map<string, Seen[]>();
    const position = new Map<Manifest, number>();
    all.forEach((m, index) => {
      const identity = identityOf(m);
      if (!identity) return;
      if (!position.has(m)) position.set(m, index);
      const list = byObject.get(identity.object);
      if (list) list.push({ index, identity });
      else byObject.set(identity.object, [{ index, identity }]);
    });
    set = { byObject, position };
    sets.set(all, set);
  }
  return set;
}

/**
 * K8S-DUPLICATE: two manifests of the set are the same object (API group, kind, namespace and
 * name; the version does not matter, a cluster-scoped kind has no namespace). `kubectl apply -f`
 * applies both to one object, so the later silently replaces the earlier. An object without a
 * namespace lands in the namespace it is applied to: against one in a namespace it is a warning.
 */
export const K8S_DUPLICATE: Rule = {
  id: 'K8S-DUPLICATE',
  description: 'No two manifests are the same object (kind, namespace and name): the later would silently replace the earlier on apply',
  check(ctx) {
    const identity = identityOf(ctx.manifest);
    if (!identity) return;
    const { byObject, position } = indexOf(ctx.index.all);
    const self = position.get(ctx.manifest);
    if (self === undefined) return;
    const earlier = (byObject.get(identity.object) ?? []).filter(s => s.index < self);
    if (!earlier.length) return;
    const kind = ctx.manifest.kind as string;
    const name = ctx.manifest.metadata!.name as string;
    const where = (ns: string | undefined) => (identity.clusterScoped ? '' : ns ? ` in namespace "${ns}"` : ' without a namespace');
    const same = earlier.find(s => identity.clusterScoped || s.identity.namespace === identity.namespace);
    if (same) {
      ctx.report(fieldPath('metadata', 'name'), `${kind} "${name}"${where(identity.namespace)} is also manifest #${same.index + 1} of the set: kubectl apply writes both to `
        + 'one object, so this one silently replaces the other (and a GitOps tool reports the object as out of sync forever). Rename one of them, or put them in different namespaces.');
      return;
    }
    const other = earlier.find(s => !s.identity.namespace || !identity.namespace);
    if (other) {
      const ns = identity.namespace ?? other.identity.namespace;
      ctx.report(fieldPath('metadata', 'name'), `${kind} "${name}"${where(identity.namespace)} and manifest #${other.index + 1}${where(other.identity.namespace)} are the same object `
        + `when the one without a namespace is applied to "${ns}" (kubectl apply -n ${ns}, or a context whose namespace is ${ns}): the later replaces the earlier. `
        + 'Give both the namespace they belong in, or different names.', 'warning');
    }
  },
};
