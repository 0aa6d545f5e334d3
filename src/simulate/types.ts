import { Finding, Manifest } from '../lint/types';

/** One event to feed the sensors: an HTTP call to a webhook-like endpoint, or a source's payload. */
export interface SimulatedEvent {
  /** Name of the EventSource (`metadata.name`). */
  readonly eventSourceName: string;
  /** Name of the event inside it (the key under the source kind, e.g. the endpoint name). */
  readonly eventName: string;
  /**
   * Request body of an HTTP source: a JSON value (serialized as JSON) or the raw text.
   * @default - no body (Argo Events rejects a POST without one)
   */
  readonly body?: unknown;
  /**
   * Request headers; names are canonicalized as Go's HTTP server does (`x-id` -> `X-Id`).
   * @default - none (no Content-Type: the body is read as JSON)
   */
  readonly headers?: { readonly [name: string]: string | readonly string[] };
  /**
   * HTTP method of the request.
   * @default - the endpoint's method
   */
  readonly method?: string;
  /**
   * Query parameters of a GET request (its body is the query, as a map of lists).
   * @default - none
   */
  readonly query?: { readonly [name: string]: string | readonly string[] };
  /**
   * Event data as the source publishes it, for sources that are not HTTP endpoints (a Kafka
   * message as `{ topic, key, partition, body, timestamp, headers }`, a calendar tick...).
   * @default - for a calendar: the tick at `time`; otherwise required
   */
  readonly payload?: unknown;
  /**
   * When the event happens (its CloudEvents `time`; what time filters and condition resets see).
   * @default - the current time
   */
  readonly time?: Date | string;
}

/** CloudEvents context of an event as the sensor sees it (v1alpha1.EventContext). */
export interface EventContext {
  /** Event id (a new UUID per event, as Argo Events makes it). */
  readonly id: string;
  /** Name of the EventSource that published it. */
  readonly source: string;
  /** CloudEvents version, `1.0`. */
  readonly specversion: string;
  /** Source kind, e.g. `webhook`, `kafka`, `calendar`. */
  readonly type: string;
  /** Media type of the data, `application/json`. */
  readonly datacontenttype: string;
  /** Name of the event inside the EventSource. */
  readonly subject: string;
  /** RFC 3339 time in UTC (how metav1.Time marshals). */
  readonly time: string;
}

/** An event as the sensor receives it (v1alpha1.Event): context and the data bytes as text. */
export interface ArgoEvent {
  /** CloudEvents context: id, source, type, subject, time. */
  readonly context: EventContext;
  /** The data (JSON for every Argo Events source); undefined when the event has none. */
  readonly data?: string;
}

/** Something the simulator did not reproduce, so it cannot tell what Argo Events would do. */
export interface NotSimulated {
  /** What, e.g. `template function "now"`. */
  readonly what: string;
  /** Why it is not simulated, when there is more to say than what. */
  readonly why?: string;
}

/** One filter of a dependency, evaluated. */
export interface FilterCheck {
  /** `data`, `exprs`, `context`, `time` or `script`. */
  readonly group: FilterGroup;
  /** Field path of the filter inside the dependency, e.g. `filters.data[0]`. */
  readonly path: string;
  /** True when it matched, false when not, undefined when it was not evaluated. */
  readonly pass?: boolean;
  /** What the filter saw in the event (a value, the event time...). */
  readonly seen?: string;
  /** Why it matched or not, in words. */
  readonly reason: string;
}

/** The filter groups of a dependency, as `filters.<group>` names them. */
export type FilterGroup = 'data' | 'exprs' | 'context' | 'time' | 'script';

/** The outcome of a dependency's filters for one event, as `Filter()` in argo-events returns it. */
export interface FilterOutcome {
  /** True when the event passed the dependency's filters (with `filtersLogicalOperator`). */
  readonly pass: boolean;
  /** The error Argo Events logs (a missing path, a bad value...), if any. */
  readonly error?: string;
  /** Each filter evaluated, in order. */
  readonly checks: readonly FilterCheck[];
  /** Set when a filter could not be simulated: `pass` then says nothing. */
  readonly notSimulated?: NotSimulated;
}

/** How one dependency of a sensor took an event. */
export interface DependencyResult {
  /** Name of the dependency in the Sensor. */
  readonly name: string;
  /** The dependency's event after its transform (what filters and parameters read). */
  readonly event?: ArgoEvent;
  /** Transform applied (`jq` or `script`), when the dependency has one. */
  readonly transform?: {
    /** `jq` or `script` (Lua). */
    readonly kind: 'jq' | 'script';
    /** The error Argo Events logs when the transform fails (the event is then dropped). */
    readonly error?: string;
    /** Set when the transform could not be simulated. */
    readonly notSimulated?: NotSimulated;
  };
  /** Filters, when the dependency has some. */
  readonly filters?: FilterOutcome;
  /** True when the event got through transform and filters. */
  readonly matched: boolean;
}

/** A trigger that fired and what it would do. */
export interface FiredTrigger {
  /** Name of the Sensor. */
  readonly sensor: string;
  /** Namespace of the Sensor, when set. */
  readonly namespace?: string;
  /** Name of the trigger in the Sensor. */
  readonly trigger: string;
  /** Field path of the trigger in the Sensor, e.g. `spec.triggers[0]`. */
  readonly path: string;
  /** Trigger kind: `argoWorkflow`, `k8s`, `http`, `log`... */
  readonly kind: string;
  /** Operation (`submit`, `create`, `patch`...), for resource triggers. */
  readonly operation?: string;
  /** Dependency names whose events fired it, with the event each contributed. */
  readonly events: { readonly [dependency: string]: ArgoEvent };
  /** The object a resource trigger creates (or acts on), after its parameters. */
  readonly resource?: Manifest;
  /** For triggers that send a payload (HTTP, Kafka, NATS...): the body they would send. */
  readonly payload?: string;
  /** The trigger template after its template-level parameters. */
  readonly template: unknown;
  /** Why the trigger would fail instead of acting (a parameter that cannot be resolved...). */
  readonly error?: string;
  /** Set when part of the trigger could not be simulated: what it would do is then not known. */
  readonly notSimulated?: NotSimulated;
  /** Lint findings on `resource`, checked together with the simulated manifests. */
  readonly findings: readonly Finding[];
  /** Behaviour reported, not simulated: rate limit, retry strategy, at-least-once, policy. */
  readonly notes: readonly string[];
}

/** One event as one sensor took it. */
export interface SensorEventResult {
  /** Name of the Sensor. */
  readonly sensor: string;
  /** Namespace of the Sensor, when set. */
  readonly namespace?: string;
  /** Dependencies waiting for this event. */
  readonly dependencies: readonly DependencyResult[];
  /** Triggers that fired on this event. */
  readonly fired: readonly FiredTrigger[];
  /** Triggers whose conditions still wait, with the dependencies received so far. */
  readonly waiting: readonly {
    /** Name of the trigger. */
    readonly trigger: string;
    /** Its conditions, as the Sensor writes them (`a && b`). */
    readonly conditions: string;
    /** Names of the dependencies whose events arrived so far. */
    readonly received: readonly string[];
  }[];
  /** Triggers the sensor never runs (conditions it cannot compile or that name unknown dependencies). */
  readonly neverRuns: readonly {
    /** Name of the trigger. */
    readonly trigger: string;
    /** Field path of the trigger in the Sensor. */
    readonly path: string;
    /** Why it never runs. */
    readonly reason: string;
  }[];
}

/** What happened to one simulated event. */
export interface EventResult {
  /** The event as it was given to the simulation. */
  readonly input: SimulatedEvent;
  /** The event the EventSource published, or undefined when it published none. */
  readonly event?: ArgoEvent;
  /** Why no event was published (an HTTP 400/401/405, a filter on the EventSource...). */
  readonly rejected?: string;
  /** Warnings about the input (an unknown field for the source kind, a form-encoded body...). */
  readonly warnings: readonly string[];
  /** Set when publishing the event could not be simulated. */
  readonly notSimulated?: NotSimulated;
  /** Every sensor with a dependency on the event, in manifest order. */
  readonly sensors: readonly SensorEventResult[];
}

/** Result of a simulation run. */
export interface SimulationResult {
  /** What happened to each event, in the order given. */
  readonly events: readonly EventResult[];
  /** Every trigger that fired, in order. */
  readonly fired: readonly FiredTrigger[];
}

/** Options of a simulation. */
export interface SimulationOptions {
  /**
   * Lint the resources triggers would create, with the simulated manifests.
   * @default true
   */
  readonly lint?: boolean;
  /**
   * Run the strict schema check on created resources (the schemas built into the package).
   * @default true
   */
  readonly schema?: boolean;
  /**
   * Argo Workflows schema version the created resources are checked against.
   * @default 'v4.1.2'
   */
  readonly workflowsVersion?: 'v4.1.2' | 'v3.7.18';
}
