export { EventBus, EventBusBackend, DEFAULT_EVENT_BUS_NAME, DEFAULT_JETSTREAM_VERSION } from './event-bus';
export type { IEventBus, EventBusProps, JetStreamBusOptions, JetStreamPersistence } from './event-bus';
export { EventField } from './event-field';
export type { EventContextKey, IEventFieldSource, IEventFieldFactory } from './event-field';
export { EventSourceEvent } from './event-handle';
export type { IEventSourceEvent } from './event-handle';
export { PAYLOAD_FIELDS } from './source-payloads';
export type { PayloadField, PayloadKind } from './source-payloads';
export { SourceEvent, MessageEvent } from './source-event';
export type { CommonEventFields, ISourceEventHost, SourceEventOptions, JsonBodyOptions, SourceKind } from './source-event';
export { SaslMechanism } from './source-options';
export type { AwsCredentials, BasicAuthCredentials, ClientCertificate, ClientTls, ConnectionBackoff, SaslCredentials } from './source-options';
export type { EventsPodProps } from './pod-template';
export { EventSourceBase } from './event-source-base';
export type { IEventSource, EventSourceBaseProps, EventSourceBody } from './event-source-base';
export { SingleKindEventSource } from './single-kind-event-source';
export { EventSource } from './event-source';
export type { EventSourceKind, EventSourceConfig, EventSourceSections, EventSourceProps } from './event-source';
export { CalendarEventSource, CalendarEvent } from './calendar-event-source';
export type { CalendarEventSourceProps, CalendarEventOptions, CalendarPersistence } from './calendar-event-source';

// HTTP event sources: endpoints, their Service and Ingress
export { HttpEndpoint, RequestEndpoint, WebhookMethod } from './http-endpoint';
export type { HttpEndpointOptions, IHttpEndpointHost, RegisteredEndpointOptions, WebhookTls } from './http-endpoint';
export { HttpEventSourceBase, DEFAULT_WEBHOOK_PORT, WebhookServiceType } from './http-event-source-base';
export type { HttpEventSourceProps, WebhookIngressOptions } from './http-event-source-base';
export { WebhookEndpoint } from './webhook-endpoint';
export type { WebhookEndpointOptions } from './webhook-endpoint';
export { WebhookEventSource } from './webhook-event-source';
export type { WebhookEventSourceProps } from './webhook-event-source';
export { GitHubEventSource, GitHubEndpoint, GitHubContentType } from './github-event-source';
export type { GitHubEventSourceProps, GitHubEndpointOptions, GitHubRepositories, GitHubApp } from './github-event-source';
export { GitLabEventSource, GitLabEndpoint } from './gitlab-event-source';
export type { GitLabEventSourceProps, GitLabEndpointOptions } from './gitlab-event-source';
export { BitbucketEventSource, BitbucketEndpoint, BitbucketServerEventSource, BitbucketServerEndpoint } from './bitbucket-event-sources';
export type {
  BitbucketAuth, BitbucketEventSourceProps, BitbucketEndpointOptions, BitbucketServerEventSourceProps, BitbucketServerEndpointOptions,
} from './bitbucket-event-sources';
export { GerritEventSource, GerritEndpoint } from './gerrit-event-source';
export type { GerritEventSourceProps, GerritEndpointOptions } from './gerrit-event-source';
export { SlackEventSource, SlackEndpoint } from './slack-event-source';
export type { SlackEventSourceProps, SlackEndpointOptions } from './slack-event-source';
export { StripeEventSource, StripeEndpoint } from './stripe-event-source';
export type { StripeEventSourceProps, StripeEndpointOptions } from './stripe-event-source';
export { StorageGridEventSource, StorageGridEndpoint } from './storage-grid-event-source';
export type { StorageGridEventSourceProps, StorageGridEndpointOptions } from './storage-grid-event-source';
export { SnsEventSource, SnsEndpoint } from './sns-event-source';
export type { SnsEventSourceProps, SnsEndpointOptions } from './sns-event-source';

// Message, storage and other event sources
export { AmqpEventSource, AmqpEvent, AmqpExchangeType } from './amqp-event-source';
export type { AmqpEventSourceProps, AmqpEventOptions, AmqpExchangeDeclare, AmqpQueueDeclare, AmqpConsume } from './amqp-event-source';
export { SqsEventSource, SqsEvent } from './sqs-event-source';
export type { SqsEventSourceProps, SqsEventOptions } from './sqs-event-source';
export {
  AzureEventsHubEventSource, AzureEventsHubEvent, AzureQueueStorageEventSource, AzureQueueStorageEvent, AzureServiceBusEventSource, AzureServiceBusEvent,
} from './azure-event-sources';
export type {
  AzureSharedAccessKey, AzureEventsHubEventSourceProps, AzureEventsHubEventOptions, AzureQueueStorageEventSourceProps, AzureQueueStorageEventOptions,
  AzureServiceBusEventSourceProps, AzureServiceBusEventOptions, ServiceBusTopic,
} from './azure-event-sources';
export { EmitterEventSource, EmitterEvent } from './emitter-event-source';
export type { EmitterEventSourceProps, EmitterEventOptions } from './emitter-event-source';
export { FileEventSource, FileEvent, SftpEventSource, SftpEvent, HdfsEventSource, HdfsEvent, FileOperation } from './file-event-sources';
export type {
  FileEventSourceProps, FileEventOptions, SftpEventSourceProps, SftpEventOptions, HdfsEventSourceProps, HdfsEventOptions, HdfsKerberos, WatchPath, WatchedFile, WatchedFiles,
} from './file-event-sources';
export { GenericEventSource, GenericEvent } from './generic-event-source';
export type { GenericEventSourceProps, GenericEventOptions } from './generic-event-source';
export { KafkaEventSource, KafkaEvent, KafkaRebalanceStrategy } from './kafka-event-source';
export type { KafkaEventSourceProps, KafkaEventOptions, KafkaConsumerGroupOptions, KafkaSchemaRegistry } from './kafka-event-source';
export { MinioEventSource, MinioEvent } from './minio-event-source';
export type { MinioEventSourceProps, MinioEventOptions } from './minio-event-source';
export { MnsEventSource, MnsEvent } from './mns-event-source';
export type { MnsEventSourceProps, MnsEventOptions } from './mns-event-source';
export { MqttEventSource, MqttEvent } from './mqtt-event-source';
export type { MqttEventSourceProps, MqttEventOptions } from './mqtt-event-source';
export { NatsCredentials } from './nats-auth';
export { NatsEventSource, NatsEvent } from './nats-event-source';
export type { NatsEventSourceProps, NatsEventOptions } from './nats-event-source';
export { NsqEventSource, NsqEvent } from './nsq-event-source';
export type { NsqEventSourceProps, NsqEventOptions } from './nsq-event-source';
export { PubSubEventSource, PubSubEvent } from './pubsub-event-source';
export type { PubSubEventSourceProps, PubSubEventOptions } from './pubsub-event-source';
export type { PulsarConnection } from './pulsar-auth';
export { PulsarEventSource, PulsarEvent, PulsarSubscriptionType } from './pulsar-event-source';
export type { PulsarEventSourceProps, PulsarEventOptions } from './pulsar-event-source';
export { RedisEventSource, RedisEvent, RedisStreamEventSource, RedisStreamEvent } from './redis-event-sources';
export type { RedisConnection, RedisEventSourceProps, RedisEventOptions, RedisStreamEventSourceProps, RedisStreamEventOptions } from './redis-event-sources';
export { ResourceEventSource, ResourceEvent, ResourceEventType } from './resource-event-source';
export type { ResourceEventSourceProps, ResourceEventOptions, ResourceEventFilter, ResourceSelector } from './resource-event-source';

// Sensors
export { EventDataFilter, EventExprFilter, FilterLogic, DataComparator } from './filters';
export type { DependencyFilters } from './filters';
export { SensorDependency } from './sensor-dependency';
export type { SensorDependencyOptions } from './sensor-dependency';
export { TriggerCondition } from './trigger-condition';
export type { ConditionOperand, IConditionDependency } from './trigger-condition';
export { ParameterOperation } from './trigger-parameters';
export type { TriggerParameterMapping } from './trigger-parameters';
export { TriggerAction } from './trigger-action';
export type { LogTriggerOptions } from './trigger-action';
export type {
  BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext,
} from './trigger-binding';
export { TriggerResource } from './trigger-resource';
export type { GitResourceOptions, KubernetesManifest, ResourceType, S3ResourceOptions } from './trigger-resource';
export type { WorkflowArgument, SubmitWorkflowOptions, WorkflowManifest } from './workflow-trigger-actions';
export { KubernetesOperation, KubernetesPatchStrategy, WorkflowOperation } from './resource-trigger-actions';
export type { KubernetesTriggerOptions, WorkflowOperationTarget } from './resource-trigger-actions';
export type { EventPayload, HeaderValueSource, TriggerValue } from './template-action';
export { HttpTriggerMethod } from './http-trigger';
export type { HttpTriggerOptions } from './http-trigger';
export type { KafkaTriggerOptions, MessageTriggerOptions, NatsTriggerOptions, PulsarTriggerOptions } from './messaging-triggers';
export { LambdaInvocationType } from './cloud-triggers';
export type { AwsLambdaTriggerOptions, AzureEventHubsTriggerOptions, AzureServiceBusTriggerOptions } from './cloud-triggers';
export type { EmailTriggerOptions, SlackTriggerOptions } from './notification-triggers';
export type { CustomTriggerOptions, OpenWhiskTriggerOptions } from './function-triggers';
export { SensorTrigger, RateLimitUnit } from './sensor-trigger';
export type {
  SensorTriggerOptions, TriggerRetryStrategy, TriggerRateLimit, TriggerSuccessPolicy, ConditionsResetSchedule, DeadLetterTrigger,
} from './sensor-trigger';
export { WorkflowSensor } from './workflow-sensor';
export type { WorkflowSensorProps } from './workflow-sensor';
