import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { SqsEventSource as SqsConfig } from '../../imports/argo-events';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { AwsCredentials, renderAwsCredentials, wholeSeconds } from './source-options';

/** Options of an SQS event. */
export interface SqsEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Name of the queue. */
  readonly queue: string;
  /** AWS region of the queue. */
  readonly region: string;
  /**
   * Access keys.
   * @default - the pod's role (IRSA, instance profile)
   */
  readonly credentials?: AwsCredentials;
  /**
   * Role to assume.
   * @default - none
   */
  readonly roleArn?: string;
  /**
   * Account that owns the queue, when it is another account's.
   * @default - the caller's account
   */
  readonly queueAccountId?: string;
  /**
   * Custom SQS endpoint (LocalStack, VPC endpoint).
   * @default - AWS's endpoint of the region
   */
  readonly endpoint?: string;
  /**
   * Long-polling wait (whole seconds, at most 20).
   * @default - no wait (short polling)
   */
  readonly waitTime?: Duration;
  /**
   * Leave the message in the queue when the event fails, so that the queue's dead-letter policy applies.
   * @default false
   */
  readonly dlq?: boolean;
}

/** An event of an SQS EventSource: a message of the queue. */
export class SqsEvent extends MessageEvent<'sqs'> {
  /** @internal use `SqsEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: SqsEventOptions) {
    super(host, 'sqs', eventName, options.jsonBody ?? false);
  }

  /** A message attribute (`messageAttributes.<name>.StringValue`). */
  public attribute(name: string) {
    return this.field('messageAttributes', `${name}.StringValue`);
  }

  /** @internal */
  public _render(): SqsConfig {
    const o = this.options;
    return {
      queue: o.queue,
      region: o.region,
      ...renderAwsCredentials(o.credentials, this.node.path),
      roleArn: o.roleArn,
      queueAccountId: o.queueAccountId,
      endpoint: o.endpoint,
      waitTimeSeconds: wholeSeconds(o.waitTime, `${this.node.path}: waitTime`),
      dlq: o.dlq,
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `SqsEventSource`. */
export interface SqsEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading AWS SQS queues: one event per queue. */
export class SqsEventSource extends SingleKindEventSource<SqsEvent> {
  constructor(scope: Construct, id: string, props: SqsEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a queue) and returns its handle. */
  public addEvent(eventName: string, options: SqsEventOptions): SqsEvent {
    return new SqsEvent(this, eventName, options);
  }
}
