import { parse as parseYaml } from 'yaml';
import { isObject, JsonObject } from '../lint/rules/events/support/json';
import { resolveWorkflowTemplateRef } from '../lint/rules/workflows/references';
import { GraphBuilder } from './builder';
import { DrawnSensor, triggerType } from './events';
import { ArgoGraphNodeKind } from './model';
import { joinPath } from './paths';
import { addProperty, nonEmpty } from './text';
import { drawWorkflowEdges, drawWorkflowNodes, objectName, WorkflowRegistry } from './workflows';

const EXTERNAL_TARGETS: { readonly [type: string]: (body: JsonObject) => string } = {
  http: b => `${b.method ?? 'POST'} ${b.url ?? '?'}`,
  kafka: b => `Kafka ${b.topic ?? '?'} @ ${b.url ?? '?'}`,
  nats: b => `NATS ${b.subject ?? '?'} @ ${b.url ?? '?'}`,
  awsLambda: b => `Lambda ${b.functionName ?? '?'} (${b.region ?? '?'})`,
  azureEventHubs: b => `Event Hub ${b.hubName ?? '?'} @ ${b.fqdn ?? '?'}`,
  azureServiceBus: b => `Service Bus ${b.queueName ?? b.topicName ?? '?'}`,
  pulsar: b => `Pulsar ${b.topic ?? '?'} @ ${b.url ?? '?'}`,
  slack: b => `Slack ${b.channel ? `#${String(b.channel).replace(/^#/, '')}` : 'message'}`,
  openWhisk: b => `OpenWhisk ${b.actionName ?? '?'} @ ${b.host ?? '?'}`,
  custom: b => `custom trigger ${b.serverURL ?? '?'}`,
  log: () => 'sensor log',
  email: b => `email ${Array.isArray(b.to) ? b.to.join(', ') : b.to ?? '?'}`,
};

/**
 * Draws what each trigger of a sensor submits, creates or calls: the WorkflowTemplate a
 * submitted Workflow runs (or the Workflow itself, with its templates, when it carries them), the
 * Kubernetes object a k8s trigger creates, the URL, topic or function other triggers reach.
 */
export function drawTriggerTargets(builder: GraphBuilder, registry: WorkflowRegistry, sensor: DrawnSensor, expand: boolean): void {
  const namespace = builder.manifests[sensor.manifestIndex].metadata?.namespace;
  for (const t of sensor.triggers) {
    const type = triggerType(t.trigger);
    if (!type) continue;
    const body = t.trigger.template[type];
    const bodyPath = joinPath(t.path, `template.${type}`);
    if (type === 'argoWorkflow' || type === 'k8s') {
      const operation = nonEmpty(body.operation) ?? (type === 'argoWorkflow' ? 'submit' : 'create');
      drawSourceTarget(builder, registry, sensor, t.id, body, bodyPath, operation, namespace, expand);
      continue;
    }
    const describe = EXTERNAL_TARGETS[type];
    const label = describe(body);
    const id = builder.addNode({ id: `External:${type}:${label}`, kind: 'External', name: label, details: [type], properties: [['type', type], ['target', label]] });
    builder.addEdge(t.id, id, 'trigger', { label: type === 'http' ? 'calls' : 'sends', source: { manifestIndex: sensor.manifestIndex, path: bodyPath } });
  }
}

function drawSourceTarget(builder: GraphBuilder, registry: WorkflowRegistry, sensor: DrawnSensor, triggerId: string, body: JsonObject,
  bodyPath: string, operation: string, namespace: string | undefined, expand: boolean): void {
  const source = isObject(body.source) ? body.source : undefined;
  const at = (path: string) => ({ manifestIndex: sensor.manifestIndex, path: joinPath(bodyPath, path) });
  if (!source) return;
  const resource = isObject(source.resource) ? source.resource : inlineObject(source.inline);
  const resourcePath = isObject(source.resource) ? 'source.resource' : 'source.inline';
  if (resource && resource.kind === 'Workflow' && isObject(resource.spec)) {
    const spec = resource.spec;
    if (isObject(spec.workflowTemplateRef) && !(Array.isArray(spec.templates) && spec.templates.length)) {
      // A Workflow that only runs a WorkflowTemplate: the trigger is drawn straight to the template.
      const refPath = at(`${resourcePath}.spec.workflowTemplateRef`);
      const caller = { ...resource, metadata: { ...resource.metadata, namespace: resource.metadata?.namespace ?? namespace } };
      const resolved = resolveWorkflowTemplateRef(builder.index, caller, spec.workflowTemplateRef);
      const label = `${operation} Workflow`;
      if (resolved.status === 'ok') {
        builder.addEdge(triggerId, registry.get(resolved.target)!.id, 'trigger', { label, source: refPath });
      } else if (resolved.status === 'missing-object') {
        const missing = builder.addMissing(resolved.kind as ArgoGraphNodeKind, resolved.name, resolved.kind === 'ClusterWorkflowTemplate' ? undefined : caller.metadata.namespace);
        builder.addEdge(triggerId, missing, 'trigger', { label, missing: true, source: refPath });
      }
      return;
    }
    const drawn = drawWorkflowNodes(builder, registry, sensor.manifestIndex, resource, joinPath(bodyPath, resourcePath), {
      namespace, details: [`made by trigger ${builder.node(triggerId)?.name ?? ''}`.trim()],
    });
    if (drawn) {
      builder.addEdge(triggerId, drawn.id, 'trigger', { label: operation, source: at(resourcePath) });
      drawWorkflowEdges(builder, registry, drawn, expand);
      return;
    }
  }
  if (resource) {
    const kind = nonEmpty(resource.kind) ?? '(no kind)';
    const name = objectName(resource);
    const props: [string, string][] = [];
    addProperty(props, 'apiVersion', resource.apiVersion);
    addProperty(props, 'kind', kind);
    addProperty(props, 'name', name);
    const id = builder.addNode({ kind: 'Resource', name: `${kind} ${name}`, details: [nonEmpty(resource.apiVersion) ?? ''], properties: props, source: at(resourcePath) });
    builder.addEdge(triggerId, id, 'trigger', { label: operation, source: at(resourcePath) });
    return;
  }
  const where = sourceText(source);
  if (where) {
    const id = builder.addNode({ kind: 'Resource', name: `object from ${where}`, details: ['fetched at every firing'], properties: [['source', where]], source: at('source') });
    builder.addEdge(triggerId, id, 'trigger', { label: operation, source: at('source') });
  }
}

/** An object given as YAML or JSON text (`source.inline`), when it parses to one. */
function inlineObject(text: unknown): JsonObject | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = parseYaml(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Where a trigger reads its object from when it is not inline: `ConfigMap x key y`, `s3 bucket/key`... */
function sourceText(source: JsonObject): string | undefined {
  if (isObject(source.configmap)) return `ConfigMap ${source.configmap.name ?? '?'} key ${source.configmap.key ?? '?'}`;
  if (isObject(source.s3)) return `s3 ${source.s3.bucket?.name ?? '?'}/${source.s3.bucket?.key ?? '?'}`;
  if (isObject(source.git)) return `git ${source.git.url ?? '?'} ${source.git.filePath ?? ''}`.trim();
  if (isObject(source.url)) return `URL ${source.url.path ?? '?'}`;
  if (isObject(source.file)) return `file ${source.file.path ?? '?'}`;
  return undefined;
}
