import { App, Chart } from 'cdk8s';
import { IEventFieldSource } from '../events/event-field';
import { helmOutputOf } from '../helm/helm-output';
import { Manifest } from '../lint/types';
import { simulateEvents } from '../simulate/simulate';
import { SimulatedEvent, SimulationOptions } from '../simulate/types';
import { SensorSimulation } from './sensor-simulation';

/** One event for `simulate()`: the event handle it comes from, and the request or payload. */
export interface SimulateEventOptions extends Omit<SimulatedEvent, 'eventSourceName' | 'eventName'> {
  /**
   * The webhook endpoint called (`webhook.addEndpoint(...)`).
   * @default - `event`
   */
  readonly endpoint?: IEventFieldSource;
  /**
   * The event, for sources that are not webhooks (`calendar.addSchedule(...)`, `source.event(name)`).
   * @default - `endpoint`
   */
  readonly event?: IEventFieldSource;
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
    const { endpoint: _endpoint, event: _event, ...rest } = e;
    return { ...rest, eventSourceName: handle.eventSourceName, eventName: handle.eventName };
  });
  return new SensorSimulation(simulateEvents(manifestsOf(scope), inputs, { ...options, schema: options.schema ?? false }));
}
