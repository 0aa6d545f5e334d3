import { yaml } from '../lint/util/yaml';
import { Manifest } from '../lint/types';
import { isJsonObject } from '../lint/util/walk';
import { CannotSimulate } from './cannot-simulate';
import { AppliedParameter, applyParams, constructPayload, EventsByDependency, resolveParamValue, TriggerParameter } from './parameters';

/** Trigger template keys that name a kind of trigger (TriggerTemplate fields). */
export const TRIGGER_KINDS = ['k8s', 'argoWorkflow', 'http', 'awsLambda', 'custom', 'kafka', 'nats', 'slack', 'openWhisk', 'log', 'azureEventHubs', 'pulsar', 'email', 'azureServiceBus'];

/** Kinds whose `payload` parameters build a message body (ConstructPayload). */
const PAYLOAD_KINDS = new Set(['http', 'awsLambda', 'openWhisk', 'kafka', 'nats', 'pulsar', 'azureEventHubs', 'azureServiceBus']);

/** What a trigger does with the events that fired it. */
export interface TriggerAction {
  readonly kind: string;
  readonly operation?: string;
  readonly resource?: Manifest;
  readonly payload?: string;
  /** The trigger template after its template-level parameters. */
  readonly template: unknown;
  readonly parameters: readonly AppliedParameter[];
  readonly notes: string[];
}

/** The kind of a trigger template (its first TriggerTemplate field naming a trigger kind). */
export function triggerKind(template: { readonly [key: string]: unknown }): string | undefined {
  return TRIGGER_KINDS.find(k => template[k] !== undefined && template[k] !== null);
}

/** The resource a k8s or argoWorkflow trigger reads (FetchKubernetesResource), from the manifests where it can. */
function fetchResource(source: any, sensor: Manifest, manifests: readonly Manifest[]): Manifest {
  if (!isJsonObject(source)) throw new Error('trigger source for k8s is empty');
  if (isJsonObject(source.resource)) return structuredClone(source.resource) as Manifest;
  if (typeof source.inline === 'string') return parseResource(source.inline, 'the inline source');
  if (isJsonObject(source.configmap)) {
    const { name, key, namespace } = source.configmap;
    const ns = namespace || sensor.metadata?.namespace;
    const configMap = manifests.find(m => m?.kind === 'ConfigMap' && m.metadata?.name === name && (!ns || !m.metadata?.namespace || m.metadata.namespace === ns));
    if (!configMap) throw new CannotSimulate(`trigger source ConfigMap "${name}"`, 'it is not among the manifests; the sensor reads it from the cluster');
    const text = configMap.data?.[key];
    if (typeof text !== 'string') throw new Error(`configmap ${name} does not have key ${key}`);
    return parseResource(text, `ConfigMap ${name} key ${key}`);
  }
  const kind = Object.keys(source).find(k => source[k] !== undefined) ?? 'unknown';
  throw new CannotSimulate(`trigger source "${kind}"`, 'the sensor fetches it at run time (file, git, url or s3)');
}

function parseResource(text: string, where: string): Manifest {
  const docs = yaml().parseAllDocuments(text);
  const first = (Array.isArray(docs) ? docs : [docs])[0];
  const value = first?.toJS();
  if (!isJsonObject(value)) throw new Error(`${where} does not hold a Kubernetes object`);
  return value as Manifest;
}

function withLabels(resource: Manifest, sensorName: string, triggerName: string, timeMs: number): Manifest {
  const metadata = { ...(resource.metadata ?? {}) };
  metadata.labels = {
    ...(metadata.labels ?? {}),
    'events.argoproj.io/sensor': sensorName,
    'events.argoproj.io/trigger': triggerName,
    'events.argoproj.io/action-timestamp': String(timeMs),
  };
  return { ...resource, metadata };
}

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'ClusterWorkflowTemplate', 'PriorityClass']);

function withNamespace(resource: Manifest, namespace: string | undefined): Manifest {
  if (CLUSTER_SCOPED.has(String(resource.kind))) return resource;
  if (resource.metadata?.namespace || !namespace) return resource;
  return { ...resource, metadata: { ...(resource.metadata ?? {}), namespace } };
}

/**
 * What a trigger does once its conditions hold (triggerOne in pkg/sensors/listener.go):
 * template-level parameters first (ApplyTemplateParameters), then per kind: for k8s and
 * argoWorkflow the resource from its source with the kind's parameters, the sensor's namespace
 * when it has none and, on create/submit, the `events.argoproj.io/*` labels; for HTTP-like
 * kinds the kind's parameters and the payload; for others the kind's spec after its parameters.
 * Throws ParameterError where the trigger would fail, CannotSimulate where it cannot be told.
 */
export function triggerAction(sensor: Manifest, trigger: any, events: EventsByDependency, manifests: readonly Manifest[], timeMs: number): TriggerAction {
  const notes: string[] = [];
  const parameters: AppliedParameter[] = [];
  let template = trigger.template ?? {};
  if (Array.isArray(trigger.parameters) && trigger.parameters.length) {
    const applied = applyParams(template, trigger.parameters as TriggerParameter[], events);
    template = applied.object;
    parameters.push(...applied.applied.map(a => ({ ...a, dest: `template.${a.dest}` })));
  }
  const kind = triggerKind(template);
  if (!kind) throw new Error(`invalid trigger ${template.name ?? ''}, could not find an implementation`);
  const spec = template[kind];
  const sensorName = String(sensor.metadata?.name ?? '');
  const namespace = sensor.metadata?.namespace;
  if (kind === 'k8s' || kind === 'argoWorkflow') {
    let resource = fetchResource(spec.source, sensor, manifests);
    if (Array.isArray(spec.parameters)) {
      const applied = applyParams(resource, spec.parameters as TriggerParameter[], events);
      resource = applied.object as Manifest;
      parameters.push(...applied.applied.map(a => ({ ...a, dest: `${kind}.source.resource: ${a.dest}` })));
    }
    const operation = spec.operation || (kind === 'k8s' ? 'create' : 'submit');
    if (kind === 'argoWorkflow') {
      if (!resource.metadata?.name) {
        if (operation !== 'submit') throw new Error(`failed to execute the workflow ${operation} operation, no name is given`);
        if (!resource.metadata?.generateName) throw new Error('failed to trigger the workflow, neither name nor generateName is given');
      }
      if (operation === 'submit') resource = withLabels(resource, sensorName, String(template.name ?? ''), timeMs);
      resource = withNamespace(resource, namespace);
      if (operation !== 'submit') notes.push(`runs "argo ${operation === 'submitFrom' ? 'submit --from' : operation}" on ${resource.kind}/${resource.metadata?.name} in the cluster`);
      if (Array.isArray(spec.args) && spec.args.length) notes.push(`argo CLI arguments: ${spec.args.join(' ')}`);
    } else {
      resource = withNamespace(resource, namespace);
      if (operation === 'create') resource = withLabels(resource, sensorName, String(template.name ?? ''), timeMs);
      if (operation === 'patch') notes.push(`patches the existing ${resource.kind} with this object (patchStrategy ${spec.patchStrategy ?? 'application/merge-patch+json'})`);
    }
    return { kind, operation, resource, template, parameters, notes };
  }
  let resolved = spec ?? {};
  if (Array.isArray(spec?.parameters) && spec.parameters.length) {
    const applied = applyParams(resolved, spec.parameters as TriggerParameter[], events);
    resolved = applied.object;
    parameters.push(...applied.applied.map(a => ({ ...a, dest: `${kind}.${a.dest}` })));
  }
  const finalTemplate = { ...template, [kind]: resolved };
  let payload: string | undefined;
  if (PAYLOAD_KINDS.has(kind) && Array.isArray(resolved.payload)) payload = constructPayload(events, resolved.payload as TriggerParameter[]);
  if (kind === 'http') {
    if (Array.isArray(resolved.dynamicHeaders)) {
      for (const h of resolved.dynamicHeaders as TriggerParameter[]) {
        const value = resolveParamValue(h.src ?? {}, events);
        notes.push(`header ${h.dest}: ${value.value ?? '(none)'}`);
      }
    }
    if (['POST', 'PUT', 'PATCH', undefined, ''].includes(resolved.method) && payload === undefined) notes.push('no payload parameters: the request body is empty');
  }
  return { kind, template: finalTemplate, payload, parameters, notes };
}
