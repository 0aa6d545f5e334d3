/**
 * Programs that must not synthesize: the error names the construct path, the field, what Argo
 * Events would do and the fix. Rules E2-E15 report through `addArgoValidation` (rule id in
 * brackets); the cross-object and object-identity checks types cannot express come from the
 * constructs themselves.
 */
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  CalendarEventSource, EventBus, EventBusBackend, EventSource, TriggerAction, WebhookEventSource, WebhookMethod, WorkflowOperation, WorkflowSensor,
} from '../../src/events';
import { WorkflowTemplate } from '../../src/workflows';
import { setup, synth, synthError } from './helpers';

beforeAll(() => {
  // Expected "assumed to exist in the cluster" warnings would drown the test output.
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => jest.restoreAllMocks());

function webhookApp(namespace?: string) {
  const { app, chart } = setup(namespace);
  const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
  const omega = webhook.addEndpoint('omega', { path: '/omega' });
  const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 'sensor' } });
  const log = TriggerAction.log();
  return { app, chart, webhook, omega, sensor, log };
}

describe('a sensor naming a missing event', () => {
  test('by string, against an EventSource of the app: E2 names the dependency and the events that exist', () => {
    const { app, sensor, log } = webhookApp();
    sensor.addDependency(EventSource.fromName('webhook').event('omgea'));
    sensor.addTrigger('log', log);
    expect(synthError(app)).toMatch(/\[test\/sensor\/Dependencies\/omgea\] Sensor\/sensor: spec\.dependencies\[0\]\.eventName: EventSource "webhook" defines no event "omgea" \(it defines "omega"\).*never fire.*\[E2\]/);
  });

  test('through an EventSource construct: the handle cannot be had', () => {
    const { chart, webhook } = webhookApp();
    expect(() => webhook.event('omgea')).toThrow(/\[test\/webhook\] EventSource\/webhook has no event "omgea" \(it has: omega\); a sensor depending on it would wait forever/);
    const sqs = new EventSource(chart, 'sqs', { metadata: { name: 'sqs' }, sources: { sqs: { orders: { queue: 'orders', region: 'us-east-1', waitTimeSeconds: 20 } } } });
    expect(() => sqs.event('order')).toThrow(/\[test\/sqs\] EventSource\/sqs has no event "order" \(it has: orders\); a sensor depending on it would wait forever/);
    const calendar = new CalendarEventSource(chart, 'calendar');
    expect(() => calendar.event('daily')).toThrow(/has no event "daily" \(it has: none\); a sensor depending on it would wait forever/);
  });
});

describe('duplicate names', () => {
  test('a dependency name used twice is refused where it is added', () => {
    const { sensor, omega } = webhookApp();
    sensor.addDependency(omega);
    expect(() => sensor.addDependency(omega)).toThrow(/\[test\/sensor\] Sensor\/sensor: spec\.dependencies: dependency "omega" is defined twice; Argo Events would accept it and keep only one of them, silently\. Pass a distinct `name`/);
    expect(sensor.addDependency(omega, { name: 'omega-again' }).name).toBe('omega-again');
  });

  test('a trigger name used twice is refused', () => {
    const { sensor, omega, log } = webhookApp();
    sensor.addDependency(omega);
    sensor.addTrigger('log', log);
    expect(() => sensor.addTrigger('log', log)).toThrow(/\[test\/sensor\] Sensor\/sensor: spec\.triggers: trigger "log" is defined twice; Argo Events rejects the sensor\. Give each trigger a unique name/);
  });

  test('an endpoint or event name used twice is refused', () => {
    const { chart, webhook } = webhookApp();
    expect(() => webhook.addEndpoint('omega', { path: '/other' })).toThrow(/spec\.webhook\.omega: event "omega" is already defined \(under webhook\).*Give the second event another name/);
    const source = new EventSource(chart, 'cal', { sources: { calendar: { tick: { interval: '10s' } } } });
    expect(() => source.addEvent('calendar', 'tick', { interval: '5s' })).toThrow(/spec\.calendar: event "tick" is defined twice/);
  });

  test('dependency names that collide once Argo maps "-" to "_" in conditions: E10', () => {
    const { app, chart, sensor, omega, log } = webhookApp();
    const other = new WebhookEventSource(chart, 'other', { metadata: { name: 'other' } }).addEndpoint('x', { path: '/x' });
    const a = sensor.addDependency(omega, { name: 'a-b' });
    const b = sensor.addDependency(other, { name: 'a_b' });
    sensor.addTrigger('log', log, { conditions: a.or(b) });
    expect(synthError(app)).toMatch(/\[test\/sensor\/Dependencies\/a_b\] .*dependency names "a-b" .* and "a_b".*\[E10\]/);
  });
});

describe('trigger parameters from an unknown dependency', () => {
  test('a field of an event the sensor does not depend on', () => {
    const { app, chart, sensor, omega } = webhookApp();
    const bitamin = new WebhookEventSource(chart, 'w2', { metadata: { name: 'w2' } }).addEndpoint('bitamin', { path: '/bitamin' });
    sensor.addDependency(omega);
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x', payload: { size: bitamin.body('size') } }));
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/call\] Sensor\/sensor: spec\.triggers\[0\]\.template: trigger "call" maps a parameter from body\.size of event w2\/bitamin, which the sensor does not depend on; Argo Events would accept the sensor and silently skip the parameter\. Add sensor\.addDependency/);
  });

  test('a field of another sensor\'s dependency', () => {
    const { app, chart, sensor, omega } = webhookApp();
    sensor.addDependency(omega);
    const other = new WorkflowSensor(chart, 'other');
    const foreign = other.addDependency(omega);
    other.addTrigger('log', TriggerAction.log());
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x', payload: { size: foreign.body('size') } }));
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/call\] .*trigger "call" reads body\.size of event webhook\/omega through dependency "omega" of another sensor \(test\/other\/Dependencies\/omega\).*Add a dependency on the event to this sensor/);
  });

  test('an event the sensor depends on twice is ambiguous: read it from a dependency object', () => {
    const { app, sensor, omega } = webhookApp();
    sensor.addDependency(omega, { name: 'first' });
    sensor.addDependency(omega, { name: 'second' });
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x', payload: { size: omega.body('size') } }));
    expect(synthError(app)).toMatch(/dependencies "first" and "second" both wait for that event\. Read the field from one dependency object/);
  });

  test('conditions built from another sensor\'s dependency', () => {
    const { app, chart, sensor, omega, log } = webhookApp();
    sensor.addDependency(omega);
    const other = new WorkflowSensor(chart, 'other');
    const foreign = other.addDependency(omega, { name: 'foreign' });
    other.addTrigger('log', log);
    sensor.addTrigger('log', log, { conditions: foreign });
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/log\] Sensor\/sensor: spec\.triggers\[0\]\.template\.conditions: dependency "foreign" \(test\/other\/Dependencies\/foreign\) belongs to another sensor/);
  });
});

describe('workflow parameters', () => {
  test('a parameter the template does not declare', () => {
    const { app, chart, sensor, omega } = webhookApp();
    const a = WorkflowTemplate.fromName(chart, 'a', 'a-workflow', { parameters: ['size'] });
    const b = WorkflowTemplate.fromName(chart, 'b', 'b-workflow', { parameters: ['colour'] });
    const dep = sensor.addDependency(omega);
    sensor.submitWorkflow('run', a, { arguments: [{ parameter: b.parameter('colour'), from: dep.body('colour') }] });
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/run\] Sensor\/sensor: spec\.triggers\[0\]\.template\.argoWorkflow\.parameters: parameter "colour" is not an argument of WorkflowTemplate "a-workflow" \(its arguments: size\); .*Map a parameter the workflow declares/);
  });

  test('a parameter object of another template with the same name', () => {
    const { app, chart, sensor, omega } = webhookApp();
    const a = WorkflowTemplate.fromName(chart, 'a', 'a-workflow', { parameters: ['size'] });
    const b = WorkflowTemplate.fromName(chart, 'b', 'b-workflow', { parameters: ['size'] });
    const dep = sensor.addDependency(omega);
    sensor.submitWorkflow('run', a, { arguments: [{ parameter: b.parameter('size'), from: dep.body('size') }] });
    expect(synthError(app)).toMatch(/spec\.triggers\[0\]\.template\.argoWorkflow\.parameters: the parameter object "size" was declared by another template, not by WorkflowTemplate "a-workflow"; .*Map the object the submitted workflow's addArgument\(\) returned/);
    const ok = webhookApp();
    const a2 = WorkflowTemplate.fromName(ok.chart, 'a', 'a-workflow', { parameters: ['size'] });
    ok.sensor.submitWorkflow('run', a2, { arguments: [{ parameter: a2.parameter('size'), from: ok.sensor.addDependency(ok.omega).body('size') }] });
    expect(() => ok.app.synthYaml()).not.toThrow();
  });

  test('a parameter mapped twice', () => {
    const { app, chart, sensor, omega } = webhookApp();
    const a = WorkflowTemplate.fromName(chart, 'a', 'a-workflow', { parameters: ['size'] });
    const dep = sensor.addDependency(omega);
    const size = a.parameter('size');
    sensor.submitWorkflow('run', a, { arguments: [{ parameter: size, from: dep.body('size') }, { parameter: size, from: dep.body('other') }] });
    expect(synthError(app)).toMatch(/parameter "size" is mapped twice; the second value would overwrite the first/);
  });

  test('a full workflow spec must declare the mapped parameter', () => {
    const { app, sensor, omega } = webhookApp();
    const dep = sensor.addDependency(omega);
    sensor.addTrigger('run', TriggerAction.submitWorkflowSpec({ spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] } },
      { arguments: [{ parameter: { name: 'message' }, from: dep.body() }] }));
    expect(synthError(app)).toMatch(/parameter "message" is not an argument of the workflow spec \(its arguments: none\)/);
  });

  test('a WorkflowTemplate of another namespace', () => {
    const { app, chart, sensor, omega } = webhookApp('events');
    const a = WorkflowTemplate.fromName(chart, 'a', 'a-workflow', { namespace: 'workflows' });
    sensor.addDependency(omega);
    sensor.submitWorkflow('run', a);
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/run\] .*WorkflowTemplate "a-workflow" is in namespace "workflows" but the sensor submits workflows into "events"/);
  });
});

describe('webhook endpoints: port, method, path', () => {
  test.each([
    [{ path: '/omega', port: 0 }, /spec\.webhook\.omega\.port: port "0" is outside 1-65535.*\[E13\]/],
    [{ path: '/omega', port: 70000 }, /spec\.webhook\.omega\.port: port "70000" is outside 1-65535.*\[E13\]/],
    [{ path: 'omega' }, /spec\.webhook\.omega\.endpoint: endpoint "omega" does not start with "\/".*Use "\/omega"\. \[E13\]/],
    [{ path: '/omega', method: 'post' as WebhookMethod }, /spec\.webhook\.omega\.method: method "post" never equals a request's method.*Write it upper-case: "POST"\. \[E13\]/],
  ])('%j is refused on the endpoint construct', (options, message) => {
    const { app, chart } = setup();
    new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('omega', options);
    const error = synthError(app);
    expect(error).toMatch(/\[test\/webhook\/omega\] EventSource\/webhook:/);
    expect(error).toMatch(message);
  });

  test('two endpoints on one port and path: E13', () => {
    const { app, webhook } = webhookApp();
    webhook.addEndpoint('omega2', { path: '/omega' });
    expect(synthError(app)).toMatch(/\[test\/webhook\/omega2\] .*event "omega" already listens on port 12000 at \/omega.*\[E13\]/);
  });

  test('endpoints of one port with different TLS settings', () => {
    const { app, chart, webhook } = webhookApp();
    const certs = kplus.Secret.fromSecretName(chart, 'certs', 'webhook-tls');
    webhook.addEndpoint('secure', { path: '/secure', tls: { certificate: { secret: certs, key: 'tls.crt' }, privateKey: { secret: certs, key: 'tls.key' } } });
    expect(synthError(app)).toMatch(/\[test\/webhook\] EventSource\/webhook: spec\.webhook: endpoints "omega", "secure" share port 12000 with different TLS settings;.*Give them the same tls, or different ports/);
  });

  test('a webhook EventSource without endpoints', () => {
    const { app, chart } = setup();
    new WebhookEventSource(chart, 'webhook');
    expect(synthError(app)).toMatch(/\[test\/webhook\] .*no endpoints: the EventSource would run a pod that never publishes an event, behind a Service without ports\. Call addEndpoint\(\)/);
  });
});

describe('other rules reported on the constructs', () => {
  test('JetStream with 2 replicas: E15 on the EventBus', () => {
    const { app, chart } = setup();
    new EventBus(chart, 'bus', { backend: EventBusBackend.jetStream({ replicas: 2 }) });
    expect(synthError(app)).toMatch(/\[test\/bus\] EventBus\/default: spec\.jetstream\.replicas: jetstream replicas 2.*Use 1 or at least 3.*\[E15\]/);
  });

  test('a dead-letter trigger with atLeastOnce turned off: E9', () => {
    const { app, sensor, omega, log } = webhookApp();
    sensor.addDependency(omega);
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x' }), { atLeastOnce: false, deadLetter: { name: 'dlq', action: log } });
    expect(synthError(app)).toMatch(/\[test\/sensor\/Triggers\/call\] .*\[E9\]/);
  });

  test('a time filter that is not hh:mm:ss: E3', () => {
    const { app, sensor, omega, log } = webhookApp();
    sensor.addDependency(omega, { filters: { time: { start: '9:00', stop: '17:00:00' } } });
    sensor.addTrigger('log', log);
    expect(synthError(app)).toMatch(/\[test\/sensor\/Dependencies\/omega\] Sensor\/sensor: spec\.dependencies\[0\]\.filters\.time\.start: "9:00" is not a time of day.*\[E3\]/);
  });

  test('an interval calendar source synthesizes; an unparsable cron schedule does not (E14)', () => {
    const { app, chart } = setup();
    const calendar = new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' } });
    calendar.addInterval('tick', Duration.minutes(5));
    expect(synth(app)[0].spec.calendar.tick.interval).toBe('5m');
    calendar.addSchedule('bad', '61 * * * *');
    expect(synthError(app)).toMatch(/\[test\/calendar\/bad\] .*spec\.calendar\.bad\.schedule.*\[E14\]/);
  });

  test('an EventSource mixing rolling-update and recreate sources: E12', () => {
    const { app, chart } = setup();
    new EventSource(chart, 'mixed', {
      metadata: { name: 'mixed' },
      sources: { webhook: { hook: { endpoint: '/hook', port: '12000', method: 'POST' } }, calendar: { tick: { interval: '10s' } } },
    });
    expect(synthError(app)).toMatch(/\[test\/mixed\] EventSource\/mixed: .*\[E12\]/);
  });

  test('submit-from applied to a Workflow', () => {
    const { app, sensor, omega } = webhookApp();
    sensor.addDependency(omega);
    sensor.addTrigger('from', TriggerAction.workflowOperation(WorkflowOperation.SUBMIT_FROM, { name: 'nightly' }));
    expect(synthError(app)).toMatch(/operation "submit-from" does not apply to a Workflow; Argo Events fails the trigger\. Use SUBMIT_FROM with a WorkflowTemplate or CronWorkflow/);
  });
});

describe('namespaces', () => {
  test('an EventBus of another namespace', () => {
    const { app, chart } = setup('events');
    const bus = EventBus.fromName('default', { namespace: 'other' });
    new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' }, eventBus: bus }).addEndpoint('omega', { path: '/omega' });
    expect(synthError(app)).toMatch(/\[test\/webhook\] EventSource\/webhook: spec\.eventBusName: EventBus "default" is in namespace "other" but the EventSource is in "events"/);
  });

  test('an event from another namespace', () => {
    const { app, sensor, log } = webhookApp('events');
    sensor.addDependency(EventSource.fromName('webhook', { namespace: 'elsewhere' }).event('omega'));
    sensor.addTrigger('log', log);
    expect(synthError(app)).toMatch(/\[test\/sensor\] Sensor\/sensor: spec\.dependencies\[0\]: event webhook\/omega comes from namespace "elsewhere" but the sensor is in "events"/);
  });

  test('a cluster-scoped permission without a namespace for the ClusterRoleBinding subject', () => {
    const { app, sensor, omega } = webhookApp();
    sensor.addDependency(omega);
    sensor.addTrigger('ns', TriggerAction.kubernetes({ resource: { apiVersion: 'v1', kind: 'Namespace', metadata: { generateName: 'tenant-' } } }));
    expect(synthError(app)).toMatch(/\[test\/sensor\] Sensor\/sensor: a trigger needs a cluster-scoped permission.*Set the namespace of the chart or of the sensor/);
  });
});
