// The test helpers as a user writes them, on an app built with the library's constructs.
import { App, Chart } from 'cdk8s';
import '../../src/testing/jest';
import {
  argoMatchers, CalendarEventSource, DataComparator, EventBus, EventDataFilter, SensorSimulation, simulate, WebhookEventSource, WorkflowSensor, WorkflowTemplate,
} from '../../src';

function build() {
  const app = new App({ outdir: '/nonexistent' });
  const chart = new Chart(app, 'orders', { namespace: 'shop' });
  const bus = new EventBus(chart, 'bus');
  const hooks = new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus, port: 12000 });
  const order = hooks.addEndpoint('order', { path: '/order' });
  const payment = hooks.addEndpoint('payment', { path: '/payment' });
  const calendar = new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' }, eventBus: bus });
  const nightly = calendar.addSchedule('nightly', '0 2 * * *');
  const ship = new WorkflowTemplate(chart, 'ship', { metadata: { name: 'ship' } });
  const orderId = ship.addArgument('order-id');
  const main = ship.addContainerTemplate('main', { image: 'busybox:1.36', command: ['echo', orderId.toString()] });
  ship.setEntrypoint(main);
  const sensor = new WorkflowSensor(chart, 'shipping', { metadata: { name: 'shipping' }, eventBus: bus });
  const onOrder = sensor.addDependency(order, { filters: { data: [EventDataFilter.number('body.total', DataComparator.GREATER, 0)] } });
  const onPayment = sensor.addDependency(payment);
  const shipIt = sensor.submitWorkflow('ship-it', ship, {
    arguments: [{ parameter: orderId, from: onOrder.body('id') }],
    conditions: onOrder.and(onPayment),
  });
  const report = new WorkflowSensor(chart, 'report', { metadata: { name: 'report' }, eventBus: bus });
  report.addDependency(nightly);
  report.submitWorkflow('nightly-report', ship, { arguments: [{ parameter: orderId, from: nightly.eventTime() }] });
  return { app, chart, order, payment, nightly, ship, sensor, shipIt, report };
}

const s = build();

test('conditions over two calls: an order alone waits, the payment then ships it', () => {
  const orderOnly = simulate(s.chart, { endpoint: s.order, body: { id: 'o-1', total: 12 } });
  expect(orderOnly).not.toFire(s.sensor);
  expect(orderOnly.result.events[0].sensors[0].waiting).toEqual([{ trigger: 'ship-it', conditions: 'order && payment', received: ['order'] }]);
  const both = simulate(s.chart, [{ endpoint: s.order, body: { id: 'o-1', total: 12 } }, { endpoint: s.payment, body: {} }]);
  expect(both).toFire(s.sensor, s.shipIt);
  expect(both).toSubmit(s.ship, { parameters: { 'order-id': 'o-1' } });
});

test('a filter that does not pass: the report names the filter and the value seen', () => {
  const free = simulate(s.chart, [{ endpoint: s.order, body: { id: 'o-2', total: 0 } }, { endpoint: s.payment, body: {} }]);
  expect(free).not.toFire(s.sensor);
  expect(free.explain()).toContain('FAIL filters.data[0]: body.total is 0 (a number), read as the number 0; expected > 0');
});

test('a calendar tick, given as the event handle, on an App with every chart', () => {
  const tick = simulate(s.app, { event: s.nightly, time: '2024-07-15T02:00:00Z' });
  expect(tick).toFireOnly(s.report);
  expect(SensorSimulation.parametersOf(tick.submitted(s.ship)[0])).toEqual({ 'order-id': '2024-07-15 02:00:00 +0000 UTC' });
});

test('failing matchers explain the whole simulation', () => {
  const result = simulate(s.chart, { endpoint: s.payment, body: {} });
  const outcome = argoMatchers.toSubmit.call({ isNot: false }, result, s.ship, { parameters: { 'order-id': 'x' } });
  expect(outcome.pass).toBe(false);
  expect(outcome.message()).toContain('expected a Workflow from template "ship" with order-id="x"; fired: nothing');
  expect(outcome.message()).toContain('trigger ship-it waits: conditions "order && payment", received payment');
  expect(() => argoMatchers.toFire.call({}, { not: 'a simulation' }, 'x')).toThrow(/expected the result of simulate\(\)/);
});

test('an event handle is required', () => {
  expect(() => simulate(s.chart, { body: {} })).toThrow(/names no endpoint or event/);
});
