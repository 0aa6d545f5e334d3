import { EventSourceSpec } from '../../imports/argo-events';

/** The source kinds of an EventSource spec: `calendar`, `sqs`, `kafka`, `github`... */
export type EventSourceKind = Exclude<keyof EventSourceSpec, 'eventBusName' | 'replicas' | 'service' | 'template'>;

/** The generated configuration type of one event of a kind, e.g. `SqsEventSource` for `sqs`. */
export type EventSourceConfig<K extends EventSourceKind> = NonNullable<EventSourceSpec[K]>[string];
