/**
 * The top-level fields of the event data each source kind of Argo Events v1.9.11 publishes
 * (pkg/eventsources/events/event-data.go): what the typed handles' `field()` names, and what the
 * simulator's payloads hold (src/simulate/source-kinds.ts, kept equal by a test).
 */
export const PAYLOAD_FIELDS = {
  webhook: ['header', 'body', 'metadata'],
  calendar: ['eventTime', 'metadata'],
  amqp: ['contentType', 'contentEncoding', 'deliveryMode', 'priority', 'correlationId', 'replyTo', 'expiration', 'messageId', 'timestamp', 'type', 'appId', 'exchange', 'routingKey', 'body', 'metadata'],
  sns: ['header', 'body', 'metadata'],
  sqs: ['messageId', 'messageAttributes', 'body', 'metadata'],
  azureEventsHub: ['id', 'partitionKey', 'body', 'metadata'],
  azureQueueStorage: ['body', 'messageID', 'insertionTime', 'metadata'],
  azureServiceBus: ['applicationProperties', 'body', 'contentType', 'correlationID', 'enqueuedTime', 'messageID', 'replyTo', 'sequenceNumber', 'subject', 'timeToLive', 'to', 'metadata'],
  bitbucket: ['headers', 'body', 'metadata'],
  bitbucketserver: ['headers', 'body', 'metadata'],
  emitter: ['topic', 'body', 'metadata'],
  pubSub: ['id', 'body', 'attributes', 'publishTime', 'metadata'],
  gerrit: ['headers', 'body', 'metadata'],
  github: ['headers', 'body', 'metadata'],
  gitlab: ['headers', 'body', 'metadata'],
  kafka: ['topic', 'key', 'partition', 'body', 'timestamp', 'headers', 'metadata'],
  minio: ['notification', 'metadata'],
  mqtt: ['topic', 'messageId', 'body', 'metadata'],
  nats: ['subject', 'body', 'header', 'metadata'],
  nsq: ['body', 'timestamp', 'nsqdAddress', 'metadata'],
  redis: ['channel', 'pattern', 'body', 'metadata'],
  redisStream: ['stream', 'message_id', 'values', 'metadata'],
  resource: ['type', 'body', 'oldBody', 'group', 'version', 'resource', 'metadata'],
  slack: ['header', 'body', 'metadata'],
  pulsar: ['key', 'publishTime', 'body', 'metadata'],
  storageGrid: ['notification', 'metadata'],
  stripe: ['event', 'metadata'],
  file: ['name', 'op', 'metadata'],
  sftp: ['name', 'op', 'metadata'],
  hdfs: ['name', 'op', 'metadata'],
  generic: ['body', 'metadata'],
  mns: ['messageId', 'body', 'metadata'],
} as const;

/** A source kind with a known payload. */
export type PayloadKind = keyof typeof PAYLOAD_FIELDS;

/** The top-level payload fields of a source kind, e.g. `PayloadField<'kafka'>` is `'topic' | 'key' | ...`. */
export type PayloadField<K extends PayloadKind> = (typeof PAYLOAD_FIELDS)[K][number];
