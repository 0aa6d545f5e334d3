import { AwsLambdaTrigger, AzureEventHubsTrigger, AzureServiceBusTrigger } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { AzureSharedAccessKey, ServiceBusTopic } from './azure-event-sources';
import { MessageTriggerOptions } from './messaging-triggers';
import { AwsCredentials, ClientTls, renderAwsCredentials, renderTls, secretSelector } from './source-options';
import { payloadOf, TemplateAction } from './template-action';
import { renderMappings } from './trigger-parameters';

/** How a Lambda function is invoked. */
export enum LambdaInvocationType {
  /** Synchronously: the trigger waits for the result (Argo's default). */
  REQUEST_RESPONSE = 'RequestResponse',
  /** Asynchronously. */
  EVENT = 'Event',
  /** Only check the permissions. */
  DRY_RUN = 'DryRun',
}

/** Options of an AWS Lambda trigger. */
export interface AwsLambdaTriggerOptions extends MessageTriggerOptions {
  /** Name (or ARN) of the function. */
  readonly functionName: string;
  /** AWS region of the function. */
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
   * Invocation type.
   * @default LambdaInvocationType.REQUEST_RESPONSE
   */
  readonly invocationType?: LambdaInvocationType;
}

/** @internal */
export function awsLambdaAction(o: AwsLambdaTriggerOptions): TemplateAction {
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { awsLambda: AwsLambdaTrigger } => ({
      awsLambda: {
        functionName: o.functionName,
        region: o.region,
        payload: payloadOf(o.payload, resolve) ?? [],
        ...renderAwsCredentials(o.credentials, 'TriggerAction.awsLambda()'),
        roleArn: o.roleArn,
        invocationType: o.invocationType,
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.credentials?.accessKey, o.credentials?.secretKey, o.credentials?.sessionToken],
  });
}

/** Options of an Azure Event Hubs trigger. */
export interface AzureEventHubsTriggerOptions extends MessageTriggerOptions {
  /** Host of the Event Hubs namespace. */
  readonly fqdn: string;
  /** Name of the event hub. */
  readonly hubName: string;
  /** Shared access policy. */
  readonly sharedAccessKey: AzureSharedAccessKey;
}

/** @internal */
export function azureEventHubsAction(o: AzureEventHubsTriggerOptions): TemplateAction {
  const at = 'TriggerAction.azureEventHubs()';
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { azureEventHubs: AzureEventHubsTrigger } => ({
      azureEventHubs: {
        fqdn: o.fqdn,
        hubName: o.hubName,
        sharedAccessKeyName: secretSelector(o.sharedAccessKey.keyName, `${at}: sharedAccessKey.keyName`),
        sharedAccessKey: secretSelector(o.sharedAccessKey.key, `${at}: sharedAccessKey.key`),
        payload: payloadOf(o.payload, resolve) ?? [],
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.sharedAccessKey.keyName, o.sharedAccessKey.key],
  });
}

/** Options of an Azure Service Bus trigger: to a queue, or a topic. */
export interface AzureServiceBusTriggerOptions extends MessageTriggerOptions {
  /** Secret key holding the namespace's connection string. */
  readonly connectionString: SecretKeyRef;
  /**
   * Queue to send to (or give `topic`).
   * @default - none
   */
  readonly queue?: string;
  /**
   * Topic (and subscription) to send to (or give `queue`).
   * @default - none
   */
  readonly topic?: ServiceBusTopic;
  /**
   * TLS towards the namespace.
   * @default - Argo Events' default
   */
  readonly tls?: ClientTls;
}

/** @internal */
export function azureServiceBusAction(o: AzureServiceBusTriggerOptions): TemplateAction {
  const at = 'TriggerAction.azureServiceBus()';
  if ((o.queue === undefined) === (o.topic === undefined)) {
    throw new Error(`${at}: give a queue or a topic (${o.queue === undefined ? 'neither' : 'both'} given): Argo Events sends to one of them and rejects the sensor otherwise.`);
  }
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { azureServiceBus: AzureServiceBusTrigger } => ({
      azureServiceBus: {
        connectionString: secretSelector(o.connectionString, `${at}: connectionString`),
        queueName: o.queue,
        topicName: o.topic?.name,
        subscriptionName: o.topic?.subscription,
        tls: renderTls(o.tls, at),
        payload: payloadOf(o.payload, resolve) ?? [],
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.connectionString, o.tls?.caCertificate, o.tls?.clientCertificate?.certificate, o.tls?.clientCertificate?.key],
  });
}
