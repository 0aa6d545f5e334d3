import { lint } from '../lint/engine';
import { eventBusNameOf, sameNamespace } from '../lint/rules/events/support/event-sources';
import { Finding, Manifest } from '../lint/types';
import { findEventDefinition, publishEvent } from './event-payload';
import { SensorRun } from './sensor-run';
import { SimulationInputError } from './simulation-input-error';
import { EventResult, FiredTrigger, SimulatedEvent, SimulationOptions, SimulationResult } from './types';

export { SimulationInputError } from './simulation-input-error';

function eventTime(input: SimulatedEvent, now: number): number {
  if (input.time === undefined) return now;
  const ms = input.time instanceof Date ? input.time.getTime() : Date.parse(input.time);
  if (Number.isNaN(ms)) throw new SimulationInputError(`event ${input.eventSourceName}/${input.eventName}: time "${String(input.time)}" is not an ISO 8601 date-time (e.g. 2024-07-15T09:30:00Z)`);
  return ms;
}

/** 32 hex digits, as the EventSource writes event ids (deterministic here: the event's position). */
function eventId(index: number): string {
  return (index + 1).toString(16).padStart(32, '0');
}

/** `simulateEvents()`, documented where src/simulate/index.ts exports it (loading this module on first call). */
export function simulateEvents(manifests: readonly Manifest[], events: readonly SimulatedEvent[], options: SimulationOptions = {}): SimulationResult {
  const sensors = manifests.filter(m => m?.kind === 'Sensor').map(m => new SensorRun(m, manifests));
  const now = Date.now();
  const lintResource = (resource: Manifest): Finding[] => {
    if (options.lint === false) return [];
    const all = [...manifests, resource];
    return lint(all, { schema: options.schema, workflowsVersion: options.workflowsVersion }).filter(f => f.manifestIndex === all.length - 1).map(f => ({ ...f, manifestIndex: -1 }));
  };
  const results: EventResult[] = [];
  const fired: FiredTrigger[] = [];
  events.forEach((input, index) => {
    const definition = findEventDefinition(manifests, input.eventSourceName, input.eventName);
    const time = eventTime(input, now);
    const publication = publishEvent(definition, input, eventId(index), new Date(time));
    if (!publication.event) {
      results.push({ input, rejected: publication.rejected, warnings: publication.warnings, sensors: [] });
      return;
    }
    const event = publication.event;
    const bus = manifests.find(m => m?.kind === 'EventBus' && m.metadata?.name === eventBusNameOf(definition.eventSource)
      && sameNamespace(m.metadata?.namespace, definition.eventSource.metadata?.namespace));
    const busKind = bus && ['nats', 'kafka'].find(k => bus.spec?.[k]);
    if (busKind) {
      publication.warnings.push(`EventBus "${bus!.metadata?.name}" is ${busKind === 'nats' ? 'NATS streaming (STAN)' : 'Kafka'}: conditions over several events are simulated as the JetStream bus keeps them; the ${busKind === 'nats' ? 'STAN bus clears partially met conditions after a timeout' : 'Kafka bus keeps them in its own transaction log'}`);
    }
    const onBus = (sensor: SensorRun) => sameNamespace(sensor.namespace, definition.eventSource.metadata?.namespace)
      && sensor.eventBusName === eventBusNameOf(definition.eventSource);
    const taken = sensors.filter(s => onBus(s) && s.listensTo(input.eventSourceName, input.eventName)).map(s => s.handle(event, time, lintResource));
    for (const s of taken) fired.push(...s.fired);
    results.push({ input, event, warnings: publication.warnings, notSimulated: publication.notSimulated, sensors: taken });
  });
  return { events: results, fired };
}
