/**
 * Equivalents of Argo Events v1.9.11 examples (../shared/argo/events-v1.9.11/examples),
 * built with the constructs and compared with the upstream manifests.
 *
 * Normalization, applied to both sides before comparing (everything else must be equal):
 * - YAML comments and formatting, and the order of map keys, are ignored (both are parsed;
 *   `toEqual` ignores key order). List order is compared.
 * - Sensors: the library always names the sensor's service account (`spec.template`); when
 *   the upstream example sets none, our `spec.template.serviceAccountName` is removed. When it
 *   does (`operate-workflow-sa`), we pass that existing account, so it is compared as is.
 * - Webhook EventSource: the library exposes the endpoints with its own Service object
 *   (`<name>-eventsource-svc`, selecting the EventSource pods) instead of asking the
 *   controller for one through `spec.service`; upstream `spec.service` is removed from the
 *   EventSource and its `ports` are compared with our Service's ports (port, targetPort).
 *   Its labels/annotations (`foo: bar`, an illustration) are not reproduced.
 * Names (objects, dependencies, triggers) are chosen to match upstream.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { ArgoWorkflow, WorkflowSpec } from '../../imports/argo-workflows';
import {
  CalendarEventSource, DataComparator, EventBus, EventBusBackend, EventDataFilter, EventExprFilter, EventSource, FilterLogic,
  HttpTriggerMethod, KubernetesOperation, TriggerAction, WebhookEventSource, WorkflowSensor, WorkflowSensorProps,
} from '../../src/events';
import { Lint } from '../../src/core/lint-suppression';
import { WorkflowTemplate } from '../../src/workflows';
import { one, schemaViolations, setup, synth } from './helpers';
import { describeUpstream, upstreamPath } from '../support/upstream';
import { withRestrictedDefaults } from '../support/pod-security';

beforeAll(() => {
  // The examples depend on EventSources outside the set: "assumed to exist in the cluster" warnings.
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => jest.restoreAllMocks());
const EXAMPLES = upstreamPath('events-v1.9.11', 'examples');

/** The upstream document as the constructs render it by default: with the Pod Security "restricted" settings (test/support/pod-security.ts). */
function upstream(file: string, kind: string): any {
  return withRestrictedDefaults(upstreamAsWritten(file, kind));
}

function upstreamAsWritten(file: string, kind: string): any {
  const docs = parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8')).map(d => d.toJSON()).filter(Boolean);
  return JSON.parse(JSON.stringify(docs.find(d => d.kind === kind)));
}

/** Synthesizes, checks every document against the strict schema, returns the one of `kind`. */
function built(app: App, kind: string): any {
  const manifests = synth(app);
  expect(schemaViolations(manifests)).toEqual([]);
  return one(manifests, kind);
}

/** Ours, with the service account an example without a pod template does not name (it runs as the namespace's default one) left out. */
function normalizeSensor(ours: any, asWritten: any): any {
  if (!asWritten.spec.template) {
    const { serviceAccountName, ...template } = ours.spec.template;
    expect(serviceAccountName).toEqual(expect.any(String));
    return { ...ours, spec: { ...ours.spec, template } };
  }
  return ours;
}

/** A sensor that runs as the examples' `operate-workflow-sa` (no generated RBAC). */
function exampleSensor(chart: Chart, name: string, props: WorkflowSensorProps = {}): WorkflowSensor {
  return new WorkflowSensor(chart, `${name}-sensor`, {
    metadata: { name },
    serviceAccount: kplus.ServiceAccount.fromServiceAccountName(chart, `${name}-sa`, 'operate-workflow-sa'),
    workflowExecutorRbac: false,
    ...props,
  });
}

/** The spec of the echo workflow most examples create. */
function echoSpec(message = 'hello world', image = 'busybox', command = 'echo', entrypoint = 'print-message'): WorkflowSpec {
  return {
    entrypoint,
    arguments: { parameters: [{ name: 'message', value: message }] },
    templates: [{
      name: entrypoint,
      inputs: { parameters: [{ name: 'message' }] },
      container: { image, command: [command], args: ['{{inputs.parameters.message}}'] },
    }],
  };
}

/** The echo workflow as a manifest (for k8s triggers). */
function echoWorkflow(generateName: string, ...spec: Parameters<typeof echoSpec>): any {
  return ArgoWorkflow.manifest({ metadata: { generateName }, spec: echoSpec(...spec) });
}

const webhookExample = EventSource.fromName('webhook').event('example');

function compareSensor(file: string, build: (chart: Chart) => void, options: { readonly dropAnnotation?: string } = {}): void {
  const { app, chart } = setup();
  build(chart);
  const theirs = upstream(file, 'Sensor');
  const ours = built(app, 'Sensor');
  if (options.dropAnnotation) {
    expect(ours.metadata.annotations[options.dropAnnotation]).toBeDefined();
    const { [options.dropAnnotation]: _dropped, ...annotations } = ours.metadata.annotations;
    ours.metadata = Object.keys(annotations).length ? { ...ours.metadata, annotations } : (({ annotations: _a, ...m }) => m)(ours.metadata);
  }
  expect(normalizeSensor(ours, upstreamAsWritten(file, 'Sensor'))).toEqual(theirs);
}

describeUpstream('upstream Argo Events examples, rebuilt with the constructs', () => {
  test('event-sources/webhook.yaml: WebhookEventSource with one endpoint and its Service', () => {
    const { app, chart } = setup();
    new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('example', { path: '/example' });
    const manifests = synth(app);
    expect(schemaViolations(manifests)).toEqual([]);
    const theirs = upstream('event-sources/webhook.yaml', 'EventSource');
    const { service, ...theirSpec } = theirs.spec;
    expect(one(manifests, 'EventSource')).toEqual({ ...theirs, spec: theirSpec });
    const svc = one(manifests, 'Service');
    expect(svc.spec.ports.map((p: any) => ({ port: p.port, targetPort: p.targetPort }))).toEqual(service.ports);
    expect(svc.spec.selector).toEqual({ 'eventsource-name': 'webhook' });
  });

  test('event-sources/calendar.yaml: CalendarEventSource with an interval', () => {
    const { app, chart } = setup();
    new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' } }).addInterval('example-with-interval', Duration.seconds(10));
    expect(built(app, 'EventSource')).toEqual(upstream('event-sources/calendar.yaml', 'EventSource'));
  });

  test('eventbus/native.yaml: EventBus with native NATS', () => {
    const { app, chart } = setup();
    new EventBus(chart, 'bus', { backend: EventBusBackend.nativeNats({ replicas: 3, auth: 'token' }) });
    expect(built(app, 'EventBus')).toEqual(upstream('eventbus/native.yaml', 'EventBus'));
  });

  test('sensors/webhook.yaml: k8s trigger creating a Workflow, parameter from the body', () => {
    compareSensor('sensors/webhook.yaml', chart => {
      const sensor = exampleSensor(chart, 'webhook');
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep' });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: echoWorkflow('webhook-'),
        parameters: [{ from: dep.body(), dest: 'spec.arguments.parameters.0.value' }],
      }));
    });
  });

  test('sensors/calendar.yaml: calendar dependency, eventTime parameter, retry strategy', () => {
    compareSensor('sensors/calendar.yaml', chart => {
      const calendar = new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' } });
      const tick = calendar.addInterval('example-with-interval', Duration.seconds(10));
      const sensor = exampleSensor(chart, 'calendar');
      sensor.addDependency(tick, { name: 'test-dep' });
      sensor.addTrigger('calendar-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: echoWorkflow('calendar-workflow-'),
        parameters: [{ from: tick.eventTime(), dest: 'spec.arguments.parameters.0.value' }],
      }), { retryStrategy: { steps: 3 } });
    });
  });

  test('sensors/http-trigger.yaml: HTTP trigger with a payload from data and context, retry with duration', () => {
    compareSensor('sensors/http-trigger.yaml', chart => {
      const sensor = new WorkflowSensor(chart, 'http-trigger', { metadata: { name: 'http-trigger' } });
      const dep = sensor.addDependency(EventSource.fromName('minio').event('example'), { name: 'test-dep' });
      sensor.addTrigger('http-trigger', TriggerAction.http({
        url: 'http://http-server.argo-events.svc:8090/hello',
        method: HttpTriggerMethod.POST,
        payload: { bucket: dep.data('notification.0.s3.bucket.name'), type: dep.context('type') },
      }), { retryStrategy: { steps: 3, duration: Duration.seconds(3) } });
    });
  });

  test('sensors/slack-trigger.yaml: Slack trigger, channel and message from the body', () => {
    compareSensor('sensors/slack-trigger.yaml', chart => {
      const sensor = new WorkflowSensor(chart, 'slack-trigger', { metadata: { name: 'slack-trigger' } });
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep' });
      const token = { secret: kplus.Secret.fromSecretName(chart, 'slack-secret', 'slack-secret'), key: 'token' };
      sensor.addTrigger('slack-trigger', TriggerAction.slack({ token, channel: 'general', message: 'hello world' }), {
        parameters: [
          { from: dep.body('channel'), dest: 'slack.channel' },
          { from: dep.body('message'), dest: 'slack.message' },
        ],
      });
    });
  });

  test('sensors/trigger-standard-k8s-resource.yaml: k8s trigger creating a Pod', () => {
    compareSensor('sensors/trigger-standard-k8s-resource.yaml', chart => {
      const sensor = exampleSensor(chart, 'trigger-standard-k8s-resource');
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep' });
      const pod = {
        apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'hello-world-' },
        spec: { containers: [{ name: 'hello-container', args: ['hello-world'], command: ['echo'], image: 'busybox' }] },
      };
      sensor.addTrigger('webhook-pod-trigger', TriggerAction.kubernetes({
        resource: pod, operation: KubernetesOperation.CREATE,
        parameters: [{ from: dep.body(), dest: 'spec.containers.0.args.0' }],
      }));
    });
  });

  test('sensors/special-workflow-trigger.yaml: argoWorkflow submit of a full spec, with CLI args', () => {
    compareSensor('sensors/special-workflow-trigger.yaml', chart => {
      const sensor = exampleSensor(chart, 'special-workflow-trigger');
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep' });
      sensor.addTrigger('argo-workflow-trigger', TriggerAction.submitWorkflowSpec(
        { metadata: { name: 'special-trigger' }, spec: echoSpec() },
        { arguments: [{ parameter: { name: 'message' }, from: dep.body() }], cliArgs: ['--node-field-selector', 'phase=abc'] }));
    });
  });

  test('sensors/sensor-to-existing-workflow-template.yaml: submit from a WorkflowTemplate by reference', () => {
    compareSensor('sensors/sensor-to-existing-workflow-template.yaml', chart => {
      const template = WorkflowTemplate.fromName(chart, 'wt', 'workflow-template-print-message', { parameters: ['message'] });
      const message = template.parameter('message');
      const sensor = exampleSensor(chart, 'bitbucket');
      const dep = sensor.addDependency(EventSource.fromName('bitbucket').event('example'), { name: 'my-event-source-dep' });
      sensor.submitWorkflow('argo-workflow-trigger', template, { arguments: [{ parameter: message, from: dep.body() }] });
    });
  });

  test('sensors/dependencies-conditions.yaml: conditions from dependency objects, conditionsReset', () => {
    compareSensor('sensors/dependencies-conditions.yaml', chart => {
      const sensor = exampleSensor(chart, 'dependencies-conditions');
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep' });
      const foo = sensor.addDependency(EventSource.fromName('webhook').event('example-foo'), { name: 'test-dep-foo' });
      const hello = (generateName: string) => ArgoWorkflow.manifest({
        metadata: { generateName },
        spec: { entrypoint: 'print-message', templates: [{ name: 'print-message', container: { args: ['hello world'], command: ['echo'], image: 'busybox' } }] },
      });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: hello('hello-world-') }), {
        conditions: dep, conditionsReset: [{ cron: '59 23 * * *', timezone: 'America/Los_Angeles' }],
      });
      sensor.addTrigger('webhook-workflow-trigger-2', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: hello('hello-world-2-') }), {
        conditions: foo,
      });
    });
  });

  test('sensors/filter-with-data-simple-1.yaml: string data filter', () => {
    compareSensor('sensors/filter-with-data-simple-1.yaml', chart => {
      const sensor = exampleSensor(chart, 'with-simple-data-filter-1');
      const dep = sensor.addDependency(webhookExample, { name: 'test-dep', filters: { data: [EventDataFilter.string('body.message', 'hello', 'hey')] } });
      sensor.addTrigger('data-workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: echoWorkflow('data-workflow-'),
        parameters: [{ from: dep.body('message'), dest: 'spec.arguments.parameters.0.value' }],
      }));
    });
  });

  test('sensors/filter-with-expressions.yaml: expression filters', () => {
    compareSensor('sensors/filter-with-expressions.yaml', chart => {
      const sensor = new WorkflowSensor(chart, 'with-expression-filters', { metadata: { name: 'with-expression-filters' } });
      const dep = sensor.addDependency(webhookExample, {
        name: 'test-dep',
        filters: { exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'a-longer-name' }), EventExprFilter.of('e == false', { e: 'nested.path.can-get.longer' })] },
      });
      sensor.addTrigger('workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: echoWorkflow('expr-workflow-'),
        parameters: [{ from: dep.data('name'), dest: 'spec.arguments.parameters.0.value' }],
      }));
    });
  });

  test('sensors/filter-with-multiple-filters-mixed.yaml: data and expr filters combined with "or"', () => {
    compareSensor('sensors/filter-with-multiple-filters-mixed.yaml', chart => {
      const sensor = new WorkflowSensor(chart, 'with-mixed-multiple-filters', { metadata: { name: 'with-mixed-multiple-filters' } });
      const dep = sensor.addDependency(webhookExample, {
        name: 'test-dep',
        filtersLogic: FilterLogic.OR,
        filters: {
          exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'c' }), EventExprFilter.of('e == false', { e: 'd.e' })],
          data: [EventDataFilter.string('a', 'b'), EventDataFilter.number('c', DataComparator.GREATER, 20), EventDataFilter.bool('d.e', false)],
        },
      });
      sensor.addTrigger('workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: echoWorkflow('workflow-'),
        parameters: [{ from: dep.data('name'), dest: 'spec.arguments.parameters.0.value' }],
      }));
    });
  });

  test('sensors/filter-with-time-timezone.yaml: time window in a time zone', () => {
    compareSensor('sensors/filter-with-time-timezone.yaml', chart => {
      const sensor = exampleSensor(chart, 'filter-with-time-timezone');
      sensor.addDependency(webhookExample, { name: 'test-dep', filters: { time: { start: '09:00:00', stop: '17:00:00', timezone: 'America/New_York' } } });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: echoWorkflow('webhook-', 'Triggered during business hours in New York!', 'docker/whalesay:latest', 'cowsay', 'whalesay'),
      }));
    });
  });

  test('sensors/filter-script.yaml: Lua script filter', () => {
    compareSensor('sensors/filter-script.yaml', chart => {
      const sensor = new WorkflowSensor(chart, 'with-script-filter', { metadata: { name: 'with-script-filter' } });
      const dep = sensor.addDependency(webhookExample, {
        name: 'test-dep',
        filters: { script: 'if event.body.a == "b" and event.body.d.e == "z" then return true else return false end' },
      });
      sensor.addTrigger('workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: echoWorkflow('workflow-'),
        parameters: [{ from: dep.data('name'), dest: 'spec.arguments.parameters.0.value' }],
      }));
    });
  });

  test('sensors/context-filter-webhook.yaml: context filter, k8s trigger from an S3 source (generated types)', () => {
    compareSensor('sensors/context-filter-webhook.yaml', chart => {
      const sensor = exampleSensor(chart, 'context-filter-webhook');
      sensor.addDependency(webhookExample, { name: 'test-dep', filters: { context: { source: 'webhook', subject: 'example', datacontenttype: 'application/json' } } });
      const minio = kplus.Secret.fromSecretName(chart, 'minio', 'artifacts-minio');
      sensor.addTrigger('done-workflow', TriggerAction.fromL1({
        k8S: {
          operation: 'create',
          source: {
            s3: {
              bucket: { name: 'workflows', key: 'hello-world.yaml' }, endpoint: 'minio-service.argo-events:9000', insecure: true,
              accessKey: { key: 'accesskey', name: minio.name }, secretKey: { key: 'secretkey', name: minio.name },
            },
          },
        },
      }, [{ apiGroup: 'argoproj.io', resource: 'workflows', verbs: ['create'] }]));
    });
  });

  test('sensors/multi-dependencies.yaml: webhook and calendar dependencies feeding two parameters', () => {
    compareSensor('sensors/multi-dependencies.yaml', chart => {
      const sensor = exampleSensor(chart, 'multi-dependencies');
      const hook = sensor.addDependency(webhookExample, { name: 'test-dependency-webhook' });
      const tick = sensor.addDependency(EventSource.fromName('calendar').event('example-with-interval'), { name: 'test-dependency-calendar' });
      const resource = ArgoWorkflow.manifest({
        metadata: { generateName: 'multi-signal-workflow-' },
        spec: {
          entrypoint: 'print-message',
          arguments: { parameters: [{ name: 'message1', value: 'hello world' }, { name: 'message2', value: 'hello world' }] },
          templates: [{
            name: 'print-message', inputs: { parameters: [{ name: 'message' }] },
            container: { image: 'busybox', command: ['echo'], args: ['{{inputs.parameters.message1}}', '{{inputs.parameters.message2}}'] },
          }],
        },
      });
      sensor.addTrigger('multi-dependencies-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource,
        parameters: [
          { from: hook.body('a'), dest: 'spec.arguments.parameters.0.value' },
          { from: tick.data('eventTime'), dest: 'spec.arguments.parameters.1.value' },
        ],
      }));
      // The upstream Workflow cannot run: its template declares input "message" but reads
      // message1/message2. The synth says so (next test); here it is let through to compare.
      Lint.suppress(sensor, 'ARGO-TRIGGER-RESOURCE', 'the upstream example as written, to compare with it');
    }, { dropAnnotation: 'cdk8s-argo.io/disable' });
  });

  test('sensors/multi-dependencies.yaml as written upstream: the synth refuses the Workflow the trigger would create', () => {
    const { app, chart } = setup();
    const sensor = exampleSensor(chart, 'multi-dependencies');
    const hook = sensor.addDependency(webhookExample, { name: 'test-dependency-webhook' });
    const theirs = upstream('sensors/multi-dependencies.yaml', 'Sensor');
    sensor.addTrigger('run', TriggerAction.kubernetes({
      operation: KubernetesOperation.CREATE, resource: ArgoWorkflow.manifest(theirs.spec.triggers[0].template.k8s.source.resource),
      parameters: [{ from: hook.body('a'), dest: 'spec.arguments.parameters.0.value' }],
    }));
    expect(() => app.synth()).toThrow(/spec\.triggers\[0\]\.template\.k8s\.source\.resource\.spec\.templates\[0\]\.container\.args\[0\]: the Workflow trigger "run" creates fails rule W31 when the trigger fires: \{\{inputs\.parameters\.message1\}\} names no input parameter/);
  });
});
