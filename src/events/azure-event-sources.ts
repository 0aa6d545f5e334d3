import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AzureEventsHubEventSource as EventsHubConfig, AzureQueueStorageEventSource as QueueStorageConfig, AzureServiceBusEventSource as ServiceBusConfig,
} from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { ClientTls, renderTls, secretSelector, wholeSeconds } from './source-options';

/** A shared access policy of an Azure namespace: its name and key, from Secrets. */
export interface AzureSharedAccessKey {
  /** Secret key holding the policy name. */
  readonly keyName: SecretKeyRef;
  /** Secret key holding the policy key. */
  readonly key: SecretKeyRef;
}

/** Options of an Azure Event Hubs event. */
export interface AzureEventsHubEventOptions extends SourceEventOptions {
  /** Host of the Event Hubs namespace, e.g. `myhub.servicebus.windows.net`. */
  readonly fqdn: string;
  /** Name of the event hub. */
  readonly hubName: string;
  /**
   * Shared access policy.
   * @default - the pod's workload identity
   */
  readonly sharedAccessKey?: AzureSharedAccessKey;
}

/** An event of an Azure Event Hubs EventSource. */
export class AzureEventsHubEvent extends MessageEvent<'azureEventsHub'> {
  /** @internal use `AzureEventsHubEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: AzureEventsHubEventOptions) {
    super(host, 'azureEventsHub', eventName);
  }

  /** @internal */
  public _render(): EventsHubConfig {
    const o = this.options;
    return {
      fqdn: o.fqdn,
      hubName: o.hubName,
      sharedAccessKeyName: secretSelector(o.sharedAccessKey?.keyName, `${this.node.path}: sharedAccessKey.keyName`),
      sharedAccessKey: secretSelector(o.sharedAccessKey?.key, `${this.node.path}: sharedAccessKey.key`),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `AzureEventsHubEventSource`. */
export interface AzureEventsHubEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Azure Event Hubs: one event per hub. */
export class AzureEventsHubEventSource extends SingleKindEventSource<AzureEventsHubEvent> {
  constructor(scope: Construct, id: string, props: AzureEventsHubEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (an event hub) and returns its handle. */
  public addEvent(eventName: string, options: AzureEventsHubEventOptions): AzureEventsHubEvent {
    return new AzureEventsHubEvent(this, eventName, options);
  }
}

/** Options of an Azure Queue Storage event. */
export interface AzureQueueStorageEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Name of the queue. */
  readonly queueName: string;
  /**
   * Secret key holding the storage account's connection string (or give `storageAccountName`).
   * @default - none
   */
  readonly connectionString?: SecretKeyRef;
  /**
   * Storage account, read with the pod's workload identity (or give `connectionString`).
   * @default - none
   */
  readonly storageAccountName?: string;
  /**
   * Decode messages from base64.
   * @default false
   */
  readonly decodeMessage?: boolean;
  /**
   * Leave failed messages in the queue (dead-lettering after the queue's policy).
   * @default false
   */
  readonly dlq?: boolean;
  /**
   * Wait for a message (whole seconds).
   * @default - Argo Events' default (3s)
   */
  readonly waitTime?: Duration;
}

/** An event of an Azure Queue Storage EventSource. */
export class AzureQueueStorageEvent extends MessageEvent<'azureQueueStorage'> {
  /** @internal use `AzureQueueStorageEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: AzureQueueStorageEventOptions) {
    super(host, 'azureQueueStorage', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): QueueStorageConfig {
    const o = this.options;
    return {
      queueName: o.queueName,
      connectionString: secretSelector(o.connectionString, `${this.node.path}: connectionString`),
      storageAccountName: o.storageAccountName,
      jsonBody: o.jsonBody,
      decodeMessage: o.decodeMessage,
      dlq: o.dlq,
      waitTimeInSeconds: wholeSeconds(o.waitTime, `${this.node.path}: waitTime`),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `AzureQueueStorageEventSource`. */
export interface AzureQueueStorageEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Azure Queue Storage queues: one event per queue. */
export class AzureQueueStorageEventSource extends SingleKindEventSource<AzureQueueStorageEvent> {
  constructor(scope: Construct, id: string, props: AzureQueueStorageEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a queue) and returns its handle. */
  public addEvent(eventName: string, options: AzureQueueStorageEventOptions): AzureQueueStorageEvent {
    return new AzureQueueStorageEvent(this, eventName, options);
  }
}

/** A Service Bus topic, read through one of its subscriptions. */
export interface ServiceBusTopic {
  /** Name of the topic. */
  readonly name: string;
  /** Name of the subscription. */
  readonly subscription: string;
}

/** Options of an Azure Service Bus event: a queue, or a topic subscription. */
export interface AzureServiceBusEventOptions extends SourceEventOptions, JsonBodyOptions {
  /**
   * Secret key holding the namespace's connection string (or give `fullyQualifiedNamespace`).
   * @default - none
   */
  readonly connectionString?: SecretKeyRef;
  /**
   * Namespace host, read with the pod's workload identity (or give `connectionString`).
   * @default - none
   */
  readonly fullyQualifiedNamespace?: string;
  /**
   * Queue to read (or give `topic`).
   * @default - none
   */
  readonly queue?: string;
  /**
   * Topic subscription to read (or give `queue`).
   * @default - none
   */
  readonly topic?: ServiceBusTopic;
  /**
   * TLS towards the namespace.
   * @default - Argo Events' default
   */
  readonly tls?: ClientTls;
  /**
   * Defer the deletion of a message until its event is delivered.
   * @default false
   */
  readonly deferDelete?: boolean;
}

/** An event of an Azure Service Bus EventSource. */
export class AzureServiceBusEvent extends MessageEvent<'azureServiceBus'> {
  /** @internal use `AzureServiceBusEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: AzureServiceBusEventOptions) {
    super(host, 'azureServiceBus', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): ServiceBusConfig {
    const o = this.options;
    return {
      connectionString: secretSelector(o.connectionString, `${this.node.path}: connectionString`),
      fullyQualifiedNamespace: o.fullyQualifiedNamespace,
      queueName: o.queue,
      topicName: o.topic?.name,
      subscriptionName: o.topic?.subscription,
      tls: renderTls(o.tls, this.node.path),
      jsonBody: o.jsonBody,
      deferDelete: o.deferDelete,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `AzureServiceBusEventSource`. */
export interface AzureServiceBusEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading Azure Service Bus queues or topic subscriptions. */
export class AzureServiceBusEventSource extends SingleKindEventSource<AzureServiceBusEvent> {
  constructor(scope: Construct, id: string, props: AzureServiceBusEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a queue or a topic subscription) and returns its handle. */
  public addEvent(eventName: string, options: AzureServiceBusEventOptions): AzureServiceBusEvent {
    return new AzureServiceBusEvent(this, eventName, options);
  }
}
