/** Every trigger kind of Argo Events v1.9.11 with the typed API: what it renders, what it grants, what is checked. */
import { Duration } from 'cdk8s';
import {
  EventSource, HttpTriggerMethod, LambdaInvocationType, NatsCredentials, TriggerAction, WorkflowSensor,
} from '../../src/events';
import { ConfigMapRef, SecretRef } from '../../src/core/object-refs';
import { ofKind, schemaViolations, setup, synth, synthError } from './helpers';

const key = (secret: string, k: string, namespace?: string) => SecretRef.fromName(secret, { namespace }).keyRef(k);
const hook = EventSource.fromName('webhook').event('example');

function sensorApp(namespace = 'events') {
  const { app, chart } = setup(namespace);
  const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
  const dep = sensor.addDependency(hook, { name: 'dep' });
  return { app, chart, sensor, dep };
}

function rendered(app: any): any {
  const m = synth(app);
  expect(schemaViolations(m)).toEqual([]);
  return { sensor: ofKind(m, 'Sensor')[0], roles: ofKind(m, 'Role'), manifests: m };
}

test('message triggers render their payload from event fields and need no RBAC (their secrets are mounted in the sensor pod)', () => {
  const { app, sensor, dep } = sensorApp();
  sensor.addTrigger('kafka', TriggerAction.kafka({
    url: 'kafka:9092', topic: 'out', payload: { id: dep.body('id') }, partitioningKey: dep.body('customer'), requiredAcks: -1,
    sasl: { user: key('kafka', 'user'), password: key('kafka', 'password') }, secureHeaders: { token: { configMap: ConfigMapRef.fromName('cfg'), key: 'token' } },
  }));
  sensor.addTrigger('nats', TriggerAction.nats({ url: 'nats://nats:4222', subject: 'out', payload: {}, auth: NatsCredentials.basic({ username: key('nats', 'u'), password: key('nats', 'p') }) }));
  sensor.addTrigger('pulsar', TriggerAction.pulsar({ url: 'pulsar://p:6650', topic: 'out', payload: { all: dep.payload() }, authToken: key('pulsar', 'jwt'), connectionBackoff: { steps: 3, duration: Duration.seconds(2) } }));
  const { sensor: s, roles } = rendered(app);
  const [kafka, nats, pulsar] = s.spec.triggers;
  expect(kafka.template.kafka).toEqual({
    url: 'kafka:9092', topic: 'out', requiredAcks: -1,
    payload: [{ src: { dependencyName: 'dep', dataKey: 'body.id' }, dest: 'id' }],
    sasl: { userSecret: { name: 'kafka', key: 'user' }, passwordSecret: { name: 'kafka', key: 'password' } },
    secureHeaders: [{ name: 'token', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'token' } } }],
  });
  expect(kafka.parameters).toEqual([{ src: { dependencyName: 'dep', dataKey: 'body.customer' }, dest: 'kafka.partitioningKey' }]);
  expect(nats.template.nats).toEqual({ url: 'nats://nats:4222', subject: 'out', payload: [], auth: { basic: { username: { name: 'nats', key: 'u' }, password: { name: 'nats', key: 'p' } } } });
  expect(pulsar.template.pulsar).toEqual({
    url: 'pulsar://p:6650', topic: 'out', payload: [{ src: { dependencyName: 'dep', dataKey: '@this' }, dest: 'all' }],
    authTokenSecret: { name: 'pulsar', key: 'jwt' }, connectionBackoff: { steps: 3, duration: '2s' },
  });
  expect(roles).toEqual([]);
});

test('cloud triggers: Lambda, Event Hubs, Service Bus', () => {
  const { app, sensor, dep } = sensorApp();
  sensor.addTrigger('lambda', TriggerAction.awsLambda({ functionName: 'f', region: 'eu-west-1', payload: { name: dep.body('name') }, invocationType: LambdaInvocationType.EVENT, roleArn: 'arn:aws:iam::1:role/r' }));
  sensor.addTrigger('hubs', TriggerAction.azureEventHubs({ fqdn: 'h.servicebus.windows.net', hubName: 'h', payload: {}, sharedAccessKey: { keyName: key('az', 'name'), key: key('az', 'key') } }));
  sensor.addTrigger('bus', TriggerAction.azureServiceBus({ connectionString: key('sb', 'cs'), topic: { name: 't', subscription: 's' }, payload: {} }));
  const [lambda, hubs, bus] = rendered(app).sensor.spec.triggers;
  expect(lambda.template.awsLambda).toEqual({ functionName: 'f', region: 'eu-west-1', payload: [{ src: { dependencyName: 'dep', dataKey: 'body.name' }, dest: 'name' }], invocationType: 'Event', roleARN: 'arn:aws:iam::1:role/r' });
  expect(hubs.template.azureEventHubs).toEqual({ fqdn: 'h.servicebus.windows.net', hubName: 'h', payload: [], sharedAccessKeyName: { name: 'az', key: 'name' }, sharedAccessKey: { name: 'az', key: 'key' } });
  expect(bus.template.azureServiceBus).toEqual({ connectionString: { name: 'sb', key: 'cs' }, topicName: 't', subscriptionName: 's', payload: [] });
  expect(() => TriggerAction.azureServiceBus({ connectionString: key('sb', 'cs'), payload: {} })).toThrow(/give a queue or a topic \(neither given\)/);
});

test('email and Slack: values fixed or from the event (trigger parameters with the computed paths)', () => {
  const { app, sensor, dep } = sensorApp();
  sensor.addTrigger('mail', TriggerAction.email({
    host: 'smtp', port: 587, from: 'a@example.com', to: ['ops@example.com', dep.body('to')], subject: 'Hi', body: dep.dataTemplate('Hello {{.Input.body.name}}'), smtpPassword: key('smtp', 'p'),
  }));
  sensor.addTrigger('slack', TriggerAction.slack({ token: key('slack', 't'), channel: dep.body('channel'), message: 'deployed', thread: { messageAggregationKey: 'deploy' } }));
  const [mail, slack] = rendered(app).sensor.spec.triggers;
  expect(mail.template.email).toEqual({ host: 'smtp', port: 587, from: 'a@example.com', to: ['ops@example.com'], subject: 'Hi', smtpPassword: { name: 'smtp', key: 'p' } });
  expect(mail.parameters).toEqual([
    { src: { dependencyName: 'dep', dataKey: 'body.to' }, dest: 'email.to.-1' },
    { src: { dependencyName: 'dep', dataTemplate: 'Hello {{.Input.body.name}}' }, dest: 'email.body' },
  ]);
  expect(slack.template.slack).toEqual({ slackToken: { name: 'slack', key: 't' }, message: 'deployed', thread: { messageAggregationKey: 'deploy' } });
  expect(slack.parameters).toEqual([{ src: { dependencyName: 'dep', dataKey: 'body.channel' }, dest: 'slack.channel' }]);
});

test('HTTP with secure, dynamic and basic-auth headers, a timeout and a success policy; OpenWhisk; custom', () => {
  const { app, sensor, dep } = sensorApp();
  sensor.addTrigger('http', TriggerAction.http({
    url: 'https://api.example.com/hook', method: HttpTriggerMethod.PUT, payload: { id: dep.body('id') },
    secureHeaders: { Authorization: key('api', 'token') }, dynamicHeaders: { 'X-Request-Id': dep.context('id') },
    basicAuth: { username: key('api', 'u'), password: key('api', 'p') }, timeout: Duration.seconds(30), tls: { caCertificate: key('ca', 'crt') },
  }), { policy: { allowedStatuses: [200, 204] } });
  sensor.addTrigger('whisk', TriggerAction.openWhisk({ host: 'whisk:443', actionName: 'hello', payload: {}, authToken: key('whisk', 't') }));
  sensor.addTrigger('custom', TriggerAction.custom({ serverUrl: 'trigger:9000', spec: { kind: 'x' }, secure: true, certSecret: key('t', 'crt') }));
  const [http, whisk, custom] = rendered(app).sensor.spec.triggers;
  expect(http.template.http).toEqual({
    url: 'https://api.example.com/hook', method: 'PUT', payload: [{ src: { dependencyName: 'dep', dataKey: 'body.id' }, dest: 'id' }],
    secureHeaders: [{ name: 'Authorization', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
    dynamicHeaders: [{ src: { dependencyName: 'dep', contextKey: 'id' }, dest: 'X-Request-Id' }],
    basicAuth: { username: { name: 'api', key: 'u' }, password: { name: 'api', key: 'p' } }, timeout: 30, tls: { caCertSecret: { name: 'ca', key: 'crt' } },
  });
  expect(http.policy).toEqual({ status: { allow: [200, 204] } });
  expect(whisk.template.openWhisk).toEqual({ host: 'whisk:443', actionName: 'hello', payload: [], authToken: { name: 'whisk', key: 't' } });
  expect(custom.template.custom).toEqual({ serverURL: 'trigger:9000', spec: { kind: 'x' }, secure: true, certSecret: { name: 't', key: 'crt' } });
});

test('a Secret a trigger uses must be in the sensor\'s namespace: the controller mounts it into the sensor pod', () => {
  const { app, sensor } = sensorApp('events');
  sensor.addTrigger('slack', TriggerAction.slack({ token: key('slack', 't', 'other'), channel: 'c', message: 'm' }));
  expect(synthError(app)).toMatch(/\[test\/s\/Triggers\/slack\] Sensor\/s: spec\.triggers\[0\]\.template: Secret "slack" is in namespace "other", the sensor in "events".*Create the Secret in the sensor's namespace/);
});

test('event-valued fields are checked like any other: a field of an event the sensor does not depend on is reported', () => {
  const { app, sensor } = sensorApp();
  const other = EventSource.fromName('webhook').event('other');
  sensor.addTrigger('mail', TriggerAction.email({ host: 'smtp', from: 'a@example.com', to: [other.data('to')], subject: 's', body: 'b' }));
  expect(synthError(app)).toMatch(/\[test\/s\/Triggers\/mail\] .*trigger "mail" maps a parameter from to of event webhook\/other, which the sensor does not depend on/);
});

test('the whole event and the whole payload as parameter sources; data("") is refused', () => {
  const { dep } = sensorApp();
  expect(dep.wholeEvent()._render('dep')).toEqual({ dependencyName: 'dep' });
  expect(dep.payload()._render('dep')).toEqual({ dependencyName: 'dep', dataKey: '@this' });
  expect(() => dep.data('')).toThrow(/the path for event webhook\/example is empty: Argo Events reads dataKey "" as unset and passes the whole event .*Use payload\(\).*wholeEvent\(\)/);
});

test('the whole event takes no default (Argo Events would return the default instead of the event, always); the payload does', () => {
  const { dep } = sensorApp();
  expect(() => dep.wholeEvent().withDefault('{}')).toThrow(/the whole event of webhook\/example has no default: Argo Events returns the default instead of the event whenever a parameter names no key/);
  expect(dep.payload().withDefault('{}')._render('dep')).toEqual({ dependencyName: 'dep', dataKey: '@this', value: '{}' });
});
