import { Construct } from 'constructs';
import { EmitterEventSource as EmitterConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { ClientTls, ConnectionBackoff, renderBackoff, renderTls, secretSelector } from './source-options';

/** Options of an Emitter event. */
export interface EmitterEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Broker address, e.g. `tcp://broker:4000`. */
  readonly broker: string;
  /** Channel to subscribe to. */
  readonly channelName: string;
  /** Key of the channel. */
  readonly channelKey: string;
  /**
   * Secret key holding the user name.
   * @default - none
   */
  readonly username?: SecretKeyRef;
  /**
   * Secret key holding the password.
   * @default - none
   */
  readonly password?: SecretKeyRef;
  /**
   * TLS towards the broker.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * Retries of the connection.
   * @default - Argo Events' defaults
   */
  readonly connectionBackoff?: ConnectionBackoff;
}

/** An event of an Emitter EventSource: a message of the channel. */
export class EmitterEvent extends MessageEvent<'emitter'> {
  /** @internal use `EmitterEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: EmitterEventOptions) {
    super(host, 'emitter', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): EmitterConfig {
    const o = this.options;
    return {
      broker: o.broker,
      channelName: o.channelName,
      channelKey: o.channelKey,
      username: secretSelector(o.username, `${this.node.path}: username`),
      password: secretSelector(o.password, `${this.node.path}: password`),
      tls: renderTls(o.tls, this.node.path),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `EmitterEventSource`. */
export interface EmitterEventSourceProps extends EventSourceBaseProps {}

/** An EventSource subscribing to Emitter channels. */
export class EmitterEventSource extends SingleKindEventSource<EmitterEvent> {
  constructor(scope: Construct, id: string, props: EmitterEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a channel) and returns its handle. */
  public addEvent(eventName: string, options: EmitterEventOptions): EmitterEvent {
    return new EmitterEvent(this, eventName, options);
  }
}
