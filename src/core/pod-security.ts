import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ContainerTemplate, EventBusSpec, EventsTemplate } from '../../imports/argo-events';
import { K8sPodSecurityContext, K8sSecurityContext } from '../../imports/kubernetes';
import { ENFORCE_LABEL, K8S_POD_BASELINE, K8S_POD_RESTRICTED } from '../lint/rules/kubernetes/k8s-pod-security';
import { Lint } from './lint-suppression';
import { SynthSession, ValidationScope } from './synth-session';
import { addConstructCheck } from './validation';

/**
 * How the library secures the pods a construct renders: the Kubernetes Pod Security levels
 * (kubernetes.io/docs/concepts/security/pod-security-standards).
 */
export enum PodSecurity {
  /**
   * Pod Security "restricted" (the default): the library sets what the profile requires unless
   * the props set it (the pod runs as a non-root user with the RuntimeDefault seccomp profile;
   * each container drops all capabilities and cannot escalate privileges), and a setting of the
   * props that breaks the profile fails the synth.
   */
  RESTRICTED = 'restricted',
  /**
   * Pod Security "baseline": the library adds nothing (the pod may run as root), and a setting
   * that breaks baseline fails the synth (privileged containers, host namespaces, host paths,
   * host ports, added capabilities beyond the default set...). For images that must run as root.
   */
  BASELINE = 'baseline',
  /**
   * Pod Security "privileged": the library adds and checks nothing (privileged containers,
   * docker-in-docker, host access). The pod only runs in a namespace that allows it.
   */
  PRIVILEGED = 'privileged',
}

/** The level of a construct that sets none. */
export const DEFAULT_POD_SECURITY = PodSecurity.RESTRICTED;

/**
 * User id of a workflow pod that sets none: the user of Argo's non-root executor image
 * (argoexec:<version>-nonroot). Set on the pod, it applies to Argo's init and wait containers
 * too, which run as root in the default executor image (and would fail runAsNonRoot otherwise).
 */
export const WORKFLOW_POD_USER = 8737;

/** User id of an EventSource or Sensor pod that sets none: the user Argo Events runs its own controller as (the image sets none). */
export const EVENTS_POD_USER = 9731;

/**
 * User and group id of an EventBus pod that sets none (the NATS images set no user). The group
 * owns the JetStream volumes (fsGroup), so that the server can write its streams.
 */
export const EVENT_BUS_POD_USER = 1000;

/** What "restricted" requires of a pod, with `runAsUser` as the non-root user. */
function restrictedPod(runAsUser: number): K8sPodSecurityContext {
  return { runAsNonRoot: true, runAsUser, seccompProfile: { type: 'RuntimeDefault' } };
}

/**
 * The pod security context to render at `level`: under "restricted", what the profile requires
 * with the given settings laid over it (the given ones win, field by field); else the given one.
 * @internal
 */
export function securedPod(level: PodSecurity, given: K8sPodSecurityContext | undefined, runAsUser: number, extra: K8sPodSecurityContext = {}): K8sPodSecurityContext | undefined {
  if (level !== PodSecurity.RESTRICTED) return given;
  return { ...restrictedPod(runAsUser), ...extra, ...definedFields(given) };
}

/**
 * The container security context to render at `level`: under "restricted", no privilege
 * escalation and all capabilities dropped, with the given settings laid over them (capabilities
 * merged: the given `add` is kept, `drop` is ALL unless given).
 * @internal
 */
export function securedContainer(level: PodSecurity, given: K8sSecurityContext | undefined): K8sSecurityContext | undefined {
  if (level !== PodSecurity.RESTRICTED) return given;
  const own = definedFields(given);
  return {
    allowPrivilegeEscalation: false,
    ...own,
    capabilities: { drop: own.capabilities?.drop ?? ['ALL'], add: own.capabilities?.add },
  };
}

/**
 * The pod template of an EventSource or Sensor secured at `level`: its pod and its one container
 * (the controller names it `main`); unchanged below "restricted".
 * @internal
 */
export function securedEventsTemplate(level: PodSecurity, template: EventsTemplate | undefined): EventsTemplate | undefined {
  if (level !== PodSecurity.RESTRICTED) return template;
  return {
    ...template,
    securityContext: securedPod(level, template?.securityContext, EVENTS_POD_USER),
    container: { ...template?.container, securityContext: securedContainer(level, template?.container?.securityContext) },
  };
}

/** The fields of each EventBus strategy that hold the settings of a container of its StatefulSet. */
const JETSTREAM_CONTAINERS = ['containerTemplate', 'reloaderContainerTemplate', 'metricsContainerTemplate'] as const;
const NATIVE_CONTAINERS = ['containerTemplate', 'metricsContainerTemplate'] as const;

/**
 * An EventBus spec secured at `level`: the StatefulSet the controller runs for a JetStream or
 * native NATS bus (its pod, and each container it adds: server, config reloader, metrics). An
 * external bus or Kafka runs no pod here.
 * @internal
 */
export function securedEventBus(level: PodSecurity, spec: EventBusSpec): EventBusSpec {
  if (level !== PodSecurity.RESTRICTED) return spec;
  const secure = <T extends { readonly securityContext?: K8sPodSecurityContext }>(strategy: T, fields: readonly (keyof T & string)[]): T => {
    const out: T = { ...strategy, securityContext: securedPod(level, strategy.securityContext, EVENT_BUS_POD_USER, { fsGroup: EVENT_BUS_POD_USER }) };
    for (const field of fields) {
      const c = strategy[field] as ContainerTemplate | undefined;
      (out as { [key: string]: unknown })[field] = { ...c, securityContext: securedContainer(level, c?.securityContext) };
    }
    return out;
  };
  return {
    ...spec,
    jetstream: spec.jetstream && secure(spec.jetstream, JETSTREAM_CONTAINERS),
    nats: spec.nats?.native ? { ...spec.nats, native: secure(spec.nats.native, NATIVE_CONTAINERS) } : spec.nats,
  };
}

function definedFields<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const LEVEL_NAMES: { readonly [level in PodSecurity]: string } = {
  [PodSecurity.RESTRICTED]: 'PodSecurity.RESTRICTED', [PodSecurity.BASELINE]: 'PodSecurity.BASELINE', [PodSecurity.PRIVILEGED]: 'PodSecurity.PRIVILEGED',
};

/**
 * What a construct's pods promise at `level`, for its validation scope: the Pod Security rules
 * whose findings in its scope fail the synth (they are warnings for YAML the linter reads), with
 * what to tell the user.
 * @internal
 */
export function podSecurityPromises(level: PodSecurity): ValidationScope['promises'] {
  const hint = (next: PodSecurity) => `podSecurity is ${LEVEL_NAMES[level]}${level === DEFAULT_POD_SECURITY ? ' (the default)' : ''}: `
    + `fix the setting, or set podSecurity: ${LEVEL_NAMES[next]} on this construct to allow it`;
  if (level === PodSecurity.RESTRICTED) return { [K8S_POD_RESTRICTED.id]: hint(PodSecurity.BASELINE), [K8S_POD_BASELINE.id]: hint(PodSecurity.PRIVILEGED) };
  if (level === PodSecurity.BASELINE) return { [K8S_POD_BASELINE.id]: hint(PodSecurity.PRIVILEGED) };
  return undefined;
}

/**
 * Records a construct's opt-out in its manifest: below "restricted", the Pod Security rules the
 * level allows to break are suppressed on what the construct renders (the `cdk8s-argo.io/disable`
 * annotation), so that the cdk8s plugin and `cdk8s-argo lint dist/` agree with the synth. A
 * suppression cannot stop Kubernetes: a Namespace of the app (where the pod runs) that enforces a
 * stricter level makes the opt-out a synth error of the construct.
 * @internal
 */
export function recordPodSecurity(construct: IConstruct, level: PodSecurity | undefined, pod: PodLocation): void {
  if (level === undefined || level === PodSecurity.RESTRICTED) return;
  checkLevel(construct, level);
  const reason = `podSecurity: ${LEVEL_NAMES[level]} on ${construct.node.path}`;
  Lint.suppress(construct, K8S_POD_RESTRICTED.id, reason);
  if (level === PodSecurity.PRIVILEGED) Lint.suppress(construct, K8S_POD_BASELINE.id, reason);
  const levels = enforcedLevels(construct.node.root);
  addConstructCheck(construct, () => {
    const ns = pod.namespace();
    const enforced = ns === undefined ? undefined : levels.get(ns);
    if (!enforced || RANK[enforced.level] <= RANK[level]) return [];
    return [`${pod.where()}: podSecurity is ${LEVEL_NAMES[level]}, but namespace "${ns}" (${enforced.path}) enforces Pod Security "${enforced.level}" `
      + `(label ${ENFORCE_LABEL}): Kubernetes rejects every pod that breaks it, whatever the linter is told. Make the pod meet "${enforced.level}" and drop `
      + `podSecurity, or run it in a namespace that allows "${level}".`];
  });
}

/** Where a construct's pod is: its namespace, and the manifest and field that define it (`WorkflowTemplate/wf: spec.templates[0]`). @internal */
export interface PodLocation {
  namespace(): string | undefined;
  where(): string;
}

const RANK: { readonly [level: string]: number } = { privileged: 0, baseline: 1, restricted: 2 };

/** Levels enforced by the app's Namespaces, by name: read once at the start of each validation pass. */
const enforcedByRoot = new WeakMap<IConstruct, Map<string, { level: string; path: string }>>();

function enforcedLevels(root: IConstruct): { get(name: string): { level: string; path: string } | undefined } {
  if (!enforcedByRoot.has(root)) {
    enforcedByRoot.set(root, new Map());
    SynthSession.of(root).beforePass(() => {
      const levels = new Map<string, { level: string; path: string }>();
      for (const c of root.node.findAll()) {
        if (!ApiObject.isApiObject(c) || c.kind !== 'Namespace') continue;
        const level = c.metadata.getLabel(ENFORCE_LABEL);
        if (level !== undefined && Object.prototype.hasOwnProperty.call(RANK, level)) levels.set(c.name, { level, path: c.node.path });
      }
      enforcedByRoot.set(root, levels);
    });
  }
  return { get: name => enforcedByRoot.get(root)!.get(name) };
}

/** Throws for a value that is not a level (JavaScript callers, casts). @internal */
export function checkLevel(construct: IConstruct, level: unknown): void {
  if (level !== undefined && !Object.values(PodSecurity).includes(level as PodSecurity)) {
    throw new Error(`[${construct.node.path}] podSecurity: ${JSON.stringify(level)} is not a Pod Security level. Use PodSecurity.RESTRICTED, PodSecurity.BASELINE or PodSecurity.PRIVILEGED.`);
  }
}
