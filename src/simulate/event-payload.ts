import { Manifest } from '../lint/types';
import { CannotSimulate } from './cannot-simulate';
import { evalExprBool, ExprError } from './go/expr-lang';
import { isJsonObject } from '../lint/util/walk';
import { sourceKind, SourceKind } from './source-kinds';
import { ArgoEvent, NotSimulated, SimulatedEvent } from './types';
import { SimulationInputError } from './simulation-input-error';
import { headerMap, marshalSorted, webhookRequest } from './webhook-request';

/** The event an EventSource publishes for a simulated input, or why it publishes none. */
export interface Publication {
  readonly event?: ArgoEvent;
  readonly rejected?: string;
  readonly warnings: string[];
  readonly notSimulated?: NotSimulated;
}

/** Where an event is defined: its EventSource, source kind and configuration. */
export interface EventDefinition {
  readonly eventSource: Manifest;
  readonly kind: SourceKind;
  readonly config: { readonly [key: string]: any };
}

/** Finds the EventSource and source kind defining `eventSourceName/eventName`. */
export function findEventDefinition(manifests: readonly Manifest[], eventSourceName: string, eventName: string): EventDefinition {
  const sources = manifests.filter(m => m?.kind === 'EventSource' && m.metadata?.name === eventSourceName);
  if (!sources.length) {
    const names = manifests.filter(m => m?.kind === 'EventSource').map(m => m.metadata?.name).filter(Boolean);
    throw new SimulationInputError(`no EventSource named "${eventSourceName}" among the manifests`
      + (names.length ? ` (EventSources: ${names.map(n => `"${n}"`).join(', ')})` : ' (there is none)'));
  }
  for (const eventSource of sources) {
    for (const [key, events] of Object.entries(eventSource.spec ?? {})) {
      const kind = sourceKind(key);
      if (kind && isJsonObject(events) && isJsonObject(events[eventName])) return { eventSource, kind, config: events[eventName] };
    }
  }
  const events = sources.flatMap(s => Object.entries(s.spec ?? {}).filter(([k, v]) => sourceKind(k) && isJsonObject(v)).flatMap(([, v]) => Object.keys(v as object)));
  throw new SimulationInputError(`EventSource "${eventSourceName}" has no event "${eventName}"`
    + (events.length ? ` (its events: ${events.map(e => `"${e}"`).join(', ')})` : ''));
}

/** RFC 3339 in UTC, seconds precision: how metav1.Time marshals the CloudEvents time. */
export function rfc3339(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go's time.Time.String() in UTC, as the calendar source writes `eventTime`. */
function goTimeString(time: Date): string {
  const iso = time.toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

/**
 * Builds the event the EventSource publishes for `input`, as Argo Events' source code does:
 * the data per source kind (webhook: header, body, metadata; calendar: eventTime, metadata;
 * other kinds: the payload given), and the CloudEvents context set in pkg/eventsources/eventing.go
 * (type = source kind, source = EventSource name, subject = event name, datacontenttype
 * application/json, specversion 1.0).
 */
export function publishEvent(definition: EventDefinition, input: SimulatedEvent, id: string, time: Date): Publication {
  const { kind, config } = definition;
  const warnings: string[] = [];
  let data: string;
  if (kind.key === 'webhook') {
    const outcome = webhookRequest(config, input);
    if ('rejected' in outcome) return { rejected: outcome.rejected, warnings: outcome.warnings };
    warnings.push(...outcome.warnings);
    data = outcome.data;
  } else if (input.payload !== undefined) {
    if (input.body !== undefined || input.headers !== undefined) warnings.push('both a payload and a request body/headers were given: the payload is used');
    if (isJsonObject(input.payload)) {
      const unknown = Object.keys(input.payload).filter(k => !kind.fields.includes(k));
      if (unknown.length) {
        warnings.push(`${kind.key} events carry ${kind.fields.join(', ')}; the payload also has ${unknown.join(', ')}, which a ${kind.key} source never sends`);
      }
    }
    data = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload);
  } else if (kind.key === 'calendar') {
    const metadata = isJsonObject(config.metadata) && Object.keys(config.metadata).length ? config.metadata : undefined;
    data = marshalSorted({ eventTime: goTimeString(time), ...(metadata ? { metadata } : {}) });
    warnings.push('eventTime is Go\'s time.String() of the tick; in the cluster it is the timer\'s time.Now(), with nanoseconds and a monotonic suffix (" m=+12.345678901") after it');
  } else if (kind.http && input.body !== undefined) {
    const headerField = kind.fields.includes('headers') ? 'headers' : 'header';
    data = `{"${headerField}":${marshalSorted(headerMap(input.headers))},"body":${typeof input.body === 'string' ? input.body : JSON.stringify(input.body)}}`;
    warnings.push(`the ${kind.key} source checks signatures and reshapes requests in ways not simulated: the event is {${headerField}, body} from the request as given`);
  } else {
    throw new SimulationInputError(`event ${input.eventSourceName}/${input.eventName} comes from a ${kind.key} source: give its payload (the JSON data the source publishes: ${kind.fields.join(', ')})`);
  }
  const event: ArgoEvent = {
    context: {
      id,
      source: input.eventSourceName,
      specversion: '1.0',
      type: kind.type,
      datacontenttype: 'application/json',
      subject: input.eventName,
      time: rfc3339(time),
    },
    data,
  };
  const filter = config.filter?.expression;
  if (typeof filter === 'string' && filter !== '') {
    // pkg/eventsources/eventing.go filterEvent: before the event is built, over the data.
    try {
      const parsed = JSON.parse(data);
      if (!isJsonObject(parsed)) return { rejected: `the EventSource's filter cannot read the data (not a JSON object): Argo Events logs "Failed to filter event" and drops it`, warnings };
      if (!evalExprBool(filter, parsed)) return { rejected: `the EventSource's filter "${filter}" is false for this data: the event is not dispatched`, warnings };
    } catch (e) {
      if (e instanceof ExprError) return { rejected: `the EventSource's filter fails (${e.message}): Argo Events logs "Failed to filter event" and drops the event`, warnings };
      if (e instanceof CannotSimulate) {
        return { event, warnings, notSimulated: { what: `the EventSource's filter "${filter}": ${e.what}`, why: `${e.why ? `${e.why}; ` : ''}the event is assumed to pass it` } };
      }
      throw e;
    }
  }
  return { event, warnings };
}
