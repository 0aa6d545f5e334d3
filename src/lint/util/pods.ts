import { childPath } from '../path';
import { Manifest } from '../types';
import { isJsonObject, JsonObject } from './walk';
import { yaml } from './yaml';
import { perManifest } from './manifest-memo';

/** A value of the pod and the field path it was written at (where a finding about it points). */
export interface Located {
  readonly value: unknown;
  readonly path: string;
}

/** Security settings by field (`runAsNonRoot`, `seccompProfile`...), each where it was written; `at` is where an unset one would go. */
export interface SecuritySettings {
  readonly fields: ReadonlyMap<string, Located>;
  readonly at: string;
}

/** One container of a pod, with the settings that apply to it. */
export interface ContainerModel {
  /** The container's name in the pod (`main` for an Argo template's container). */
  readonly name: string;
  readonly path: string;
  readonly securityContext: SecuritySettings;
  /** `ports[*].hostPort` values that are set. */
  readonly hostPorts: readonly Located[];
  /** `resources` of the container, merged with an Argo workflow's templateDefaults. */
  readonly resources: Located | undefined;
}

/** A pod a manifest makes (directly, through a controller, or through Argo), as the Pod Security Standards see it. */
export interface PodModel {
  /** What makes the pod, for messages: `the pod`, `template "main"`, `the EventBus StatefulSet`. */
  readonly what: string;
  /** Where the pod is defined. */
  readonly path: string;
  readonly securityContext: SecuritySettings;
  /** hostNetwork, hostPID, hostIPC that are set. */
  readonly hostNamespaces: readonly (Located & { readonly field: string })[];
  /** Volumes of the pod, each with its path. */
  readonly volumes: readonly (Located & { readonly value: JsonObject })[];
  /** AppArmor annotations of the pod (`container.apparmor.security.beta.kubernetes.io/<container>`). */
  readonly appArmorAnnotations: readonly (Located & { readonly key: string })[];
  readonly containers: readonly ContainerModel[];
  /** True for a Windows pod (`spec.os.name: windows`): the Linux-only controls do not apply. */
  readonly windows: boolean;
  /** Pod-level resources (an Argo template's or workflow's `podResources`), which cover every container. */
  readonly podResources: boolean;
}

const WORKLOADS: { readonly [kind: string]: readonly string[] } = {
  Deployment: ['spec', 'template'], StatefulSet: ['spec', 'template'], DaemonSet: ['spec', 'template'], ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'], Job: ['spec', 'template'], CronJob: ['spec', 'jobTemplate', 'spec', 'template'], PodTemplate: ['template'],
};
const WORKFLOW_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * Every pod a manifest makes, with the settings that reach it: a Pod, the pod template of a
 * workload (Deployment, Job, CronJob...), each container/script/containerSet template of an Argo
 * workflow (its securityContext, else the templateDefaults', else the workflow's; sidecars, init
 * containers; hostNetwork and volumes from the workflow; podSpecPatch applied), the pod of an
 * EventSource or Sensor (`spec.template`), and the StatefulSet of an EventBus (jetstream or native
 * NATS, with the containers the controller adds). Argo's own init and wait containers are the
 * workflow controller's (its executor configuration) and are not in any manifest.
 *
 * Computed once per manifest (util/manifest-memo.ts) and shared by every rule that asks: the models
 * and their lists are frozen; the `value`s in them are the manifest's own objects, which no rule changes.
 */
export const podsOf: (manifest: Manifest) => readonly PodModel[] = perManifest(manifest =>
  Object.freeze((isJsonObject(manifest) && typeof manifest.kind === 'string' ? findPods(manifest) : []).map(freezePod)));

function freezePod(pod: PodModel): PodModel {
  for (const list of [pod.hostNamespaces, pod.volumes, pod.appArmorAnnotations]) Object.freeze(list);
  for (const c of pod.containers) Object.freeze(Object.freeze(c).hostPorts);
  Object.freeze(pod.containers);
  return Object.freeze(pod);
}

function findPods(m: Manifest): PodModel[] {
  const kind = m.kind as string;
  if (kind === 'Pod') return isJsonObject(m.spec) ? [corePod('the pod', 'spec', m.spec, m.metadata)] : [];
  if (Object.prototype.hasOwnProperty.call(WORKLOADS, kind)) {
    const segments = WORKLOADS[kind];
    const template = at(m, segments);
    if (!isJsonObject(template) || !isJsonObject(template.spec)) return [];
    return [corePod(`the pod template of the ${kind}`, childPath('', ...segments, 'spec'), template.spec, template.metadata)];
  }
  if (WORKFLOW_KINDS.has(kind)) return workflowPods(m);
  if (kind === 'EventSource' || kind === 'Sensor') return [eventsPod(m)];
  if (kind === 'EventBus') return eventBusPods(m);
  return [];
}

function at(value: unknown, segments: readonly string[]): unknown {
  let v = value;
  for (const s of segments) v = isJsonObject(v) ? v[s] : undefined;
  return v;
}

function settings(value: unknown, path: string): SecuritySettings {
  const fields = new Map<string, Located>();
  if (isJsonObject(value)) {
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v !== undefined && v !== null) fields.set(k, { value: v, path: childPath(path, k) });
    }
  }
  return { fields, at: path };
}

/** `base` with `over`'s fields laid over it (a strategic merge of two security contexts). */
function overlay(base: SecuritySettings, over: SecuritySettings): SecuritySettings {
  return { fields: over.fields.size ? new Map([...base.fields, ...over.fields]) : base.fields, at: over.at };
}

function container(name: string, value: JsonObject, path: string, extra?: { securityContext?: SecuritySettings; resources?: Located }): ContainerModel {
  const own = settings(value.securityContext, childPath(path, 'securityContext'));
  const ports = Array.isArray(value.ports) ? value.ports : [];
  const hostPorts: Located[] = [];
  ports.forEach((p: unknown, i: number) => {
    if (isJsonObject(p) && p.hostPort !== undefined && p.hostPort !== null && p.hostPort !== 0) hostPorts.push({ value: p.hostPort, path: childPath(path, 'ports', i, 'hostPort') });
  });
  const resources = isJsonObject(value.resources) ? { value: value.resources, path: childPath(path, 'resources') } : extra?.resources;
  return { name, path, securityContext: extra?.securityContext ? overlay(extra.securityContext, own) : own, hostPorts, resources };
}

function containerList(list: unknown, path: string): ContainerModel[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown, i: number) => (isJsonObject(c) ? [container(typeof c.name === 'string' ? c.name : `#${i}`, c, childPath(path, i))] : []));
}

function volumeList(list: unknown, path: string): (Located & { value: JsonObject })[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((v: unknown, i: number) => (isJsonObject(v) ? [{ value: v, path: childPath(path, i) }] : []));
}

function hostFields(spec: JsonObject, path: string): (Located & { field: string })[] {
  return ['hostNetwork', 'hostPID', 'hostIPC'].flatMap(field => (spec[field] === true ? [{ field, value: true, path: childPath(path, field) }] : []));
}

function appArmor(metadata: unknown, path: string): (Located & { key: string })[] {
  const annotations = isJsonObject(metadata) && isJsonObject(metadata.annotations) ? metadata.annotations : {};
  return Object.entries(annotations).filter(([k]) => k.startsWith(APPARMOR_PREFIX))
    .map(([key, value]) => ({ key, value, path: childPath(path, 'annotations', key) }));
}

function corePod(what: string, path: string, spec: JsonObject, metadata: unknown): PodModel {
  const metadataPath = path === 'spec' ? 'metadata' : path.replace(/\.spec$/, '.metadata');
  return {
    what, path,
    securityContext: settings(spec.securityContext, childPath(path, 'securityContext')),
    hostNamespaces: hostFields(spec, path),
    volumes: volumeList(spec.volumes, childPath(path, 'volumes')),
    appArmorAnnotations: appArmor(metadata, metadataPath),
    containers: [...containerList(spec.initContainers, childPath(path, 'initContainers')), ...containerList(spec.containers, childPath(path, 'containers')),
      ...containerList(spec.ephemeralContainers, childPath(path, 'ephemeralContainers'))],
    windows: isJsonObject(spec.os) && spec.os.name === 'windows',
    podResources: isJsonObject(spec.resources),
  };
}

function workflowPods(m: Manifest): PodModel[] {
  const cron = m.kind === 'CronWorkflow';
  const spec = cron ? at(m, ['spec', 'workflowSpec']) : m.spec;
  const specPath = cron ? 'spec.workflowSpec' : 'spec';
  if (!isJsonObject(spec) || !Array.isArray(spec.templates)) return [];
  const defaults = isJsonObject(spec.templateDefaults) ? spec.templateDefaults : {};
  const defaultsPath = childPath(specPath, 'templateDefaults');
  const workflowVolumes = volumeList(spec.volumes, childPath(specPath, 'volumes'));
  // What every template of the workflow inherits, read once for all of them (the models share it, read-only).
  const hostNamespaces = hostFields(spec, specPath);
  let workflowSecurity: SecuritySettings | undefined;
  const inheritedSecurity = () => workflowSecurity ??= isJsonObject(defaults.securityContext)
    ? settings(defaults.securityContext, childPath(defaultsPath, 'securityContext')) : settings(spec.securityContext, childPath(specPath, 'securityContext'));
  const defaultContainer = isJsonObject(defaults.container) ? defaults.container : {};
  const inherited = {
    securityContext: settings(defaultContainer.securityContext, childPath(defaultsPath, 'container', 'securityContext')),
    resources: isJsonObject(defaultContainer.resources) ? { value: defaultContainer.resources, path: childPath(defaultsPath, 'container', 'resources') } : undefined,
  };
  const pods: PodModel[] = [];
  spec.templates.forEach((t: unknown, i: number) => {
    if (!isJsonObject(t)) return;
    const main = isJsonObject(t.container) ? 'container' : isJsonObject(t.script) ? 'script' : undefined;
    if (!main && !isJsonObject(t.containerSet)) return;
    const path = childPath(specPath, 'templates', i);
    // Argo takes the template's securityContext, else the templateDefaults', else the workflow's (whole, not merged);
    // a setting none of them has is the template's to add.
    const own = childPath(path, 'securityContext');
    const podSecurity = isJsonObject(t.securityContext) ? settings(t.securityContext, own) : { ...inheritedSecurity(), at: own };
    const containers: ContainerModel[] = [...containerList(t.initContainers, childPath(path, 'initContainers'))];
    if (main) containers.push(container('main', t[main], childPath(path, main), inherited));
    if (isJsonObject(t.containerSet)) containers.push(...containerList(t.containerSet.containers, childPath(path, 'containerSet', 'containers')));
    containers.push(...containerList(t.sidecars, childPath(path, 'sidecars')));
    const mounted = mountedVolumes(t, path);
    const ownVolumes = volumeList(t.volumes, childPath(path, 'volumes'));
    // A workflow volume reaches the pod through the template's mount: findings about it point there.
    const fromWorkflow = workflowVolumes.filter(v => mounted.has(v.value.name as string) && !ownVolumes.some(o => o.value.name === v.value.name))
      .map(v => ({ ...v, path: mounted.get(v.value.name as string)! }));
    const name = typeof t.name === 'string' ? t.name : `#${i}`;
    const pod: PodModel = {
      what: `template "${name}"`, path,
      securityContext: podSecurity,
      hostNamespaces,
      volumes: [...ownVolumes, ...fromWorkflow],
      appArmorAnnotations: appArmor(t.metadata, childPath(path, 'metadata')),
      containers,
      windows: false,
      podResources: isJsonObject(t.podResources) || isJsonObject(spec.podResources),
    };
    let patched = pod;
    if (typeof spec.podSpecPatch === 'string') patched = applyPodSpecPatch(patched, spec.podSpecPatch, childPath(specPath, 'podSpecPatch'));
    if (typeof t.podSpecPatch === 'string') patched = applyPodSpecPatch(patched, t.podSpecPatch, childPath(path, 'podSpecPatch'));
    pods.push(patched);
  });
  return pods;
}

/** The volumes an Argo template's containers mount, by name, with the path of the first mount: Argo adds those of the workflow's volumes to the pod. */
function mountedVolumes(t: JsonObject, path: string): Map<string, string> {
  const mounts = new Map<string, string>();
  const add = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((mount: unknown, i: number) => {
      if (isJsonObject(mount) && typeof mount.name === 'string' && !mounts.has(mount.name)) mounts.set(mount.name, childPath(at, 'volumeMounts', i));
    });
  };
  for (const main of ['container', 'script']) if (isJsonObject(t[main])) add(t[main].volumeMounts, childPath(path, main));
  for (const field of ['initContainers', 'sidecars']) {
    if (Array.isArray(t[field])) t[field].forEach((c: unknown, i: number) => { if (isJsonObject(c)) add(c.volumeMounts, childPath(path, field, i)); });
  }
  if (isJsonObject(t.containerSet)) {
    add(t.containerSet.volumeMounts, childPath(path, 'containerSet'));
    if (Array.isArray(t.containerSet.containers)) {
      t.containerSet.containers.forEach((c: unknown, i: number) => { if (isJsonObject(c)) add(c.volumeMounts, childPath(path, 'containerSet', 'containers', i)); });
    }
  }
  return mounts;
}

/**
 * The pod with an Argo podSpecPatch applied (a strategic merge patch of the pod spec, YAML or
 * JSON): host namespaces, the pod security context, volumes, and containers by name (`main` is
 * the template's). A patch with `{{...}}` is read with its variables as written; one that does
 * not parse changes nothing here (Argo refuses it when it runs the step).
 */
function applyPodSpecPatch(pod: PodModel, text: string, path: string): PodModel {
  let patch: unknown;
  try {
    patch = yaml().parse(text);
  } catch {
    return pod;
  }
  if (!isJsonObject(patch)) return pod;
  const hostNamespaces = [...pod.hostNamespaces.filter(h => patch[h.field] !== false),
    ...['hostNetwork', 'hostPID', 'hostIPC'].filter(f => patch[f] === true && !pod.hostNamespaces.some(h => h.field === f)).map(field => ({ field, value: true, path }))];
  const securityContext = isJsonObject(patch.securityContext) ? overlay(pod.securityContext, patchedSettings(patch.securityContext, path)) : pod.securityContext;
  const volumes = [...pod.volumes, ...(Array.isArray(patch.volumes) ? patch.volumes.filter(isJsonObject).map((value: JsonObject) => ({ value, path })) : [])];
  const patchedContainers = [...(Array.isArray(patch.containers) ? patch.containers : []), ...(Array.isArray(patch.initContainers) ? patch.initContainers : [])].filter(isJsonObject);
  const containers = pod.containers.map(c => {
    const p = patchedContainers.find((x: JsonObject) => x.name === c.name);
    if (!p) return c;
    const hostPorts = Array.isArray(p.ports) && p.ports.some((x: unknown) => isJsonObject(x) && x.hostPort) ? [...c.hostPorts, { value: true, path }] : c.hostPorts;
    return { ...c, securityContext: isJsonObject(p.securityContext) ? overlay(c.securityContext, patchedSettings(p.securityContext, path)) : c.securityContext, hostPorts,
      resources: isJsonObject(p.resources) ? { value: p.resources, path } : c.resources };
  });
  return { ...pod, hostNamespaces, securityContext, volumes, containers };
}

/** Settings a patch writes: every finding about them points at the patch. */
function patchedSettings(value: JsonObject, path: string): SecuritySettings {
  const fields = new Map<string, Located>();
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) fields.set(k, { value: v, path });
  return { fields, at: path };
}

function eventsPod(m: Manifest): PodModel {
  const template = isJsonObject(m.spec) && isJsonObject(m.spec.template) ? m.spec.template : {};
  const path = 'spec.template';
  const main = isJsonObject(template.container) ? template.container : {};
  return {
    what: `the ${m.kind} pod`, path,
    securityContext: settings(template.securityContext, childPath(path, 'securityContext')),
    hostNamespaces: [],
    volumes: volumeList(template.volumes, childPath(path, 'volumes')),
    appArmorAnnotations: appArmor(template.metadata, childPath(path, 'metadata')),
    containers: [container('main', main, childPath(path, 'container'))],
    windows: false,
    podResources: false,
  };
}

/** Containers the Argo Events controller puts in an EventBus StatefulSet, and the field holding each one's settings. */
const BUS_CONTAINERS: { readonly [strategy: string]: readonly (readonly [string, string])[] } = {
  jetstream: [['main', 'containerTemplate'], ['reloader', 'reloaderContainerTemplate'], ['metrics', 'metricsContainerTemplate']],
  native: [['stan', 'containerTemplate'], ['metrics', 'metricsContainerTemplate']],
};

function eventBusPods(m: Manifest): PodModel[] {
  const spec = isJsonObject(m.spec) ? m.spec : {};
  const sites: [JsonObject, string, string][] = [];
  if (isJsonObject(spec.jetstream)) sites.push([spec.jetstream, 'spec.jetstream', 'jetstream']);
  if (isJsonObject(spec.nats) && isJsonObject(spec.nats.native)) sites.push([spec.nats.native, 'spec.nats.native', 'native']);
  return sites.map(([strategy, path, key]) => ({
    what: `the EventBus StatefulSet (${key === 'jetstream' ? 'JetStream' : 'NATS streaming'})`, path,
    securityContext: settings(strategy.securityContext, childPath(path, 'securityContext')),
    hostNamespaces: [],
    volumes: [],
    appArmorAnnotations: [],
    containers: BUS_CONTAINERS[key].map(([name, field]) => container(name, isJsonObject(strategy[field]) ? strategy[field] : {}, childPath(path, field))),
    windows: false,
    podResources: false,
  }));
}
