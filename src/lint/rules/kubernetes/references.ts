import { childPath } from '../../path';
import { Manifest, RuleContext } from '../../types';
import { containersOf } from '../../util/containers';
import { hasTemplateExpression } from '../../util/names';
import { isJsonObject, JsonObject, Visited } from '../../util/walk';

/** A reference from one manifest to another object by kind and name. */
export interface ObjectReference {
  /** Field path of the name (or of the selector object). */
  readonly path: string;
  readonly kind: string;
  readonly name: string;
  /** Namespace the object is looked up in (undefined: the referencing object's, or any). */
  readonly namespace?: string;
  /** A key the object must hold (ConfigMap/Secret data key). */
  readonly key?: string;
  /** What goes wrong when the object is missing. */
  readonly whenMissing: string;
}

const CONFIG_FAILS = 'If it does not, the pod cannot start (CreateContainerConfigError); set optional: true if it may be absent.';
const CREDENTIALS_FAIL = 'If it does not, the credentials cannot be read and whatever uses them fails at run time.';
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/**
 * Every reference of a manifest to another object: envFrom and env ConfigMaps/Secrets, key
 * selectors anywhere (Argo artifact credentials, Argo Events secrets, parameter configMapKeyRef),
 * volumes, service accounts, imagePullSecrets, Argo artifactRepositoryRef, and Role/ServiceAccount
 * names in RoleBindings. (EventBus and EventSource references are E15/E2, templateRefs W7/W8.) References that hold a
 * `{{...}}` expression, are optional, or name built-in objects are left out. Collected during
 * the engine's shared walk of the manifest; `use` receives them all once it is done.
 */
export function collectReferences(ctx: RuleContext, use: (references: readonly ObjectReference[]) => void): void {
  const { manifest } = ctx;
  const namespace = manifest.metadata?.namespace;
  const out: ObjectReference[] = [];
  const add = (ref: ObjectReference) => {
    if (ref.name !== '' && !hasTemplateExpression(ref.name)) out.push({ namespace, ...ref });
  };
  for (const at of containersOf(manifest)) {
    listOf(at.container.envFrom).forEach((source, i) => {
      for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
        const ref = source?.[field];
        if (isJsonObject(ref) && typeof ref.name === 'string' && ref.optional !== true) {
          add({ path: childPath(at.path, 'envFrom', i, field, 'name'), kind, name: ref.name, whenMissing: CONFIG_FAILS });
        }
      }
    });
  }
  ctx.onWalk(treeVisitor(manifest, add), () => {
    collectBindingReferences(manifest, add);
    use(out);
  });
}

function treeVisitor(manifest: Manifest, add: (ref: ObjectReference) => void): (at: Visited) => boolean {
  const claimTemplates = new Set(listOf(manifest.spec?.volumeClaimTemplates ?? manifest.spec?.workflowSpec?.volumeClaimTemplates)
    .map(t => t?.metadata?.name).filter(n => typeof n === 'string'));
  return at => {
    const { value, key, field } = at;
    if (field === 'metadata' || field === 'data' || field === 'stringData') return false;
    if (typeof key === 'string' && isJsonObject(value)) {
      const selector = keySelectorKind(key, value);
      if (selector) {
        const hint = key === 'configMapKeyRef' || key === 'secretKeyRef' ? CONFIG_FAILS : CREDENTIALS_FAIL;
        add({ path: childPath(at.path, 'name'), kind: selector, name: value.name, key: typeof value.key === 'string' ? value.key : undefined, whenMissing: hint });
        return false;
      }
      if (key === 'artifactRepositoryRef' && typeof value.configMap === 'string') {
        add({ path: childPath(at.path, 'configMap'), kind: 'ConfigMap', name: value.configMap, key: typeof value.key === 'string' ? value.key : undefined,
          whenMissing: 'If it does not, Argo cannot find the artifact repository and the workflow fails.' });
      }
    }
    if (field === 'volumes' && typeof key === 'number' && isJsonObject(value)) {
      volumeReferences(value, at.path, claimTemplates).forEach(add);
      return false;
    }
    if (key === 'serviceAccountName' && typeof value === 'string' && value !== 'default') {
      add({ path: at.path, kind: 'ServiceAccount', name: value, whenMissing: 'If it does not, Kubernetes refuses to create the pod (service account not found).' });
    }
    if (field === 'imagePullSecrets' && typeof key === 'number' && typeof (value as any)?.name === 'string') {
      add({ path: childPath(at.path, 'name'), kind: 'Secret', name: (value as any).name, whenMissing: 'If it does not, private images cannot be pulled (ImagePullBackOff).' });
    }
    return true;
  };
}

/**
 * Fields typed SecretKeySelector in the Argo Workflows and Argo Events schemas whose names do not
 * end in "Secret" (those that do are recognized by name).
 */
const SECRET_SELECTOR_FIELDS = new Set(['accessKey', 'secretKey', 'sharedAccessKey', 'sharedAccessKeyName', 'connectionString', 'password',
  'username', 'oauthToken', 'accessToken', 'smtpPassword', 'privateKey', 'apiToken', 'secretToken', 'credential', 'nkey', 'token',
  'authToken', 'caCertificate', 'address', 'sessionToken', 'slackToken', 'apiKey', 'secretKeyRef']);
/** Fields typed ConfigMapKeySelector in those schemas. */
const CONFIG_MAP_SELECTOR_FIELDS = new Set(['configMapKeyRef', 'configmap', 'krbConfigConfigMap']);

/** Kind of a ConfigMap/Secret key selector (`{name, key}`) under this field, if it is one. */
function keySelectorKind(field: string, value: JsonObject): string | undefined {
  if (typeof value.name !== 'string' || typeof value.key !== 'string' || value.optional === true) return undefined;
  if (CONFIG_MAP_SELECTOR_FIELDS.has(field)) return 'ConfigMap';
  if (SECRET_SELECTOR_FIELDS.has(field) || field.endsWith('Secret')) return 'Secret';
  return undefined;
}

function volumeReferences(volume: JsonObject, path: string, claimTemplates: Set<string>): ObjectReference[] {
  const out: ObjectReference[] = [];
  const whenMissing = 'If it does not, the pod cannot start (the volume cannot be mounted); set optional: true if it may be absent.';
  if (isJsonObject(volume.configMap) && typeof volume.configMap.name === 'string' && volume.configMap.optional !== true) {
    out.push({ path: childPath(path, 'configMap', 'name'), kind: 'ConfigMap', name: volume.configMap.name, whenMissing });
  }
  if (isJsonObject(volume.secret) && typeof volume.secret.secretName === 'string' && volume.secret.optional !== true) {
    out.push({ path: childPath(path, 'secret', 'secretName'), kind: 'Secret', name: volume.secret.secretName, whenMissing });
  }
  const claim = volume.persistentVolumeClaim?.claimName;
  if (typeof claim === 'string' && !claimTemplates.has(claim)) {
    out.push({ path: childPath(path, 'persistentVolumeClaim', 'claimName'), kind: 'PersistentVolumeClaim', name: claim,
      whenMissing: 'If it does not, the pod stays Pending.' });
  }
  listOf(volume.projected?.sources).forEach((source, i) => {
    for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
      const ref = source?.[field];
      if (isJsonObject(ref) && typeof ref.name === 'string' && ref.optional !== true) {
        out.push({ path: childPath(path, 'projected', 'sources', i, field, 'name'), kind, name: ref.name, whenMissing });
      }
    }
  });
  return out;
}

function collectBindingReferences(manifest: Manifest, add: (ref: ObjectReference) => void): void {
  const kind = manifest.kind;
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const roleRef = manifest.roleRef;
    if (isJsonObject(roleRef) && typeof roleRef.name === 'string' && (roleRef.kind === 'Role' || roleRef.kind === 'ClusterRole')
      && !(roleRef.kind === 'ClusterRole' && (BUILT_IN_CLUSTER_ROLES.has(roleRef.name) || roleRef.name.startsWith('system:')))) {
      add({ path: 'roleRef.name', kind: roleRef.kind, name: roleRef.name, whenMissing: 'If it does not, the binding grants nothing.' });
    }
    listOf(manifest.subjects).forEach((subject, i) => {
      if (subject?.kind === 'ServiceAccount' && typeof subject.name === 'string' && subject.name !== 'default') {
        add({ path: `subjects[${i}].name`, kind: 'ServiceAccount', name: subject.name, namespace: subject.namespace ?? manifest.metadata?.namespace,
          whenMissing: 'If it does not, the binding grants its permissions to nobody.' });
      }
    });
  }
}

function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}
