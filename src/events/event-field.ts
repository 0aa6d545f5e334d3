import { TriggerParameterSource } from '../../imports/argo-events';
import { canonicalHeaderKey } from './util';

/** CloudEvents context attributes every Argo Events event carries. */
export type EventContextKey = 'id' | 'source' | 'specversion' | 'type' | 'datacontenttype' | 'subject' | 'time';

/**
 * Something a trigger can read an event field from: a sensor dependency, or an event handle
 * (an endpoint, a calendar schedule...) that the sensor depends on exactly once.
 */
export interface IEventFieldSource {
  /** Name of the EventSource that publishes the event. */
  readonly eventSourceName: string;
  /** Name of the event inside that EventSource. */
  readonly eventName: string;
  /**
   * Top-level fields of the payload the source kind publishes (`body`, `headers`, `topic`...).
   * @default - not known (an EventSource of the cluster)
   */
  readonly payloadFields?: readonly string[];
  /**
   * The payload key of a request or message header's value, when the source kind keeps headers
   * elsewhere than a webhook (`header.<Canonical-Name>.0`).
   * @default - the webhook form
   */
  headerKey?(name: string): string;
}

interface FieldSpec {
  readonly dataKey?: string;
  readonly dataTemplate?: string;
  readonly contextKey?: EventContextKey;
  readonly contextTemplate?: string;
  readonly value?: string;
  readonly useRawData?: boolean;
}

/**
 * A value taken from an event when a trigger fires: a key of its payload, a context attribute
 * or a Go template over either. Get one from a handle (`endpoint.body('size')`,
 * `dependency.context('type')`) and map it onto a workflow parameter or a trigger field; the
 * library writes the `src.dependencyName` and `dest` paths.
 */
export class EventField {
  /**
   * A key of the event payload, as a gjson path (`body.size`, `notification.0.s3.bucket.name`).
   * An empty path is refused: Argo Events reads `dataKey: ""` as no key at all and passes the
   * whole event instead (use `payload()` or `wholeEvent()` to say which one you mean).
   */
  public static data(source: IEventFieldSource, path: string): EventField {
    if (path === '') {
      throw new Error(`EventField.data(): the path for event ${source.eventSourceName}/${source.eventName} is empty: Argo Events reads dataKey "" as unset `
        + 'and passes the whole event (its context, and the data in base64) instead of the payload. Use payload() for the whole payload, '
        + 'wholeEvent() for the whole event, or give the key to read (e.g. "body.size").');
    }
    return new EventField(source, { dataKey: path });
  }

  /** The whole event payload as JSON (gjson's `@this`), e.g. the request body and headers of a webhook call. */
  public static payload(source: IEventFieldSource): EventField {
    return new EventField(source, { dataKey: '@this' });
  }

  /**
   * The whole event as Argo Events marshals it when a parameter names no key: its CloudEvents
   * context, and the payload in base64 (`{"context":{...},"data":"eyJib2R5Ijo..."}`).
   */
  public static wholeEvent(source: IEventFieldSource): EventField {
    return new EventField(source, {});
  }

  /** A top-level field of the payload the source kind publishes, or a key below it (`field(source, 'body', 'size')`). */
  public static field(source: IEventFieldSource, name: string, path?: string): EventField {
    return EventField.data(source, path ? `${name}.${path}` : name);
  }

  /** The webhook request body, or a key of it (`body(source, 'size')` reads `body.size`). */
  public static body(source: IEventFieldSource, path?: string): EventField {
    return EventField.data(source, path ? `body.${path}` : 'body');
  }

  /**
   * A request header (its first value), canonicalized as Go stores it (`X-Vendor-Id`), where the
   * source kind keeps it: `header.X-Vendor-Id.0` for a webhook, `headers.X-Github-Event.0` for a
   * git host, `headers.<name>` for a Kafka message.
   */
  public static header(source: IEventFieldSource, name: string): EventField {
    return EventField.data(source, source.headerKey ? source.headerKey(name) : `header.${canonicalHeaderKey(name)}.0`);
  }

  /** A Go template over the event payload, e.g. `{{ .Input.body.size | upper }}`. */
  public static dataTemplate(source: IEventFieldSource, template: string): EventField {
    return new EventField(source, { dataTemplate: template });
  }

  /** A CloudEvents context attribute of the event (`type`, `source`, `subject`...). */
  public static context(source: IEventFieldSource, key: EventContextKey): EventField {
    return new EventField(source, { contextKey: key });
  }

  /** A Go template over the event context, e.g. `{{ .Input.source }}`. */
  public static contextTemplate(source: IEventFieldSource, template: string): EventField {
    return new EventField(source, { contextTemplate: template });
  }

  private constructor(
    /** The dependency or event the field is read from. */
    public readonly source: IEventFieldSource,
    private readonly spec: FieldSpec) {}

  /**
   * The value to use when the event lacks the field (Argo fails the trigger otherwise).
   * @returns a new field
   */
  public withDefault(value: string): EventField {
    const { dataKey, contextKey, dataTemplate, contextTemplate } = this.spec;
    if (dataKey === undefined && contextKey === undefined && dataTemplate === undefined && contextTemplate === undefined) {
      throw new Error(`EventField.withDefault(): the whole event of ${this.source.eventSourceName}/${this.source.eventName} has no default: Argo Events returns the default `
        + 'instead of the event whenever a parameter names no key (ResolveParamValue, pkg/sensors/triggers/params.go), so the event would never be passed. '
        + 'Drop the default (the parameter is then resolved only when the event arrived), or read payload() with a default.');
    }
    return new EventField(this.source, { ...this.spec, value });
  }

  /**
   * Keep the JSON type of the value (number, boolean, object) instead of turning it into a string.
   * @returns a new field
   */
  public asRawValue(): EventField {
    return new EventField(this.source, { ...this.spec, useRawData: true });
  }

  /** Human-readable description, for error messages: `body.size of webhook/vendor-a`. */
  public describe(): string {
    const what = this.spec.dataKey ?? this.spec.contextKey ?? this.spec.dataTemplate ?? this.spec.contextTemplate ?? 'the whole event';
    return `${what} of event ${this.source.eventSourceName}/${this.source.eventName}`;
  }

  /** @internal the generated `src` for a dependency name. */
  public _render(dependencyName: string): TriggerParameterSource {
    return { dependencyName, ...this.spec };
  }
}

/** Shorthands every event handle offers. */
export interface IEventFieldFactory {
  /** A key of the event payload (gjson path). */
  data(path: string): EventField;
  /** The whole payload as JSON. */
  payload(): EventField;
  /** The whole event (context, and the payload in base64), as Argo Events passes it when no key is named. */
  wholeEvent(): EventField;
  /** A CloudEvents context attribute. */
  context(key: EventContextKey): EventField;
}
