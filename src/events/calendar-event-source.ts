import { Cron, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { CalendarEventSource as CalendarConfig, EventPersistence } from '../../imports/argo-events';
import { markChanged } from '../core/revision';
import { EventField } from './event-field';
import { EventSourceEvent } from './event-handle';
import { EventSourceBase, EventSourceBaseProps, EventSourceBody } from './event-source-base';
import { goDuration } from './util';

/** Options shared by calendar schedules and intervals. */
export interface CalendarEventOptions {
  /**
   * IANA time zone the schedule is read in, e.g. `Asia/Seoul`.
   * @default - UTC
   */
  readonly timezone?: string;
  /**
   * Static key/values delivered with every event (read them with `event.metadata(key)`).
   * @default - none
   */
  readonly metadata?: { readonly [key: string]: string };
  /**
   * Dates to skip, as `EXDATE:20190102T150405Z`.
   * @default - none
   */
  readonly exclusionDates?: string[];
  /**
   * Persist the last event in a ConfigMap and catch up missed events after a restart
   * (the EventSource's service account then needs get/create/update on configmaps).
   * @default - no persistence
   */
  readonly persistence?: EventPersistence;
  /**
   * Expression filtering the events before they are published.
   * @default - no filter
   */
  readonly filterExpression?: string;
}

/** Properties of a `CalendarEventSource`. */
export interface CalendarEventSourceProps extends EventSourceBaseProps {}

/** An event of a calendar EventSource, with its payload fields. */
export class CalendarEvent extends EventSourceEvent {
  /** The time the event fired (`eventTime` of the payload). */
  public eventTime(): EventField {
    return this.data('eventTime');
  }

  /** A key of the schedule's static metadata. */
  public metadata(key: string): EventField {
    return this.data(`metadata.${key}`);
  }
}

/** An EventSource emitting events on a cron schedule or at a fixed interval. */
export class CalendarEventSource extends EventSourceBase {
  private readonly events: { [name: string]: CalendarConfig } = {};

  constructor(scope: Construct, id: string, props: CalendarEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event fired on a cron schedule (`Cron.daily()` or `'30 * * * *'`). */
  public addSchedule(eventName: string, schedule: Cron | string, options: CalendarEventOptions = {}): CalendarEvent {
    const expression = typeof schedule === 'string' ? schedule : schedule.expressionString;
    return this.add(eventName, { schedule: expression }, options);
  }

  /** Adds an event fired every `interval`. */
  public addInterval(eventName: string, interval: Duration, options: CalendarEventOptions = {}): CalendarEvent {
    return this.add(eventName, { interval: goDuration(interval) }, options);
  }

  /** The handle of an event defined here; fails when there is none of that name. */
  public event(eventName: string): CalendarEvent {
    if (!this.events[eventName]) {
      throw new Error(`[${this.node.path}] EventSource/${this.name} has no calendar event "${eventName}" (it has: ${Object.keys(this.events).join(', ') || 'none'}). `
        + 'Add it with addSchedule() or addInterval().');
    }
    return new CalendarEvent(this.name, eventName, this.namespace);
  }

  protected renderBody(): EventSourceBody {
    return { calendar: { ...this.events } };
  }

  private add(eventName: string, when: CalendarConfig, options: CalendarEventOptions): CalendarEvent {
    markChanged();
    if (this.events[eventName]) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: spec.calendar: event "${eventName}" is defined twice. Give the second one another name.`);
    }
    this.events[eventName] = {
      ...when,
      timezone: options.timezone,
      metadata: options.metadata,
      exclusionDates: options.exclusionDates,
      persistence: options.persistence,
      filter: options.filterExpression === undefined ? undefined : { expression: options.filterExpression },
    };
    return new CalendarEvent(this.name, eventName, this.namespace);
  }
}
