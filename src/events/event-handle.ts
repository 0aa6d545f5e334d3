import { EventContextKey, EventField, IEventFieldFactory, IEventFieldSource } from './event-field';

/**
 * One event an EventSource publishes: what a sensor dependency names. Get handles from the
 * EventSource constructs (`webhook.addEndpoint(...)`, `calendar.addSchedule(...)`,
 * `source.event(name)`), so a dependency cannot name an event that does not exist.
 */
export interface IEventSourceEvent extends IEventFieldSource, IEventFieldFactory {
  /**
   * Namespace of the EventSource, if known; a sensor must live in the same one.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
}

/** An event of an EventSource, defined in this app or only in the cluster. */
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

  /** A CloudEvents context attribute. */
  public context(key: EventContextKey): EventField {
    return EventField.context(this, key);
  }
}
