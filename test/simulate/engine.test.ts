import { Manifest } from '../../src/lint/types';
import { simulateEvents, SimulationInputError } from '../../src/simulate/simulate';
import { SimulatedEvent } from '../../src/simulate/types';

const webhook = (events: { [name: string]: object } = {}): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'hooks', namespace: 'ns' },
  spec: { webhook: { a: { endpoint: '/a', method: 'POST', port: '12000' }, b: { endpoint: '/b', method: 'POST', port: '12000' }, ...events } },
});

const workflowTrigger = (name: string, parameters: object[] = [], extra: object = {}) => ({
  template: {
    name,
    ...extra,
    argoWorkflow: {
      operation: 'submit',
      source: { resource: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: `${name}-` }, spec: { workflowTemplateRef: { name: 'wt' }, arguments: { parameters: [{ name: 'size', value: '' }] } } } },
      parameters,
    },
  },
});

const sensor = (spec: object): Manifest => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's', namespace: 'ns' }, spec });

const template: Manifest = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'wt', namespace: 'ns' },
  spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'size', value: 'tall' }] }, templates: [{ name: 'main', container: { image: 'busybox:1.36', command: ['echo', '{{workflow.parameters.size}}'] } }] },
};

const call = (eventName: string, body: unknown, time = '2024-07-15T12:00:00Z', extra: Partial<SimulatedEvent> = {}): SimulatedEvent => ({ eventSourceName: 'hooks', eventName, body, time, ...extra });
const run = (manifests: Manifest[], events: SimulatedEvent[]) => simulateEvents(manifests, events, { schema: false });
const deps = [{ name: 'dep-a', eventSourceName: 'hooks', eventName: 'a' }, { name: 'dep-b', eventSourceName: 'hooks', eventName: 'b' }];

describe('webhook events as the webhook event source builds them', () => {
  test('headers are canonicalized, Authorization masked, the body compacted; the context names source, event and type', () => {
    const r = run([webhook()], [call('a', '{ "size" : "grande" }', undefined, { headers: { 'x-vendor-id': '7', 'authorization': 'Bearer secret' } })]);
    expect(r.events[0].event).toEqual({
      context: { id: '00000000000000000000000000000001', source: 'hooks', specversion: '1.0', type: 'webhook', datacontenttype: 'application/json', subject: 'a', time: '2024-07-15T12:00:00Z' },
      data: '{"header":{"Authorization":["*** Masked Auth Secret ***"],"X-Vendor-Id":["7"]},"body":{"size":"grande"}}',
    });
  });

  test('a GET carries the query as its body; a form post its fields; other methods and non-JSON bodies publish nothing', () => {
    const get = run([webhook({ g: { endpoint: '/g', method: 'GET', port: '12000' } })], [call('g', undefined, undefined, { query: { size: 'venti' } })]);
    expect(get.events[0].event!.data).toBe('{"header":{},"body":{"size":["venti"]}}');
    const form = run([webhook()], [call('a', 'size=tall&size=venti', undefined, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })]);
    expect(form.events[0].event!.data).toBe('{"header":{"Content-Type":["application/x-www-form-urlencoded"]},"body":{"size":["tall","venti"]}}');
    expect(run([webhook({ p: { endpoint: '/p', method: 'PUT', port: '12000' } })], [call('p', {}, undefined, { method: 'PUT' })]).events[0].rejected).toMatch(/GET and POST requests only/);
    expect(run([webhook()], [call('a', 'size=grande')]).events[0].rejected).toMatch(/not JSON/);
  });

  test('an endpoint with an authSecret rejects a request without a bearer token', () => {
    const r = run([webhook({ s: { endpoint: '/s', method: 'POST', port: '12000', authSecret: { name: 'token', key: 't' } } })], [call('s', {})]);
    expect(r.events[0].rejected).toMatch(/401/);
  });

  test('an event of no EventSource of the set, or of no event of it, is bad input', () => {
    expect(() => run([webhook()], [{ eventSourceName: 'nope', eventName: 'a' }])).toThrow(SimulationInputError);
    expect(() => run([webhook()], [{ eventSourceName: 'hooks', eventName: 'c' }])).toThrow(/has no event "c" \(its events: "a", "b"\)/);
  });
});

describe('conditions over several events', () => {
  test('a && b keeps the first event until the other arrives, then fires once with both', () => {
    const s = sensor({ dependencies: deps, triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-b', dataKey: 'body.size' }, dest: 'spec.arguments.parameters.0.value' }])] });
    const r = run([webhook(), s], [call('a', {}), call('a', {}), call('b', { size: 'grande' }), call('b', { size: 'venti' })]);
    expect(r.events.map(e => e.sensors[0].fired.length)).toEqual([0, 0, 1, 0]);
    expect(r.events[1].sensors[0].waiting).toEqual([{ trigger: 't', conditions: 'dep-a&&dep-b', received: ['dep-a'] }]);
    expect(Object.keys(r.fired[0].events)).toEqual(['dep-a', 'dep-b']);
    expect(r.fired[0].resource!.spec.arguments.parameters[0].value).toBe('grande');
  });

  test('a || b fires on each; a parameter from the dependency that sent nothing takes its value, or is skipped', () => {
    const s = sensor({
      dependencies: deps,
      triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-b', dataKey: 'body.size', value: 'tall' }, dest: 'spec.arguments.parameters.0.value' }], { conditions: 'dep-a || dep-b' })],
    });
    const r = run([webhook(), s], [call('a', {}), call('b', { size: 'grande' })]);
    expect(r.fired.map(f => f.resource!.spec.arguments.parameters[0].value)).toEqual(['tall', 'grande']);
  });

  test('conditionsReset byTime drops what was received before each tick', () => {
    const reset = { conditionsReset: [{ byTime: { cron: '0 0 * * *', timezone: 'UTC' } }] };
    const s = sensor({ dependencies: deps, triggers: [workflowTrigger('t', [], reset)] });
    expect(run([webhook(), s], [call('a', {}, '2024-07-15T23:00:00Z'), call('b', {}, '2024-07-16T01:00:00Z')]).fired).toEqual([]);
    expect(run([webhook(), s], [call('a', {}, '2024-07-15T01:00:00Z'), call('b', {}, '2024-07-15T23:00:00Z')]).fired).toHaveLength(1);
  });

  test('conditions naming an unknown dependency: the sensor never runs the trigger', () => {
    const s = sensor({ dependencies: deps, triggers: [workflowTrigger('t', [], { conditions: 'dep-a && dep-c' })] });
    const r = run([webhook(), s], [call('a', {})]);
    expect(r.fired).toEqual([]);
    expect(r.events[0].sensors[0].neverRuns[0].reason).toMatch(/"dep-c", which is not a dependency/);
  });
});

describe('filters report the filter and the value seen', () => {
  test('a data filter on body.size when the body was sent as a JSON string', () => {
    const s = sensor({ dependencies: [{ ...deps[0], filters: { data: [{ path: 'body.size', type: 'string', value: ['grande'] }] } }], triggers: [workflowTrigger('t')] });
    const r = run([webhook(), s], [call('a', JSON.stringify(JSON.stringify({ size: 'grande' })))]);
    const check = r.events[0].sensors[0].dependencies[0].filters!.checks[0];
    expect(check.pass).toBe(false);
    expect(check.reason).toMatch(/body is a string .*the JSON was sent as a string \(double-encoded/);
    expect(r.events[0].sensors[0].dependencies[0].filters!.error).toBe("data filter error (path 'body.size' does not exist)");
  });

  test('a number filter against a number, with the value seen', () => {
    const s = sensor({ dependencies: [{ ...deps[0], filters: { data: [{ path: 'body.count', type: 'number', comparator: '>', value: ['10'] }] } }], triggers: [workflowTrigger('t')] });
    const r = run([webhook(), s], [call('a', { count: 3 })]);
    expect(r.events[0].sensors[0].dependencies[0].filters!.checks[0]).toMatchObject({ pass: false, seen: '3 (a number)' });
  });
});

describe('parameters', () => {
  test('Go templates print float64 as Go does: 1234567 becomes 1.234567e+06', () => {
    const s = sensor({ dependencies: [deps[0]], triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-a', dataTemplate: '{{ .Input.body.id }}' }, dest: 'spec.arguments.parameters.0.value' }])] });
    expect(run([webhook(), s], [call('a', { id: 1234567 })]).fired[0].resource!.spec.arguments.parameters[0].value).toBe('1.234567e+06');
  });

  test('append and prepend to the current value, useRawData keeps JSON types', () => {
    const s = sensor({
      dependencies: [deps[0]],
      triggers: [workflowTrigger('t', [
        { src: { dependencyName: 'dep-a', dataKey: 'body.name' }, dest: 'metadata.generateName', operation: 'append' },
        { src: { dependencyName: 'dep-a', dataKey: 'body.tags', useRawData: true }, dest: 'spec.arguments.parameters.0.value' },
      ])],
    });
    const w = run([webhook(), s], [call('a', { name: 'x-', tags: ['p', 'q'] })]).fired[0].resource!;
    expect(w.metadata!.generateName).toBe('t-x-');
    expect(w.spec.arguments.parameters[0].value).toEqual(['p', 'q']);
  });

  test('a missing key without a value fails the trigger; a template function that reads the clock is not simulated', () => {
    const missing = sensor({ dependencies: [deps[0]], triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-a', dataKey: 'body.size' }, dest: 'spec.arguments.parameters.0.value' }])] });
    expect(run([webhook(), missing], [call('a', {})]).fired[0].error).toMatch(/unable to resolve 'dep-a' parameter value/);
    const clock = sensor({ dependencies: [deps[0]], triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-a', dataTemplate: '{{ now }}' }, dest: 'spec.arguments.parameters.0.value' }])] });
    expect(run([webhook(), clock], [call('a', {})]).fired[0].notSimulated).toEqual({ what: 'template function "now"', why: 'it reads the sensor\'s clock' });
  });

  test('an HTTP trigger: the payload it would send', () => {
    const s = sensor({
      dependencies: [deps[0]],
      triggers: [{ template: { name: 'h', http: { url: 'http://x', method: 'POST', payload: [{ src: { dependencyName: 'dep-a', dataKey: 'body.size' }, dest: 'size' }] } } }],
    });
    expect(run([webhook(), s], [call('a', { size: 'grande' })]).fired[0]).toMatchObject({ kind: 'http', payload: '{"size":"grande"}' });
  });
});

describe('the triggered resource is linted with the set', () => {
  test('a dest on the wrong argument submits a Workflow the template rejects', () => {
    const s = sensor({ dependencies: [deps[0]], triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-a', dataKey: 'body.size' }, dest: 'spec.arguments.parameters.1.value' }])] });
    const fired = run([webhook(), template, s], [call('a', { size: 'grande' })]).fired[0];
    expect(fired.resource!.spec.arguments.parameters).toEqual([{ name: 'size', value: '' }, { value: 'grande' }]);
    expect(fired.findings.filter(f => f.severity === 'error')).not.toEqual([]);
  });

  test('the right dest submits a Workflow without findings', () => {
    const s = sensor({ dependencies: [deps[0]], triggers: [workflowTrigger('t', [{ src: { dependencyName: 'dep-a', dataKey: 'body.size' }, dest: 'spec.arguments.parameters.0.value' }])] });
    expect(run([webhook(), template, s], [call('a', { size: 'grande' })]).fired[0].findings.filter(f => f.severity === 'error')).toEqual([]);
  });
});

describe('the EventSource\'s own filter (expr language)', () => {
  const filtered = (expression: string) => webhook({ f: { endpoint: '/f', method: 'POST', port: '12000', filter: { expression } } });

  test('an event the expression rejects is not dispatched; one it accepts is', () => {
    expect(run([filtered('body.action == "opened"')], [call('f', { action: 'closed' })]).events[0].rejected).toMatch(/is false for this data/);
    expect(run([filtered('body.action == "opened"')], [call('f', { action: 'opened' })]).events[0].event).toBeDefined();
  });

  test('an expression that fails on the data drops the event, as Argo Events does', () => {
    expect(run([filtered('body.missing.x == 1')], [call('f', {})]).events[0].rejected).toMatch(/cannot fetch x from <nil>/);
    expect(run([filtered('body.count % 2 == 0')], [call('f', { count: 4 })]).events[0].rejected).toMatch(/float64 % int/);
  });

  test('closures are not simulated: reported, and the event assumed to pass', () => {
    const r = run([filtered('all(body.items, {# > 0})')], [call('f', { items: [1] })]);
    expect(r.events[0].notSimulated!.what).toMatch(/closures/);
    expect(r.events[0].event).toBeDefined();
  });
});
