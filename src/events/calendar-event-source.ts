import { Cron, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { CalendarEventSource as CalendarConfig } from '../../imports/argo-events';
import { EventField } from './event-field';
import { EventSourceBase, EventSourceBaseProps } from './event-source-base';
import { ISourceEventHost, SourceEvent, SourceEventOptions } from './source-event';
import { goDuration } from './util';

/** Where a calendar keeps its last event, so that it catches up the missed ones after a restart. */
export interface CalendarPersistence {
  /** Name of the ConfigMap that holds the last event (in the EventSource's namespace). */
  readonly configMapName: string;
  /**
   * Create the ConfigMap when it does not exist.
   * @default false
   */
  readonly createIfNotExist?: boolean;
  /**
   * Publish the events missed while the EventSource was down.
   * @default true
   */
  readonly catchUp?: boolean;
  /**
   * How far back to catch up.
   * @default - every missed event
   */
  readonly maxCatchUp?: Duration;
}

/** Options shared by calendar schedules and intervals. */
export interface CalendarEventOptions extends SourceEventOptions {
  /**
   * IANA time zone the schedule is read in, e.g. `Asia/Seoul`.
   * @default - UTC
   */
  readonly timezone?: string;
  /**
   * Dates to skip, as `EXDATE:20190102T150405Z`.
   * @default - none
   */
  readonly exclusionDates?: string[];
  /**
   * Persist the last event in a ConfigMap and catch up missed events after a restart; the
   * EventSource's service account gets get/update (and create) on configmaps.
   * @default - no persistence
   */
  readonly persistence?: CalendarPersistence;
}

/** Properties of a `CalendarEventSource`. */
export interface CalendarEventSourceProps extends EventSourceBaseProps {}

/** An event of a calendar EventSource, with its payload fields. */
export class CalendarEvent extends SourceEvent<'calendar'> {
  /** @internal use `addSchedule()` or `addInterval()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly when: CalendarConfig, private readonly options: CalendarEventOptions) {
    super(host, 'calendar', eventName);
  }

  /** The time the event fired (`eventTime` of the payload). */
  public eventTime(): EventField {
    return this.field('eventTime');
  }

  /** A key of the schedule's static metadata. */
  public metadata(key: string): EventField {
    return this.field('metadata', key);
  }

  /** @internal */
  public _render(): CalendarConfig {
    const o = this.options;
    const p = o.persistence;
    return {
      ...this.when,
      timezone: o.timezone,
      metadata: o.metadata,
      exclusionDates: o.exclusionDates,
      persistence: p && {
        configMap: { name: p.configMapName, createIfNotExist: p.createIfNotExist },
        catchup: { enabled: p.catchUp ?? true, maxDuration: p.maxCatchUp && goDuration(p.maxCatchUp) },
      },
      filter: this.renderCommon(o).filter,
    };
  }
}

/** An EventSource emitting events on a cron schedule or at a fixed interval. */
export class CalendarEventSource extends EventSourceBase {
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
  public override event(eventName: string): CalendarEvent {
    return super.event(eventName) as CalendarEvent;
  }

  private add(eventName: string, when: CalendarConfig, options: CalendarEventOptions): CalendarEvent {
    const event = new CalendarEvent(this, eventName, when, options);
    if (options.persistence) {
      // pkg/eventsources/persist: get and update the ConfigMap, create it when asked to.
      this.grant([{ apiGroup: '', resource: 'configmaps', verbs: ['get', 'update', ...(options.persistence.createIfNotExist ? ['create'] : [])] }]);
    }
    return event;
  }
}
