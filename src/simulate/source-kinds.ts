/**
 * What Argo Events v1.9.11 puts in an event per EventSource kind: the CloudEvents `type`
 * (pkg/apis/events/v1alpha1 EventSourceType) and the top-level fields of the JSON data each
 * source marshals (pkg/eventsources/events/event-data.go).
 */
export interface SourceKind {
  /** Key under the EventSource spec (`webhook`, `kafka`, `pubSub`...). */
  readonly key: string;
  /** CloudEvents `type` of its events. */
  readonly type: string;
  /** Top-level fields of the event data. */
  readonly fields: readonly string[];
  /** True for HTTP sources that take a request (header and body) rather than a payload. */
  readonly http?: boolean;
}

const HTTP = ['header', 'body', 'metadata'];

const KINDS: readonly SourceKind[] = [
  { key: 'webhook', type: 'webhook', fields: HTTP, http: true },
  { key: 'calendar', type: 'calendar', fields: ['eventTime', 'metadata'] },
  { key: 'amqp', type: 'amqp', fields: ['contentType', 'contentEncoding', 'deliveryMode', 'priority', 'correlationId', 'replyTo', 'expiration', 'messageId', 'timestamp', 'type', 'appId', 'exchange', 'routingKey', 'body', 'metadata'] },
  { key: 'sns', type: 'sns', fields: HTTP },
  { key: 'sqs', type: 'sqs', fields: ['messageId', 'messageAttributes', 'body', 'metadata'] },
  { key: 'azureEventsHub', type: 'azureEventsHub', fields: ['id', 'partitionKey', 'body', 'metadata'] },
  { key: 'azureQueueStorage', type: 'azureQueueStorage', fields: ['body', 'messageID', 'insertionTime', 'metadata'] },
  { key: 'azureServiceBus', type: 'azureServiceBus', fields: ['applicationProperties', 'body', 'contentType', 'correlationID', 'enqueuedTime', 'messageID', 'replyTo', 'sequenceNumber', 'subject', 'timeToLive', 'to', 'metadata'] },
  { key: 'bitbucket', type: 'bitbucket', fields: ['headers', 'body', 'metadata'], http: true },
  { key: 'bitbucketserver', type: 'bitbucketserver', fields: ['headers', 'body', 'metadata'], http: true },
  { key: 'emitter', type: 'emitter', fields: ['topic', 'body', 'metadata'] },
  { key: 'pubSub', type: 'pubsub', fields: ['id', 'body', 'attributes', 'publishTime', 'metadata'] },
  { key: 'gerrit', type: 'gerrit', fields: ['headers', 'body', 'metadata'], http: true },
  { key: 'github', type: 'github', fields: ['headers', 'body', 'metadata'], http: true },
  { key: 'gitlab', type: 'gitlab', fields: ['headers', 'body', 'metadata'], http: true },
  { key: 'kafka', type: 'kafka', fields: ['topic', 'key', 'partition', 'body', 'timestamp', 'headers', 'metadata'] },
  { key: 'minio', type: 'minio', fields: ['notification', 'metadata'] },
  { key: 'mqtt', type: 'mqtt', fields: ['topic', 'messageId', 'body', 'metadata'] },
  { key: 'nats', type: 'nats', fields: ['subject', 'body', 'header', 'metadata'] },
  { key: 'nsq', type: 'nsq', fields: ['body', 'timestamp', 'nsqdAddress', 'metadata'] },
  { key: 'redis', type: 'redis', fields: ['channel', 'pattern', 'body', 'metadata'] },
  { key: 'redisStream', type: 'redisStream', fields: ['stream', 'message_id', 'values', 'metadata'] },
  { key: 'resource', type: 'resource', fields: ['type', 'body', 'oldBody', 'group', 'version', 'resource', 'metadata'] },
  { key: 'slack', type: 'slack', fields: HTTP, http: true },
  { key: 'pulsar', type: 'pulsar', fields: ['key', 'publishTime', 'body', 'metadata'] },
  { key: 'storageGrid', type: 'storagegrid', fields: ['notification', 'metadata'] },
  { key: 'stripe', type: 'stripe', fields: ['event', 'metadata'] },
  { key: 'file', type: 'file', fields: ['name', 'op', 'metadata'] },
  { key: 'sftp', type: 'sftp', fields: ['name', 'op', 'metadata'] },
  { key: 'hdfs', type: 'hdfs', fields: ['name', 'op', 'metadata'] },
  { key: 'generic', type: 'generic', fields: ['body', 'metadata'] },
];

const BY_KEY = new Map(KINDS.map(k => [k.key, k]));

/** The kind of an EventSource spec key, undefined for keys that are not source kinds. */
export function sourceKind(key: string): SourceKind | undefined {
  return BY_KEY.get(key);
}
