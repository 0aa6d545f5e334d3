/**
 * The examples of docs/events.md, assembled into one chart in the order of the page: they compile
 * (npm run typecheck), synthesize with the library's validation and pass the strict schema check.
 * The first test keeps the page and this file in step: every line of every example of the page is
 * here, in order.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Cron, Duration, Size, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AmqpEventSource, AmqpExchangeType, AzureEventsHubEventSource, AzureQueueStorageEventSource, AzureServiceBusEventSource,
  BitbucketEventSource, BitbucketServerEventSource, CalendarEventSource, ConfigMapRef, EmitterEventSource, EventBus, EventBusBackend,
  EventDataFilter, EventSource, FileEventSource, FileOperation, GenericEventSource, GerritEventSource, GitHubEventSource,
  GitLabEventSource, HdfsEventSource, HttpTriggerMethod, InputParameter, KafkaEventSource, KubernetesOperation, LambdaInvocationType,
  MinioEventSource, MnsEventSource, MqttEventSource, NatsCredentials, NatsEventSource, NsqEventSource, PubSubEventSource,
  PulsarEventSource, RedisEventSource, RedisStreamEventSource, ResourceEventSource, ResourceEventType, SecretRef, SftpEventSource,
  SlackEventSource, SnsEventSource, SqsEventSource, StorageGridEventSource, StripeEventSource, TriggerAction, TriggerResource,
  WebhookEventSource, WebhookMethod, Workflow, WorkflowOperation, WorkflowSensor, WorkflowTemplate, WorkflowVolume,
} from '../../src';
import { schemaViolations, synth } from './helpers';

/** The page's examples, in order (each block as the page shows it). */
class DocsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'events' });
    // --- block 1
    const bus = new EventBus(this, 'bus');
    new EventBus(this, 'durable', {
      metadata: { name: 'durable' },
      backend: EventBusBackend.jetStream({ replicas: 3, persistence: { storageClassName: 'gp3', volumeSize: Size.gibibytes(20) } }),
    });
    const shared = EventBus.fromName('shared');                         // a bus that lives only in the cluster
    // --- block 2
    const token = SecretRef.fromName('vendor-token');
    const webhook = new WebhookEventSource(this, 'webhook', { metadata: { name: 'webhook' }, eventBus: bus, ingress: { host: 'hooks.example.com' } });
    const omega = webhook.addEndpoint('omega', { path: '/omega', authSecret: token.keyRef('token') });
    const bitamin = webhook.addEndpoint('bitamin', { path: '/bitamin', method: WebhookMethod.POST });
    omega.publicUrl;                                                     // http://hooks.example.com/omega
    omega.clusterUrl;                                                    // http://webhook-eventsource-svc:12000/omega

    const gh = SecretRef.fromName('github');
    const github = new GitHubEventSource(this, 'github', { metadata: { name: 'github' }, ingress: { host: 'hooks.example.com' } });
    const push = github.addEndpoint('push', {
      path: '/github', repositories: [{ owner: 'argoproj', names: ['argo-events'] }], events: ['push', 'pull_request'],
      apiToken: gh.keyRef('token'), webhookSecret: gh.keyRef('hmac'),          // creates the hook; checks each request's HMAC
    });
    const gitlab = new GitLabEventSource(this, 'gitlab', { metadata: { name: 'gitlab' } });
    gitlab.addEndpoint('mr', { path: '/gitlab', projects: ['group/app'], events: ['MergeRequestsEvents'], accessToken: gh.keyRef('gitlab'), url: 'https://hooks.example.com' });
    new BitbucketEventSource(this, 'bitbucket', { metadata: { name: 'bitbucket' } }).addEndpoint('push', {
      path: '/bitbucket', repositories: [{ owner: 'team', repositorySlug: 'app' }], events: ['repo:push'], auth: { oauthToken: gh.keyRef('bitbucket') },
    });
    new BitbucketServerEventSource(this, 'bbs', { metadata: { name: 'bbs' } }).addEndpoint('refs', {
      path: '/bbs', baseUrl: 'https://bitbucket.example.com/rest', projects: ['APP'], events: ['repo:refs_changed'], accessToken: gh.keyRef('bbs'),
    });
    new GerritEventSource(this, 'gerrit', { metadata: { name: 'gerrit' } }).addEndpoint('patchset', {
      path: '/gerrit', baseUrl: 'https://gerrit.example.com', projects: ['app'], events: ['patchset-created'],
      auth: { username: gh.keyRef('gerrit-user'), password: gh.keyRef('gerrit-password') },
    });
    new SlackEventSource(this, 'slack', { metadata: { name: 'slack' } }).addEndpoint('command', {
      path: '/slack', token: gh.keyRef('slack-token'), signingSecret: gh.keyRef('slack-signing'),
    });
    new StripeEventSource(this, 'stripe', { metadata: { name: 'stripe' } }).addEndpoint('paid', {
      path: '/stripe', url: 'https://hooks.example.com', apiKey: gh.keyRef('stripe'), eventFilter: ['charge.succeeded'],
    });
    new StorageGridEventSource(this, 'grid', { metadata: { name: 'grid' } }).addEndpoint('uploads', {
      path: '/grid', url: 'https://hooks.example.com', topicArn: 'urn:sgws:sns::12345:uploads', bucket: 'uploads', apiUrl: 'https://grid.example.com/api/v3',
      authToken: gh.keyRef('grid'), events: ['s3:ObjectCreated:*'],
    });
    new SnsEventSource(this, 'sns', { metadata: { name: 'sns' } }).addEndpoint('alerts', {
      path: '/sns', url: 'https://hooks.example.com', topicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts', region: 'eu-west-1',
    });
    // --- block 3
    const kafka = new KafkaEventSource(this, 'kafka', { metadata: { name: 'kafka' }, eventBus: bus });
    const orders = kafka.addEvent('orders', {
      url: 'kafka-0:9092,kafka-1:9092', topic: 'orders', consumerGroup: { groupName: 'argo-events' }, jsonBody: true, tls: {},
      sasl: { user: token.keyRef('kafka-user'), password: token.keyRef('kafka-password') },
    });
    orders.key();                                                         // the message key; orders.field('partition'), orders.header('trace-id')...
    new AmqpEventSource(this, 'amqp', { metadata: { name: 'amqp' } }).addEvent('jobs', {
      url: token.keyRef('amqp-url'), exchangeName: 'jobs', exchangeType: AmqpExchangeType.TOPIC, routingKey: 'jobs.*', jsonBody: true,
    });
    new NatsEventSource(this, 'nats', { metadata: { name: 'nats' } }).addEvent('builds', {
      url: 'nats://nats:4222', subject: 'builds', auth: NatsCredentials.token(token.keyRef('nats')), connectionBackoff: { steps: 5, duration: Duration.seconds(10), factor: 2 },
    });
    new MqttEventSource(this, 'mqtt', { metadata: { name: 'mqtt' } }).addEvent('sensors', { url: 'tcp://mqtt:1883', topic: 'sensors/#', clientId: 'argo-events' });
    new NsqEventSource(this, 'nsq', { metadata: { name: 'nsq' } }).addEvent('logs', { hostAddress: 'nsqlookupd:4161', topic: 'logs', channel: 'argo' });
    new PulsarEventSource(this, 'pulsar', { metadata: { name: 'pulsar' } }).addEvent('events', { url: 'pulsar://pulsar:6650', topics: ['events'] });
    new RedisEventSource(this, 'redis', { metadata: { name: 'redis' } }).addEvent('cache', { hostAddress: 'redis:6379', channels: ['invalidate'], password: token.keyRef('redis') });
    new RedisStreamEventSource(this, 'streams', { metadata: { name: 'streams' } }).addEvent('audit', { hostAddress: 'redis:6379', streams: ['audit'] });
    new EmitterEventSource(this, 'emitter', { metadata: { name: 'emitter' } }).addEvent('chat', { broker: 'tcp://emitter:8080', channelName: 'chat', channelKey: 'key' });
    new PubSubEventSource(this, 'pubsub', { metadata: { name: 'pubsub' } }).addEvent('gcs', { projectId: 'my-project', topic: 'gcs', credentialSecret: token.keyRef('gcp') });
    new SqsEventSource(this, 'sqs', { metadata: { name: 'sqs' } }).addEvent('queue', { queue: 'jobs', region: 'eu-west-1', waitTime: Duration.seconds(20), jsonBody: true });
    new AzureEventsHubEventSource(this, 'hub', { metadata: { name: 'hub' } }).addEvent('telemetry', {
      fqdn: 'hub.servicebus.windows.net', hubName: 'telemetry', sharedAccessKey: { keyName: token.keyRef('hub-key-name'), key: token.keyRef('hub-key') },
    });
    new AzureServiceBusEventSource(this, 'servicebus', { metadata: { name: 'servicebus' } }).addEvent('orders', {
      connectionString: token.keyRef('servicebus'), topic: { name: 'orders', subscription: 'argo' }, jsonBody: true,
    });
    new AzureQueueStorageEventSource(this, 'queue', { metadata: { name: 'queue' } }).addEvent('work', { queueName: 'work', connectionString: token.keyRef('storage') });
    new MnsEventSource(this, 'mns', { metadata: { name: 'mns' } }).addEvent('jobs', {
      queue: 'jobs', endpoint: 'http://1234.mns.cn-hangzhou.aliyuncs.com', credentials: { accessKey: token.keyRef('mns-access'), secretKey: token.keyRef('mns-secret') },
    });
    new GenericEventSource(this, 'generic', { metadata: { name: 'generic' } }).addEvent('custom', { url: 'my-source:8080', config: 'topic: x', insecure: true });
    // --- block 4
    const uploads = new MinioEventSource(this, 'minio', { metadata: { name: 'minio' } }).addEvent('uploads', {
      endpoint: 'minio:9000', bucket: 'uploads', events: ['s3:ObjectCreated:Put'], prefix: 'incoming/',
      credentials: { accessKey: token.keyRef('minio-access'), secretKey: token.keyRef('minio-secret') },
    });
    uploads.record('s3.object.key');                                     // notification.0.s3.object.key
    new FileEventSource(this, 'files', { metadata: { name: 'files' }, volumeMounts: [{ volume: WorkflowVolume.emptyDir('drop'), mountPath: '/drop' }] })
      .addEvent('dropped', { eventType: FileOperation.CREATE, watchPath: { directory: '/drop/', pathRegexp: '.*\\.csv' } });
    new SftpEventSource(this, 'sftp', { metadata: { name: 'sftp' } }).addEvent('reports', {
      address: token.keyRef('sftp-address'), username: token.keyRef('sftp-user'), sshKey: token.keyRef('sftp-key'),
      eventType: FileOperation.CREATE, watchPath: { directory: '/reports/', pathRegexp: '.*\\.csv' }, pollInterval: Duration.seconds(30),
    });
    new HdfsEventSource(this, 'hdfs', { metadata: { name: 'hdfs' } }).addEvent('landing', {
      operations: [FileOperation.CREATE], watchPath: { directory: '/landing/', path: 'done' }, addresses: ['namenode:8020'], hdfsUser: 'etl',
    });
    new ResourceEventSource(this, 'pods', { metadata: { name: 'pods' } }).addEvent('failed', {
      version: 'v1', resource: 'pods', namespace: 'apps', eventTypes: [ResourceEventType.UPDATE], filter: { labels: [{ key: 'app', value: 'api' }] },
    });
    const calendar = new CalendarEventSource(this, 'calendar', { metadata: { name: 'calendar' }, eventBus: bus });
    const nine = calendar.addSchedule('nine', Cron.schedule({ minute: '0', hour: '9' }), { timezone: 'Asia/Seoul' });
    const tick = calendar.addInterval('tick', Duration.minutes(5));
    nine.eventTime();                                                    // the event field `eventTime`
    // --- block 5
    const legacy = new EventSource(this, 'legacy', { sources: { sqs: { backlog: { queue: 'backlog', region: 'us-east-1' } } } });
    legacy.event('backlog');
    const external = EventSource.fromName('partner-events').event('invoice');
    // --- block 6
    const a = new WorkflowTemplate(this, 'a', { metadata: { name: 'a-workflow' } });
    const size = a.addArgument('size', { value: 'tall' });
    a.setEntrypoint(a.addContainerTemplate('start', { image: 'a-workflow:1.4.2', args: [size] }));

    const sensor = new WorkflowSensor(this, 'vendor-a', { metadata: { name: 'vendor-a' }, eventBus: bus });
    const onOmega = sensor.addDependency(omega, { filters: { data: [EventDataFilter.string('body.size', 'tall|grande')] } });
    const onBitamin = sensor.addDependency(bitamin);
    sensor.submitWorkflow('run-a', a, {
      conditions: onOmega.or(onBitamin),
      arguments: [{ parameter: size, from: onOmega.body('size').withDefault('tall') }],
      retryStrategy: { steps: 3, duration: Duration.seconds(5) },
    });
    // --- block 7
    const report = new Workflow(sensor.resourceScope, 'report', { generateName: 'report-' });
    const order = report.addArgument('order');
    const orderId = new InputParameter('order');
    report.addContainerTemplate('print', { image: 'busybox:1.36', command: ['echo'], args: [orderId], inputs: [orderId] });
    const onOrder = sensor.addDependency(orders);
    sensor.submitWorkflow('report', report, { conditions: onOrder, arguments: [{ parameter: order, from: onOrder.body('id') }] });
    sensor.addTrigger('report-k8s', TriggerAction.kubernetes({
      operation: KubernetesOperation.CREATE, resource: TriggerResource.fromObject(report),
      arguments: [{ parameter: order, from: onOrder.field('key') }],
    }), { conditions: onOrder });
    // --- block 8
    const WORKFLOW = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow' };
    sensor.addTrigger('from-git', TriggerAction.kubernetes({
      resource: TriggerResource.fromGit({ url: 'https://github.com/example/flows.git', filePath: 'nightly.yaml', branch: 'main', cloneDirectory: '/git' }, WORKFLOW),
    }), { conditions: onOrder });
    sensor.addTrigger('from-configmap', TriggerAction.submitWorkflow(TriggerResource.fromConfigMap(ConfigMapRef.fromName('flows'), 'nightly', WORKFLOW)), { conditions: onOrder });
    // --- block 9
    const hookDep = sensor.addDependency(push);
    sensor.addTrigger('notify', TriggerAction.slack({ token: token.keyRef('slack-bot'), channel: 'deploys', message: hookDep.body('head_commit.message') }), { conditions: hookDep });
    sensor.addTrigger('audit', TriggerAction.http({
      url: 'https://audit.example.com/events', method: HttpTriggerMethod.POST, payload: { repo: hookDep.body('repository.full_name') },
      secureHeaders: { Authorization: token.keyRef('audit') }, timeout: Duration.seconds(10),
    }), { conditions: hookDep, policy: { allowedStatuses: [200, 202] }, retryStrategy: { steps: 3 } });
    sensor.addTrigger('forward', TriggerAction.kafka({ url: 'kafka:9092', topic: 'pushes', payload: { event: hookDep.payload() } }), { conditions: hookDep });
    sensor.addTrigger('lambda', TriggerAction.awsLambda({ functionName: 'index', region: 'eu-west-1', payload: { ref: hookDep.body('ref') }, invocationType: LambdaInvocationType.EVENT }), { conditions: hookDep });
    sensor.addTrigger('mail', TriggerAction.email({
      host: 'smtp.example.com', port: 587, from: 'argo@example.com', to: ['team@example.com'], subject: 'Pushed', body: hookDep.dataTemplate('{{ .Input.body.pusher.name }} pushed'),
      smtpPassword: token.keyRef('smtp'),
    }), { conditions: hookDep });
    sensor.addTrigger('tick-log', TriggerAction.log({ intervalSeconds: 60 }), { conditions: sensor.addDependency(tick) });
    // --- block 10
    sensor.addTrigger('resume', TriggerAction.workflowOperation(WorkflowOperation.RESUME, { name: hookDep.body('workflow') }), { conditions: hookDep });
    sensor.addTrigger('rerun', TriggerAction.workflowOperation(WorkflowOperation.RESUBMIT, { name: hookDep.body('workflow'), templates: [a] }), { conditions: hookDep });
    sensor.requiredPermissions;                                          // workflows: get, update, create; workflowtemplates: get...
    // --- block 11
    const notify = sensor.triggers.find(t => t.name === 'notify')!;
    notify.addOverride('template.slack.sender.icon', ':rocket:');
    onOmega.addOverride('filters.exprLogicalOperator', 'or');
    omega.addOverride('maxPayloadSize', 2097152);
    kafka.addOverride(['spec', 'template', 'metadata', 'annotations', 'example.com/team'], 'data');
    sensor.addOverride('spec.template.priorityClassName', 'high');
    void [shared, external, legacy, nine, uploads];
  }
}

test('every example of docs/events.md is in this file, in order', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');
  const here = readFileSync(__filename, 'utf8').split('\n').map(l => l.trim());
  const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]).slice(1);
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  let at = 0;
  for (const line of blocks.flatMap(b => b.split('\n')).map(l => l.trim()).filter(Boolean)) {
    const found = here.indexOf(line, at);
    expect({ line, found: found >= 0 }).toEqual({ line, found: true });
    at = found + 1;
  }
});

test('the examples synthesize, with the library\'s validation, and pass the strict schema check', () => {
  const app: App = Testing.app();
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  new DocsChart(app, 'docs');
  const manifests = synth(app);
  jest.restoreAllMocks();
  expect(schemaViolations(manifests)).toEqual([]);
  expect(manifests.filter(m => m.kind === 'EventSource').length).toBeGreaterThanOrEqual(30);
  expect(manifests.filter(m => m.kind === 'Workflow')).toEqual([]);
});
