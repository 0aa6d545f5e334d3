import { sjsonSetInPlace } from '../../../../simulate/go/sjson';
import { childPath, fieldPath, parseFieldPath } from '../../../path';
import { isObject, listOf } from './json';
import { TriggerAt, describeTrigger, triggersOf } from './sensor-model';
import { Manifest } from '../../../types';

/**
 * An object a Sensor's trigger creates from its inline `source.resource` (an argoWorkflow
 * `submit`, a k8s `create`): linted like a manifest of the set, since Argo Workflows or the API
 * server refuse it only when the trigger fires.
 */
export interface EmbeddedResource {
  /** The resource as the trigger would create it: parameter destinations filled, namespace set. */
  readonly manifest: Manifest;
  /** Field path of `source.resource` inside the Sensor. */
  readonly path: string;
  /** What creates it, for messages: `the Workflow trigger "run" submits`. */
  readonly label: string;
  /** Paths (inside the resource) that trigger parameters set from the event at run time. */
  readonly fromEvent: readonly (string | number)[][];
}

/** Placeholder for a value a parameter sets from the event (findings at it are left out). */
const FROM_EVENT = 'from-event';

/** The inline resources a Sensor's triggers create, each ready to lint. */
export function embeddedResources(sensor: Manifest): EmbeddedResource[] {
  if (!isObject(sensor) || sensor.kind !== 'Sensor') return [];
  const namespace = typeof sensor.metadata?.namespace === 'string' ? sensor.metadata.namespace : undefined;
  const out: EmbeddedResource[] = [];
  for (const at of triggersOf(sensor)) {
    const template = at.trigger.template;
    if (!isObject(template)) continue;
    for (const kind of ['argoWorkflow', 'k8s'] as const) {
      const trigger = template[kind];
      if (!isObject(trigger) || !createsResource(kind, trigger.operation)) continue;
      const resource = trigger.source?.resource;
      if (!isObject(resource) || typeof resource.apiVersion !== 'string' || typeof resource.kind !== 'string') continue;
      const embedded = fill(resource, destinations(at, kind), namespace);
      if (!embedded) continue;
      const path = childPath(at.path, 'template', kind, 'source', 'resource');
      const verb = kind === 'argoWorkflow' ? 'submits' : 'creates';
      out.push({ ...embedded, path, label: `the ${resource.kind} ${describeTrigger(at)} ${verb}` });
    }
  }
  return out;
}

/** Only a submit or a create makes the whole object; other operations name an existing one. */
function createsResource(kind: 'argoWorkflow' | 'k8s', operation: unknown): boolean {
  if (kind === 'argoWorkflow') return operation === 'submit';
  return operation === undefined || operation === null || operation === '' || operation === 'create';
}

/**
 * The sjson paths, relative to the resource, that parameters write: the trigger kind's own
 * `parameters`, and the trigger's `parameters` (relative to the template) under the resource.
 */
function destinations(at: TriggerAt, kind: string): { dest: string; value: unknown }[] {
  const out: { dest: string; value: unknown }[] = [];
  const prefix = `${kind}.source.resource.`;
  for (const p of listOf(at.trigger.parameters)) {
    if (isObject(p) && typeof p.dest === 'string' && p.dest.startsWith(prefix)) out.push({ dest: p.dest.slice(prefix.length), value: p.src?.value });
  }
  for (const p of listOf(at.trigger.template?.[kind]?.parameters)) {
    if (isObject(p) && typeof p.dest === 'string' && p.dest !== '') out.push({ dest: p.dest, value: p.src?.value });
  }
  return out;
}

function fill(resource: Manifest, dests: readonly { dest: string; value: unknown }[], namespace: string | undefined):
  { manifest: Manifest; fromEvent: (string | number)[][] } | undefined {
  let manifest: unknown = structuredClone(resource);
  const fromEvent: (string | number)[][] = [];
  for (const { dest, value } of dests) {
    try {
      // The resource was copied above: set in place.
      manifest = sjsonSetInPlace(manifest, dest, typeof value === 'string' ? value : FROM_EVENT);
    } catch {
      // A dest sjson cannot set: rule E8/E9 reports it on the Sensor; the resource is not linted.
      return undefined;
    }
    fromEvent.push(parseFieldPath(sjsonToFieldPath(dest)));
  }
  if (!isObject(manifest)) return undefined;
  const metadata = isObject(manifest.metadata) ? manifest.metadata : {};
  if (namespace !== undefined && (manifest.metadata === undefined || isObject(manifest.metadata)) && metadata.namespace === undefined) manifest = { ...manifest, metadata: { ...metadata, namespace } };
  return { manifest: manifest as Manifest, fromEvent };
}

/** `spec.arguments.parameters.0.value` as findings print it: `spec.arguments.parameters[0].value`. */
function sjsonToFieldPath(dest: string): string {
  const keys = dest.split(/(?<!\\)\./).map(k => k.replace(/\\(.)/g, '$1').replace(/^:/, ''));
  return fieldPath(...keys.map(k => (/^\d+$/.test(k) ? Number(k) : k)));
}

/** True when a finding's path (inside the resource) is at or under a value set from the event. */
export function setFromEvent(embedded: EmbeddedResource, path: string): boolean {
  const segments = parseFieldPath(path);
  return embedded.fromEvent.some(dest => dest.length <= segments.length && dest.every((s, i) => s === segments[i]));
}
