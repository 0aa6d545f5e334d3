// Argo Events v1.9.11's example sensors for filters, conditions, parameters and transforms
// (../shared/argo/events-v1.9.11/examples/sensors), each with a simulated event that fires it and
// one that does not. The examples name EventSource "webhook" (events example, example1,
// example-foo) and "calendar" (example-with-interval); the sets below define them.
import { readFileSync } from 'fs';
import { parseManifests } from '../../src/lint/load';
import { Manifest } from '../../src/lint/types';
import { simulateEvents } from '../../src/simulate/simulate';
import { SimulatedEvent, SimulationResult } from '../../src/simulate/types';
import { describeUpstream, upstreamPath } from '../support/upstream';

const EXAMPLES = upstreamPath('events-v1.9.11', 'examples', 'sensors');

const webhookSource: Manifest = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'webhook' },
  spec: { webhook: Object.fromEntries(['example', 'example1', 'example-foo', 'other'].map(e => [e, { endpoint: `/${e}`, method: 'POST', port: '12000' }])) },
};
const calendarSource: Manifest = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'calendar' },
  spec: { calendar: { 'example-with-interval': { interval: '10s' } } },
};
// Several examples filter on top-level paths (`a`, `b.c`, `bucket`): a webhook event never has
// them (its data is {header, body}). They are fed through a source that publishes the data as
// given; the test after the table shows what a webhook call makes of them.
const payloadSource: Manifest = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'webhook' },
  spec: { generic: { example: { url: 'generic.example:8080', config: 'key: value' }, other: { url: 'generic.example:8080', config: 'key: value' } } },
};

function sensor(file: string): Manifest[] {
  return parseManifests(readFileSync(`${EXAMPLES}/${file}`, 'utf8'), file).manifests.map(m => m.manifest);
}

function run(file: string, source: 'webhook' | 'payload', events: SimulatedEvent[]): SimulationResult {
  const sources = source === 'webhook' ? [webhookSource, calendarSource] : [payloadSource];
  return simulateEvents([...sources, ...sensor(file)], events, { schema: false });
}

const post = (eventName: string, body: unknown, time = '2024-07-15T12:00:00Z'): SimulatedEvent => ({ eventSourceName: 'webhook', eventName, body, time });
const data = (payload: unknown): SimulatedEvent => ({ eventSourceName: 'webhook', eventName: 'example', payload, time: '2024-07-15T12:00:00Z' });
const fired = (r: SimulationResult) => r.fired.map(f => f.trigger);

interface ExampleCase {
  readonly file: string;
  readonly source: 'webhook' | 'payload';
  readonly fires: SimulatedEvent[];
  readonly doesNot: SimulatedEvent[];
  readonly triggers?: string[];
}

const nested = (longer: boolean) => ({ path: { 'can-get': { longer } } });

const CASES: ExampleCase[] = [
  { file: 'filter-script.yaml', source: 'webhook', fires: [post('example', { a: 'b', d: { e: 'z' } })], doesNot: [post('example', { a: 'b', d: { e: 'y' } })] },
  { file: 'filter-with-data-simple-1.yaml', source: 'webhook', fires: [post('example', { message: 'hey there' })], doesNot: [post('example', { message: 'bye' })] },
  { file: 'filter-with-data-simple-3.yaml', source: 'webhook', fires: [post('example', { value: 50 })], doesNot: [post('example', { value: 51 })] },
  { file: 'filter-with-data-simple-4.yaml', source: 'webhook', fires: [post('example', { value: 50.5 })], doesNot: [post('example', { value: 50 })] },
  { file: 'filter-with-data-simple-2.yaml', source: 'payload', fires: [data({ bucket: 'argo-workflow-input1' })], doesNot: [data({ bucket: 'other' })] },
  { file: 'filter-with-data-advanced.yaml', source: 'payload', fires: [data({ a: true, b: { c: 3.14, d: 'hello, world' } })], doesNot: [data({ a: true, b: { c: 3.15, d: 'hello, world' } })] },
  { file: 'filter-with-expressions.yaml', source: 'payload', fires: [data({ 'a': 'x', 'a-longer-name': 10, 'nested': nested(false) })], doesNot: [data({ 'a': 'x', 'a-longer-name': 11, 'nested': nested(false) })] },
  { file: 'filter-with-multiple-data-filters-in-or.yaml', source: 'payload', fires: [data({ a: false, b: { c: 3.14, d: 'x' } })], doesNot: [data({ a: false, b: { c: 1, d: 'x' } })] },
  { file: 'filter-with-multiple-expr-filters-in-or.yaml', source: 'payload', fires: [data({ 'a': 'x', 'a-longer-name': 10, 'nested': nested(false) })], doesNot: [data({ 'a': 'x', 'a-longer-name': 10, 'nested': nested(true) })] },
  { file: 'filter-with-multiple-filters-in-or.yaml', source: 'payload', fires: [data({ a: 'b', c: 1, d: { e: true } })], doesNot: [data({ a: 'x', c: 1, d: { e: true } })] },
  { file: 'filter-with-multiple-filters-mixed.yaml', source: 'payload', fires: [data({ a: 'b', c: 10, d: { e: false } })], doesNot: [data({ a: 'x', c: 1, d: { e: true } })] },
  { file: 'filter-with-multiple-filters.yaml', source: 'payload', fires: [data({ a: 'b', c: 10, d: { e: false } })], doesNot: [data({ a: 'b', c: 11, d: { e: false } })] },
  { file: 'filter-with-time.yaml', source: 'webhook', fires: [post('example', {}, '2024-07-15T03:00:00Z')], doesNot: [post('example', {}, '2024-07-15T04:30:00Z')] },
  { file: 'filter-with-time-timezone.yaml', source: 'webhook', fires: [post('example', {}, '2024-07-15T14:00:00Z')], doesNot: [post('example', {}, '2024-07-15T22:00:00Z')] },
  { file: 'context-filter-webhook.yaml', source: 'webhook', fires: [post('example', {})], doesNot: [{ ...post('example', {}), method: 'GET' }] },
  {
    file: 'time-filter-webhook.yaml', source: 'webhook',
    fires: [post('example', {}, '2024-07-15T22:30:00Z'), post('example1', {}, '2024-07-15T23:40:00Z')],
    doesNot: [post('example', {}, '2024-07-15T22:30:00Z'), post('example1', {}, '2024-07-15T12:00:00Z')],
  },
  { file: 'dependencies-conditions.yaml', source: 'webhook', fires: [post('example', {})], doesNot: [post('example-foo', {})], triggers: ['webhook-workflow-trigger'] },
  { file: 'dependencies-conditions.yaml', source: 'webhook', fires: [post('example-foo', {})], doesNot: [post('example', {})], triggers: ['webhook-workflow-trigger-2'] },
  {
    file: 'multi-dependencies.yaml', source: 'webhook',
    fires: [post('example', { a: 'from the webhook' }), { eventSourceName: 'calendar', eventName: 'example-with-interval', time: '2024-07-15T12:00:10Z' }],
    doesNot: [post('example', { a: 'from the webhook' })],
  },
  { file: 'trigger-with-template.yaml', source: 'webhook', fires: [post('example', { message: 'hello world', name: 'Foo Bar' })], doesNot: [post('example', undefined), post('other', {})] },
  { file: 'complete-trigger-parameterization.yaml', source: 'payload', fires: [data({ name: 'n', bucket: 'b', key: 'k', port: ':9000' })], doesNot: [{ ...data({ name: 'n' }), eventName: 'other' }] },
  { file: 'transform.yaml', source: 'webhook', fires: [post('example', { message: 'hello' })], doesNot: [post('example', 'a string body')], triggers: ['webhook-workflow-trigger'] },
  { file: 'transform.yaml', source: 'webhook', fires: [post('example-foo', { message: 'hi' })], doesNot: [post('example', { message: 'hi' })], triggers: ['webhook-workflow-trigger-1'] },
];

describeUpstream('upstream example sensors: an event that fires each, one that does not', () => {
  test.each(CASES.map(c => [`${c.file}${c.triggers ? ` (${c.triggers.join(', ')})` : ''}`, c]))('%s', (_name, c: ExampleCase) => {
    const yes = run(c.file, c.source, c.fires);
    const no = run(c.file, c.source, c.doesNot);
    const triggers = c.triggers ?? yes.fired.map(f => f.trigger);
    expect(fired(yes).filter(t => triggers.includes(t))).not.toEqual([]);
    expect(fired(no).filter(t => triggers.includes(t))).toEqual([]);
  });
});

describeUpstream('what the simulation shows about them', () => {
  test('data filters on top-level paths never match a webhook event, and the reason says where the path stops', () => {
    const r = run('filter-with-data-simple-2.yaml', 'webhook', [post('example', { bucket: 'argo-workflow-input' })]);
    expect(r.fired).toEqual([]);
    const check = r.events[0].sensors[0].dependencies[0].filters!.checks[0];
    expect(check).toMatchObject({ group: 'data', path: 'filters.data[0]', pass: false });
    expect(check.reason).toMatch(/path 'bucket' does not exist/);
  });

  test('filter-with-context waits for source "custom-webhook", which an event of EventSource "webhook" never has', () => {
    const r = run('filter-with-context.yaml', 'webhook', [post('example', {})]);
    expect(r.fired).toEqual([]);
    expect(r.events[0].sensors[0].dependencies[0].filters!.checks).toEqual([
      expect.objectContaining({ path: 'filters.context.source', pass: false, reason: 'source is "webhook", expected "custom-webhook"' }),
    ]);
  });

  test('a string body for a number filter: "50" is read as 50 by ParseFloat and passes', () => {
    const r = run('filter-with-data-simple-3.yaml', 'webhook', [post('example', { value: '50.0' })]);
    expect(fired(r)).toEqual(['data-workflow']);
  });

  test('trigger-with-template builds the workflow from templates over the data and the context', () => {
    const r = run('trigger-with-template.yaml', 'webhook', [post('example', { message: 'hello world', name: 'Foo Bar' })]);
    const workflow = r.fired[0].resource!;
    expect(workflow.metadata!.generateName).toBe('webhook-foobar-');
    expect(workflow.spec.arguments.parameters).toEqual([{ name: 'message', value: 'Hello World' }, { name: 'subject', value: 'Example' }]);
  });

  test('multi-dependencies waits for both events and maps a field of each', () => {
    const r = run('multi-dependencies.yaml', 'webhook', [
      post('example', { a: 'from the webhook' }),
      { eventSourceName: 'calendar', eventName: 'example-with-interval', time: '2024-07-15T12:00:10Z' },
    ]);
    expect(r.events[0].sensors[0].waiting).toEqual([{ trigger: 'multi-dependencies-workflow-trigger', conditions: 'test-dependency-webhook&&test-dependency-calendar', received: ['test-dependency-webhook'] }]);
    expect(r.fired[0].resource!.spec.arguments.parameters).toEqual([
      { name: 'message1', value: 'from the webhook' },
      { name: 'message2', value: '2024-07-15 12:00:10 +0000 UTC' },
    ]);
  });

  test('complete-trigger-parameterization fires, but its resource comes from S3: reported as not simulated', () => {
    const r = run('complete-trigger-parameterization.yaml', 'payload', [data({ name: 'n', bucket: 'b', key: 'k', port: ':9000' })]);
    expect(r.fired[0]).toMatchObject({ trigger: 'THIS_WILL_BE_REPLACED_BY_NAME_FROM_EVENT', notSimulated: { what: 'trigger source "s3"' } });
    // From a webhook its top-level dataKeys (name, bucket...) are missing: the trigger fails.
    const webhook = run('complete-trigger-parameterization.yaml', 'webhook', [post('example', { name: 'n', bucket: 'b', key: 'k', port: ':9000' })]);
    expect(webhook.fired[0].error).toMatch(/unable to resolve 'test-dep' parameter value/);
  });

  test('transform: the Lua script and the jq command rewrite the body the trigger reads', () => {
    const lua = run('transform.yaml', 'webhook', [post('example', { message: 'hello' })]);
    expect(lua.fired[0].resource!.spec.arguments.parameters[0].value).toBe('{"message":"updated"}');
    const jq = run('transform.yaml', 'webhook', [post('example-foo', { message: 'hi' })]);
    expect(jq.fired[0].resource!.spec.arguments.parameters[0].value).toBe('{"message":"hihi"}');
  });
});
