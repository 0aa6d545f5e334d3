import { Construct } from 'constructs';
import { MnsEventSource as MnsConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent } from './source-event';
import { secretSelector } from './source-options';

/** Options of an Alibaba Cloud MNS event. */
export interface MnsEventOptions extends JsonBodyOptions {
  /** Name of the queue. */
  readonly queue: string;
  /** MNS endpoint, e.g. `http://<account>.mns.<region>.aliyuncs.com`. */
  readonly endpoint: string;
  /** Access keys of the account. */
  readonly credentials: {
    /** Secret key holding the access key id. */
    readonly accessKey: SecretKeyRef;
    /** Secret key holding the secret access key. */
    readonly secretKey: SecretKeyRef;
  };
  /**
   * Expression (expr-lang, over the event data) that events must pass to be published.
   * @default - every event is published
   */
  readonly filterExpression?: string;
}

/** An event of an MNS EventSource: a message of the queue. */
export class MnsEvent extends MessageEvent<'mns'> {
  /** @internal use `MnsEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: MnsEventOptions) {
    super(host, 'mns', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): MnsConfig {
    const o = this.options;
    return {
      queue: o.queue,
      endpoint: o.endpoint,
      accessKey: secretSelector(o.credentials.accessKey, `${this.node.path}: credentials.accessKey`),
      secretKey: secretSelector(o.credentials.secretKey, `${this.node.path}: credentials.secretKey`),
      jsonBody: o.jsonBody,
      filter: this.renderCommon(o).filter,
    };
  }
}

/** Properties of an `MnsEventSource`. */
export interface MnsEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Alibaba Cloud MNS queues. */
export class MnsEventSource extends SingleKindEventSource<MnsEvent> {
  constructor(scope: Construct, id: string, props: MnsEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a queue) and returns its handle. */
  public addEvent(eventName: string, options: MnsEventOptions): MnsEvent {
    return new MnsEvent(this, eventName, options);
  }
}
