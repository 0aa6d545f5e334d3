import { Manifest, Rule, RuleContext } from '../../types';
import { kindFamily } from '../../util/kinds';
import { podSecurityViolations, PodSecurityLevel, PodSecurityViolation } from '../../util/pod-security-standards';
import { podsOf } from '../../util/pods';
import { isJsonObject } from '../../util/walk';
import { perManifest } from '../../util/manifest-memo';

/** Label of a Namespace that makes Kubernetes reject pods breaking a Pod Security level. */
export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

const RANK: { readonly [level: string]: number } = { privileged: 0, baseline: 1, restricted: 2 };

/** Every violation of both levels by the manifest's pods, found once for the two rules (frozen: shared by both). */
const violationsOf: (manifest: Manifest) => readonly PodSecurityViolation[] = perManifest(manifest =>
  Object.freeze(podsOf(manifest).flatMap(podSecurityViolations)));

/** The level the manifest's Namespace enforces, when that Namespace is in the linted set and labelled. */
function enforcedLevel(ctx: RuleContext): { namespace: string; level: string } | undefined {
  const namespace = ctx.manifest.metadata?.namespace;
  if (typeof namespace !== 'string') return undefined;
  const ns = ctx.index.find('Namespace', namespace);
  const labels = ns && isJsonObject(ns.metadata) && isJsonObject(ns.metadata.labels) ? ns.metadata.labels : undefined;
  const level = labels && Object.prototype.hasOwnProperty.call(labels, ENFORCE_LABEL) ? String(labels[ENFORCE_LABEL]) : undefined;
  return level !== undefined && Object.prototype.hasOwnProperty.call(RANK, level) ? { namespace, level } : undefined;
}

function report(ctx: RuleContext, level: PodSecurityLevel): void {
  const violations = violationsOf(ctx.manifest).filter(v => v.level === level);
  // Most pods pass: the Namespace lookup is for the messages only.
  if (!violations.length) return;
  const enforced = enforcedLevel(ctx);
  const rejects = !!enforced && RANK[enforced.level] >= RANK[level];
  const who = kindFamily(ctx.manifest) === 'workflows' ? 'when a step runs, '
    : kindFamily(ctx.manifest) === 'events' ? 'when the controller deploys it, ' : '';
  const consequence = rejects
    ? `namespace "${enforced!.namespace}" enforces Pod Security "${enforced!.level}", so ${who}Kubernetes rejects the pod`
    : `a namespace enforcing Pod Security "${level}" rejects the pod`;
  for (const v of violations) {
    ctx.report(v.path, `Pod Security "${level}", control "${v.control}": ${v.problem}; ${consequence}. ${v.fix}`, rejects ? 'error' : 'warning');
  }
}

const POD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate',
  'Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'EventSource', 'Sensor', 'EventBus'];

/**
 * K8S-POD-BASELINE: every pod the manifest makes (Pods, workloads, each container/script/
 * containerSet template of an Argo workflow, EventSource, Sensor and EventBus pods) passes the
 * controls of the Pod Security "baseline" profile: no host namespaces, host paths or host ports,
 * no privileged containers, no capabilities beyond the default set, no unsafe sysctls, no custom
 * SELinux user/role, AppArmor and seccomp not unconfined, the default /proc mount. A warning; an
 * error when the pod's Namespace is in the set and enforces baseline or restricted.
 */
export const K8S_POD_BASELINE: Rule = {
  id: 'K8S-POD-BASELINE',
  description: 'Pods pass Pod Security "baseline": no host namespaces, paths or ports, no privileged containers or extra capabilities',
  kinds: POD_KINDS,
  check: ctx => report(ctx, 'baseline'),
};

/**
 * K8S-POD-RESTRICTED: every pod the manifest makes also passes the controls "restricted" adds:
 * allowed volume types only, allowPrivilegeEscalation false, runAsNonRoot true and no user 0,
 * a RuntimeDefault or Localhost seccomp profile, all capabilities dropped (NET_BIND_SERVICE may
 * be added back). A warning; an error when the pod's Namespace is in the set and enforces restricted.
 */
export const K8S_POD_RESTRICTED: Rule = {
  id: 'K8S-POD-RESTRICTED',
  description: 'Pods pass Pod Security "restricted": non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, allowed volume types',
  kinds: POD_KINDS,
  check: ctx => report(ctx, 'restricted'),
};
