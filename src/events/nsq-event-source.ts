import { Construct } from 'constructs';
import { NsqEventSource as NsqConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { ClientTls, ConnectionBackoff, renderBackoff, renderTls } from './source-options';

/** Options of an NSQ event. */
export interface NsqEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Address of nsqlookupd, e.g. `nsqlookupd:4161`. */
  readonly hostAddress: string;
  /** Topic to consume. */
  readonly topic: string;
  /** Channel to read from. */
  readonly channel: string;
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

/** An event of an NSQ EventSource: a message of the channel. */
export class NsqEvent extends MessageEvent<'nsq'> {
  /** @internal use `NsqEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: NsqEventOptions) {
    super(host, 'nsq', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): NsqConfig {
    const o = this.options;
    return {
      hostAddress: o.hostAddress,
      topic: o.topic,
      channel: o.channel,
      tls: renderTls(o.tls, this.node.path),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `NsqEventSource`. */
export interface NsqEventSourceProps extends EventSourceBaseProps {}

/** An EventSource consuming NSQ topics. */
export class NsqEventSource extends SingleKindEventSource<NsqEvent> {
  constructor(scope: Construct, id: string, props: NsqEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a topic's channel) and returns its handle. */
  public addEvent(eventName: string, options: NsqEventOptions): NsqEvent {
    return new NsqEvent(this, eventName, options);
  }
}
