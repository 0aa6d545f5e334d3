import { Construct, IConstruct } from 'constructs';
import { markChanged } from '../core/revision';
import { constructId } from '../core/construct-id';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventContextKey, EventField } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { EventSourceObject } from './event-objects';
import { EventSourceConfig, EventSourceKind } from './event-source-kinds';
import { PAYLOAD_FIELDS, PayloadField, PayloadKind } from './source-payloads';

/** A source kind whose events the dedicated constructs define. */
export type SourceKind = PayloadKind & EventSourceKind;

/** What an event defined by an EventSource construct needs from it. */
export interface ISourceEventHost extends IConstruct {
  /** `metadata.name` of the EventSource. */
  readonly name: string;
  /**
   * `metadata.namespace`, if set.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
  /** The EventSource object. @internal */
  readonly _object: EventSourceObject;
  /** Refuses an event name already used in the EventSource (before the event is created). @internal */
  _checkEventName(kind: string, eventName: string): void;
  /** Records a new event (in the order they are added). @internal */
  _register(event: SourceEvent): void;
}

/** The filter and metadata every event of an EventSource renders (its `filter` and `metadata` fields). */
export interface CommonEventFields {
  /**
   * The event's filter expression.
   * @default - none
   */
  readonly filter?: {
    /** The expression (expr-lang syntax). */
    readonly expression: string;
  };
  /**
   * Metadata added to every event.
   * @default - none
   */
  readonly metadata?: { readonly [key: string]: string };
}

/** Options every event of an EventSource takes. */
export interface SourceEventOptions {
  /**
   * Expression (expr-lang, over the event data) that events must pass to be published,
   * e.g. `body.action == "opened"`.
   * @default - every event is published
   */
  readonly filterExpression?: string;
  /**
   * Static key/values delivered with every event (read them with `field('metadata', key)`).
   * @default - none
   */
  readonly metadata?: { readonly [key: string]: string };
}

/**
 * An event defined by one of this library's EventSource constructs: the handle sensors depend
 * on, with the payload fields of its source kind (`field('topic')`, `body('size')`...), and the
 * construct that owns its part of the EventSource spec (`spec.<kind>.<name>`): findings about it
 * are reported on it, and `addOverride()` changes it.
 */
export abstract class SourceEvent<K extends SourceKind = SourceKind> extends Construct implements IEventSourceEvent<PayloadField<K>> {
  /** Name of the EventSource. */
  public readonly eventSourceName: string;
  /** Name of the event (its key under the source kind). */
  public readonly eventName: string;
  /** Namespace of the EventSource, if set. */
  public readonly namespace?: string;
  /** The source kind (the key under the EventSource spec). */
  public readonly kind: K;
  /** Top-level fields of the payload this kind publishes. */
  public readonly payloadFields: readonly PayloadField<K>[];
  private readonly host: ISourceEventHost;

  protected constructor(host: ISourceEventHost, kind: K, eventName: string) {
    host._checkEventName(kind, eventName);
    super(host, constructId(host, eventName, 'an event name'));
    markChanged();
    this.host = host;
    this.kind = kind;
    this.eventSourceName = host.name;
    this.eventName = eventName;
    this.namespace = host.namespace;
    this.payloadFields = PAYLOAD_FIELDS[kind] as readonly PayloadField<K>[];
    host._register(this);
    addArgoValidation(this, () => ({ apiObject: host._object, fieldPath: fieldPath('spec', kind, eventName) }), () => this.check());
  }

  /** A key of the event payload (gjson path), e.g. `body.size`. */
  public data(path: string): EventField {
    return EventField.data(this, path);
  }

  /** A top-level field of the payload, or a key below it: `field('body', 'size')` reads `body.size`. */
  public field(name: PayloadField<K>, path?: string): EventField {
    return EventField.field(this, name, path);
  }

  /** The whole payload as JSON. */
  public payload(): EventField {
    return EventField.payload(this);
  }

  /** The whole event (context, and the payload in base64), as Argo Events passes it when no key is named. */
  public wholeEvent(): EventField {
    return EventField.wholeEvent(this);
  }

  /** A CloudEvents context attribute. */
  public context(key: EventContextKey): EventField {
    return EventField.context(this, key);
  }

  /** A Go template over the payload (`{{ .Input.body.size }}`). */
  public dataTemplate(template: string): EventField {
    return EventField.dataTemplate(this, template);
  }

  /**
   * Escape hatch: sets a field of this event's configuration in the manifest (Argo's field
   * names, relative to `spec.<kind>.<name>`), e.g. `addOverride('webhook.maxPayloadSize', 2097152)`.
   * `undefined` removes the field. Applied after rendering, so it stays on this event whatever
   * else is added.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this.host._object.overrides.add(['spec', this.kind, this.eventName], path, value, `[${this.node.path}]`);
  }

  /** @internal the generated configuration of the event. */
  public abstract _render(): EventSourceConfig<K>;

  /** Problems of the event's configuration that neither types nor rules catch, as messages. */
  protected check(): string[] {
    return [];
  }

  /** `EventSource/<name>: spec.<kind>.<event>` for messages. */
  protected get where(): string {
    return `EventSource/${this.eventSourceName}: ${fieldPath('spec', this.kind, this.eventName)}`;
  }

  /** Renders the options every event takes. */
  protected renderCommon(options: SourceEventOptions): CommonEventFields {
    return {
      filter: options.filterExpression === undefined ? undefined : { expression: options.filterExpression },
      metadata: options.metadata,
    };
  }
}

/** Options of an event whose message body may be JSON. */
export interface JsonBodyOptions {
  /**
   * Parse the message body as JSON, so that triggers read keys below it (`body('size')`);
   * otherwise the body is passed as bytes (base64 in the event).
   * @default false (Argo Events' default)
   */
  readonly jsonBody?: boolean;
}

/** An event whose payload carries a message `body`. */
export abstract class MessageEvent<K extends SourceKind> extends SourceEvent<K> {
  protected constructor(host: ISourceEventHost, kind: K, eventName: string, private readonly parsesJson?: boolean) {
    super(host, kind, eventName);
  }

  /**
   * The message body, or a key of it (`body('size')` reads `body.size`). A key needs the body
   * parsed as JSON (`jsonBody: true`), else Argo Events finds no such key.
   */
  public body(path?: string): EventField {
    if (path && this.parsesJson === false) {
      throw new Error(`[${this.node.path}] ${this.where}: body("${path}") reads a key of the message body, but the event does not parse it as JSON (jsonBody is not set): `
        + 'Argo Events passes the body as bytes and the key never resolves. Set jsonBody: true, or read body() whole.');
    }
    return EventField.data(this, path ? `body.${path}` : 'body');
  }
}
