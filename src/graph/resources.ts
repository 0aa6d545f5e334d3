import { parseFieldPath } from '../lint/path';
import { collectReferences, ObjectReference } from '../lint/rules/kubernetes/references';
import { Manifest, ManifestIndex, RuleContext } from '../lint/types';
import { Visited, walkTogether } from '../lint/util/walk';
import { GraphBuilder } from './builder';
import { ArgoGraphNodeKind } from './model';
import { addProperty, listText, nonEmpty } from './text';

/** Kinds of referenced objects the graph draws (Roles, named by RoleBindings, are not drawn). */
const DRAWN_KINDS = new Set<string>(['ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim']);

/**
 * Adds a `uses` edge from the node owning each ConfigMap, Secret, ServiceAccount and
 * PersistentVolumeClaim reference of a manifest (found as rule K8S-REF finds them) to the
 * object, drawn on first use, or to a missing placeholder.
 */
export function drawResourceUses(builder: GraphBuilder, manifestIndex: number): void {
  const manifest = builder.manifests[manifestIndex];
  const from = builder.objectNode(manifestIndex);
  if (!from) return;
  for (const ref of referencesOf(manifest, builder.index)) {
    if (!DRAWN_KINDS.has(ref.kind)) continue;
    const owner = builder.ownerOf(manifestIndex, ref.path) ?? from;
    const target = builder.index.find(ref.kind, ref.name, ref.namespace);
    const source = { manifestIndex, path: ref.path };
    const label = useLabel(ref.path);
    if (target) {
      builder.addEdge(owner, resourceNode(builder, target), 'uses', { label, source });
    } else {
      builder.addEdge(owner, builder.addMissing(ref.kind as ArgoGraphNodeKind, ref.name, ref.namespace), 'uses', { label, missing: true, source });
    }
  }
}

/** The node of a ConfigMap, Secret, ServiceAccount or PVC of the set, added on first use. */
function resourceNode(builder: GraphBuilder, manifest: Manifest): string {
  const existing = builder.nodeOfManifest(manifest);
  if (existing) return existing;
  const manifestIndex = builder.positionOf(manifest)!;
  const kind = manifest.kind as ArgoGraphNodeKind;
  const { details, properties } = describeResource(manifest, builder.index);
  return builder.addObject({ kind, name: nonEmpty(manifest.metadata?.name) ?? '(unnamed)', namespace: manifest.metadata?.namespace, details, properties, source: { manifestIndex, path: '' } });
}

function describeResource(manifest: Manifest, index: ManifestIndex): { details: string[]; properties: [string, string][] } {
  const details: string[] = [];
  const properties: [string, string][] = [];
  addProperty(properties, 'namespace', manifest.metadata?.namespace);
  const keys = (...sections: unknown[]) => sections.flatMap(s => (s && typeof s === 'object' ? Object.keys(s) : [])).sort();
  switch (manifest.kind) {
    case 'ConfigMap': {
      const names = keys(manifest.data, manifest.binaryData);
      details.push(names.length ? `keys: ${listText(names, 3)}` : 'no keys');
      addProperty(properties, 'keys', names.join(', '));
      break;
    }
    case 'Secret': {
      // Key names only: values never leave the manifest.
      const names = keys(manifest.data, manifest.stringData);
      details.push(`${nonEmpty(manifest.type) ?? 'Opaque'}${names.length ? `, keys: ${listText(names, 3)}` : ''}`);
      addProperty(properties, 'type', manifest.type ?? 'Opaque');
      addProperty(properties, 'keys', names.join(', '));
      break;
    }
    case 'ServiceAccount': {
      const annotations = manifest.metadata?.annotations ?? {};
      const arn = nonEmpty(annotations['eks.amazonaws.com/role-arn']);
      const gcp = nonEmpty(annotations['iam.gke.io/gcp-service-account']);
      if (arn) details.push(`IAM role ${arn.replace(/^.*:role\//, '')}`);
      if (gcp) details.push(`GCP ${gcp}`);
      addProperty(properties, 'eks.amazonaws.com/role-arn', arn);
      addProperty(properties, 'iam.gke.io/gcp-service-account', gcp);
      const roles = boundRoles(manifest, index);
      if (roles.length) details.push(listText(roles, 2));
      addProperty(properties, 'bound to', roles.join(', '));
      break;
    }
    case 'PersistentVolumeClaim': {
      const size = nonEmpty(manifest.spec?.resources?.requests?.storage);
      const modes = Array.isArray(manifest.spec?.accessModes) ? manifest.spec.accessModes.join(', ') : undefined;
      const line = [size, modes].filter(Boolean).join(' ');
      if (line) details.push(line);
      addProperty(properties, 'storage', size);
      addProperty(properties, 'accessModes', modes);
      break;
    }
    default:
  }
  return { details, properties };
}

/** `Role x`, `ClusterRole y`: what the RoleBindings of the set grant this ServiceAccount. */
function boundRoles(account: Manifest, index: ManifestIndex): string[] {
  const name = account.metadata?.name;
  const namespace = account.metadata?.namespace;
  const out: string[] = [];
  for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
    for (const binding of index.ofKind(kind)) {
      const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
      const bound = subjects.some((s: any) => s?.kind === 'ServiceAccount' && s.name === name
        && (s.namespace ?? binding.metadata?.namespace) === namespace);
      if (bound && typeof binding.roleRef?.name === 'string') out.push(`${binding.roleRef.kind ?? 'Role'} ${binding.roleRef.name}`);
    }
  }
  return [...new Set(out)];
}

/** `configMapRef`, `secretKeyRef`, `serviceAccountName`, `volume`...: the field holding a reference. */
function useLabel(path: string): string {
  const names = parseFieldPath(path).filter((s): s is string => typeof s === 'string');
  if (names.includes('volumes')) return 'volume';
  const meaningful = names.filter(n => !['name', 'secretName', 'claimName'].includes(n));
  return meaningful[meaningful.length - 1] ?? names[names.length - 1] ?? 'uses';
}

/** The references of a manifest exactly as K8S-REF collects them (same helper, run outside a lint pass). */
function referencesOf(manifest: Manifest, index: ManifestIndex): readonly ObjectReference[] {
  let references: readonly ObjectReference[] = [];
  const walkers: { visit: (at: Visited) => boolean | void; after?: () => void }[] = [];
  const ctx: RuleContext = {
    manifest,
    index,
    options: {},
    report: () => undefined,
    reportMissingReference: () => undefined,
    onWalk: (visit, after) => walkers.push({ visit, after }),
    lintNested: () => [],
  };
  collectReferences(ctx, found => {
    references = found;
  });
  walkTogether(manifest, walkers.map(w => w.visit), () => undefined);
  for (const w of walkers) w.after?.();
  return references;
}
