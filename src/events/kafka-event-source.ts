import { Construct } from 'constructs';
import { KafkaEventSource as KafkaConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import {
  BasicAuthCredentials, ClientTls, ConnectionBackoff, renderBackoff, renderBasicAuth, renderSasl, renderTls, SaslCredentials,
} from './source-options';

/** How a consumer group assigns partitions. */
export enum KafkaRebalanceStrategy {
  /** Ranges of partitions (Argo Events' default). */
  RANGE = 'range',
  /** Round robin. */
  ROUND_ROBIN = 'roundrobin',
  /** Sticky assignment. */
  STICKY = 'sticky',
}

/** A Kafka consumer group. */
export interface KafkaConsumerGroupOptions {
  /** Name of the group. */
  readonly groupName: string;
  /**
   * Start from the oldest offset when the group has none.
   * @default false (the newest)
   */
  readonly oldest?: boolean;
  /**
   * Partition assignment.
   * @default KafkaRebalanceStrategy.RANGE
   */
  readonly rebalanceStrategy?: KafkaRebalanceStrategy;
}

/** A schema registry that decodes Avro messages. */
export interface KafkaSchemaRegistry {
  /** URL of the registry. */
  readonly url: string;
  /** Id of the schema. */
  readonly schemaId: number;
  /**
   * User and password of the registry.
   * @default - none
   */
  readonly auth?: BasicAuthCredentials;
}

/** Options of a Kafka event: a topic, read by a consumer group or from one partition. */
export interface KafkaEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Broker addresses, comma-separated (`kafka-0:9092,kafka-1:9092`). */
  readonly url: string;
  /** Topic to consume. */
  readonly topic: string;
  /**
   * Consumer group (or give `partition`).
   * @default - none
   */
  readonly consumerGroup?: KafkaConsumerGroupOptions;
  /**
   * Partition to read, without a consumer group (or give `consumerGroup`).
   * @default - none
   */
  readonly partition?: number;
  /**
   * Kafka protocol version, e.g. `2.5.0`.
   * @default - Argo Events' default
   */
  readonly version?: string;
  /**
   * TLS towards the brokers.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * SASL authentication.
   * @default - none
   */
  readonly sasl?: SaslCredentials;
  /**
   * AWS MSK IAM authentication, in this region.
   * @default - none
   */
  readonly awsMskIamRegion?: string;
  /**
   * At most this many events per second.
   * @default - no limit
   */
  readonly limitEventsPerSecond?: number;
  /**
   * Schema registry for Avro messages.
   * @default - none
   */
  readonly schemaRegistry?: KafkaSchemaRegistry;
  /**
   * Extra sarama configuration, as YAML.
   * @default - none
   */
  readonly config?: string;
  /**
   * Retries of the connection.
   * @default - Argo Events' defaults
   */
  readonly connectionBackoff?: ConnectionBackoff;
}

/** An event of a Kafka EventSource: a message of the topic. */
export class KafkaEvent extends MessageEvent<'kafka'> {
  /** @internal use `KafkaEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: KafkaEventOptions) {
    super(host, 'kafka', eventName, options.jsonBody ?? false);
  }

  /** The message key. */
  public key() {
    return this.field('key');
  }

  /** A message header (Kafka header names are kept as sent). */
  public header(name: string) {
    return this.data(this.headerKey(name));
  }

  /** The payload key of a message header: `headers.<name>`. */
  public headerKey(name: string): string {
    return `headers.${name}`;
  }

  /** @internal */
  public _render(): KafkaConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      url: o.url,
      topic: o.topic,
      consumerGroup: o.consumerGroup,
      partition: o.partition === undefined ? undefined : String(o.partition),
      version: o.version,
      tls: renderTls(o.tls, at),
      sasl: renderSasl(o.sasl, at),
      awsMskIamAuth: o.awsMskIamRegion === undefined ? undefined : { region: o.awsMskIamRegion },
      limitEventsPerSecond: o.limitEventsPerSecond,
      schemaRegistry: o.schemaRegistry && { url: o.schemaRegistry.url, schemaId: o.schemaRegistry.schemaId, auth: renderBasicAuth(o.schemaRegistry.auth, `${at}: schemaRegistry.auth`) },
      config: o.config,
      connectionBackoff: renderBackoff(o.connectionBackoff),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `KafkaEventSource`. */
export interface KafkaEventSourceProps extends EventSourceBaseProps {}

/** An EventSource consuming Kafka topics: one event per topic. */
export class KafkaEventSource extends SingleKindEventSource<KafkaEvent> {
  constructor(scope: Construct, id: string, props: KafkaEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a topic) and returns its handle. */
  public addEvent(eventName: string, options: KafkaEventOptions): KafkaEvent {
    return new KafkaEvent(this, eventName, options);
  }
}
