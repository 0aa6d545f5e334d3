/** The test helpers with the typed handles of the dedicated EventSources. */
import { Chart, Testing } from 'cdk8s';
import { GitHubEventSource, KafkaEventSource, TriggerAction, TriggerResource, WorkflowSensor } from '../../src/events';
import { SecretRef } from '../../src/core/object-refs';
import { argoMatchers, eventPayload, simulate } from '../../src/testing';
import { InputParameter, Workflow } from '../../src/workflows';

expect.extend(argoMatchers);

function app() {
  const chart = new Chart(Testing.app(), 'c', { namespace: 'events' });
  const kafka = new KafkaEventSource(chart, 'kafka', { metadata: { name: 'kafka' } });
  const orders = kafka.addEvent('orders', { url: 'kafka:9092', topic: 'orders', consumerGroup: { groupName: 'argo' }, jsonBody: true });
  const github = new GitHubEventSource(chart, 'github', { metadata: { name: 'github' } });
  const push = github.addEndpoint('push', { path: '/push', repositories: [{ owner: 'o', names: ['r'] }], webhookSecret: SecretRef.fromName('gh').keyRef('hmac') });
  const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 'sensor' } });
  const order = sensor.addDependency(orders);
  const commit = sensor.addDependency(push);
  const workflow = new Workflow(sensor.resourceScope, 'print', { generateName: 'print-' });
  const size = workflow.addArgument('size', { value: 'tall' });
  const input = new InputParameter('size');
  workflow.addContainerTemplate('main', { image: 'busybox:1.36', args: [input], inputs: [input] });
  sensor.submitWorkflow('order', workflow, { conditions: order, arguments: [{ parameter: size, from: order.body('size') }] });
  sensor.addTrigger('push', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: size, from: commit.header('X-GitHub-Event') }] }), { conditions: commit });
  return { chart, orders, push, sensor };
}

test('a Kafka message with its typed payload submits the inline workflow with the body\'s field', () => {
  const { chart, orders } = app();
  const result = simulate(chart, eventPayload(orders, { topic: 'orders', key: 'o-1', body: { size: 'grande' } }));
  expect(result).toFire('sensor', 'order');
  expect(result.submitted().map(w => w.spec.arguments.parameters)).toEqual([[{ name: 'size', value: 'grande' }]]);
});

test('a GitHub endpoint is called like a webhook: its headers are where the git host keeps them', () => {
  const { chart, push } = app();
  const result = simulate(chart, { endpoint: push, headers: { 'X-GitHub-Event': 'push' }, body: { ref: 'refs/heads/main' } });
  expect(result).toFire('sensor', 'push');
  expect(result.fired[0].resource?.spec.arguments.parameters).toEqual([{ name: 'size', value: 'push' }]);
});

test('a message source passed as an endpoint is refused with what to pass instead', () => {
  const { chart, orders } = app();
  expect(() => simulate(chart, { endpoint: orders, body: {} })).toThrow(/kafka\/orders is a kafka event, not an HTTP endpoint.*eventPayload\(\) types the payload: topic, key, partition, body, timestamp, headers, metadata/);
});

test('a payload field the source kind never publishes does not compile', () => {
  const { orders } = app();
  // @ts-expect-error Kafka events carry no "records"
  expect(eventPayload(orders, { records: [] }).payload).toEqual({ records: [] });
});
