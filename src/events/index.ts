export { EventBus, EventBusBackend, DEFAULT_EVENT_BUS_NAME, DEFAULT_JETSTREAM_VERSION } from './event-bus';
export type { IEventBus, EventBusProps, JetStreamBusOptions, JetStreamPersistence } from './event-bus';
export { EventField } from './event-field';
export type { EventContextKey, IEventFieldSource, IEventFieldFactory } from './event-field';
export { EventSourceEvent } from './event-handle';
export type { IEventSourceEvent } from './event-handle';
export { EventSourceBase } from './event-source-base';
export type { IEventSource, EventSourceBaseProps, EventSourceBody } from './event-source-base';
export { EventSource } from './event-source';
export type { EventSourceKind, EventSourceConfig, EventSourceSections, EventSourceProps } from './event-source';
export { CalendarEventSource, CalendarEvent } from './calendar-event-source';
export type { CalendarEventSourceProps, CalendarEventOptions } from './calendar-event-source';
export { WebhookEndpoint, WebhookMethod } from './webhook-endpoint';
export type { WebhookEndpointOptions, WebhookTls } from './webhook-endpoint';
export { WebhookEventSource, WebhookServiceType, DEFAULT_WEBHOOK_PORT } from './webhook-event-source';
export type { WebhookEventSourceProps, WebhookIngressOptions } from './webhook-event-source';
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
export type { WorkflowArgument, SubmitWorkflowOptions, WorkflowManifest } from './workflow-trigger-actions';
export { KubernetesOperation, WorkflowOperation } from './resource-trigger-actions';
export type { KubernetesTriggerOptions, WorkflowOperationTarget } from './resource-trigger-actions';
export { HttpTriggerMethod } from './message-trigger-actions';
export type { EventPayload, HttpTriggerOptions, SlackTriggerOptions, KafkaTriggerOptions } from './message-trigger-actions';
export { SensorTrigger, RateLimitUnit } from './sensor-trigger';
export type {
  SensorTriggerOptions, TriggerRetryStrategy, TriggerRateLimit, ConditionsResetSchedule, DeadLetterTrigger,
} from './sensor-trigger';
export { WorkflowSensor } from './workflow-sensor';
export type { WorkflowSensorProps } from './workflow-sensor';
