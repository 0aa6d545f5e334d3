import { Construct } from 'constructs';
import { MqttEventSource as MqttConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { BasicAuthCredentials, ClientTls, ConnectionBackoff, renderBackoff, renderBasicAuth, renderTls } from './source-options';

/** Options of an MQTT event. */
export interface MqttEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Broker URL, e.g. `tcp://mqtt:1883`. */
  readonly url: string;
  /** Topic to subscribe to. */
  readonly topic: string;
  /** Client id, unique to this event source. */
  readonly clientId: string;
  /**
   * User and password.
   * @default - none
   */
  readonly auth?: BasicAuthCredentials;
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

/** An event of an MQTT EventSource: a message of the topic. */
export class MqttEvent extends MessageEvent<'mqtt'> {
  /** @internal use `MqttEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: MqttEventOptions) {
    super(host, 'mqtt', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): MqttConfig {
    const o = this.options;
    return {
      url: o.url,
      topic: o.topic,
      clientId: o.clientId,
      auth: renderBasicAuth(o.auth, `${this.node.path}: auth`),
      tls: renderTls(o.tls, this.node.path),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `MqttEventSource`. */
export interface MqttEventSourceProps extends EventSourceBaseProps {}

/** An EventSource subscribing to MQTT topics. */
export class MqttEventSource extends SingleKindEventSource<MqttEvent> {
  constructor(scope: Construct, id: string, props: MqttEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a topic) and returns its handle. */
  public addEvent(eventName: string, options: MqttEventOptions): MqttEvent {
    return new MqttEvent(this, eventName, options);
  }
}
