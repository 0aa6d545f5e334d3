import { Construct } from 'constructs';
import { NatsEventsSource as NatsConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { NatsCredentials } from './nats-auth';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { ClientTls, ConnectionBackoff, renderBackoff, renderTls } from './source-options';
import { canonicalHeaderKey } from './util';

/** Options of a NATS event. */
export interface NatsEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Server URL, e.g. `nats://nats:4222`. */
  readonly url: string;
  /** Subject to subscribe to. */
  readonly subject: string;
  /**
   * Queue group: the event sources of one group share the messages.
   * @default - none (every subscriber gets every message)
   */
  readonly queue?: string;
  /**
   * How the client authenticates.
   * @default - no authentication
   */
  readonly auth?: NatsCredentials;
  /**
   * TLS towards the server.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * Retries of the connection.
   * @default - Argo Events' defaults
   */
  readonly connectionBackoff?: ConnectionBackoff;
}

/** An event of a NATS EventSource: a message of the subject. */
export class NatsEvent extends MessageEvent<'nats'> {
  /** @internal use `NatsEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: NatsEventOptions) {
    super(host, 'nats', eventName, options.jsonBody ?? false);
  }

  /** The payload key of a message header's first value: `header.<Name>.0`. */
  public headerKey(name: string): string {
    return `header.${canonicalHeaderKey(name)}.0`;
  }

  /** @internal */
  public _render(): NatsConfig {
    const o = this.options;
    return {
      url: o.url,
      subject: o.subject,
      queue: o.queue,
      auth: o.auth?._render(this.node.path),
      tls: renderTls(o.tls, this.node.path),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `NatsEventSource`. */
export interface NatsEventSourceProps extends EventSourceBaseProps {}

/** An EventSource subscribing to NATS subjects. */
export class NatsEventSource extends SingleKindEventSource<NatsEvent> {
  constructor(scope: Construct, id: string, props: NatsEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a subject) and returns its handle. */
  public addEvent(eventName: string, options: NatsEventOptions): NatsEvent {
    return new NatsEvent(this, eventName, options);
  }
}
