import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  CalendarEventSource, ParameterOperation, RateLimitUnit, TriggerAction, TriggerCondition, WebhookEventSource, WorkflowSensor,
} from '../../src/events';
import { WorkflowTemplate } from '../../src/workflows';
import { one, schemaViolations, setup, synth } from './helpers';


beforeAll(() => {
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => jest.restoreAllMocks());

function sensorApp() {
  const { app, chart } = setup('events');
  const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
  const calendar = new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' } });
  const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 's' } });
  const a = sensor.addDependency(webhook.addEndpoint('a', { path: '/a' }));
  const b = sensor.addDependency(webhook.addEndpoint('b', { path: '/b' }));
  const c = sensor.addDependency(calendar.addInterval('c', Duration.minutes(5)));
  return { app, chart, sensor, a, b, c };
}

function triggers(app: any): any[] {
  const manifests = synth(app);
  expect(schemaViolations(manifests)).toEqual([]);
  return one(manifests, 'Sensor').spec.triggers;
}

describe('conditions', () => {
  test('built from dependency objects, grouped as written', () => {
    const { app, sensor, a, b, c } = sensorApp();
    const log = TriggerAction.log();
    sensor.addTrigger('t1', log, { conditions: a.and(b).or(c) });
    sensor.addTrigger('t2', log, { conditions: TriggerCondition.and(a, TriggerCondition.or(b, c)) });
    sensor.addTrigger('t3', log, { conditions: c });
    sensor.addTrigger('t4', log);
    expect(triggers(app).map(t => t.template.conditions)).toEqual(['(a && b) || c', 'a && (b || c)', 'c', undefined]);
  });

  test('a condition needs at least one dependency', () => {
    expect(() => TriggerCondition.or()).toThrow(/needs at least one dependency/);
  });
});

describe('delivery options', () => {
  test('retry, rate limit, conditions reset, policy', () => {
    const { app, sensor, a } = sensorApp();
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x' }), {
      conditions: a,
      retryStrategy: { steps: 5, duration: Duration.seconds(2), factor: 2, jitter: 0.1 },
      rateLimit: { requestsPerUnit: 10, unit: RateLimitUnit.MINUTE },
      conditionsReset: [{ cron: '0 0 * * *', timezone: 'Asia/Seoul' }],
      policy: { allowedStatuses: [200, 201] },
    });
    const [t] = triggers(app);
    expect(t.retryStrategy).toEqual({ steps: 5, duration: '2s', factor: 2, jitter: 0.1 });
    expect(t.rateLimit).toEqual({ requestsPerUnit: 10, unit: 'Minute' });
    expect(t.template.conditionsReset).toEqual([{ byTime: { cron: '0 0 * * *', timezone: 'Asia/Seoul' } }]);
    expect(t.policy).toEqual({ status: { allow: [200, 201] } });
    expect(t.atLeastOnce).toBeUndefined();
  });

  test('a dead-letter trigger turns on at-least-once delivery on both triggers', () => {
    const { app, chart, sensor, a } = sensorApp();
    const slack = kplus.Secret.fromSecretName(chart, 'slack', 'slack');
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x' }), {
      retryStrategy: { steps: 3 },
      deadLetter: {
        name: 'tell-ops', action: TriggerAction.slack({ token: { secret: slack, key: 'token' }, channel: 'ops', message: a.body('id') }),
        retryStrategy: { steps: 2 },
      },
    });
    const [t] = triggers(app);
    expect(t.atLeastOnce).toBe(true);
    expect(t.dlqTrigger).toEqual({
      template: { name: 'tell-ops', slack: { slackToken: { name: 'slack', key: 'token' }, channel: 'ops' } },
      parameters: [{ src: { dependencyName: 'a', dataKey: 'body.id' }, dest: 'slack.message' }],
      retryStrategy: { steps: 2 },
      atLeastOnce: true,
    });
  });
});

describe('trigger kinds', () => {
  test('Slack: fixed values stay in the template, event values become parameters with computed paths; the token is a reference', () => {
    const { app, chart, sensor, a } = sensorApp();
    const token = kplus.Secret.fromSecretName(chart, 'token', 'slack-bot');
    sensor.addTrigger('notify', TriggerAction.slack({ token: { secret: token, key: 'token' }, channel: a.body('channel'), message: 'deployed', sender: { username: 'argo' } }));
    const [t] = triggers(app);
    expect(t.template.slack).toEqual({ slackToken: { name: 'slack-bot', key: 'token' }, message: 'deployed', sender: { username: 'argo' } });
    expect(t.parameters).toEqual([{ src: { dependencyName: 'a', dataKey: 'body.channel' }, dest: 'slack.channel' }]);
  });

  test('Kafka: payload keys from event fields, partitioning key', () => {
    const { app, sensor, a, c } = sensorApp();
    sensor.addTrigger('publish', TriggerAction.kafka({ url: 'kafka:9092', topic: 'orders', partitioningKey: 'id', payload: { id: a.body('id').asRawValue(), at: c.data('eventTime') } }));
    expect(triggers(app)[0].template.kafka).toEqual({
      url: 'kafka:9092', topic: 'orders', partitioningKey: 'id',
      payload: [
        { src: { dependencyName: 'a', dataKey: 'body.id', useRawData: true }, dest: 'id' },
        { src: { dependencyName: 'c', dataKey: 'eventTime' }, dest: 'at' },
      ],
    });
  });

  test('HTTP: method defaults to POST; trigger-level parameters with an operation; templates over data', () => {
    const { app, sensor, a } = sensorApp();
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://svc/', payload: { size: a.dataTemplate('{{ .Input.body.size | upper }}') }, headers: { 'Content-Type': 'application/json' } }), {
      parameters: [{ from: a.body('path'), dest: 'http.url', operation: ParameterOperation.APPEND }],
    });
    const [t] = triggers(app);
    expect(t.template.http).toEqual({
      url: 'http://svc/', method: 'POST', headers: { 'Content-Type': 'application/json' },
      payload: [{ src: { dependencyName: 'a', dataTemplate: '{{ .Input.body.size | upper }}' }, dest: 'size' }],
    });
    expect(t.parameters).toEqual([{ src: { dependencyName: 'a', dataKey: 'body.path' }, dest: 'http.url', operation: 'append' }]);
  });

  test('any other kind through the generated types (NATS)', () => {
    const { app, sensor } = sensorApp();
    sensor.addTrigger('nats', TriggerAction.fromL1({ nats: { url: 'nats://nats:4222', subject: 'events', payload: [] } }));
    expect(triggers(app)[0].template.nats).toEqual({ url: 'nats://nats:4222', subject: 'events', payload: [] });
  });
});

describe('workflow submission', () => {
  test('several parameters of a WorkflowTemplate construct: dest indices follow the mapping, event or handle', () => {
    const { app, chart, sensor, a, c } = sensorApp();
    const template = new WorkflowTemplate(chart, 'tpl', { metadata: { name: 'orders' } });
    const size = template.addArgument('size', { value: 'tall' });
    const drink = template.addArgument('drink', { value: 'americano' });
    template.setEntrypoint(template.addContainerTemplate('main', { image: 'busybox:1.36', args: [size, drink] }));
    sensor.addTrigger('order', TriggerAction.submitWorkflow(template, {
      arguments: [{ parameter: drink, from: a.body('drink') }, { parameter: size, from: c.data('eventTime') }],
      generateName: 'order-', labels: { team: 'coffee' }, cliArgs: ['--priority', '1'],
    }));
    const t = triggers(app)[0].template.argoWorkflow;
    expect(t.parameters).toEqual([
      { src: { dependencyName: 'a', dataKey: 'body.drink' }, dest: 'spec.arguments.parameters.0.value' },
      { src: { dependencyName: 'c', dataKey: 'eventTime' }, dest: 'spec.arguments.parameters.1.value' },
    ]);
    expect(t.source.resource.spec.arguments.parameters.map((p: any) => p.name)).toEqual(['drink', 'size']);
    expect(t.source.resource.metadata).toEqual({ generateName: 'order-', labels: { team: 'coffee' } });
    expect(t.args).toEqual(['--priority', '1']);
  });

  test('a template argument declared after the trigger is known at synth', () => {
    const { app, chart, sensor, a } = sensorApp();
    const template = new WorkflowTemplate(chart, 'tpl', { metadata: { name: 'orders' } });
    const size = new (class { public readonly name = 'size'; })();
    sensor.submitWorkflow('order', template, { arguments: [{ parameter: size, from: a.body('size') }] });
    const declared = template.addArgument('size', { value: 'tall' });
    template.setEntrypoint(template.addContainerTemplate('main', { image: 'busybox:1.36', args: [declared] }));
    expect(triggers(app)[0].template.argoWorkflow.parameters).toHaveLength(1);
  });

  test('a full spec keeps its own argument order', () => {
    const { app, sensor, a } = sensorApp();
    sensor.addTrigger('run', TriggerAction.submitWorkflowSpec({
      metadata: { generateName: 'echo-' },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'first', value: '1' }, { name: 'second', value: '2' }] },
        templates: [{ name: 'main', container: { image: 'busybox:1.36', args: ['{{workflow.parameters.first}}', '{{workflow.parameters.second}}'] } }],
      },
    }, { arguments: [{ parameter: { name: 'second' }, from: a.body('x') }], labels: { team: 'a' } }));
    const t = triggers(app)[0].template.argoWorkflow;
    expect(t.parameters).toEqual([{ src: { dependencyName: 'a', dataKey: 'body.x' }, dest: 'spec.arguments.parameters.1.value' }]);
    expect(t.source.resource.metadata).toEqual({ generateName: 'echo-', labels: { team: 'a' } });
    expect(t.source.resource.spec.serviceAccountName).toBe('s-workflow');
  });

  test('a trigger may be added before the dependency it reads: names resolve at synth', () => {
    const { app, chart } = setup('events');
    const endpoint = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('late', { path: '/late' });
    const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 's' } });
    sensor.addTrigger('call', TriggerAction.http({ url: 'http://x', payload: { v: endpoint.body('v') } }));
    sensor.addDependency(endpoint, { name: 'added-later' });
    expect(triggers(app)[0].template.http.payload).toEqual([{ src: { dependencyName: 'added-later', dataKey: 'body.v' }, dest: 'v' }]);
  });

  test('the shorthand and the action give the same sensor', () => {
    const build = (shorthand: boolean) => {
      const { app, chart, sensor, a } = sensorApp();
      const template = WorkflowTemplate.fromName(chart, 'tpl', 'orders', { parameters: ['size'] });
      const options = { arguments: [{ parameter: template.parameter('size'), from: a.body('size') }], conditions: a };
      if (shorthand) sensor.submitWorkflow('order', template, options);
      else sensor.addTrigger('order', TriggerAction.submitWorkflow(template, options), options);
      return app.synthYaml();
    };
    expect(build(true)).toEqual(build(false));
  });
});
