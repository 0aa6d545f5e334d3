/**
 * The top-level fields of the event data each source kind of Argo Events v1.9.11 publishes
 * (pkg/eventsources/events/event-data.go): what the typed handles' `field()` names, and what the
 * simulator's payloads hold (src/simulate/source-kinds.ts, kept equal by a test).
 */
export const PAYLOAD_FIELDS = {
  /** The payload fields of a webhook event. */
  webhook: ['header', 'body', 'metadata'],
  /** The payload fields of a calendar event. */
  calendar: ['eventTime', 'metadata'],
  /** The payload fields of an amqp event. */
  amqp: ['contentType', 'contentEncoding', 'deliveryMode', 'priority', 'correlationId', 'replyTo', 'expiration', 'messageId', 'timestamp', 'type', 'appId', 'exchange', 'routingKey', 'body', 'metadata'],
  /** The payload fields of a sns event. */
  sns: ['header', 'body', 'metadata'],
  /** The payload fields of a sqs event. */
  sqs: ['messageId', 'messageAttributes', 'body', 'metadata'],
  /** The payload fields of an azureEventsHub event. */
  azureEventsHub: ['id', 'partitionKey', 'body', 'metadata'],
  /** The payload fields of an azureQueueStorage event. */
  azureQueueStorage: ['body', 'messageID', 'insertionTime', 'metadata'],
  /** The payload fields of an azureServiceBus event. */
  azureServiceBus: ['applicationProperties', 'body', 'contentType', 'correlationID', 'enqueuedTime', 'messageID', 'replyTo', 'sequenceNumber', 'subject', 'timeToLive', 'to', 'metadata'],
  /** The payload fields of a bitbucket event. */
  bitbucket: ['headers', 'body', 'metadata'],
  /** The payload fields of a bitbucketserver event. */
  bitbucketserver: ['headers', 'body', 'metadata'],
  /** The payload fields of an emitter event. */
  emitter: ['topic', 'body', 'metadata'],
  /** The payload fields of a pubSub event. */
  pubSub: ['id', 'body', 'attributes', 'publishTime', 'metadata'],
  /** The payload fields of a gerrit event. */
  gerrit: ['headers', 'body', 'metadata'],
  /** The payload fields of a github event. */
  github: ['headers', 'body', 'metadata'],
  /** The payload fields of a gitlab event. */
  gitlab: ['headers', 'body', 'metadata'],
  /** The payload fields of a kafka event. */
  kafka: ['topic', 'key', 'partition', 'body', 'timestamp', 'headers', 'metadata'],
  /** The payload fields of a minio event. */
  minio: ['notification', 'metadata'],
  /** The payload fields of a mqtt event. */
  mqtt: ['topic', 'messageId', 'body', 'metadata'],
  /** The payload fields of a nats event. */
  nats: ['subject', 'body', 'header', 'metadata'],
  /** The payload fields of a nsq event. */
  nsq: ['body', 'timestamp', 'nsqdAddress', 'metadata'],
  /** The payload fields of a redis event. */
  redis: ['channel', 'pattern', 'body', 'metadata'],
  /** The payload fields of a redisStream event. */
  redisStream: ['stream', 'message_id', 'values', 'metadata'],
  /** The payload fields of a resource event. */
  resource: ['type', 'body', 'oldBody', 'group', 'version', 'resource', 'metadata'],
  /** The payload fields of a slack event. */
  slack: ['header', 'body', 'metadata'],
  /** The payload fields of a pulsar event. */
  pulsar: ['key', 'publishTime', 'body', 'metadata'],
  /** The payload fields of a storageGrid event. */
  storageGrid: ['notification', 'metadata'],
  /** The payload fields of a stripe event. */
  stripe: ['event', 'metadata'],
  /** The payload fields of a file event. */
  file: ['name', 'op', 'metadata'],
  /** The payload fields of a sftp event. */
  sftp: ['name', 'op', 'metadata'],
  /** The payload fields of a hdfs event. */
  hdfs: ['name', 'op', 'metadata'],
  /** The payload fields of a generic event. */
  generic: ['body', 'metadata'],
  /** The payload fields of a mns event. */
  mns: ['messageId', 'body', 'metadata'],
} as const;

/** A source kind with a known payload. */
export type PayloadKind = keyof typeof PAYLOAD_FIELDS;

/** The top-level payload fields of a source kind, e.g. `PayloadField<'kafka'>` is `'topic' | 'key' | ...`. */
export type PayloadField<K extends PayloadKind> = (typeof PAYLOAD_FIELDS)[K][number];
