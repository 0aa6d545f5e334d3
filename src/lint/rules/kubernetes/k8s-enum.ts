import { Manifest, Rule } from '../../types';
import { kindFamily } from '../../util/kinds';
import { hasTemplateExpression } from '../../util/names';
import { Visited } from '../../util/walk';

/** A Kubernetes field whose value must be one of a fixed set. */
interface EnumField {
  /** Map key of the field. */
  readonly key: string;
  readonly values: readonly string[];
  /** Kind the field belongs to (any kind when undefined). */
  readonly kind?: string;
  /** Further condition on where the field sits. */
  readonly where?: (at: Visited) => boolean;
  /** True when an empty string is accepted (means the default). */
  readonly emptyAllowed?: boolean;
}

const parentIs = (...fields: string[]) => (at: Visited) => fields.includes(at.fields[at.fields.length - 2]);
const underList = (list: string) => (at: Visited) => at.fields[at.fields.length - 2] === list;

const ENUM_FIELDS: readonly EnumField[] = [
  { key: 'imagePullPolicy', values: ['Always', 'IfNotPresent', 'Never'] },
  { key: 'terminationMessagePolicy', values: ['File', 'FallbackToLogsOnError'] },
  { key: 'protocol', values: ['TCP', 'UDP', 'SCTP'], where: underList('ports') },
  { key: 'dnsPolicy', values: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] },
  { key: 'preemptionPolicy', values: ['PreemptLowerPriority', 'Never'] },
  { key: 'mountPropagation', values: ['None', 'HostToContainer', 'Bidirectional'], where: underList('volumeMounts') },
  { key: 'operator', values: ['Exists', 'Equal'], where: underList('tolerations'), emptyAllowed: true },
  { key: 'effect', values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], where: underList('tolerations'), emptyAllowed: true },
  { key: 'operator', values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'], where: at => ['matchExpressions', 'matchFields'].includes(at.fields[at.fields.length - 2]) },
  { key: 'volumeMode', values: ['Filesystem', 'Block'] },
  { key: 'type', values: ['RuntimeDefault', 'Unconfined', 'Localhost'], where: parentIs('seccompProfile', 'appArmorProfile') },
  { key: 'type', values: ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'], where: parentIs('hostPath'), emptyAllowed: true },
  { key: 'type', kind: 'Service', values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], where: at => at.path === 'spec.type' },
  { key: 'externalTrafficPolicy', kind: 'Service', values: ['Cluster', 'Local'] },
  { key: 'sessionAffinity', kind: 'Service', values: ['ClientIP', 'None'] },
  { key: 'type', kind: 'Deployment', values: ['RollingUpdate', 'Recreate'], where: at => at.path === 'spec.strategy.type' },
  { key: 'concurrencyPolicy', kind: 'CronJob', values: ['Allow', 'Forbid', 'Replace'] },
  { key: 'podManagementPolicy', kind: 'StatefulSet', values: ['OrderedReady', 'Parallel'] },
];

const FIELDS_BY_KEY = new Map<string, EnumField[]>();
for (const field of ENUM_FIELDS) FIELDS_BY_KEY.set(field.key, [...(FIELDS_BY_KEY.get(field.key) ?? []), field]);

/** Pod-spec restartPolicy differs from a (sidecar) container's, which only takes Always. */
const POD_RESTART_POLICY = ['Always', 'OnFailure', 'Never'];

/**
 * K8S-ENUM: Kubernetes fields with a fixed set of values (imagePullPolicy, restartPolicy,
 * protocol, dnsPolicy, Service type...). The values are case-sensitive: `always` is rejected.
 */
export const K8S_ENUM: Rule = {
  id: 'K8S-ENUM',
  description: 'Kubernetes enum fields (imagePullPolicy, restartPolicy, protocol, dnsPolicy, Service type...) hold an accepted, correctly cased value',
  check(ctx) {
    const kind = String(ctx.manifest.kind ?? '');
    ctx.onWalk(at => {
      if (typeof at.value !== 'string') return at.field !== 'metadata' && at.field !== 'data' && at.field !== 'stringData';
      if (typeof at.key !== 'string' || (at.key !== 'restartPolicy' && !FIELDS_BY_KEY.has(at.key)) || hasTemplateExpression(at.value)) return true;
      const values = at.key === 'restartPolicy' ? restartPolicyValues(at)
        : FIELDS_BY_KEY.get(at.key)!.find(f => (!f.kind || f.kind === kind) && (!f.where || f.where(at)) && !(f.emptyAllowed && at.value === ''))?.values;
      if (values && !values.includes(at.value)) ctx.report(at.path, message(at.key, at.value, values, ctx.manifest));
      return true;
    });
  },
};

function restartPolicyValues(at: Visited): readonly string[] | undefined {
  const parent = at.fields[at.fields.length - 2];
  if (parent === 'containers' || parent === 'initContainers' || parent === 'sidecars') return ['Always'];
  return POD_RESTART_POLICY;
}

function message(field: string, value: string, values: readonly string[], manifest: Manifest): string {
  const cased = values.find(v => v.toLowerCase() === value.toLowerCase());
  const fix = cased ? `Write "${cased}" (values are case-sensitive).` : 'Use one of these values.';
  return `${field} "${value}" is not one of ${values.map(v => `"${v}"`).join(', ')}: ${consequence(manifest)}. ${fix}`;
}

function consequence(manifest: Manifest): string {
  switch (kindFamily(manifest)) {
    case 'workflows': return `the ${manifest.kind} is accepted, but Kubernetes rejects the pod Argo creates from it ("Unsupported value"), so the step fails`;
    case 'events': return `the ${manifest.kind} is accepted, but Kubernetes rejects the Deployment Argo Events creates from it ("Unsupported value"), so it never runs`;
    default: return `the API server rejects the ${manifest.kind ?? 'object'} on apply ("Unsupported value")`;
  }
}
