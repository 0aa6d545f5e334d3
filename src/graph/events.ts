import { fieldPath } from '../lint/path';
import { parseConditions } from '../lint/rules/events/support/conditions';
import { eventBusNameOf, eventNamesOf, eventSourcesNamed, sameNamespace, sourceKindsOf } from '../lint/rules/events/support/event-sources';
import { isObject, JsonObject, listOf } from '../lint/rules/events/support/json';
import { conditionsOf, dependenciesOf, triggerName, triggersOf } from '../lint/rules/events/support/sensor-model';
import { TRIGGER_TYPES } from '../lint/rules/events/support/trigger-types';
import { GraphBuilder } from './builder';
import { eventBusDetails, eventDetails, eventProperties, filterSummary } from './event-summary';
import { addProperty, listText, nonEmpty } from './text';

/** A Sensor drawn as a node, with its dependency and trigger nodes. */
export interface DrawnSensor {
  readonly id: string;
  readonly manifestIndex: number;
  readonly dependencies: ReadonlyMap<string, string>;
  readonly triggers: readonly { readonly id: string; readonly trigger: JsonObject; readonly path: string; readonly dlqOf?: string }[];
}

/** Adds an EventSource with a node per event (`spec.<kind>.<event>`). */
export function drawEventSource(builder: GraphBuilder, manifestIndex: number): string {
  const es = builder.manifests[manifestIndex];
  const kinds = sourceKindsOf(es);
  const id = builder.addObject({
    kind: 'EventSource', name: nonEmpty(es.metadata?.name) ?? '(unnamed)', namespace: es.metadata?.namespace,
    details: [listText([...new Set(kinds.map(k => k.kind))], 3) || 'no event sources'],
    properties: busProperties(es),
    source: { manifestIndex, path: '' },
  });
  const seen = new Set<string>();
  for (const { kind, events } of kinds) {
    for (const [name, event] of Object.entries(events)) {
      const unique = seen.has(name) ? `${name} (${kind})` : name;
      seen.add(name);
      builder.addNode({
        kind: 'Event', name: unique, parent: id,
        details: isObject(event) ? eventDetails(kind, event) : [kind],
        properties: isObject(event) ? eventProperties(kind, event) : [['source', kind]],
        source: { manifestIndex, path: fieldPath('spec', kind, name) },
      });
    }
  }
  return id;
}

export function drawEventBus(builder: GraphBuilder, manifestIndex: number): string {
  const bus = builder.manifests[manifestIndex];
  const props: [string, string][] = [];
  addProperty(props, 'namespace', bus.metadata?.namespace);
  addProperty(props, 'backend', eventBusDetails(bus)[0]);
  return builder.addObject({
    kind: 'EventBus', name: nonEmpty(bus.metadata?.name) ?? '(unnamed)', namespace: bus.metadata?.namespace,
    details: eventBusDetails(bus), properties: props, source: { manifestIndex, path: '' },
  });
}

/** Adds a Sensor with a node per dependency and per trigger (dead-letter triggers included). */
export function drawSensor(builder: GraphBuilder, manifestIndex: number): DrawnSensor {
  const sensor = builder.manifests[manifestIndex];
  const triggers = triggersOf(sensor);
  const props = busProperties(sensor);
  addProperty(props, 'serviceAccountName', sensor.spec?.template?.serviceAccountName);
  addProperty(props, 'replicas', sensor.spec?.replicas);
  const id = builder.addObject({
    kind: 'Sensor', name: nonEmpty(sensor.metadata?.name) ?? '(unnamed)', namespace: sensor.metadata?.namespace,
    details: dependenciesOf(sensor).length || triggers.length ? [] : ['no dependencies, no triggers'],
    properties: props, source: { manifestIndex, path: '' },
  });
  const dependencies = new Map<string, string>();
  for (const { dependency, index } of dependenciesOf(sensor)) {
    const name = nonEmpty(dependency.name) ?? `dependencies[${index}]`;
    const filters = filterSummary(dependency);
    const depProps: [string, string][] = [];
    addProperty(depProps, 'eventSourceName', dependency.eventSourceName);
    addProperty(depProps, 'eventName', dependency.eventName);
    addProperty(depProps, 'filters', filters);
    addProperty(depProps, 'transform', isObject(dependency.transform) ? (dependency.transform.jq ? `jq ${dependency.transform.jq}` : 'script') : undefined);
    const nodeId = builder.addNode({
      kind: 'Dependency', name, parent: id,
      details: [`${dependency.eventSourceName ?? '?'}/${dependency.eventName ?? '?'}`, ...(filters ? [`filter ${filters}`] : [])],
      properties: depProps,
      source: { manifestIndex, path: fieldPath('spec', 'dependencies', index) },
    });
    if (!dependencies.has(name)) dependencies.set(name, nodeId);
  }
  const drawn: DrawnSensor['triggers'][number][] = [];
  for (const at of triggers) {
    const name = triggerName(at.trigger) ?? at.path;
    const type = triggerType(at.trigger);
    const conditions = at.conditions ?? conditionsOf(at.trigger);
    const trigProps: [string, string][] = [];
    addProperty(trigProps, 'type', type);
    addProperty(trigProps, 'operation', type ? at.trigger.template?.[type]?.operation : undefined);
    addProperty(trigProps, 'conditions', conditions);
    addProperty(trigProps, 'parameters', parameterSummary(at.trigger, type));
    addProperty(trigProps, 'retryStrategy', at.trigger.retryStrategy);
    addProperty(trigProps, 'rateLimit', at.trigger.rateLimit);
    addProperty(trigProps, 'policy', at.trigger.policy);
    addProperty(trigProps, 'atLeastOnce', at.trigger.atLeastOnce);
    const details = [typeText(at.trigger, type)];
    if (conditions) details.push(`when ${conditions}`);
    details.push(...parameterLines(at.trigger, type));
    const nodeId = builder.addNode({
      kind: 'Trigger', name: at.dlqOf !== undefined ? `${name} (dead letter)` : name, parent: id,
      roles: at.dlqOf !== undefined ? [`dead letter of ${at.dlqOf}`] : [],
      details, properties: trigProps, source: { manifestIndex, path: at.path },
    });
    drawn.push({ id: nodeId, trigger: at.trigger, path: at.path, dlqOf: at.dlqOf });
  }
  return { id, manifestIndex, dependencies, triggers: drawn };
}

/** The EventBus an EventSource or Sensor uses, as an edge towards the sensor side. */
export function drawBusEdge(builder: GraphBuilder, manifestIndex: number, direction: 'publishes' | 'delivers'): void {
  const manifest = builder.manifests[manifestIndex];
  const self = builder.objectNode(manifestIndex);
  if (!self) return;
  const name = eventBusNameOf(manifest);
  const found = builder.index.find('EventBus', name, manifest.metadata?.namespace);
  const bus = found ? builder.nodeOfManifest(found) : undefined;
  const target = bus ?? builder.addMissing('EventBus', name, manifest.metadata?.namespace);
  const source = { manifestIndex, path: fieldPath('spec', 'eventBusName') };
  const init = { source, missing: !bus };
  if (direction === 'publishes') builder.addEdge(self, target, 'event-bus', init);
  else builder.addEdge(target, self, 'event-bus', init);
}

/** Event -> dependency (missing EventSource or event drawn as such) and dependency -> trigger edges. */
export function drawSensorFlow(builder: GraphBuilder, sensor: DrawnSensor): void {
  const manifest = builder.manifests[sensor.manifestIndex];
  const namespace = manifest.metadata?.namespace;
  for (const { dependency, index } of dependenciesOf(manifest)) {
    const depId = sensor.dependencies.get(nonEmpty(dependency.name) ?? `dependencies[${index}]`);
    const sourceName = nonEmpty(dependency.eventSourceName);
    const eventName = nonEmpty(dependency.eventName);
    if (!depId || !sourceName) continue;
    const path = fieldPath('spec', 'dependencies', index);
    const candidates = eventSourcesNamed(builder.index, sourceName).filter(es => sameNamespace(namespace, es.metadata?.namespace));
    const withEvent = eventName ? candidates.find(es => eventNamesOf(es).has(eventName)) : candidates[0];
    if (withEvent) {
      const esId = builder.nodeOfManifest(withEvent)!;
      const eventId = eventName ? `${esId}#event:${eventName}` : esId;
      builder.addEdge(builder.node(eventId) ? eventId : esId, depId, 'event', { source: { manifestIndex: sensor.manifestIndex, path: `${path}.eventName` } });
    } else if (candidates.length) {
      const esId = builder.nodeOfManifest(candidates[0])!;
      const missing = builder.addNode({ kind: 'Event', name: eventName ?? '?', parent: esId, missing: true, details: ['not defined'] });
      builder.addEdge(missing, depId, 'event', { missing: true, source: { manifestIndex: sensor.manifestIndex, path: `${path}.eventName` } });
    } else {
      const esId = builder.addMissing('EventSource', sourceName, namespace);
      const missing = eventName ? builder.addNode({ kind: 'Event', name: eventName, parent: esId, missing: true }) : esId;
      builder.addEdge(missing, depId, 'event', { missing: true, source: { manifestIndex: sensor.manifestIndex, path: `${path}.eventSourceName` } });
    }
  }
  const byKey = new Map<string, string>();
  for (const [name, id] of sensor.dependencies) byKey.set(name.replace(/-/g, '_'), id);
  const triggerIds = new Map<string, string>();
  for (const t of sensor.triggers) {
    if (t.dlqOf !== undefined) {
      const parent = triggerIds.get(t.dlqOf);
      if (parent) builder.addEdge(parent, t.id, 'condition', { label: 'on failure' });
      continue;
    }
    const name = triggerName(t.trigger);
    if (name) triggerIds.set(name, t.id);
    const conditions = conditionsOf(t.trigger);
    const names = conditions ? parseConditions(conditions).names.map(n => byKey.get(n.key)).filter((id): id is string => !!id) : [...sensor.dependencies.values()];
    for (const depId of new Set(names)) builder.addEdge(depId, t.id, 'condition', { source: { manifestIndex: sensor.manifestIndex, path: `${t.path}.template.conditions` } });
  }
}

/** The trigger kind the sensor uses: the first present in its lookup order. */
export function triggerType(trigger: JsonObject): string | undefined {
  const template = trigger.template;
  return isObject(template) ? TRIGGER_TYPES.find(t => isObject(template[t])) : undefined;
}

function typeText(trigger: JsonObject, type: string | undefined): string {
  if (!type) return 'no trigger type';
  const body = trigger.template[type];
  switch (type) {
    case 'argoWorkflow': return `argoWorkflow ${body.operation ?? 'submit'}`;
    case 'k8s': return `k8s ${body.operation ?? 'create'}`;
    case 'http': return `http ${body.method ?? 'POST'}`;
    default: return type;
  }
}

function parameterSummary(trigger: JsonObject, type: string | undefined): string | undefined {
  const body = type ? trigger.template?.[type] : undefined;
  const params = [...listOf(trigger.template?.parameters), ...listOf(body?.parameters)].filter(isObject);
  if (params.length === 0) return undefined;
  return params.map(p => `${p.dest ?? '?'} <- ${p.src?.dependencyName ?? '?'}${p.src?.dataKey ? ` ${p.src.dataKey}` : p.src?.dataTemplate ? ' (template)' : ''}`).join('; ');
}

/**
 * `size <- omega body.size`: what event data each trigger parameter carries. A `dest` into a
 * submitted Workflow's `spec.arguments.parameters.N.value` is shown with that parameter's name.
 */
function parameterLines(trigger: JsonObject, type: string | undefined): string[] {
  const body = type ? trigger.template?.[type] : undefined;
  const params = [...listOf(trigger.template?.parameters), ...listOf(body?.parameters)].filter(isObject);
  const resourceParams = listOf(body?.source?.resource?.spec?.arguments?.parameters);
  const lines = params.map(p => {
    const dest = String(p.dest ?? '?');
    const index = /^spec\.arguments\.parameters\.(\d+)\.value$/.exec(dest);
    const name = index && typeof resourceParams[Number(index[1])]?.name === 'string' ? resourceParams[Number(index[1])].name : dest;
    const from = `${p.src?.dependencyName ?? '?'}${p.src?.dataKey ? ` ${p.src.dataKey}` : p.src?.dataTemplate ? ' (template)' : p.src?.contextKey ? ` ${p.src.contextKey}` : ''}`;
    return `${name} <- ${from}`;
  });
  return lines.length > 2 ? [...lines.slice(0, 2), `+${lines.length - 2} more parameters`] : lines;
}

function busProperties(manifest: JsonObject): [string, string][] {
  const props: [string, string][] = [];
  addProperty(props, 'namespace', manifest.metadata?.namespace);
  addProperty(props, 'eventBusName', eventBusNameOf(manifest));
  return props;
}
