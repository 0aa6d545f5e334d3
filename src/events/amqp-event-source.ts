import { Construct } from 'constructs';
import { AmqpEventSource as AmqpConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import {
  BasicAuthCredentials, ClientTls, ConnectionBackoff, renderBackoff, renderBasicAuth, renderTls, secretSelector,
} from './source-options';

/** AMQP exchange types. */
export enum AmqpExchangeType {
  /** Routes by exact routing key. */
  DIRECT = 'direct',
  /** Routes to every bound queue. */
  FANOUT = 'fanout',
  /** Routes by routing-key pattern. */
  TOPIC = 'topic',
  /** Routes by message headers. */
  HEADERS = 'headers',
}

/** How the exchange is declared. */
export interface AmqpExchangeDeclare {
  /** @default true (Argo Events' default) */
  readonly durable?: boolean;
  /** @default false */
  readonly autoDelete?: boolean;
  /** @default false */
  readonly internal?: boolean;
  /** @default false */
  readonly noWait?: boolean;
}

/** How the queue is declared. */
export interface AmqpQueueDeclare {
  /**
   * Queue name.
   * @default - a name the server generates
   */
  readonly name?: string;
  /** @default false */
  readonly durable?: boolean;
  /** @default false */
  readonly autoDelete?: boolean;
  /** @default true (Argo Events' default) */
  readonly exclusive?: boolean;
  /** @default false */
  readonly noWait?: boolean;
  /**
   * Extra arguments, as a JSON object text (`{"x-queue-type":"quorum"}`).
   * @default - none
   */
  readonly arguments?: string;
}

/** How messages are consumed. */
export interface AmqpConsume {
  /**
   * Consumer tag.
   * @default - a tag the server generates
   */
  readonly consumerTag?: string;
  /** @default true (Argo Events' default) */
  readonly autoAck?: boolean;
  /** @default false */
  readonly exclusive?: boolean;
  /** @default false */
  readonly noLocal?: boolean;
  /** @default false */
  readonly noWait?: boolean;
}

/** Options of an AMQP (RabbitMQ) event. */
export interface AmqpEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Broker URL (`amqp://host:5672`), or the Secret key holding it (when it carries credentials). */
  readonly url: string | SecretKeyRef;
  /** Exchange to bind the queue to. */
  readonly exchangeName: string;
  /** Type of the exchange. */
  readonly exchangeType: AmqpExchangeType;
  /** Routing key of the binding. */
  readonly routingKey: string;
  /**
   * User and password.
   * @default - none (or in the URL)
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
  /** @default - Argo Events' defaults */
  readonly exchangeDeclare?: AmqpExchangeDeclare;
  /** @default - Argo Events' defaults */
  readonly queueDeclare?: AmqpQueueDeclare;
  /**
   * Declare the binding without waiting for the server's confirmation.
   * @default false
   */
  readonly queueBindNoWait?: boolean;
  /** @default - Argo Events' defaults */
  readonly consume?: AmqpConsume;
}

/** An event of an AMQP EventSource: a message of the bound queue. */
export class AmqpEvent extends MessageEvent<'amqp'> {
  /** @internal use `AmqpEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: AmqpEventOptions) {
    super(host, 'amqp', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): AmqpConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      url: typeof o.url === 'string' ? o.url : undefined,
      urlSecret: typeof o.url === 'string' ? undefined : secretSelector(o.url, `${at}: url`),
      exchangeName: o.exchangeName,
      exchangeType: o.exchangeType,
      routingKey: o.routingKey,
      jsonBody: o.jsonBody,
      auth: renderBasicAuth(o.auth, `${at}: auth`),
      tls: renderTls(o.tls, at),
      connectionBackoff: renderBackoff(o.connectionBackoff),
      exchangeDeclare: o.exchangeDeclare,
      queueDeclare: o.queueDeclare,
      queueBind: o.queueBindNoWait === undefined ? undefined : { noWait: o.queueBindNoWait },
      consume: o.consume,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `AmqpEventSource`. */
export interface AmqpEventSourceProps extends EventSourceBaseProps {}

/**
 * An EventSource consuming AMQP 0-9-1 (RabbitMQ) messages: each event binds a queue to an
 * exchange.
 *
 * ```ts
 * const amqp = new AmqpEventSource(this, 'amqp');
 * const orders = amqp.addEvent('orders', { url: 'amqp://rabbitmq:5672', exchangeName: 'shop', exchangeType: AmqpExchangeType.TOPIC, routingKey: 'orders.*', jsonBody: true });
 * ```
 */
export class AmqpEventSource extends SingleKindEventSource<AmqpEvent> {
  constructor(scope: Construct, id: string, props: AmqpEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a queue binding) and returns its handle. */
  public addEvent(eventName: string, options: AmqpEventOptions): AmqpEvent {
    return new AmqpEvent(this, eventName, options);
  }
}
