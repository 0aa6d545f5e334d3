import { Rule } from '../../types';
import { misspelledTypeField } from '../../util/type-fields';

/** `[group/]version`: a DNS subdomain, then a DNS-1035 label (v1, v1alpha1, or any label a CRD declares). */
const API_VERSION = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[a-z](?:[-a-z0-9]*[a-z0-9])?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * K8S-OBJECT: every object says what it is: `apiVersion` (`group/version` or `v1`) and `kind`
 * (PascalCase) are present, spelled as Kubernetes spells them, and strings. Field names are
 * case-sensitive, so `Kind:` or `apiVersions:` leave the object without a type.
 */
export const K8S_OBJECT: Rule = {
  id: 'K8S-OBJECT',
  description: 'Objects have apiVersion and kind, spelled and formatted as Kubernetes reads them',
  check(ctx) {
    const m = ctx.manifest;
    const own = (key: string) => Object.prototype.hasOwnProperty.call(m, key);
    const misspelled = new Map<string, string>();
    for (const key of Object.keys(m)) {
      const meant = misspelledTypeField(key);
      if (meant && !own(meant) && !misspelled.has(meant)) misspelled.set(meant, key);
    }
    for (const field of ['apiVersion', 'kind'] as const) {
      const example = field === 'apiVersion' ? 'apiVersion: argoproj.io/v1alpha1 (or v1 for core kinds)' : 'kind: WorkflowTemplate';
      if (!own(field)) {
        const wrong = misspelled.get(field);
        if (wrong) {
          ctx.report(wrong, `"${wrong}" is not "${field}" (field names are case-sensitive), so the object has no ${field}: kubectl rejects it ("${field} not set"). Rename the field to ${field}.`);
        } else {
          ctx.report(field, `${field} is missing: kubectl rejects the object ("${field} not set") and no tool can tell what it is. Add e.g. ${example}.`);
        }
        continue;
      }
      const value: unknown = m[field];
      if (typeof value !== 'string') {
        ctx.report(field, `${field} must be a string, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}: kubectl rejects the object. Write e.g. ${example}.`);
        continue;
      }
      if (field === 'apiVersion' && !API_VERSION.test(value)) {
        ctx.report(field, `apiVersion "${value}" is not "group/version" or a core version such as "v1": Kubernetes finds no API for it ("no matches for kind"). Write e.g. argoproj.io/v1alpha1, apps/v1 or v1.`);
      }
      if (field === 'kind' && !KIND.test(value)) {
        ctx.report(field, `kind "${value}" is not in PascalCase: kinds are case-sensitive, so Kubernetes finds no such kind ("no matches for kind"). Write it as Kubernetes does, e.g. ${suggestKind(value)}.`);
      }
    }
  },
};

/** Kinds people write most, to suggest the right spelling of a miscased one. */
const COMMON_KINDS = [
  'ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Namespace',
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'PersistentVolume', 'PersistentVolumeClaim',
  'StorageClass', 'Ingress', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PriorityClass', 'LimitRange',
  'ResourceQuota', 'CustomResourceDefinition', 'List',
  'Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'WorkflowEventBinding', 'EventSource', 'Sensor', 'EventBus',
];

function suggestKind(kind: string): string {
  const folded = kind.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known = COMMON_KINDS.find(k => k.toLowerCase() === folded);
  return known ? `"${known}"` : 'ConfigMap or WorkflowTemplate';
}
