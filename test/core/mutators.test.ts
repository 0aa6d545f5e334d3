/**
 * Every mutator of the constructs marks the app changed (src/core/revision.ts): a render kept by
 * the synth session is dropped, so the next toJson() shows the change. A mutator that forgot to
 * would hand out stale JSON after a render-mutate-render sequence (Testing.synth twice).
 */
import { ApiObject, Chart, Cron, Duration, Testing } from 'cdk8s';
import { ArtifactKey, ArtifactRepositories, IamRoleServiceAccount, S3ArtifactStep, S3Credentials, S3Location } from '../../src/artifacts';
import { ConfigMapEnv } from '../../src/config';
import { Lint } from '../../src/core/lint-suppression';
import { SecretRef } from '../../src/core/object-refs';
import { lintConstructTree } from '../../src/core/validation';
import {
  AmqpEventSource, AmqpExchangeType, AzureEventsHubEventSource, AzureQueueStorageEventSource, AzureServiceBusEventSource, BitbucketEventSource,
  BitbucketServerEventSource, CalendarEventSource, EmitterEventSource, EventBus, EventSource, EventSourceBase, FileEventSource, FileOperation,
  GenericEventSource, GerritEventSource, GitHubEventSource, GitLabEventSource, HdfsEventSource, KafkaEventSource, MinioEventSource, MnsEventSource,
  MqttEventSource, NatsEventSource, NsqEventSource, PubSubEventSource, PulsarEventSource, RedisEventSource, RedisStreamEventSource, ResourceEventSource,
  ResourceEventType, SftpEventSource, SlackEventSource, SnsEventSource, SqsEventSource, StorageGridEventSource, StripeEventSource, TriggerAction,
  TriggerResource, WebhookEventSource, WorkflowSensor,
} from '../../src/events';
import { SlackExitHandler, SlackWebhook } from '../../src/notify';
import {
  ArtifactLocation, DataSource, EnvSource, InputArtifact, InputParameter, OutputArtifact, ResourceAction, Workflow, WorkflowEventBinding, WorkflowServiceAccount, WorkflowTemplate,
  NodePhase, WorkflowPhase, WorkflowVariables, WorkflowVolume,
} from '../../src/workflows';

interface Case {
  /** Builds the app; returns the object whose manifest the mutation changes, and the mutation. */
  readonly build: (chart: Chart) => { readonly target: ApiObject; readonly mutate: () => void };
}

function wt(chart: Chart) {
  const template = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
  const m = new InputParameter('m', { default: 'x' });
  const echo = template.addContainerTemplate('echo', { image: 'busybox:1.36', args: [m], inputs: [m] });
  template.setEntrypoint(echo);
  return { template, echo, m };
}

const volume = WorkflowVolume.emptyDir('scratch');
const PLUGIN = { image: 'busybox:1.36', ports: [{ number: 4355 }], resources: { cpu: { request: 0.1, limit: 0.5 } } };

const secretKey = (k: string) => SecretRef.fromName('creds').keyRef(k);

/** Each dedicated EventSource's add method, with the options of a first and a second event. */
const EVENT_SOURCE_ADDS: { [name: string]: (c: Chart) => { source: EventSourceBase; add: (n: string) => void } } = {
  'AmqpEventSource.addEvent': c => { const s = new AmqpEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'amqp://r:5672', exchangeName: n, exchangeType: AmqpExchangeType.FANOUT, routingKey: n }) }; },
  'AzureEventsHubEventSource.addEvent': c => { const s = new AzureEventsHubEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { fqdn: 'f', hubName: n }) }; },
  'AzureQueueStorageEventSource.addEvent': c => { const s = new AzureQueueStorageEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { queueName: n, storageAccountName: 'a' }) }; },
  'AzureServiceBusEventSource.addEvent': c => { const s = new AzureServiceBusEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { fullyQualifiedNamespace: 'ns', queue: n }) }; },
  'EmitterEventSource.addEvent': c => { const s = new EmitterEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { broker: 'b:4000', channelName: n, channelKey: 'k' }) }; },
  'FileEventSource.addEvent': c => { const s = new FileEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { eventType: FileOperation.CREATE, watchPath: { directory: '/d/', path: n } }) }; },
  'GenericEventSource.addEvent': c => { const s = new GenericEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'g:8080', config: n }) }; },
  'HdfsEventSource.addEvent': c => { const s = new HdfsEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { operations: [FileOperation.CREATE], watchPath: { directory: '/d/', path: n }, addresses: ['nn:8020'], hdfsUser: 'u' }) }; },
  'KafkaEventSource.addEvent': c => { const s = new KafkaEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'k:9092', topic: n, partition: 0 }) }; },
  'MinioEventSource.addEvent': c => { const s = new MinioEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { endpoint: 'm:9000', bucket: n, events: ['s3:ObjectCreated:Put'], credentials: { accessKey: secretKey('a'), secretKey: secretKey('s') } }) }; },
  'MnsEventSource.addEvent': c => { const s = new MnsEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { queue: n, endpoint: 'http://mns', credentials: { accessKey: secretKey('a'), secretKey: secretKey('s') } }) }; },
  'MqttEventSource.addEvent': c => { const s = new MqttEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'tcp://m:1883', topic: n, clientId: n }) }; },
  'NatsEventSource.addEvent': c => { const s = new NatsEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'nats://n:4222', subject: n }) }; },
  'NsqEventSource.addEvent': c => { const s = new NsqEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { hostAddress: 'n:4161', topic: n, channel: 'c' }) }; },
  'PubSubEventSource.addEvent': c => { const s = new PubSubEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { topic: n }) }; },
  'PulsarEventSource.addEvent': c => { const s = new PulsarEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { url: 'pulsar://p:6650', topics: [n] }) }; },
  'RedisEventSource.addEvent': c => { const s = new RedisEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { hostAddress: 'r:6379', channels: [n] }) }; },
  'RedisStreamEventSource.addEvent': c => { const s = new RedisStreamEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { hostAddress: 'r:6379', streams: [n] }) }; },
  'ResourceEventSource.addEvent': c => { const s = new ResourceEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { version: 'v1', resource: 'pods', namespace: 'ns', eventTypes: [ResourceEventType.ADD], filter: { prefix: n } }) }; },
  'SftpEventSource.addEvent': c => { const s = new SftpEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { address: secretKey('a'), username: secretKey('u'), password: secretKey('p'), eventType: FileOperation.CREATE, watchPath: { directory: '/d/', path: n } }) }; },
  'SqsEventSource.addEvent': c => { const s = new SqsEventSource(c, 's'); return { source: s, add: n => s.addEvent(n, { queue: n, region: 'eu-west-1' }) }; },
  'BitbucketEventSource.addEndpoint': c => { const s = new BitbucketEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, repositories: [{ owner: 'o', repositorySlug: n }] }) }; },
  'BitbucketServerEventSource.addEndpoint': c => { const s = new BitbucketServerEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, baseUrl: 'https://b/rest' }) }; },
  'GerritEventSource.addEndpoint': c => { const s = new GerritEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, baseUrl: 'https://g', projects: [n], events: ['patchset-created'], auth: { username: secretKey('u'), password: secretKey('p') } }) }; },
  'GitHubEventSource.addEndpoint': c => { const s = new GitHubEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, repositories: [{ owner: 'o', names: [n] }] }) }; },
  'GitLabEventSource.addEndpoint': c => { const s = new GitLabEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, projects: [n], events: ['PushEvents'], accessToken: secretKey('t') }) }; },
  'SlackEventSource.addEndpoint': c => { const s = new SlackEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, token: secretKey('t'), signingSecret: secretKey('s') }) }; },
  'SnsEventSource.addEndpoint': c => { const s = new SnsEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, topicArn: `arn:aws:sns:eu-west-1:1:${n}`, region: 'eu-west-1' }) }; },
  'StorageGridEventSource.addEndpoint': c => { const s = new StorageGridEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}`, topicArn: 't', bucket: n, apiUrl: 'https://g', authToken: secretKey('t'), events: ['s3:ObjectCreated:*'] }) }; },
  'StripeEventSource.addEndpoint': c => { const s = new StripeEventSource(c, 's'); return { source: s, add: n => s.addEndpoint(n, { path: `/${n}` }) }; },
};

function eventSourceCases(): { [mutator: string]: Case } {
  const cases: { [mutator: string]: Case } = {};
  for (const [name, make] of Object.entries(EVENT_SOURCE_ADDS)) {
    cases[name] = { build: c => { const { source, add } = make(c); add('one'); return { target: source.apiObject, mutate: () => add('two') }; } };
  }
  return cases;
}

/** A sensor with a dependency and two triggers. */
function sensorOf(c: Chart) {
  const sensor = new WorkflowSensor(c, 'sensor', { metadata: { name: 'sensor' } });
  const dep = sensor.addDependency(EventSource.fromName('hooks').event('run'));
  const trigger = sensor.addTrigger('log', TriggerAction.log());
  return { sensor, dep, trigger };
}

const CASES: { [mutator: string]: Case } = {
  'WorkflowSpecBase.addArgument': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addArgument('size') }; } },
  'WorkflowSpecBase.addVolume': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addVolume(volume) }; } },
  'WorkflowSpecBase.setEntrypoint': { build: c => { const { template } = wt(c); const other = template.addSuspendTemplate('wait'); return { target: template.apiObject, mutate: () => template.setEntrypoint(other) }; } },
  'WorkflowSpecBase.setOnExit': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => template.setOnExit(echo) }; } },
  'WorkflowSpecBase.addExitHook': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => template.addExitHook(echo) }; } },
  'WorkflowSpecBase.addHook': {
    build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => template.addHook('running', echo, { expression: WorkflowVariables.status.eq(WorkflowPhase.RUNNING) }) }; },
  },
  'WorkflowSpecBase.addContainerTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addContainerTemplate('more', { image: 'busybox:1.36' }) }; } },
  'Template.addInput': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addInput(new InputParameter('n', { default: 'y' })) }; } },
  'Template.addInputArtifact': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addInputArtifact('in', { path: '/in' }) }; } },
  'Template.addOutput': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addOutput(new OutputArtifact('out', { path: '/out' })) }; } },
  'Template.addOutputParameter': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addOutputParameter('p') }; } },
  'Template.addVolume': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addVolume(volume) }; } },
  'PodTemplate.addEnv': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addEnv('A', 'b') }; } },
  'PodTemplate.addEnvFrom': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addEnvFrom(EnvSource.fromSecret(SecretRef.fromName('s'))) }; } },
  'PodTemplate.addVolumeMount': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addVolumeMount({ volume, mountPath: '/scratch' }) }; } },
  'PodTemplate.addSidecar': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addSidecar('side', { image: 'busybox:1.36' }) }; } },
  'PodTemplate.addInitContainer': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addInitContainer('init', { image: 'busybox:1.36' }) }; } },
  'ContainerSpec.addEnvFrom (a sidecar)': {
    build: c => { const { template, echo } = wt(c); const side = echo.addSidecar('side', { image: 'busybox:1.36' }); return { target: template.apiObject, mutate: () => side.addEnvFrom(EnvSource.fromSecret(SecretRef.fromName('s'))) }; },
  },
  'ContainerSpec.addVolumeMount (a sidecar)': {
    build: c => { const { template, echo } = wt(c); const side = echo.addSidecar('side', { image: 'busybox:1.36' }); return { target: template.apiObject, mutate: () => side.addVolumeMount({ volume, mountPath: '/scratch' }) }; },
  },
  'ContainerSpec.addEnv (a sidecar)': {
    build: c => { const { template, echo } = wt(c); const side = echo.addSidecar('side', { image: 'busybox:1.36' }); return { target: template.apiObject, mutate: () => side.addEnv('A', 'b') }; },
  },
  'ContainerSetTemplate.addContainer': {
    build: c => { const { template } = wt(c); const set = template.addContainerSetTemplate('set'); set.addContainer('main', { image: 'busybox:1.36' }); return { target: template.apiObject, mutate: () => set.addContainer('two', { image: 'busybox:1.36' }) }; },
  },
  'StepsTemplate.addStep': { build: c => { const { template, echo, m } = wt(c); const steps = template.addStepsTemplate('main'); return { target: template.apiObject, mutate: () => steps.addStep('s', echo, { arguments: [m.set('v')] }) }; } },
  'StepsTemplate.addGroup': { build: c => { const { template } = wt(c); const steps = template.addStepsTemplate('main'); return { target: template.apiObject, mutate: () => steps.addGroup() }; } },
  'StepGroup.addStep': {
    build: c => { const { template, echo } = wt(c); const group = template.addStepsTemplate('main').addGroup(); group.addStep('a', echo); return { target: template.apiObject, mutate: () => group.addStep('b', echo) }; },
  },
  'DagTemplate.addTask': { build: c => { const { template, echo } = wt(c); const dag = template.addDagTemplate('dag'); dag.addTask('a', echo); return { target: template.apiObject, mutate: () => dag.addTask('b', echo) }; } },
  'Invocation.addExitHook': {
    build: c => { const { template, echo } = wt(c); const step = template.addStepsTemplate('main').addStep('a', echo); return { target: template.apiObject, mutate: () => step.addExitHook(echo) }; },
  },
  'Invocation.addHook': {
    build: c => { const { template, echo } = wt(c); const step = template.addStepsTemplate('main').addStep('a', echo); return { target: template.apiObject, mutate: () => step.addHook('running', echo, { expression: step.status.eq(NodePhase.RUNNING) }) }; },
  },
  'Template.addOverride': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addOverride('container.workingDir', '/w') }; } },
  'ContainerSpec.addOverride': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.container.addOverride('tty', true) }; } },
  'Invocation.addOverride': {
    build: c => { const { template, echo } = wt(c); const step = template.addStepsTemplate('main').addStep('a', echo); return { target: template.apiObject, mutate: () => step.addOverride('continueOn.failed', true) }; },
  },
  'WorkflowSpecBase.addOverride': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addOverride('parallelism', 3) }; } },
  'WorkflowSpecBase.addExecutorPlugin': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addExecutorPlugin('p', PLUGIN) }; } },
  'WorkflowSpecBase.addDataTemplate': {
    build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addDataTemplate('d', { source: DataSource.artifactPaths('b', ArtifactLocation.s3({ bucket: 'b' })), transformations: ['data'] }) }; },
  },
  'WorkflowSpecBase.addPluginTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addPluginTemplate('p', { plugin: 'hello' }) }; } },
  'WorkflowEventBinding.addArgument': {
    build: c => {
      const { template } = wt(c);
      const size = template.addArgument('size', { value: 'x' });
      const binding = new WorkflowEventBinding(c, 'b', { metadata: { name: 'b' }, selector: 'true', workflowTemplate: template });
      return { target: binding.apiObject, mutate: () => binding.addArgument({ parameter: size, fromEvent: 'payload.size' }) };
    },
  },
  'Template.addInputParameter': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addInputParameter('n', { default: 'y' }) }; } },
  'Template.addOutputArtifact': { build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => echo.addOutputArtifact('out', { path: '/out' }) }; } },
  'StepsTemplate.addParallelSteps': {
    build: c => { const { template, echo } = wt(c); const steps = template.addStepsTemplate('main'); return { target: template.apiObject, mutate: () => steps.addParallelSteps(['a', echo], ['b', echo]) }; },
  },
  'WorkflowSpecBase.addHook (an expression hook)': {
    build: c => { const { template, echo } = wt(c); return { target: template.apiObject, mutate: () => template.addHook('running', echo, { expression: WorkflowVariables.status.eq('Running') }) }; },
  },
  'Invocation.addHook (an expression hook)': {
    build: c => {
      const { template, echo } = wt(c);
      const step = template.addStepsTemplate('main').addStep('a', echo);
      return { target: template.apiObject, mutate: () => step.addHook('running', echo, { expression: WorkflowVariables.status.eq('Running') }) };
    },
  },
  'WorkflowSpecBase.addScriptTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addScriptTemplate('s', { image: 'python:3.12', command: ['python'], source: 'print(1)' }) }; } },
  'WorkflowSpecBase.addResourceTemplate': {
    build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addResourceTemplate('r', { action: ResourceAction.DELETE, manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } }) }; },
  },
  'WorkflowSpecBase.addSuspendTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addSuspendTemplate('wait') }; } },
  'WorkflowSpecBase.addHttpTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addHttpTemplate('h', { url: 'https://example.com' }) }; } },
  'WorkflowSpecBase.addStepsTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addStepsTemplate('steps') }; } },
  'WorkflowSpecBase.addDagTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addDagTemplate('dag') }; } },
  'WorkflowSpecBase.addContainerSetTemplate': { build: c => { const { template } = wt(c); return { target: template.apiObject, mutate: () => template.addContainerSetTemplate('set') }; } },
  'ExecutorPlugin.container.addEnv and addOverride': {
    build: c => {
      const { template } = wt(c);
      const plugin = template.addExecutorPlugin('p', PLUGIN);
      return { target: template.apiObject, mutate: () => { plugin.container.addEnv('A', 'b'); plugin.container.addOverride('tty', true); } };
    },
  },
  'ConfigMapEnv.addSecretGroup (attached)': {
    build: c => {
      const { template, echo } = wt(c);
      const env = new ConfigMapEnv(c, 'env');
      return { target: template.apiObject, mutate: () => echo.addEnvFrom(env.addSecretGroup('creds', SecretRef.fromName('creds'))) };
    },
  },
  'WorkflowServiceAccount.addImagePullSecret': {
    build: c => { const sa = new WorkflowServiceAccount(c, 'sa', { metadata: { name: 'sa' } }); return { target: sa.apiObject, mutate: () => sa.addImagePullSecret(SecretRef.fromName('pull')) }; },
  },
  'WorkflowSensor.addDependency': {
    build: c => {
      const source = new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' } });
      const hook = source.addEndpoint('run', { path: '/run' });
      const sensor = new WorkflowSensor(c, 'sensor', { metadata: { name: 'sensor' } });
      return { target: sensor.apiObject, mutate: () => sensor.addDependency(hook) };
    },
  },
  'WorkflowSensor.addTrigger': {
    build: c => {
      const source = new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' } });
      const sensor = new WorkflowSensor(c, 'sensor', { metadata: { name: 'sensor' } });
      sensor.addDependency(source.addEndpoint('run', { path: '/run' }));
      return { target: sensor.apiObject, mutate: () => sensor.addTrigger('log', TriggerAction.log()) };
    },
  },
  'WorkflowSensor.submitWorkflow (RBAC grants)': {
    build: c => {
      const { template } = wt(c);
      const source = new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' } });
      const sensor = new WorkflowSensor(c, 'sensor', { metadata: { name: 'sensor' } });
      sensor.addDependency(source.addEndpoint('run', { path: '/run' }));
      sensor.addTrigger('log', TriggerAction.log());
      sensor.addTrigger('k8s', TriggerAction.kubernetes({ resource: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } }));
      const role = sensor.node.findAll().find(x => ApiObject.isApiObject(x) && x.kind === 'Role') as ApiObject;
      return { target: role, mutate: () => sensor.submitWorkflow('run', template) };
    },
  },
  'WebhookEventSource.addEndpoint': {
    build: c => { const source = new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' } }); source.addEndpoint('a', { path: '/a' }); return { target: source.apiObject, mutate: () => source.addEndpoint('b', { path: '/b', port: 13000 }) }; },
  },
  'WebhookEventSource.addEndpoint (its Service)': {
    build: c => { const source = new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' } }); source.addEndpoint('a', { path: '/a' }); return { target: source.service, mutate: () => source.addEndpoint('b', { path: '/b', port: 13000 }) }; },
  },
  'EventSource.addEvent': {
    build: c => { const source = new EventSource(c, 'es', { metadata: { name: 'es' } }); return { target: source.apiObject, mutate: () => source.addEvent('calendar', 'tick', { interval: '10s' }) }; },
  },
  'CalendarEventSource.addInterval': {
    build: c => { const cal = new CalendarEventSource(c, 'cal', { metadata: { name: 'cal' } }); cal.addInterval('tick', Duration.minutes(1)); return { target: cal.apiObject, mutate: () => cal.addInterval('tock', Duration.minutes(5)) }; },
  },
  'CalendarEventSource.addSchedule': {
    build: c => { const cal = new CalendarEventSource(c, 'cal', { metadata: { name: 'cal' } }); cal.addInterval('tick', Duration.minutes(1)); return { target: cal.apiObject, mutate: () => cal.addSchedule('daily', Cron.daily()) }; },
  },
  'GitHubEventSource.addEndpoint (its Ingress)': {
    build: c => {
      const gh = new GitHubEventSource(c, 'gh', { metadata: { name: 'gh' }, ingress: { host: 'hooks.example.com' } });
      gh.addEndpoint('a', { path: '/a', repositories: [{ owner: 'o', names: ['r'] }], events: ['push'] });
      return { target: gh.ingress!, mutate: () => gh.addEndpoint('b', { path: '/b', repositories: [{ owner: 'o', names: ['r'] }], events: ['push'] }) };
    },
  },
  ...eventSourceCases(),
  'ResourceEventSource.addEvent (its Role)': {
    build: c => {
      const s = new ResourceEventSource(c, 'pods', { metadata: { name: 'pods' } });
      s.addEvent('a', { version: 'v1', resource: 'pods', namespace: 'ns', eventTypes: [ResourceEventType.ADD] });
      const role = s.node.findAll().find(x => ApiObject.isApiObject(x) && x.kind === 'Role') as ApiObject;
      return { target: role, mutate: () => s.addEvent('b', { version: 'v1', resource: 'configmaps', namespace: 'ns', eventTypes: [ResourceEventType.ADD] }) };
    },
  },
  'SourceEvent.addOverride': {
    build: c => { const kafka = new KafkaEventSource(c, 'k'); const e = kafka.addEvent('e', { url: 'k:9092', topic: 't', partition: 0 }); return { target: kafka.apiObject, mutate: () => e.addOverride('config', 'x: y') }; },
  },
  'EventSourceBase.addOverride': {
    build: c => { const kafka = new KafkaEventSource(c, 'k'); kafka.addEvent('e', { url: 'k:9092', topic: 't', partition: 0 }); return { target: kafka.apiObject, mutate: () => kafka.addOverride('spec.replicas', 2) }; },
  },
  'EventBus.addOverride': {
    build: c => { const bus = c.node.findChild('bus') as EventBus; return { target: bus.apiObject, mutate: () => bus.addOverride('spec.jetstream.maxPayload', '2MB') }; },
  },
  'WorkflowSensor.addOverride': { build: c => { const { sensor } = sensorOf(c); return { target: sensor.apiObject, mutate: () => sensor.addOverride('spec.replicas', 2) }; } },
  'SensorTrigger.addOverride': { build: c => { const { sensor, trigger } = sensorOf(c); return { target: sensor.apiObject, mutate: () => trigger.addOverride('template.log.intervalSeconds', 5) }; } },
  'SensorDependency.addOverride': { build: c => { const { sensor, dep } = sensorOf(c); return { target: sensor.apiObject, mutate: () => dep.addOverride('filtersLogicalOperator', 'or') }; } },
  'a Workflow of a sensor\'s resourceScope (Workflow.addArgument)': {
    build: c => {
      const { sensor } = sensorOf(c);
      const workflow = new Workflow(sensor.resourceScope, 'w', { generateName: 'w-' });
      workflow.addContainerTemplate('main', { image: 'busybox:1.36' });
      sensor.addTrigger('create', TriggerAction.kubernetes({ resource: TriggerResource.fromObject(workflow) }));
      return { target: sensor.apiObject, mutate: () => workflow.addArgument('later', { value: 'v' }) };
    },
  },
  'ArtifactRepositories.addS3': {
    build: c => {
      const repos = new ArtifactRepositories(c, 'repos');
      const credentials = S3Credentials.fromAccessKeys(SecretRef.fromName('s3'));
      repos.addS3('one', { bucket: 'one', credentials });
      return { target: repos.configMap, mutate: () => repos.addS3('two', { bucket: 'two', credentials }) };
    },
  },
  'S3ArtifactStep.store and load': {
    build: c => {
      const { template } = wt(c);
      const role = new IamRoleServiceAccount(c, 'role', { metadata: { name: 'role' }, roleArn: 'arn:aws:iam::123456789012:role/r' });
      const location = S3Location.of({ bucket: 'b', key: `k/${ArtifactKey.creationDate()}.tgz`, credentials: S3Credentials.fromServiceAccount(role) });
      const step = new S3ArtifactStep(template, 'step', { image: 'busybox:1.36' });
      return { target: template.apiObject, mutate: () => step.load('/in', step.store('/out', { name: 'data', location })) };
    },
  },
  'ConfigMapEnv.addGroup (attached)': {
    build: c => {
      const { template, echo } = wt(c);
      const env = new ConfigMapEnv(c, 'env');
      return { target: template.apiObject, mutate: () => echo.addEnvFrom(env.addGroup('common', { A: 'b' })) };
    },
  },
  'SlackExitHandler.attachTo': {
    build: c => {
      const { template } = wt(c);
      const slack = new SlackExitHandler(c, 'slack', { webhook: SlackWebhook.fromSecretName('hook') });
      return { target: template.apiObject, mutate: () => slack.attachTo(template) };
    },
  },
  'Lint.suppress (a second rule on the same construct)': {
    build: c => {
      const { template, echo } = wt(c);
      Lint.suppress(echo, 'W31', 'first');
      return { target: template.apiObject, mutate: () => Lint.suppress(echo, 'W32', 'second') };
    },
  },
};

describe('every mutator drops the renders kept before it', () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, () => {
      const app = Testing.app();
      const chart = new Chart(app, 'c', { namespace: 'ns' });
      new EventBus(chart, 'bus');
      const { target, mutate } = c.build(chart);
      const before = JSON.stringify(target.toJson());
      // The session renders every object and keeps the JSON for the serialization that follows.
      lintConstructTree(app);
      mutate();
      expect(JSON.stringify(target.toJson())).not.toBe(before);
    });
  }

  test('the cases cover the input artifacts, too (an InputArtifact object passed to addInput)', () => {
    const app = Testing.app();
    const { template, echo } = wt(new Chart(app, 'c'));
    lintConstructTree(app);
    echo.addInput(new InputArtifact('a', { path: '/a' }));
    expect(template.apiObject.toJson().spec.templates[0].inputs.artifacts).toEqual([{ name: 'a', path: '/a' }]);
  });
});

/**
 * The cases above are written by hand; this finds the mutators a new API adds without one. Every
 * `add*`/`set*`/`attach*` method of a class the package exports (and `Lint.suppress`) needs a
 * case named `Class.method` (the class that declares it), or a reason below why it has none.
 */
const WITHOUT_CASE: { readonly [mutator: string]: string } = {
  'Template.setDefaultServiceAccount': 'protected: a template type calls it while it is constructed, before any render',
};

function publicMutators(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api: { [name: string]: unknown } = require('../../src');
  const { Construct } = require('constructs');
  const { App } = require('cdk8s');
  const foreign = new Set<object>([Object.prototype, Function.prototype, Construct.prototype, ApiObject.prototype, Chart.prototype, App.prototype]);
  const found = new Set<string>();
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || !value.prototype) continue;
    for (let p = value.prototype; p && !foreign.has(p); p = Object.getPrototypeOf(p)) {
      for (const method of Object.getOwnPropertyNames(p)) {
        if (/^(add|set|attach)[A-Z]/.test(method) && typeof Object.getOwnPropertyDescriptor(p, method)?.value === 'function') found.add(`${p.constructor.name}.${method}`);
      }
    }
    for (const method of Object.getOwnPropertyNames(value)) {
      if (/^(add|set|attach|suppress)/.test(method) && typeof (value as any)[method] === 'function') found.add(`${name}.${method}`);
    }
  }
  return [...found].sort();
}

describe('every public mutator of the package has a case above', () => {
  const mutators = publicMutators();
  const covered = new Set(Object.keys(CASES).map(k => k.split(' ')[0]));

  test('the discovery sees the API (known mutators among what it finds)', () => {
    expect(mutators).toEqual(expect.arrayContaining(['WorkflowSpecBase.addContainerTemplate', 'PodTemplate.addEnv', 'WorkflowSensor.addTrigger', 'Lint.suppress']));
    expect(mutators.length).toBeGreaterThan(50);
  });

  test('each has a case, or a reason why not', () => {
    expect(mutators.filter(m => !covered.has(m) && !(m in WITHOUT_CASE))).toEqual([]);
  });

  test('no case or reason names an add/set/attach mutator that is not there (renamed or removed)', () => {
    const named = [...covered, ...Object.keys(WITHOUT_CASE)].filter(m => /\.(add|set|attach)[A-Z]\w*$/.test(m) && !m.includes('.container.'));
    expect(named.filter(m => !mutators.includes(m))).toEqual([]);
  });
});
