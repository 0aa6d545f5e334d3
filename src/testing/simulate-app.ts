import { App, Chart } from 'cdk8s';
import { IEventFieldSource } from '../events/event-field';
import { IEventSourceEvent } from '../events/event-handle';
import { HttpEndpoint } from '../events/http-endpoint';
import { SourceEvent } from '../events/source-event';
import { helmOutputOf } from '../helm/helm-output';
import { Manifest } from '../lint/types';
import { simulateEvents } from '../simulate';
import { SimulatedEvent, SimulationOptions } from '../simulate/types';
import { SensorSimulation } from './sensor-simulation';

/** One event for `simulate()`: the event handle it comes from, and the request or payload. */
export interface SimulateEventOptions extends Omit<SimulatedEvent, 'eventSourceName' | 'eventName'> {
  /**
   * The HTTP endpoint called: `webhook.addEndpoint(...)`, or the endpoint of a GitHub, GitLab,
   * Bitbucket, Gerrit, Slack, SNS... source (the request's `body` and `headers` make the event).
   * @default - `event`
   */
  readonly endpoint?: IEventFieldSource;
  /**
   * The event, for sources that are not HTTP endpoints (`kafka.addEvent(...)`,
   * `calendar.addSchedule(...)`, `source.event(name)`); give its `payload` (see `eventPayload()`).
   * @default - `endpoint`
   */
  readonly event?: IEventFieldSource;
}

/**
 * One event of a source that is not an HTTP endpoint, with its payload typed by the source kind's
 * fields (a Kafka message: `topic`, `key`, `partition`, `body`, `headers`...), so that a field the
 * source never publishes does not compile.
 *
 * ```ts
 * simulate(chart, eventPayload(orders, { key: 'o-1', body: { size: 'tall' } }));
 * ```
 */
export function eventPayload<F extends string>(event: IEventSourceEvent<F>, payload: { readonly [K in F]?: unknown },
  options: Omit<SimulateEventOptions, 'endpoint' | 'event' | 'payload' | 'body' | 'headers' | 'method' | 'query'> = {}): SimulateEventOptions {
  return { ...options, event, payload };
}

/** Options of `simulate()`. */
export interface SimulateOptions extends Omit<SimulationOptions, 'schema'> {
  /**
   * Also run the strict schema check on created resources (needs the pinned schemas:
   * $ARGO_SCHEMA_DIR, or network access once). The semantic rules always run, as at synth.
   * @default false
   */
  readonly schema?: boolean;
}

function manifestsOf(scope: App | Chart): Manifest[] {
  const charts = scope instanceof App ? scope.charts : [scope];
  const manifests = charts.flatMap(c => c.toJson()) as Manifest[];
  // Written for Helm, the manifests are escaped: simulate what Helm renders.
  return helmOutputOf(scope.node.root)?.render(manifests).manifests ?? manifests;
}

/**
 * Synthesizes a chart (or every chart of an app), with the library's validation, and feeds it
 * the events in order: what Argo Events would publish, which dependencies match, which
 * triggers fire and what they would submit.
 *
 * ```ts
 * const result = simulate(chart, { endpoint: omega, body: { size: 'grande' } });
 * expect(result).toSubmit(workflowA, { parameters: { size: 'grande' } });
 * ```
 */
export function simulate(scope: App | Chart, events: SimulateEventOptions | readonly SimulateEventOptions[], options: SimulateOptions = {}): SensorSimulation {
  const list = (Array.isArray(events) ? events : [events]) as readonly SimulateEventOptions[];
  const inputs: SimulatedEvent[] = list.map((e, i) => {
    const handle = e.endpoint ?? e.event;
    if (!handle) throw new Error(`simulate(): event ${i + 1} names no endpoint or event: pass { endpoint: webhook.addEndpoint(...) } or { event: ... }`);
    if (e.endpoint instanceof SourceEvent && !(e.endpoint instanceof HttpEndpoint)) {
      throw new Error(`simulate(): event ${i + 1}: ${e.endpoint.eventSourceName}/${e.endpoint.eventName} is a ${e.endpoint.kind} event, not an HTTP endpoint: no request reaches it. `
        + `Pass { event: <it>, payload: {...} } (eventPayload() types the payload: ${e.endpoint.payloadFields.join(', ')}).`);
    }
    const { endpoint: _endpoint, event: _event, ...rest } = e;
    return { ...rest, eventSourceName: handle.eventSourceName, eventName: handle.eventName };
  });
  return new SensorSimulation(simulateEvents(manifestsOf(scope), inputs, { ...options, schema: options.schema ?? false }));
}
