import { Construct } from 'constructs';
import { PubSubEventSource as PubSubConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a Google Cloud Pub/Sub event: a topic (a subscription is created) and/or a subscription. */
export interface PubSubEventOptions extends SourceEventOptions, JsonBodyOptions {
  /**
   * Project of the subscription.
   * @default - the project of the credentials
   */
  readonly projectId?: string;
  /**
   * Topic to subscribe to (or give `subscriptionId`).
   * @default - none
   */
  readonly topic?: string;
  /**
   * Project of the topic, when it is another project's.
   * @default - `projectId`
   */
  readonly topicProjectId?: string;
  /**
   * Subscription to read (or give `topic`, and one is created).
   * @default - a generated one
   */
  readonly subscriptionId?: string;
  /**
   * Secret key holding the service account's JSON key.
   * @default - the pod's workload identity
   */
  readonly credentialSecret?: SecretKeyRef;
  /**
   * Delete the generated subscription when the event source stops.
   * @default false
   */
  readonly deleteSubscriptionOnFinish?: boolean;
}

/** An event of a Pub/Sub EventSource: a message of the subscription. */
export class PubSubEvent extends MessageEvent<'pubSub'> {
  /** @internal use `PubSubEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: PubSubEventOptions) {
    super(host, 'pubSub', eventName, options.jsonBody ?? false);
  }

  /** A message attribute. */
  public attribute(name: string) {
    return this.field('attributes', name);
  }

  /** @internal */
  public _render(): PubSubConfig {
    const o = this.options;
    return {
      projectId: o.projectId,
      topic: o.topic,
      topicProjectId: o.topicProjectId,
      subscriptionId: o.subscriptionId,
      credentialSecret: secretSelector(o.credentialSecret, `${this.node.path}: credentialSecret`),
      deleteSubscriptionOnFinish: o.deleteSubscriptionOnFinish,
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `PubSubEventSource`. */
export interface PubSubEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Google Cloud Pub/Sub. */
export class PubSubEventSource extends SingleKindEventSource<PubSubEvent> {
  constructor(scope: Construct, id: string, props: PubSubEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a topic or subscription) and returns its handle. */
  public addEvent(eventName: string, options: PubSubEventOptions): PubSubEvent {
    return new PubSubEvent(this, eventName, options);
  }
}
