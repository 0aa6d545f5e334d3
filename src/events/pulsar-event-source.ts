import { Construct } from 'constructs';
import { PulsarEventSource as PulsarConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { PulsarConnection } from './pulsar-auth';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { ClientTls, ConnectionBackoff, renderBackoff, renderTls, secretSelector } from './source-options';

/** Pulsar subscription types Argo Events accepts. */
export enum PulsarSubscriptionType {
  /** One consumer (Argo Events' usual choice). */
  EXCLUSIVE = 'exclusive',
  /** Messages shared among consumers. */
  SHARED = 'shared',
}

/** Options of a Pulsar event. */
export interface PulsarEventOptions extends SourceEventOptions, JsonBodyOptions, PulsarConnection {
  /** Service URL, e.g. `pulsar://pulsar:6650`. */
  readonly url: string;
  /** Topics to consume. */
  readonly topics: string[];
  /**
   * Subscription type (Argo Events requires one).
   * @default PulsarSubscriptionType.EXCLUSIVE
   */
  readonly subscriptionType?: PulsarSubscriptionType;
  /**
   * Client TLS towards the broker.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * Retries of the connection.
   * @default - Argo Events' defaults
   */
  readonly connectionBackoff?: ConnectionBackoff;
}

/** An event of a Pulsar EventSource: a message of the topics. */
export class PulsarEvent extends MessageEvent<'pulsar'> {
  /** @internal use `PulsarEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: PulsarEventOptions) {
    super(host, 'pulsar', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): PulsarConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      url: o.url,
      topics: o.topics,
      type: o.subscriptionType ?? PulsarSubscriptionType.EXCLUSIVE,
      tls: renderTls(o.tls, at),
      tlsTrustCertsSecret: secretSelector(o.tlsTrustCerts, `${at}: tlsTrustCerts`),
      tlsAllowInsecureConnection: o.tlsAllowInsecureConnection,
      tlsValidateHostname: o.tlsValidateHostname,
      authTokenSecret: secretSelector(o.authToken, `${at}: authToken`),
      authAthenzParams: o.athenz?.params,
      authAthenzSecret: secretSelector(o.athenz?.privateKey, `${at}: athenz.privateKey`),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `PulsarEventSource`. */
export interface PulsarEventSourceProps extends EventSourceBaseProps {}

/** An EventSource consuming Apache Pulsar topics. */
export class PulsarEventSource extends SingleKindEventSource<PulsarEvent> {
  constructor(scope: Construct, id: string, props: PulsarEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a subscription to topics) and returns its handle. */
  public addEvent(eventName: string, options: PulsarEventOptions): PulsarEvent {
    return new PulsarEvent(this, eventName, options);
  }
}
