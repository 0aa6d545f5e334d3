/**
 * Trigger kinds of a TriggerTemplate in the order the sensor looks them up
 * (pkg/sensors/trigger.go GetTrigger): the first one present is used, the others ignored.
 */
export const TRIGGER_TYPES: readonly string[] = [
  'k8s', 'argoWorkflow', 'http', 'awsLambda', 'azureEventHubs', 'azureServiceBus', 'kafka',
  'pulsar', 'nats', 'slack', 'openWhisk', 'custom', 'log', 'email',
];
