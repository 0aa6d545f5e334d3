import { childPath } from '../../path';
import { Manifest, RuleContext } from '../../types';
import { containersOf } from '../../util/containers';
import { kindFamily, podConsequence } from '../../util/kinds';
import { hasTemplateExpression } from '../../util/names';
import { isJsonObject, JsonObject, listOf, Visited } from '../../util/walk';

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
  /** What goes wrong when the object exists without the key (ends the sentence "<Kind> "x" has no key "k": ..."). */
  readonly whenKeyMissing?: string;
  /** An Argo Workflows parameter read from this ConfigMap (valueFrom.configMapKeyRef), with or without a default. */
  readonly parameter?: { readonly hasDefault: boolean };
}

const CONFIG_FAILS = 'If it does not, the container cannot start: Kubernetes keeps the pod in CreateContainerConfigError. Set optional: true if it may be absent.';
const VOLUME_FAILS = 'If it does not, the pod stays in ContainerCreating (the volume cannot be mounted). Set optional: true if it may be absent.';
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
  const withDefault = new WeakSet<object>();
  return at => {
    const { value, key, field } = at;
    if (field === 'metadata' || field === 'data' || field === 'stringData') return false;
    if (key === 'valueFrom' && isJsonObject(value) && value.default !== undefined && value.default !== null && isJsonObject(value.configMapKeyRef)) {
      withDefault.add(value.configMapKeyRef);
    }
    if (typeof key === 'string' && isJsonObject(value)) {
      const selector = keySelectorKind(key, value);
      if (selector) {
        add({ path: childPath(at.path, 'name'), kind: selector, name: value.name, key: typeof value.key === 'string' ? value.key : undefined,
          ...selectorConsequence(manifest, at.fields, selector, withDefault.has(value)) });
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
    if (field === 'imagePullSecrets' && typeof key === 'number' && isJsonObject(value) && typeof value.name === 'string') {
      add({ path: childPath(at.path, 'name'), kind: 'Secret', name: value.name, whenMissing: 'If it does not, private images cannot be pulled (ImagePullBackOff).' });
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

/** What a missing ConfigMap or Secret behind a key selector does, by where the selector sits. */
function selectorConsequence(manifest: Manifest, fields: readonly string[], kind: string, hasDefault: boolean):
  Pick<ObjectReference, 'whenMissing' | 'whenKeyMissing' | 'parameter'> {
  const n = fields.length;
  if (fields[n - 2] === 'valueFrom' && fields[n - 3] === 'env') {
    return { whenMissing: CONFIG_FAILS, whenKeyMissing: podConsequence(manifest, 'its container cannot start (Kubernetes keeps the pod in CreateContainerConfigError)') };
  }
  const family = kindFamily(manifest);
  if (family === 'workflows') {
    if (fields.includes('synchronization')) {
      const fails = 'Argo fails the workflow (for a template-level semaphore, the step) when it tries to take the lock ("Failed to acquire the synchronization lock")';
      return { whenMissing: `If it does not, ${fails}.`, whenKeyMissing: fails };
    }
    if (fields[n - 2] === 'valueFrom' && fields.includes('parameters') && kind === 'ConfigMap') {
      const fails = hasDefault ? 'Argo silently uses valueFrom.default instead' : 'Argo fails the step (or the workflow, for a workflow argument) when it reads the parameter';
      return { whenMissing: `If it does not, ${fails}${hasDefault ? '' : '; set valueFrom.default to fall back on a value'}.`, whenKeyMissing: fails, parameter: { hasDefault } };
    }
    const what = fields.includes('artifacts') || fields.includes('archiveLocation') ? 'the step that loads or saves the artifact fails' : 'whatever reads it fails when the step runs';
    return { whenMissing: `If it does not, ${what} (Argo reads the credentials at run time).`, whenKeyMissing: what };
  }
  if (family === 'events') {
    const component = manifest.kind === 'Sensor' ? 'the trigger that uses it fails each time it fires' : 'the event source fails to start';
    return {
      whenMissing: `If it does not, the ${manifest.kind}'s pod stays in ContainerCreating (Argo Events mounts every ${kind} the spec references into it), so it never processes events.`,
      whenKeyMissing: `the ${kind} is mounted, but reading the key from it fails: ${component}`,
    };
  }
  return { whenMissing: 'If it does not, whatever reads it fails at run time.' };
}

function volumeReferences(volume: JsonObject, path: string, claimTemplates: Set<string>): ObjectReference[] {
  const out: ObjectReference[] = [];
  const whenMissing = VOLUME_FAILS;
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

