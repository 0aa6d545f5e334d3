import { childPath, fieldPath } from '../../path';
import { Manifest, Rule, RuleContext } from '../../types';
import { eventBusNameOf, eventNamesOf, eventSourcesNamed, sameNamespace } from './support/event-sources';
import { JsonObject, quoteList } from './support/json';
import { dependenciesOf } from './support/sensor-model';
import { didYouMean } from './support/suggest';

/**
 * E2 (cross-object): each dependency's EventSource is in the linted set (else a missing
 * reference), defines the event named by eventName, and publishes to the Sensor's event bus.
 * With a NATS (STAN) bus, one EventSource event may back only one dependency.
 */
export const E2_DEPENDENCY_EVENT_SOURCES: Rule = {
  id: 'E2',
  description: 'Each dependency names an EventSource of the set that defines its event on the same event bus',
  kinds: ['Sensor'],
  check(ctx) {
    const sensor = ctx.manifest;
    const namespace = sensor.metadata?.namespace;
    const bus = eventBusNameOf(sensor);
    for (const { dependency, index } of dependenciesOf(sensor)) {
      const { eventSourceName, eventName } = dependency;
      if (typeof eventSourceName !== 'string' || eventSourceName === '') continue;
      const path = fieldPath('spec', 'dependencies', index);
      const sameName = eventSourcesNamed(ctx.index, eventSourceName);
      const candidates = sameName.filter(es => sameNamespace(namespace, es.metadata?.namespace));
      if (candidates.length === 0) {
        ctx.reportMissingReference(childPath(path, 'eventSourceName'), 'EventSource', eventSourceName, missingHint(ctx, dependency, sameName));
        continue;
      }
      if (typeof eventName === 'string' && eventName !== '' && !candidates.some(es => eventNamesOf(es).has(eventName))) {
        const defined = new Set(candidates.flatMap(es => [...eventNamesOf(es).keys()]));
        ctx.report(childPath(path, 'eventName'), `EventSource "${eventSourceName}" defines no event "${eventName}" (it defines ${quoteList(defined)}): `
          + `nothing is ever published for dependency "${dependency.name ?? index}", so the triggers waiting on it never fire. `
          + `Use one of its event names or add "${eventName}" to the EventSource.${didYouMean(eventName, defined)}`);
        continue;
      }
      const buses = new Set(candidates.map(eventBusNameOf));
      if (!buses.has(bus)) {
        ctx.report(childPath(path, 'eventSourceName'), `EventSource "${eventSourceName}" publishes to event bus ${quoteList(buses)} but this Sensor listens on "${bus}": `
          + `its events never reach the sensor, so dependency "${dependency.name ?? index}" never resolves. Set the same spec.eventBusName on both.`);
      }
    }
    checkStanDuplicates(ctx, bus);
  },
};

function missingHint(ctx: RuleContext, dependency: JsonObject, sameName: readonly Manifest[]): string {
  const elsewhere = [...new Set(sameName.map(es => es.metadata?.namespace).filter((ns): ns is string => !!ns))];
  if (elsewhere.length) {
    return `An EventSource "${dependency.eventSourceName}" exists in namespace ${quoteList(elsewhere)}, but a Sensor only receives events from its own namespace`;
  }
  const names = ctx.index.ofKind('EventSource').map(es => es.metadata?.name).filter((n): n is string => typeof n === 'string');
  return `If it is not deployed, dependency "${dependency.name ?? ''}" never resolves and its triggers never fire.${didYouMean(dependency.eventSourceName, names)}`.trim();
}

/** The controller rejects a Sensor on a NATS streaming bus that uses one event for two dependencies. */
function checkStanDuplicates(ctx: RuleContext, bus: string): void {
  const eventBus = ctx.index.find('EventBus', bus, ctx.manifest.metadata?.namespace);
  if (!eventBus?.spec?.nats) return;
  const seen = new Map<string, string>();
  for (const { dependency, index } of dependenciesOf(ctx.manifest)) {
    if (typeof dependency.eventSourceName !== 'string' || typeof dependency.eventName !== 'string') continue;
    const key = `${dependency.eventSourceName}\u0000${dependency.eventName}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, String(dependency.name ?? index));
      continue;
    }
    ctx.report(fieldPath('spec', 'dependencies', index, 'eventName'), `event "${dependency.eventName}" of EventSource "${dependency.eventSourceName}" is already used by dependency "${first}": `
      + `on the NATS streaming event bus "${bus}" the controller rejects the Sensor ("referenced for more than one dependency"). `
      + 'Use one dependency for the event (several triggers can share it), or move to a JetStream bus.');
  }
}
