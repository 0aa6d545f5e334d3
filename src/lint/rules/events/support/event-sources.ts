import { Manifest, ManifestIndex } from '../../../types';
import { JsonObject, isObject } from './json';

/** EventSource spec fields that are not event source kinds. */
const NON_SOURCE_FIELDS = new Set(['eventBusName', 'replicas', 'service', 'template']);

/** The bus an object uses when `spec.eventBusName` is not set. */
export const DEFAULT_EVENT_BUS = 'default';

/** Source kinds of an EventSource (`webhook`, `calendar`...) with their events, in spec order. */
export function sourceKindsOf(eventSource: JsonObject): { kind: string; events: JsonObject }[] {
  const spec = eventSource.spec;
  if (!isObject(spec)) return [];
  return Object.entries(spec)
    .filter(([kind, events]) => !NON_SOURCE_FIELDS.has(kind) && isObject(events))
    .map(([kind, events]) => ({ kind, events }));
}

const eventNamesCache = new WeakMap<JsonObject, ReadonlyMap<string, readonly string[]>>();

/** Event name -> source kinds defining it (computed once per EventSource object). */
export function eventNamesOf(eventSource: JsonObject): ReadonlyMap<string, readonly string[]> {
  let names = eventNamesCache.get(eventSource);
  if (!names) {
    const collected = new Map<string, string[]>();
    for (const { kind, events } of sourceKindsOf(eventSource)) {
      for (const name of Object.keys(events)) collected.set(name, [...(collected.get(name) ?? []), kind]);
    }
    names = collected;
    eventNamesCache.set(eventSource, names);
  }
  return names;
}

/** `spec.eventBusName` of a Sensor or EventSource, `default` when unset. */
export function eventBusNameOf(manifest: JsonObject): string {
  const name = manifest.spec?.eventBusName;
  return typeof name === 'string' && name !== '' ? name : DEFAULT_EVENT_BUS;
}

/** True when objects in these namespaces can see each other (an unset namespace matches any). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || a === b;
}

const byIndex = new WeakMap<ManifestIndex, Map<string, Manifest[]>>();

/** Every EventSource of the linted set with that name (any namespace); indexed once per lint run. */
export function eventSourcesNamed(index: ManifestIndex, name: string): readonly Manifest[] {
  let byName = byIndex.get(index);
  if (!byName) {
    byName = new Map();
    for (const eventSource of index.ofKind('EventSource')) {
      const key = eventSource.metadata?.name;
      if (typeof key !== 'string') continue;
      const list = byName.get(key);
      if (list) list.push(eventSource);
      else byName.set(key, [eventSource]);
    }
    byIndex.set(index, byName);
  }
  return byName.get(name) ?? [];
}
