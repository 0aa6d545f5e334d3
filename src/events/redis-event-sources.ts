import { Construct } from 'constructs';
import { RedisEventSource as RedisConfig, RedisStreamEventSource as RedisStreamConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { namespaceOf } from '../core/ref-inspection';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEvent, SourceEventOptions } from './source-event';
import { ClientTls, renderTls, secretSelector } from './source-options';

/** How to reach a Redis server. */
export interface RedisConnection {
  /** Address, e.g. `redis:6379`. */
  readonly hostAddress: string;
  /**
   * Database number.
   * @default 0
   */
  readonly db?: number;
  /**
   * User name (Redis 6 ACLs).
   * @default - none
   */
  readonly username?: string;
  /**
   * Secret key holding the password.
   * @default - none
   */
  readonly password?: SecretKeyRef;
  /**
   * TLS towards the server.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
}

/** Options of a Redis pub/sub event. */
export interface RedisEventOptions extends SourceEventOptions, JsonBodyOptions, RedisConnection {
  /** Channels to subscribe to (patterns allowed). */
  readonly channels: string[];
}

/** An event of a Redis EventSource: a message of the channels. */
export class RedisEvent extends MessageEvent<'redis'> {
  /** @internal use `RedisEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: RedisEventOptions) {
    super(host, 'redis', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): RedisConfig {
    const o = this.options;
    return {
      hostAddress: o.hostAddress,
      db: o.db,
      channels: o.channels,
      username: o.username,
      password: secretSelector(o.password, `${this.node.path}: password`),
      // Argo Events wants the namespace of the password's Secret: the Secret's own, else the EventSource's.
      namespace: o.password ? namespaceOf(o.password.secret) ?? this.namespace : undefined,
      tls: renderTls(o.tls, this.node.path),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `RedisEventSource`. */
export interface RedisEventSourceProps extends EventSourceBaseProps {}

/** An EventSource subscribing to Redis pub/sub channels. */
export class RedisEventSource extends SingleKindEventSource<RedisEvent> {
  constructor(scope: Construct, id: string, props: RedisEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (channels) and returns its handle. */
  public addEvent(eventName: string, options: RedisEventOptions): RedisEvent {
    return new RedisEvent(this, eventName, options);
  }
}

/** Options of a Redis streams event. */
export interface RedisStreamEventOptions extends SourceEventOptions, RedisConnection {
  /** Streams to read. */
  readonly streams: string[];
  /**
   * Consumer group.
   * @default - Argo Events' default (`argo-events-cg`)
   */
  readonly consumerGroup?: string;
  /**
   * Entries read at once.
   * @default - Argo Events' default (10)
   */
  readonly maxMsgCountPerRead?: number;
}

/** An event of a Redis streams EventSource: an entry of the streams (`values`). */
export class RedisStreamEvent extends SourceEvent<'redisStream'> {
  /** @internal use `RedisStreamEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: RedisStreamEventOptions) {
    super(host, 'redisStream', eventName);
  }

  /** A field of the stream entry. */
  public value(name: string) {
    return this.field('values', name);
  }

  /** @internal */
  public _render(): RedisStreamConfig {
    const o = this.options;
    return {
      hostAddress: o.hostAddress,
      db: o.db,
      streams: o.streams,
      consumerGroup: o.consumerGroup,
      maxMsgCountPerRead: o.maxMsgCountPerRead,
      username: o.username,
      password: secretSelector(o.password, `${this.node.path}: password`),
      tls: renderTls(o.tls, this.node.path),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `RedisStreamEventSource`. */
export interface RedisStreamEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Redis streams. */
export class RedisStreamEventSource extends SingleKindEventSource<RedisStreamEvent> {
  constructor(scope: Construct, id: string, props: RedisStreamEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (streams) and returns its handle. */
  public addEvent(eventName: string, options: RedisStreamEventOptions): RedisStreamEvent {
    return new RedisStreamEvent(this, eventName, options);
  }
}
