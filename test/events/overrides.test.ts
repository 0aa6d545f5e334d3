/** The escape hatch by construct: addOverride() on triggers, dependencies, events, sensors, EventSources and the EventBus. */
import { EventBus, EventSource, KafkaEventSource, TriggerAction, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { PAYLOAD_FIELDS } from '../../src/events/source-payloads';
import { sourceKind } from '../../src/simulate/source-kinds';
import { withRestrictedDefaults } from '../support/pod-security';
import { one, schemaViolations, setup, synth } from './helpers';

test('an override stays on its trigger when another trigger is added before it in the manifest order', () => {
  const { app, chart } = setup();
  const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
  const dep = sensor.addDependency(EventSource.fromName('webhook').event('example'), { name: 'dep' });
  const first = sensor.addTrigger('first', TriggerAction.http({ url: 'http://a' }));
  const second = sensor.addTrigger('second', TriggerAction.http({ url: 'http://b' }));
  second.addOverride('template.http.timeout', 30);
  first.addOverride(['template', 'http', 'headers', 'x.example.com/id'], 'a');
  dep.addOverride('filters.dataLogicalOperator', 'or');
  sensor.addOverride('spec.template.priorityClassName', 'high');
  const s = one(synth(app), 'Sensor');
  expect(s.spec.triggers[0].template.http).toEqual({ url: 'http://a', method: 'POST', headers: { 'x.example.com/id': 'a' } });
  expect(s.spec.triggers[1].template.http).toEqual({ url: 'http://b', method: 'POST', timeout: 30 });
  expect(s.spec.dependencies[0].filters).toEqual({ dataLogicalOperator: 'or' });
  expect(s.spec.template.priorityClassName).toBe('high');
});

test('overrides of an event, an EventSource and the EventBus; undefined removes a field; the checks see the result', () => {
  const { app, chart } = setup();
  const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
  const a = webhook.addEndpoint('a', { path: '/a', metadata: { team: 'x' } });
  a.addOverride('maxPayloadSize', 2097152);
  a.addOverride('metadata', undefined);
  webhook.addOverride('spec.replicas', 2);
  const kafka = new KafkaEventSource(chart, 'kafka', { metadata: { name: 'kafka' } });
  kafka.addEvent('orders', { url: 'kafka:9092', topic: 'orders', partition: 0 }).addOverride('config', 'maxMessageBytes: 1048576');
  const bus = new EventBus(chart, 'bus');
  bus.addOverride('spec.jetstream.maxPayload', '2MB');
  const m = synth(app);
  const sources = m.filter(x => x.kind === 'EventSource');
  expect(sources.find(x => x.metadata.name === 'webhook').spec).toEqual(withRestrictedDefaults({
    kind: 'EventSource', spec: { webhook: { a: { endpoint: '/a', method: 'POST', port: '12000', maxPayloadSize: 2097152 } }, replicas: 2 },
  }).spec);
  expect(sources.find(x => x.metadata.name === 'kafka').spec.kafka.orders.config).toBe('maxMessageBytes: 1048576');
  expect(one(m, 'EventBus').spec.jetstream.maxPayload).toBe('2MB');
  expect(schemaViolations(m)).toEqual([]);
  bus.addOverride('spec.jetstream.replicas', 'three');
  expect(schemaViolations([bus.apiObject.toJson()]).join('\n')).toMatch(/EventBus\/default: spec\.jetstream\.replicas: /);
});

test('an override needs a field path', () => {
  const { chart } = setup();
  const bus = new EventBus(chart, 'bus');
  expect(() => bus.addOverride('', 1)).toThrow(/\[test\/bus\]: addOverride\(\) needs a path of field names/);
});

test('the payload fields of the handles are the simulator\'s (Argo Events\' event-data.go), kind by kind', () => {
  for (const [kind, fields] of Object.entries(PAYLOAD_FIELDS)) {
    if (kind === 'mns') continue; // the simulator does not simulate MNS events
    expect({ kind, fields: sourceKind(kind)?.fields }).toEqual({ kind, fields });
  }
});
