/**
 * The Sensor examples of Argo Events v1.9.11 (examples/sensors and the tutorials' sensors),
 * rebuilt with the typed API: dependencies from event handles, triggers from TriggerAction, the
 * Workflows they create as Workflow constructs of the sensor's resourceScope.
 */
import { Chart, Duration } from 'cdk8s';
import {
  DataComparator, EventDataFilter, EventExprFilter, EventSource, FilterLogic, HttpTriggerMethod, KubernetesOperation, LambdaInvocationType,
  ParameterOperation, SensorDependency, TriggerAction, TriggerResource, WorkflowOperation, WorkflowSensor, WorkflowSensorProps,
} from '../../../src/events';
import { EventField } from '../../../src/events/event-field';
import { ConfigMapRef, SecretRef, ServiceAccountRef } from '../../../src/core/object-refs';
import { InputParameter, WorkflowTemplate, WorkflowVolume } from '../../../src/workflows';
import { Difference, OWN_SENSOR_ACCOUNT } from './compare';
import { NotRebuilt, UpstreamCase } from './upstream-case';
import { echoWorkflow, helloWorkflow, workflowIn } from './workflows';

const key = (secret: string, k: string) => SecretRef.fromName(secret).keyRef(k);
const event = (source: string, name = 'example') => EventSource.fromName(source).event(name);
const WORKFLOW = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow' };

/** A sensor as the examples write it: running as `operate-workflow-sa` (an existing account: no RBAC generated), or as its own account (`account: null`). */
function sensorOf(chart: Chart, name: string, o: { account?: string | null; namespace?: string } & WorkflowSensorProps = {}): WorkflowSensor {
  const { account, namespace, ...props } = o;
  return new WorkflowSensor(chart, name, {
    metadata: { name, namespace },
    serviceAccount: account === null ? undefined : ServiceAccountRef.fromName(account ?? 'operate-workflow-sa'),
    // The examples' workflows run as the namespace's default account: no executor RBAC is generated for them.
    workflowExecutorRbac: false,
    ...props,
  });
}

/** `dependencies` rendered by the library: Argo's newer `depends` for the DAG tasks whose example still writes the older `dependencies`. */
const DEPENDS_FOR_DEPENDENCIES = (at: string, task: number): Difference[] => [
  { path: `${at}.dag.tasks[${task}].dependencies`, side: 'theirs', reason: 'the older form of depends; the library writes depends (same meaning: run after the listed tasks succeeded)' },
  { path: `${at}.dag.tasks[${task}].depends`, side: 'ours', reason: 'the library writes depends for the task read through a variable (dependencies upstream)' },
];

interface EchoCase {
  readonly file: string;
  readonly sensor: string;
  readonly source: string;
  readonly eventName?: string;
  readonly trigger: string;
  readonly generateName: string;
  /** The event field mapped onto the `message` parameter: the body by default. */
  readonly from?: (dep: SensorDependency) => EventField;
  readonly retrySteps?: number;
  readonly account?: string | null;
  readonly message?: string;
}

/** The most common example: a k8s trigger creating the echo workflow with an event field as its message. */
function echoCase(c: EchoCase): UpstreamCase {
  return {
    file: c.file, kind: 'Sensor', differences: c.account === null ? [OWN_SENSOR_ACCOUNT] : [],
    build: chart => {
      const sensor = sensorOf(chart, c.sensor, { account: c.account });
      const dep = sensor.addDependency(event(c.source, c.eventName), { name: 'test-dep' });
      const { workflow, message } = echoWorkflow(sensor, { generateName: c.generateName }, { message: c.message });
      sensor.addTrigger(c.trigger, TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow),
        arguments: [{ parameter: message, from: (c.from ?? (d => d.body()))(dep) }],
      }), { retryStrategy: c.retrySteps ? { steps: c.retrySteps } : undefined });
    },
  };
}

/** A sensor with one k8s trigger creating the echo workflow with `name` from the event (the filter examples). */
function filterCase(file: string, sensor: string, filters: Parameters<WorkflowSensor['addDependency']>[1],
  o: { generateName?: string; account?: string | null; trigger?: string; from?: (d: SensorDependency) => EventField; differences?: Difference[] } = {}): UpstreamCase {
  return {
    file, kind: 'Sensor', differences: [...(o.account === null ? [OWN_SENSOR_ACCOUNT] : []), ...(o.differences ?? [])],
    build: chart => {
      const s = sensorOf(chart, sensor, { account: o.account });
      const dep = s.addDependency(event('webhook'), { name: 'test-dep', ...filters });
      const { workflow, message } = echoWorkflow(s, { generateName: o.generateName ?? 'workflow-' });
      s.addTrigger(o.trigger ?? 'workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: (o.from ?? (d => d.data('name')))(dep) }],
      }));
    },
  };
}

/** A number filter value written by a number: `50` where the example writes the text "50.0" (Argo parses both to the same float). */
const FIFTY: Difference[] = [
  { path: 'spec.dependencies[0].filters.data[0].value', side: 'theirs', reason: 'the example writes the number as "50.0"; the library writes the number 50.0 as "50", which Argo Events parses to the same float' },
  { path: 'spec.dependencies[0].filters.data[0].value', side: 'ours', reason: 'the value "50" (the same float as the example\'s "50.0")' },
];

const minioCredentials = { accessKey: key('artifacts-minio', 'accesskey'), secretKey: key('artifacts-minio', 'secretkey') };
const helloFromMinio = { endpoint: 'minio-service.argo-events:9000', bucket: 'workflows', key: 'hello-world.yaml', insecure: true, credentials: minioCredentials };

export const SENSOR_CASES: readonly UpstreamCase[] = [
  echoCase({ file: 'sensors/amqp.yaml', sensor: 'amqp', source: 'amqp', trigger: 'amqp-workflow-trigger', generateName: 'amqp-' }),
  echoCase({ file: 'sensors/aws-sqs.yaml', sensor: 'aws-sqs', source: 'aws-sqs', trigger: 'sqs-workflow', generateName: 'aws-sqs-workflow-' }),
  echoCase({ file: 'sensors/azure-events-hub.yaml', sensor: 'azure-events-hub', source: 'azure-events-hub', trigger: 'workflow-trigger', generateName: 'azure-events-hub-', from: d => d.body('messsage') }),
  echoCase({ file: 'sensors/azure-queue-storage.yaml', sensor: 'azure-queue-storage', source: 'azure-queue-storage', trigger: 'azure-queue-storage-workflow', generateName: 'azure-queue-storage-workflow-' }),
  echoCase({ file: 'sensors/azure-service-bus.yaml', sensor: 'azure-service-bus', source: 'azure-service-bus', trigger: 'service-bus-workflow', generateName: 'azure-service-bus-workflow-' }),
  echoCase({ file: 'sensors/bitbucket.yaml', sensor: 'bitbucket', source: 'bitbucket', trigger: 'bitbucket-workflow-trigger', generateName: 'bitbucket-workflow-', from: d => d.wholeEvent() }),
  echoCase({ file: 'sensors/bitbucketserver.yaml', sensor: 'bitbucketserver', source: 'bitbucketserver', trigger: 'bitbucketserver-workflow-trigger', generateName: 'bitbucketserver-workflow-', from: d => d.wholeEvent() }),
  echoCase({ file: 'sensors/emitter.yaml', sensor: 'emitter', source: 'emitter', trigger: 'workflow-trigger', generateName: 'emitter-' }),
  echoCase({ file: 'sensors/gcp-pubsub.yaml', sensor: 'gcp-pubsub', source: 'gcp-pubsub', trigger: 'gcp-workflow', generateName: 'gcp-workflow-' }),
  echoCase({ file: 'sensors/gitlab.yaml', sensor: 'gitlab', source: 'gitlab', trigger: 'gitlab-workflow-trigger', generateName: 'gitlab-workflow-', from: d => d.wholeEvent() }),
  echoCase({ file: 'sensors/kafka.yaml', sensor: 'kafka', source: 'kafka', trigger: 'kafka-workflow-trigger', generateName: 'kafka-workflow-' }),
  echoCase({ file: 'sensors/minio.yaml', sensor: 'minio', source: 'minio', trigger: 'minio-workflow-trigger', generateName: 'artifact-workflow-2-', message: 'THIS_WILL_BE_REPLACED', from: d => d.data('notification.0.s3.object.key'), retrySteps: 3 }),
  echoCase({ file: 'sensors/mqtt-sensor.yaml', sensor: 'mqtt', source: 'mqtt', trigger: 'mqtt-workflow-trigger', generateName: 'mqtt-workflow-' }),
  echoCase({ file: 'sensors/nats.yaml', sensor: 'nats', source: 'nats', trigger: 'nats-workflow-trigger', generateName: 'nats-workflow-', from: d => d.wholeEvent() }),
  echoCase({ file: 'sensors/nsq.yaml', sensor: 'nsq', source: 'nsq', trigger: 'workflow-trigger', generateName: 'nsq-' }),
  echoCase({ file: 'sensors/pulsar.yaml', sensor: 'pulsar', source: 'pulsar', trigger: 'workflow-trigger', generateName: 'pulsar-wf-' }),
  echoCase({ file: 'sensors/slack.yaml', sensor: 'slack', source: 'slack', eventName: 'example-insecure', trigger: 'slack-workflow', generateName: 'slack-', from: d => d.body('message') }),
  echoCase({ file: 'sensors/storage-grid.yaml', sensor: 'storage-grid', source: 'storage-grid', trigger: 'argo-workflow', generateName: 'storage-grid-wf-' }),
  echoCase({ file: 'sensors/stripe.yaml', sensor: 'stripe', source: 'stripe', trigger: 'workflow-trigger', generateName: 'stripe-' }),
  echoCase({ file: 'sensors/webhook.yaml', sensor: 'webhook', source: 'webhook', trigger: 'webhook-workflow-trigger', generateName: 'webhook-' }),
  echoCase({ file: 'sensors/webhook-shortened.yaml', sensor: 'webhook-shortened', source: 'webhook', trigger: 'webhook-workflow-trigger', generateName: 'webhook-' }),

  {
    file: 'sensors/calendar.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'calendar');
      const tick = sensor.addDependency(event('calendar', 'example-with-interval'), { name: 'test-dep' });
      const { workflow, message } = echoWorkflow(sensor, { generateName: 'calendar-workflow-' });
      sensor.addTrigger('calendar-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: tick.field('eventTime') }],
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/resource.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'resource');
      const dep = sensor.addDependency(event('resource'), { name: 'test-dep' });
      const workflow = workflowIn(sensor, { generateName: 'resource-workflow-' }, { metadata: { labels: { app: 'resource-workflow' } } });
      const message = workflow.addArgument('message', { value: 'hello world' });
      const input = new InputParameter('message');
      workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [input], inputs: [input] });
      sensor.addTrigger('argo-workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: dep.body() }],
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/kafka-ttl.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'kafka-ttl');
      const dep = sensor.addDependency(event('kafka'), { name: 'test-dep' });
      const workflow = workflowIn(sensor, { generateName: 'kafka-workflow-with-ttl-' }, {
        ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 5 },
      });
      const message = workflow.addArgument('message', { value: 'hello world' });
      const input = new InputParameter('message');
      workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [input], inputs: [input] });
      sensor.addTrigger('kafka-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: dep.body() }],
      }));
    },
  },
  {
    file: 'sensors/aws-sns.yaml', kind: 'Sensor',
    differences: DEPENDS_FOR_DEPENDENCIES('spec.triggers[0].template.k8s.source.resource.spec.templates[0]', 1),
    build: chart => {
      const sensor = sensorOf(chart, 'aws-sns');
      const dep = sensor.addDependency(event('aws-sns'), { name: 'test-dep' });
      const workflow = workflowIn(sensor, { generateName: 'aws-sns-worfklow-' });
      const message = workflow.addArgument('message');
      const main = workflow.addDagTemplate('main');
      const snsMessage = new InputParameter('sns-message');
      const extract = workflow.addScriptTemplate('extract-sns-message', {
        image: 'node:12-alpine', command: ['node'], inputs: [snsMessage], source: `const snsMessage = ${snsMessage};\nconsole.log(snsMessage.Message);\n`,
      });
      const printed = new InputParameter('message');
      const print = workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [printed], inputs: [printed] });
      const extracted = main.addTask('extract-message', extract, { arguments: [snsMessage.set(message)] });
      main.addTask('print-message', print, { arguments: [printed.set(extracted.result)] });
      workflow.setEntrypoint(main);
      sensor.addTrigger('sns-workflow', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: dep.body() }],
      }));
    },
  },
  {
    file: 'sensors/github.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'github');
      const dep = sensor.addDependency(event('github'), {
        name: 'test-dep',
        filters: {
          data: [
            EventDataFilter.string('headers.X-Github-Event', 'pull_request'),
            EventDataFilter.string('body.action', 'opened', 'edited', 'reopened', 'synchronize'),
            EventDataFilter.string('body.pull_request.state', 'open'),
            EventDataFilter.string('body.pull_request.base.ref', 'master'),
          ],
        },
      });
      const workflow = workflowIn(sensor, { generateName: 'github-' });
      const [title, num, sha] = ['pr-title', 'pr-number', 'short-sha'].map(n => workflow.addArgument(n));
      const inputs = ['pr-title', 'pr-number', 'short-sha'].map(n => new InputParameter(n));
      workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [inputs[0]], inputs });
      sensor.addTrigger('github-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow),
        arguments: [
          { parameter: title, from: dep.body('pull_request.title') },
          { parameter: num, from: dep.body('pull_request.number') },
          { parameter: sha, from: dep.dataTemplate('{{ .Input.body.pull_request.head.sha | substr 0 7 }}') },
        ],
        parameters: [{ from: dep.dataTemplate('{{ .Input.body.pull_request.number }}-{{ .Input.body.pull_request.head.sha | substr 0 7 }}'), dest: 'metadata.name', operation: ParameterOperation.APPEND }],
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/file.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'file');
      const dep = sensor.addDependency(event('file'), { name: 'test-dep' });
      sensor.addTrigger('file-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'file-watcher-', ['hello'])),
        parameters: [{ from: dep.data('name'), dest: 'spec.templates.0.container.args.0' }],
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/sftp.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'sftp');
      const dep = sensor.addDependency(event('sftp'), { name: 'test-dep' });
      sensor.addTrigger('sftp-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'sftp-watcher-', ['hello'])),
        parameters: [{ from: dep.data('name'), dest: 'spec.templates.0.container.args.0' }],
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/hdfs.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'hdfs');
      const dep = sensor.addDependency(event('hdfs'), { name: 'test-dep' });
      sensor.addTrigger('hdfs-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'hello-world-', ['hello '])),
        parameters: [{ from: dep.body(), dest: 'spec.templates.0.container.args.1' }],
      }));
    },
  },
  {
    file: 'sensors/redis.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'redis');
      const dep = sensor.addDependency(event('redis'), { name: 'test-dep' });
      sensor.addTrigger('workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'redis-', ['hello'])),
        parameters: [{ from: dep.body(), dest: 'spec.templates.0.container.args.0' }],
      }));
    },
  },
  {
    file: 'sensors/redis-streams.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'redis-stream');
      const dep = sensor.addDependency(event('redis-stream'), { name: 'test-dep' });
      sensor.addTrigger('workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'redis-stream-', ['hello'])),
        parameters: [{ from: dep.data('values'), dest: 'spec.templates.0.container.args.0' }],
      }));
    },
  },
  {
    file: 'sensors/dependencies-conditions.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'dependencies-conditions');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const foo = sensor.addDependency(event('webhook', 'example-foo'), { name: 'test-dep-foo' });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'hello-world-')) }), {
        conditions: dep, conditionsReset: [{ cron: '59 23 * * *', timezone: 'America/Los_Angeles' }],
      });
      sensor.addTrigger('webhook-workflow-trigger-2', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'hello-world-2-')) }), {
        conditions: foo,
      });
    },
  },
  {
    file: 'sensors/multi-trigger-sensor.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'multi-trigger-sensor');
      sensor.addDependency(event('webhook'), { name: 'test-dependency' });
      sensor.addTrigger('multi-trigger-workflow-1', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromS3(helloFromMinio, WORKFLOW) }));
      sensor.addTrigger('multi-trigger-workflow-2', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'hello-world-')) }));
    },
  },
  {
    file: 'sensors/time-filter-webhook.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'time-filter-webhook');
      sensor.addDependency(event('webhook'), { name: 'test-dep', filters: { time: { start: '22:14:05', stop: '23:04:05' } } });
      sensor.addDependency(event('webhook', 'example1'), { name: 'test-another-dep', filters: { time: { start: '23:34:05', stop: '00:24:05' } } });
      sensor.addTrigger('hello-world-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'time-filter-hello-world-')),
      }));
    },
  },
  {
    file: 'sensors/transform.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'transform');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep', transform: { script: 'event.body.message=\'updated\'\nreturn event' } });
      const foo = sensor.addDependency(event('webhook', 'example-foo'), { name: 'test-dep-foo', transform: { jq: '.body.message *= 2' } });
      for (const [name, d] of [['webhook-workflow-trigger', dep], ['webhook-workflow-trigger-1', foo]] as const) {
        const { workflow, message } = echoWorkflow(sensor, { generateName: 'webhook-' });
        sensor.addTrigger(name, TriggerAction.kubernetes({
          operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: d.body() }],
        }), { conditions: d });
      }
    },
  },
  {
    file: 'sensors/trigger-with-template.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-with-template');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const workflow = workflowIn(sensor, { generateName: 'webhook-' });
      const message = workflow.addArgument('message');
      const subject = workflow.addArgument('subject');
      const m = new InputParameter('message');
      const s = new InputParameter('subject');
      workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [`${m} from ${s}`], inputs: [m, s] });
      sensor.addTrigger('templated-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow),
        arguments: [
          { parameter: message, from: dep.dataTemplate('{{ .Input.body.message | title }}') },
          { parameter: subject, from: EventField.contextTemplate(dep, '{{ .Input.subject | title }}') },
        ],
        parameters: [{ from: dep.dataTemplate('{{ .Input.body.name | nospace | lower }}-'), dest: 'metadata.generateName', operation: ParameterOperation.APPEND }],
      }));
    },
  },
  {
    file: 'sensors/trigger-with-atleast-once-semantics.yaml', kind: 'Sensor',
    differences: [
      { path: 'spec.triggers[0].template.atLeastOnce', side: 'theirs', reason: 'the example sets atLeastOnce inside the template, where Argo Events has no such field (the CRD prunes it): it belongs to the trigger' },
      { path: 'spec.triggers[0].atLeastOnce', side: 'ours', reason: 'the library writes atLeastOnce where Argo Events reads it, on the trigger' },
    ],
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-with-atleast-once-semantics');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const { workflow, message } = echoWorkflow(sensor, { generateName: 'webhook-' });
      sensor.addTrigger('trigger-1', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: dep.body() }],
      }), { atLeastOnce: true });
    },
  },
  {
    file: 'sensors/trigger-with-policy.yaml', kind: 'Sensor',
    differences: [
      { path: 'spec.triggers[0].template.policy', side: 'theirs', reason: 'the example sets the policy inside the template, where Argo Events has no such field (the CRD prunes it): it belongs to the trigger' },
      { path: 'spec.triggers[0].policy', side: 'ours', reason: 'the library writes the policy where Argo Events reads it, on the trigger' },
    ],
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-with-policy', { errorOnFailedRound: true });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const { workflow, message } = echoWorkflow(sensor, { generateName: 'webhook-' });
      sensor.addTrigger('trigger-1', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow), arguments: [{ parameter: message, from: dep.body() }],
      }), {
        policy: {
          resourceLabels: { 'workflows.argoproj.io/phase': 'Succeeded' }, errorOnBackoffTimeout: true,
          backoff: { duration: Duration.seconds(1), factor: 2, jitter: 0.1, steps: 5 },
        },
      });
    },
  },
  {
    file: 'sensors/trigger-standard-k8s-resource.yaml', kind: 'Sensor',
    build: chart => podTrigger(chart, 'trigger-standard-k8s-resource'),
  },
  {
    file: 'sensors/trigger-standard-k8s-resource-shortened.yaml', kind: 'Sensor',
    build: chart => podTrigger(chart, 'trigger-standard-k8s-resource-shortened'),
  },
  {
    file: 'sensors/trigger-source-configmap.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-source-configmap');
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromConfigMap(ConfigMapRef.fromName('workflow-cm'), 'wf', WORKFLOW),
      }));
    },
  },
  {
    file: 'sensors/trigger-source-file.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-source-file', {
        volumeMounts: [{ volume: WorkflowVolume.fromConfigMap('workflow-file', ConfigMapRef.fromName('configmap-that-contains-the-workflow-definition')), mountPath: '/workflows/hello_world.yaml' }],
      });
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('file-workflow-trigger', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromFile('/workflows/hello_world.yaml', WORKFLOW) }));
    },
  },
  {
    file: 'sensors/trigger-source-git.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-source-git', {
        volumeMounts: [
          { volume: WorkflowVolume.emptyDir('argoproj'), mountPath: '/git/argoproj' },
          { volume: WorkflowVolume.emptyDir('argoproj1'), mountPath: '/git/argoproj1' },
        ],
      });
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const create = (name: string, source: TriggerResource) => sensor.addTrigger(name, TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: source }));
      create('workflow-trigger-1', TriggerResource.fromGit({
        url: 'https://github.com/argoproj/argo.git', cloneDirectory: '/git/argoproj', filePath: 'examples/hello-world.yaml', tag: 'v2.4.0',
        credentials: { username: key('github-secret', 'username'), password: key('github-secret', 'password') },
      }, WORKFLOW));
      create('workflow-trigger-2', TriggerResource.fromGit({
        url: 'git@github.com:argoproj/argo.git', cloneDirectory: '/git/argoproj1', sshKey: key('git-ssh', 'key'), filePath: 'examples/hello-world.yaml', branch: 'master',
      }, WORKFLOW));
      create('workflow-trigger-3', TriggerResource.fromGit({
        url: 'https://github.com/argoproj/argo.git', cloneDirectory: '/git/argoproj', filePath: 'examples/hello-world.yaml', branch: 'main',
        githubApp: { privateKey: key('github-app-pem', 'privateKey.pem'), appId: 12345, installationId: 67890 },
      }, WORKFLOW));
    },
  },
  {
    file: 'sensors/url-sensor.yaml', kind: 'Sensor',
    differences: [
      { path: 'spec.triggers[0].template.k8s.source.url.verifycert', side: 'theirs', reason: 'the example misspells verifyCert as "verifycert", which the CRD prunes (the sensor would verify the certificate)' },
      { path: 'spec.triggers[0].template.k8s.source.url.verifyCert', side: 'ours', reason: 'the library writes the field Argo Events reads, verifyCert' },
    ],
    build: chart => {
      const sensor = sensorOf(chart, 'url-sensor');
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('url-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: TriggerResource.fromUrl('https://raw.githubusercontent.com/argoproj/argo-workflows/master/examples/hello-world.yaml', WORKFLOW, { verifyCert: false }),
      }), { retryStrategy: { steps: 3 } });
    },
  },
  {
    file: 'sensors/context-filter-webhook.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'context-filter-webhook');
      sensor.addDependency(event('webhook'), { name: 'test-dep', filters: { context: { source: 'webhook', subject: 'example', datacontenttype: 'application/json' } } });
      sensor.addTrigger('done-workflow', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromS3(helloFromMinio, WORKFLOW) }));
    },
  },
  {
    file: 'sensors/complete-trigger-parameterization.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'complete-trigger-parameterization');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('THIS_WILL_BE_REPLACED_BY_NAME_FROM_EVENT', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: TriggerResource.fromS3({ ...helloFromMinio, bucket: 'THIS_WILL_BE_REPLACED_BUCKET_FROM_EVENT', key: 'THIS_WILL_BE_REPLACED_KEY_FROM_EVENT' }, WORKFLOW),
        parameters: [{ from: dep.data('namespace'), dest: 'metadata.namespace' }, { from: dep.data('image'), dest: 'spec.templates.0.container.image' }],
      }), {
        parameters: [
          { from: dep.data('name'), dest: 'name' },
          { from: dep.data('bucket'), dest: 'k8s.source.s3.bucket.name' },
          { from: dep.data('key'), dest: 'k8s.source.s3.bucket.key' },
          { from: dep.data('port'), dest: 'k8s.source.s3.endpoint', operation: ParameterOperation.APPEND },
        ],
      });
    },
  },
  {
    file: 'sensors/filter-with-time-timezone.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'filter-with-time-timezone');
      sensor.addDependency(event('webhook'), { name: 'test-dep', filters: { time: { start: '09:00:00', stop: '17:00:00', timezone: 'America/New_York' } } });
      const { workflow } = echoWorkflow(sensor, { generateName: 'webhook-' }, { message: 'Triggered during business hours in New York!', entrypoint: 'whalesay', image: 'docker/whalesay:latest', command: 'cowsay' });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(workflow) }));
    },
  },
  filterCase('sensors/filter-with-time.yaml', 'with-time-filter', { filters: { time: { start: '02:30:00', stop: '04:30:00' } } }, { account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'done-workflow', from: d => d.body('message') }),
  filterCase('sensors/filter-with-context.yaml', 'with-ctx-filter', { filters: { context: { source: 'custom-webhook' } } }, { account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'done-workflow', from: d => d.body('message') }),
  filterCase('sensors/filter-script.yaml', 'with-script-filter', {
    filters: { script: 'if event.body.a == "b" and event.body.d.e == "z" then return true else return false end' },
  }, { account: null }),
  filterCase('sensors/filter-with-data-simple-1.yaml', 'with-simple-data-filter-1', { filters: { data: [EventDataFilter.string('body.message', 'hello', 'hey')] } }, {
    account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'data-workflow', from: d => d.body('message'),
  }),
  filterCase('sensors/filter-with-data-simple-2.yaml', 'with-simple-data-filter-2', { filters: { data: [EventDataFilter.string('bucket', 'argo-workflow-input', 'argo-workflow-input1')] } }, {
    account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'data-workflow', from: d => d.body(),
  }),
  filterCase('sensors/filter-with-data-simple-3.yaml', 'with-simple-data-filter-3', { filters: { data: [EventDataFilter.number('body.value', DataComparator.EQUAL, 50.0)] } }, {
    account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'data-workflow', from: d => d.wholeEvent(), differences: FIFTY,
  }),
  filterCase('sensors/filter-with-data-simple-4.yaml', 'with-simple-data-filter-4', { filters: { data: [EventDataFilter.number('body.value', DataComparator.GREATER, 50.0)] } }, {
    account: 'operate-workflow-sa', generateName: 'data-workflow-', trigger: 'data-workflow', from: d => d.body('value'), differences: FIFTY,
  }),
  filterCase('sensors/filter-with-data-advanced.yaml', 'with-advanced-data-filters', {
    filters: { data: [EventDataFilter.bool('a', true), EventDataFilter.number('b.c', DataComparator.EQUAL, 3.14), EventDataFilter.string('b.d', 'hello,world', 'hello, world')] },
  }, { account: null }),
  filterCase('sensors/filter-with-expressions.yaml', 'with-expression-filters', {
    filters: { exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'a-longer-name' }), EventExprFilter.of('e == false', { e: 'nested.path.can-get.longer' })] },
  }, { account: null, generateName: 'expr-workflow-' }),
  filterCase('sensors/filter-with-multiple-data-filters-in-or.yaml', 'with-multiple-data-filters-in-or', {
    filters: { dataLogic: FilterLogic.OR, data: [EventDataFilter.bool('a', true), EventDataFilter.number('b.c', DataComparator.EQUAL, 3.14), EventDataFilter.string('b.d', 'hello there')] },
  }, { account: null }),
  filterCase('sensors/filter-with-multiple-expr-filters-in-or.yaml', 'with-multiple-expr-filters-in-or', {
    filters: { exprLogic: FilterLogic.OR, exprs: [EventExprFilter.of('a == "b" || c != 10', { a: 'a', c: 'a-longer-name' }), EventExprFilter.of('e == false', { e: 'nested.path.can-get.longer' })] },
  }, { account: null }),
  filterCase('sensors/filter-with-multiple-filters-in-or.yaml', 'with-multiple-filters-in-or', {
    filtersLogic: FilterLogic.OR,
    filters: {
      exprLogic: FilterLogic.OR, exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'c' }), EventExprFilter.of('e == false', { e: 'd.e' })],
      dataLogic: FilterLogic.OR, data: [EventDataFilter.string('a', 'b'), EventDataFilter.number('c', DataComparator.GREATER, 20), EventDataFilter.bool('d.e', false)],
    },
  }, { account: null }),
  filterCase('sensors/filter-with-multiple-filters-mixed.yaml', 'with-mixed-multiple-filters', {
    filtersLogic: FilterLogic.OR,
    filters: {
      exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'c' }), EventExprFilter.of('e == false', { e: 'd.e' })],
      data: [EventDataFilter.string('a', 'b'), EventDataFilter.number('c', DataComparator.GREATER, 20), EventDataFilter.bool('d.e', false)],
    },
  }, { account: null }),
  filterCase('sensors/filter-with-multiple-filters.yaml', 'with-multiple-filters', {
    filters: {
      exprs: [EventExprFilter.of('a == "b" || c == 10', { a: 'a', c: 'c' }), EventExprFilter.of('e == false', { e: 'd.e' })],
      data: [EventDataFilter.string('a', 'b'), EventDataFilter.number('c', DataComparator.EQUAL, 10), EventDataFilter.bool('d.e', false)],
    },
  }, { account: null }),

  // argoWorkflow triggers
  {
    file: 'sensors/special-workflow-trigger.yaml', kind: 'Sensor',
    build: chart => specialTrigger(chart, 'special-workflow-trigger', ['--node-field-selector', 'phase=abc']),
  },
  {
    file: 'sensors/special-workflow-trigger-shortened.yaml', kind: 'Sensor',
    build: chart => specialTrigger(chart, 'special-workflow-trigger-shortened'),
  },
  {
    file: 'sensors/special-workflow-trigger-submit-existing.yml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'webhook');
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('argo-workflow-trigger', TriggerAction.workflowOperation(WorkflowOperation.SUBMIT_FROM, { kind: 'CronWorkflow', name: 'special-trigger' }));
    },
  },
  {
    file: 'sensors/sensor-to-existing-workflow-template.yaml', kind: 'Sensor',
    build: chart => {
      const template = WorkflowTemplate.fromName(chart, 'wt', 'workflow-template-print-message', { parameters: ['message'] });
      const sensor = sensorOf(chart, 'bitbucket');
      const dep = sensor.addDependency(event('bitbucket'), { name: 'my-event-source-dep' });
      sensor.submitWorkflow('argo-workflow-trigger', template, { arguments: [{ parameter: template.parameter('message'), from: dep.body() }] });
    },
  },
  {
    file: 'sensors/gitlab-emoji.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'gitlab-emoji', { account: 'argo-events-sa', namespace: 'argo-events' });
      const emoji = sensor.addDependency(event('gitlab', 'group-example'), { name: 'emoji-event', filters: { data: [EventDataFilter.string('body.object_kind', 'emoji')] } });
      sensor.addTrigger('emoji-notification-trigger', TriggerAction.log({ intervalSeconds: 1 }));
      // The workflows run in namespace argo, the sensor's in argo-events.
      const workflow = workflowIn(sensor, { generateName: 'gitlab-emoji-' }, { metadata: { namespace: 'argo' } });
      const names = ['emoji-name', 'user', 'target-type', 'target-title'];
      const params = names.map(n => workflow.addArgument(n, { value: 'unknown' }));
      const inputs = names.map(n => new InputParameter(n));
      workflow.addContainerTemplate('process-emoji', {
        image: 'alpine:latest', command: ['sh', '-c'], inputs,
        args: [[
          'echo "================================================"', 'echo "GitLab Emoji Event Received!"', 'echo "================================================"',
          `echo "Emoji: ${inputs[0]}"`, `echo "User: ${inputs[1]}"`, `echo "Target Type: ${inputs[2]}"`, `echo "Target: ${inputs[3]}"`,
          'echo "================================================"', ''].join('\n')],
      });
      sensor.submitWorkflow('emoji-workflow-trigger', workflow, {
        arguments: [
          { parameter: params[0], from: emoji.body('object_attributes.name') },
          { parameter: params[1], from: emoji.body('user.username') },
          { parameter: params[2], from: emoji.body('object_attributes.awardable_type') },
          { parameter: params[3], from: emoji.body('issue.title') },
        ],
      });
    },
  },
  ...['01', '02', '03', '04'].map((n): UpstreamCase => ({
    file: `tutorials/02-parameterization/sensor-${n}.yaml`, kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'webhook');
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      const { workflow, message } = echoWorkflow(sensor, { generateName: 'webhook-' });
      const from = { '01': dep.context('type'), '02': dep.body('message'), '03': dep.body('unknown').withDefault('wow! a default value.'), '04': dep.body('message') }[n]!;
      sensor.submitWorkflow('webhook-workflow-trigger', workflow, n === '04'
        ? { resourceParameters: [{ from, dest: 'spec.arguments.parameters.0.value', operation: ParameterOperation.PREPEND }] }
        : { arguments: [{ parameter: message, from }] });
    },
  })),

  // Other trigger kinds
  {
    file: 'sensors/http-trigger.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'http-trigger', { account: null });
      const dep = sensor.addDependency(event('minio'), { name: 'test-dep' });
      sensor.addTrigger('http-trigger', TriggerAction.http({
        url: 'http://http-server.argo-events.svc:8090/hello', method: HttpTriggerMethod.POST,
        payload: { bucket: dep.data('notification.0.s3.bucket.name'), type: dep.context('type') },
      }), { retryStrategy: { steps: 3, duration: Duration.seconds(3) } });
    },
  },
  {
    file: 'sensors/http-trigger-secure-headers.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'http-trigger-secure-headers', { account: null });
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('http-trigger', TriggerAction.http({
        url: 'http://http-server.default.svc.cluster.local:8080/hello', method: HttpTriggerMethod.GET,
        secureHeaders: { serviceToken: key('dev-services-secret', 'serviceToken') },
      }), { retryStrategy: { steps: 3, duration: Duration.seconds(3) }, policy: { allowedStatuses: [200, 201] } });
    },
  },
  ...['01', '02'].map((n): UpstreamCase => ({
    file: `tutorials/09-http-trigger/sensor-${n}.yaml`, kind: 'Sensor',
    differences: [OWN_SENSOR_ACCOUNT,
      { path: 'spec.triggers[0].template.http.serverURL', side: 'theirs', reason: 'serverURL is the old name of url, which Argo Events v1.9 does not read (the controller rejects the sensor: "server URL is not specified")' },
      { path: 'spec.triggers[0].template.http.url', side: 'ours', reason: 'the library writes the URL under its v1.9 name, url' }],
    build: chart => {
      const sensor = sensorOf(chart, 'minio', { account: null });
      const dep = sensor.addDependency(event('minio'), { name: 'test-dep' });
      sensor.addTrigger('http-trigger', TriggerAction.http({
        url: `http://http-server.argo-events.svc:8090/${n === '01' ? 'hello' : 'hi'}`, method: HttpTriggerMethod.POST,
        payload: { bucket: dep.data('s3.bucket.name'), type: dep.context('type') },
      }), { policy: n === '02' ? { allowedStatuses: [200, 300] } : undefined });
    },
  })),
  {
    file: 'sensors/slack-trigger.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'slack-trigger', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('slack-trigger', TriggerAction.slack({ token: key('slack-secret', 'token'), channel: 'general', message: 'hello world' }), {
        parameters: [{ from: dep.body('channel'), dest: 'slack.channel' }, { from: dep.body('message'), dest: 'slack.message' }],
      });
    },
  },
  {
    file: 'sensors/aws-lambda-trigger.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'aws-lambda-trigger', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('lambda-trigger', TriggerAction.awsLambda({
        functionName: 'hello', region: 'us-east-1', payload: { name: dep.body('name') }, invocationType: LambdaInvocationType.EVENT,
        credentials: { accessKey: key('aws-secret', 'accesskey'), secretKey: key('aws-secret', 'secretkey') }, roleArn: 'arn:aws:iam::123456789012:role/some-role',
      }));
    },
  },
  {
    file: 'tutorials/10-aws-lambda-trigger/sensor.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'webhook', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('lambda-trigger', TriggerAction.awsLambda({
        functionName: 'hello', region: 'us-east-1', payload: { name: dep.body('name') },
        credentials: { accessKey: key('aws-secret', 'accesskey'), secretKey: key('aws-secret', 'secretkey') },
      }));
    },
  },
  {
    file: 'sensors/azure-event-hubs-sensor.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'azure-event-hubs-sensor', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('azure-eventhubs-trigger', TriggerAction.azureEventHubs({
        fqdn: 'eventhubs_fqdn', hubName: 'hub_name', payload: { message: dep.body('message') },
        sharedAccessKey: { keyName: key('azure-event-hubs-secret', 'sharedAccessKeyName'), key: key('azure-event-hubs-secret', 'sharedAccessKey') },
      }));
    },
  },
  {
    file: 'sensors/azure-service-bus-sensor.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'azure-service-bus-sensor', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('azure-service-bus-trigger', TriggerAction.azureServiceBus({
        queue: 'queue', connectionString: key('azure-service-bus', 'connectionString'), payload: { message: dep.body('message') },
      }));
    },
  },
  {
    file: 'sensors/custom-trigger.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'custom-trigger', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('webhook-workflow-trigger', TriggerAction.custom({
        serverUrl: 'tekton-trigger.argo-events.svc:9000',
        spec: { url: 'https://raw.githubusercontent.com/VaibhavPage/tekton-cd-trigger/master/example.yaml' },
        parameters: [{ from: dep.body('namespace'), dest: 'metadata.namespace' }],
      }), { parameters: [{ from: dep.body('url'), dest: 'custom.spec.url' }] });
    },
  },
  {
    file: 'sensors/email-trigger.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'email-trigger', { account: null });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('email-trigger', TriggerAction.email({
        username: 'username', smtpPassword: key('smtp-secret', 'password'), host: 'smtp.example.net', port: 587, from: 'example@email.com', subject: 'Hello There',
        to: [dep.body('to')], body: dep.dataTemplate('Hi {{.Input.body.name}},\n\n\tHello There.\n\nThanks,\nObi'),
      }));
    },
  },
  {
    file: 'sensors/trigger-nats-messages.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-nats-messages', { account: null });
      const dep = sensor.addDependency(event('minio'), { name: 'test-dep' });
      sensor.addTrigger('nats-trigger', TriggerAction.nats({
        url: 'nats.argo-events.svc:4222', subject: 'minio-events',
        payload: { fileName: dep.data('notification.0.s3.object.key'), bucket: dep.data('notification.0.s3.bucket.name') },
      }));
    },
  },
  {
    file: 'sensors/trigger-openwhisk.yaml', kind: 'Sensor',
    differences: [OWN_SENSOR_ACCOUNT,
      { path: 'spec.triggers[0].template.openwhisk', side: 'theirs', reason: 'the example writes the trigger under "openwhisk"; Argo Events\' key is openWhisk (the CRD prunes the misspelled key, and the controller then rejects a template without an action)' },
      { path: 'spec.triggers[0].template.openWhisk', side: 'ours', reason: 'the library writes the trigger under its key, openWhisk (the example\'s content otherwise)' }],
    build: chart => {
      const sensor = sensorOf(chart, 'trigger-openwhisk', { account: null });
      const dep = sensor.addDependency(event('minio'), { name: 'test-dep' });
      sensor.addTrigger('openwhisk-trigger', TriggerAction.openWhisk({
        host: 'openwhisk.argo-events.svc:9000', actionName: 'hello', payload: { bucket: dep.data('notification.0.s3.bucket.name'), type: dep.context('type') },
      }));
    },
  },
  {
    file: 'sensors/log.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'log', { account: null });
      sensor.addDependency(event('calendar', 'example-with-interval'), { name: 'test-dep' });
      sensor.addTrigger('log-trigger', TriggerAction.log({ intervalSeconds: 20 }));
    },
  },
  {
    file: 'sensors/log-debug.yaml', kind: 'Sensor', differences: [OWN_SENSOR_ACCOUNT],
    build: chart => {
      const sensor = sensorOf(chart, 'log-debug', { account: null, env: { LOG_LEVEL: 'error' } });
      sensor.addDependency(event('calendar', 'example-with-interval'), { name: 'test-dep' });
      sensor.addTrigger('log-trigger', TriggerAction.log({ intervalSeconds: 20 }));
    },
  },

  // Tutorials
  {
    file: 'tutorials/03-trigger-sources/sensor-cm.yaml', kind: 'Sensor',
    differences: [{ path: 'spec.triggers[0].template.k8s.source.configmap.namespace', side: 'theirs', reason: 'a ConfigMap key selector has no namespace (the CRD prunes it): the sensor reads the ConfigMap mounted from its own namespace' }],
    build: chart => {
      const sensor = sensorOf(chart, 'webhook');
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('minio-workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromConfigMap(ConfigMapRef.fromName('trigger-store'), 'workflow', WORKFLOW),
      }));
    },
  },
  {
    file: 'tutorials/03-trigger-sources/sensor-minio.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'webhook');
      sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('workflow-trigger', TriggerAction.kubernetes({ operation: KubernetesOperation.CREATE, resource: TriggerResource.fromS3(helloFromMinio, WORKFLOW) }));
    },
  },
  {
    file: 'tutorials/04-standard-k8s-resources/sensor-pod.yaml', kind: 'Sensor',
    build: chart => podTrigger(chart, 'webhook', 'k8s-resource-sa', d => d.wholeEvent()),
  },
  {
    file: 'tutorials/04-standard-k8s-resources/sensor-deployment.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'webhook', { account: 'k8s-resource-sa' });
      const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
      sensor.addTrigger('webhook-deployment-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE,
        resource: TriggerResource.of({
          apiVersion: 'apps/v1', kind: 'Deployment', metadata: { generateName: 'hello-world-' },
          spec: {
            replicas: 1, selector: { matchLabels: { app: 'mydeploy' } },
            template: { metadata: { labels: { app: 'mydeploy' } }, spec: { containers: [{ name: 'hello-container', args: ['hello world'], command: ['echo'], image: 'busybox' }] } },
          },
        }),
        parameters: [{ from: dep.wholeEvent(), dest: 'spec.template.spec.containers.0.args.0' }],
      }));
    },
  },
  {
    file: 'tutorials/06-trigger-conditions/sensor-01.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'circuit');
      const hook = sensor.addDependency(event('webhook'), { name: 'test-dep-webhook' });
      const minio = sensor.addDependency(event('minio'), { name: 'test-dep-minio' });
      sensor.addTrigger('workflow-trigger-1', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'group-1-')),
        parameters: [{ from: hook.body('message'), dest: 'spec.templates.0.container.args.0' }],
      }), { conditions: hook });
      sensor.addTrigger('workflow-trigger-2', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'group-2-')),
        parameters: [{ from: minio.data('notification.0.s3.bucket.name'), dest: 'spec.templates.0.container.args.0' }],
      }), { conditions: minio });
    },
  },
  {
    file: 'tutorials/06-trigger-conditions/sensor-02.yaml', kind: 'Sensor',
    build: chart => {
      const sensor = sensorOf(chart, 'circuit');
      const hook = sensor.addDependency(event('webhook'), { name: 'test-dep-webhook' });
      const minio = sensor.addDependency(event('minio'), { name: 'test-dep-minio' });
      sensor.addTrigger('workflow-trigger', TriggerAction.kubernetes({
        operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(helloWorkflow(sensor, 'group-1-and-2-')),
        parameters: [
          { from: hook.body('message'), dest: 'spec.templates.0.container.args.0' },
          { from: minio.data('notification.0.s3.bucket.name'), dest: 'spec.templates.0.container.args.1' },
        ],
      }), { conditions: hook.and(minio) });
    },
  },
];

/** The argoWorkflow submit of the echo workflow named `special-trigger`. */
function specialTrigger(chart: Chart, name: string, cliArgs?: string[]): void {
  const sensor = sensorOf(chart, name);
  const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
  const { workflow, message } = echoWorkflow(sensor, { name: 'special-trigger' });
  sensor.submitWorkflow('argo-workflow-trigger', workflow, { arguments: [{ parameter: message, from: dep.body() }], cliArgs });
}

/** The k8s trigger creating the hello-world Pod (given as its manifest). */
function podTrigger(chart: Chart, name: string, account?: string, from: (d: SensorDependency) => EventField = d => d.body()): void {
  const sensor = sensorOf(chart, name, { account });
  const dep = sensor.addDependency(event('webhook'), { name: 'test-dep' });
  sensor.addTrigger('webhook-pod-trigger', TriggerAction.kubernetes({
    operation: KubernetesOperation.CREATE,
    resource: TriggerResource.of({
      apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'hello-world-' },
      spec: { containers: [{ name: 'hello-container', args: ['hello-world'], command: ['echo'], image: 'busybox' }] },
    }),
    parameters: [{ from: from(dep), dest: 'spec.containers.0.args.0' }],
  }));
}

/** Example files that are not Argo Events objects this library builds, or that the typed API cannot express, and why. */
export const NOT_REBUILT: readonly NotRebuilt[] = [
  { file: 'rbac/sensor-rbac.yaml', reason: 'RBAC for the examples\' operate-workflow-sa account: the library generates each sensor\'s own Role with exactly what its triggers call (test/events/rbac.test.ts)' },
  { file: 'rbac/workflow-rbac.yaml', reason: 'RBAC for the workflows\' account: the library binds the executor Role to the account a submitted workflow runs as (test/events/rbac.test.ts)' },
  { file: 'tutorials/02-parameterization/sensor-05.yaml', reason: 'its template parameter reads the placeholder dependency "THIS_WILL_BE_REPLACED", rewritten at run time by trigger-level parameters; the typed API binds every parameter source to a dependency of the sensor, so a source naming none cannot be written' },
  { file: 'tutorials/03-trigger-sources/sensor-git.yaml', reason: 'reads the SSH key from sshKeyPath, a field Argo Events v1.9 removed (the CRD prunes it; the key now comes from sshKeySecret): not expressible, and not equivalent to sshKey' },
  { file: 'tutorials/03-trigger-sources/trigger-store.yaml', reason: 'a ConfigMap holding a Workflow manifest for the tutorial: not an Argo Events object (cdk8s-plus or an ApiObject defines it; TriggerResource.fromConfigMap reads it)' },
  { file: 'tutorials/09-http-trigger/http-server.yaml', reason: 'the tutorial\'s HTTP server Pod: not an Argo Events object' },
  { file: 'tutorials/09-http-trigger/http-server-svc.yaml', reason: 'the Service of the tutorial\'s HTTP server: not an Argo Events object' },
  { file: 'sensors/multi-dependencies.yaml', reason: 'the Workflow it creates is one Argo rejects: its template declares the input "message" but prints {{inputs.parameters.message1}} and {{inputs.parameters.message2}}, and the entrypoint gets no "message" (W31, W21: "failed to resolve"). The library\'s checks of the sensor\'s resourceScope refuse it; the same sensor with a template declaring message1 and message2 is built in test/events/sensor-workflows.test.ts' },
];
