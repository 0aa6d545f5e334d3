import { EventContextKey, EventField, IEventFieldFactory, IEventFieldSource } from './event-field';

/**
 * One event an EventSource publishes: what a sensor dependency names. Get handles from the
 * EventSource constructs (`webhook.addEndpoint(...)`, `kafka.addEvent(...)`,
 * `calendar.addSchedule(...)`, `source.event(name)`), so a dependency cannot name an event that
 * does not exist. `F` is the top-level fields of its payload (`'topic' | 'key' | 'body'...`).
 */
export interface IEventSourceEvent<F extends string = string> extends IEventFieldSource, IEventFieldFactory {
  /**
   * Namespace of the EventSource, if known; a sensor must live in the same one.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
  /**
   * Top-level fields of the payload.
   * @default - not known
   */
  readonly payloadFields?: readonly F[];
}

/** An event of an EventSource that lives only in the cluster (`EventSource.fromName(...).event(name)`), or of the generic `EventSource`. */
export class EventSourceEvent implements IEventSourceEvent {
  constructor(
    /** Name of the EventSource. */
    public readonly eventSourceName: string,
    /** Name of the event (the key under the source kind in the EventSource spec). */
    public readonly eventName: string,
    /** Namespace of the EventSource, if known. */
    public readonly namespace?: string) {}

  /** A key of the event payload (gjson path). */
  public data(path: string): EventField {
    return EventField.data(this, path);
  }

  /** The whole payload as JSON. */
  public payload(): EventField {
    return EventField.payload(this);
  }

  /** The whole event (context, and the payload in base64). */
  public wholeEvent(): EventField {
    return EventField.wholeEvent(this);
  }

  /** A CloudEvents context attribute. */
  public context(key: EventContextKey): EventField {
    return EventField.context(this, key);
  }
}
