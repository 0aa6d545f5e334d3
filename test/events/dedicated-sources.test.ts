/** The dedicated EventSource constructs: what they render, their handles, their Service, RBAC and checks. */
import { Cron, Duration } from 'cdk8s';
import {
  AmqpEventSource, AmqpExchangeType, AzureServiceBusEventSource, CalendarEventSource, EventBus, EventBusBackend, EventSource, GitHubEventSource, GitLabEventSource, KafkaEventSource,
  MinioEventSource, NatsCredentials, NatsEventSource, PulsarEventSource, RedisEventSource, ResourceEventSource, ResourceEventType, SnsEventSource,
  SqsEventSource, StripeEventSource, TriggerAction, WebhookEventSource, WorkflowSensor,
} from '../../src/events';
import { ConfigMapRef, SecretRef, ServiceAccountRef } from '../../src/core/object-refs';
import { PodSecurity } from '../../src/core/pod-security';
import { withRestrictedDefaults } from '../support/pod-security';
import { one, ofKind, schemaViolations, setup, synth, synthError } from './helpers';

const key = (secret: string, k: string) => SecretRef.fromName(secret).keyRef(k);

function synthValid(app: any): any[] {
  const manifests = synth(app);
  expect(schemaViolations(manifests)).toEqual([]);
  return manifests;
}

describe('message sources', () => {
  test('Kafka: consumer group, TLS with the system roots, SASL, partition as Argo\'s string; handle fields and headers', () => {
    const { app, chart } = setup();
    const kafka = new KafkaEventSource(chart, 'kafka', { metadata: { name: 'kafka' } });
    const orders = kafka.addEvent('orders', {
      url: 'kafka:9092', topic: 'orders', consumerGroup: { groupName: 'argo' }, tls: {}, jsonBody: true,
      sasl: { user: key('kafka', 'user'), password: key('kafka', 'password') },
    });
    kafka.addEvent('one-partition', { url: 'kafka:9092', topic: 'audit', partition: 3 });
    expect(kafka.event('orders')).toBe(orders);
    expect(orders.payloadFields).toEqual(['topic', 'key', 'partition', 'body', 'timestamp', 'headers', 'metadata']);
    const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' } });
    const dep = sensor.addDependency(orders);
    expect(dep.field('key')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'key' });
    expect(dep.body('size')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'body.size' });
    expect(dep.header('x-trace')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'headers.x-trace' });
    sensor.addTrigger('log', TriggerAction.log());
    expect(one(synthValid(app), 'EventSource').spec.kafka).toEqual({
      'orders': {
        url: 'kafka:9092', topic: 'orders', consumerGroup: { groupName: 'argo' }, jsonBody: true, tls: { enabled: true },
        sasl: { userSecret: { name: 'kafka', key: 'user' }, passwordSecret: { name: 'kafka', key: 'password' } },
      },
      'one-partition': { url: 'kafka:9092', topic: 'audit', partition: '3' },
    });
  });

  test('a key of a body that is not parsed as JSON is refused where it is read', () => {
    const { chart } = setup();
    const orders = new KafkaEventSource(chart, 'kafka').addEvent('orders', { url: 'kafka:9092', topic: 'orders', partition: 0 });
    expect(orders.body().describe()).toMatch(/^body of event/);
    expect(() => orders.body('size')).toThrow(/\[test\/kafka\/orders\] .*body\("size"\) reads a key of the message body, but the event does not parse it as JSON.*Set jsonBody: true/);
  });

  test('E14 is reported on the event that misses a requirement (Kafka without consumer group or partition), with its path', () => {
    const { app, chart } = setup();
    new KafkaEventSource(chart, 'kafka', { metadata: { name: 'kafka' } }).addEvent('orders', { url: 'kafka:9092', topic: 'orders' });
    expect(synthError(app)).toMatch(/\[test\/kafka\/orders\] EventSource\/kafka: spec\.kafka\.orders: .*consumerGroup or partition must be specified.*\[E14\]/);
  });

  test('Azure Service Bus: a queue or a topic subscription; neither is reported (E14)', () => {
    const ok = setup();
    const bus = new AzureServiceBusEventSource(ok.chart, 'bus', { metadata: { name: 'bus' } });
    bus.addEvent('topic', { connectionString: key('sb', 'cs'), topic: { name: 'orders', subscription: 'argo' } });
    expect(one(synthValid(ok.app), 'EventSource').spec.azureServiceBus.topic).toEqual({
      connectionString: { name: 'sb', key: 'cs' }, topicName: 'orders', subscriptionName: 'argo',
    });
    const bad = setup();
    new AzureServiceBusEventSource(bad.chart, 'bus', { metadata: { name: 'bus' } }).addEvent('none', { connectionString: key('sb', 'cs') });
    expect(synthError(bad.app)).toMatch(/\[test\/bus\/none\] .*QueueName or TopicName\/SubscriptionName must be specified.*\[E14\]/);
  });

  test('AMQP: a URL from a Secret renders urlSecret, never both; NATS credentials by factory', () => {
    const { app, chart } = setup();
    new AmqpEventSource(chart, 'amqp', { metadata: { name: 'amqp' } }).addEvent('e', {
      url: key('rabbit', 'url'), exchangeName: 'x', exchangeType: AmqpExchangeType.TOPIC, routingKey: 'a.*',
    });
    new NatsEventSource(chart, 'nats', { metadata: { name: 'nats' } }).addEvent('e', { url: 'nats://nats:4222', subject: 's', auth: NatsCredentials.token(key('nats', 'token')) });
    const m = synthValid(app);
    expect(ofKind(m, 'EventSource').find(e => e.metadata.name === 'amqp').spec.amqp.e).toEqual({
      urlSecret: { name: 'rabbit', key: 'url' }, exchangeName: 'x', exchangeType: 'topic', routingKey: 'a.*',
    });
    expect(ofKind(m, 'EventSource').find(e => e.metadata.name === 'nats').spec.nats.e.auth).toEqual({ token: { name: 'nats', key: 'token' } });
  });

  test('secrets are references: a ConfigMap passed where a Secret is expected is refused', () => {
    const { app, chart } = setup();
    new SqsEventSource(chart, 'sqs').addEvent('q', {
      queue: 'q', region: 'eu-west-1', credentials: { accessKey: { secret: ConfigMapRef.fromName('oops'), key: 'a' }, secretKey: key('aws', 's') },
    });
    expect(() => app.synthYaml()).toThrow(/credentials\.accessKey: expects a Secret, but ConfigMap "oops" was passed/);
  });

  test('Redis: the password Secret\'s namespace, which Argo Events requires, comes from the reference or the EventSource', () => {
    const { app, chart } = setup('events');
    new RedisEventSource(chart, 'redis', { metadata: { name: 'redis' } }).addEvent('e', { hostAddress: 'redis:6379', channels: ['c'], password: key('redis', 'password') });
    expect(one(synthValid(app), 'EventSource').spec.redis.e).toEqual({
      hostAddress: 'redis:6379', channels: ['c'], password: { name: 'redis', key: 'password' }, namespace: 'events',
    });
  });

  test('Pulsar: the subscription type Argo Events requires is exclusive unless told', () => {
    const { app, chart } = setup();
    new PulsarEventSource(chart, 'pulsar', { metadata: { name: 'pulsar' } }).addEvent('e', { url: 'pulsar://p:6650', topics: ['t'] });
    expect(one(synthValid(app), 'EventSource').spec.pulsar.e.type).toBe('exclusive');
  });

  test('MinIO: prefix/suffix filter and the notification record of the handle', () => {
    const { app, chart } = setup();
    const uploads = new MinioEventSource(chart, 'minio', { metadata: { name: 'minio' } }).addEvent('uploads', {
      endpoint: 'minio:9000', bucket: 'in', events: ['s3:ObjectCreated:Put'], prefix: 'raw/', credentials: { accessKey: key('m', 'a'), secretKey: key('m', 's') },
    });
    expect(uploads.record('s3.object.key')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'notification.0.s3.object.key' });
    expect(one(synthValid(app), 'EventSource').spec.minio.uploads.filter).toEqual({ prefix: 'raw/', suffix: '' });
  });
});

describe('sources that call the Kubernetes API get a ServiceAccount with exactly that', () => {
  test('resource: list and watch on the resource, a Role in the watched namespace', () => {
    const { app, chart } = setup('events');
    const source = new ResourceEventSource(chart, 'pods', { metadata: { name: 'pods' } });
    source.addEvent('created', { version: 'v1', resource: 'pods', namespace: 'events', eventTypes: [ResourceEventType.ADD] });
    const m = synthValid(app);
    expect(one(m, 'EventSource').spec.template).toEqual(withRestrictedDefaults({ kind: 'EventSource', spec: { template: { serviceAccountName: 'pods-eventsource' } } }).spec.template);
    expect(one(m, 'Role').rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] }]);
    expect(one(m, 'RoleBinding').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'pods-eventsource', namespace: 'events' }]);
    expect(source.requiredPermissions).toEqual([{ apiGroup: '', resource: 'pods', verbs: ['list', 'watch'] }]);
  });

  test('resource of every namespace: a ClusterRole; of another namespace: a Role there', () => {
    const { app, chart } = setup('events');
    const source = new ResourceEventSource(chart, 'wf', { metadata: { name: 'wf' } });
    source.addEvent('all', { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows', eventTypes: [ResourceEventType.UPDATE] });
    source.addEvent('jobs', { group: 'batch', version: 'v1', resource: 'jobs', namespace: 'batch', eventTypes: [ResourceEventType.ADD] });
    const m = synthValid(app);
    expect(one(m, 'ClusterRole').rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['list', 'watch'] }]);
    const role = one(m, 'Role');
    expect(role.metadata).toEqual({ name: 'wf-eventsource', namespace: 'batch' });
    expect(role.rules).toEqual([{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['list', 'watch'] }]);
    expect(one(m, 'RoleBinding').subjects[0].namespace).toBe('events');
  });

  test('a given service account gets nothing generated; it must allow requiredPermissions', () => {
    const { app, chart } = setup('events');
    const source = new ResourceEventSource(chart, 'pods', { metadata: { name: 'pods' }, serviceAccount: ServiceAccountRef.fromName('watcher') });
    source.addEvent('created', { version: 'v1', resource: 'pods', eventTypes: [ResourceEventType.ADD] });
    const m = synthValid(app);
    expect(ofKind(m, 'ClusterRole')).toEqual([]);
    expect(one(m, 'EventSource').spec.template).toEqual(withRestrictedDefaults({ kind: 'EventSource', spec: { template: { serviceAccountName: 'watcher' } } }).spec.template);
    expect(source.requiredPermissions).toEqual([{ apiGroup: '', resource: 'pods', verbs: ['list', 'watch'], clusterScoped: true }]);
  });

  test('a calendar persisting its last event gets get/update (and create) on configmaps', () => {
    const { app, chart } = setup('events');
    new CalendarEventSource(chart, 'cal', { metadata: { name: 'cal' } })
      .addSchedule('nine', Cron.schedule({ minute: '0', hour: '9' }), { persistence: { configMapName: 'cal-state', createIfNotExist: true, maxCatchUp: Duration.hours(1) } });
    const m = synthValid(app);
    expect(one(m, 'EventSource').spec.calendar.nine.persistence).toEqual({ configMap: { name: 'cal-state', createIfNotExist: true }, catchup: { enabled: true, maxDuration: '1h' } });
    expect(one(m, 'Role').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'create', 'update'] }]);
  });
});

describe('on a Kafka EventBus, leader-elected sources elect through a Kubernetes Lease', () => {
  const kafkaBus = () => EventBusBackend.kafka({ url: 'kafka:9092' });

  test('a message source gets get/create/update on leases; an HTTP source (not leader-elected) gets nothing', () => {
    const { app, chart } = setup('events');
    const bus = new EventBus(chart, 'bus', { backend: kafkaBus() });
    new NatsEventSource(chart, 'nats', { metadata: { name: 'nats' }, eventBus: bus }).addEvent('e', { url: 'nats://n:4222', subject: 's' });
    new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus }).addEndpoint('a', { path: '/a' });
    const m = synthValid(app);
    expect(one(m, 'Role')).toMatchObject({ metadata: { name: 'nats-eventsource', namespace: 'events' }, rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] }] });
    expect(ofKind(m, 'EventSource').map(e => [e.metadata.name, e.spec.template?.serviceAccountName])).toEqual([['nats', 'nats-eventsource'], ['hooks', undefined]]);
  });

  test('on a JetStream bus no Lease is needed (the bus elects the leader)', () => {
    const { app, chart } = setup('events');
    const bus = new EventBus(chart, 'bus');
    new NatsEventSource(chart, 'nats', { metadata: { name: 'nats' }, eventBus: bus }).addEvent('e', { url: 'nats://n:4222', subject: 's' });
    expect(ofKind(synthValid(app), 'Role')).toEqual([]);
  });

  test('the EventSource of any kind too, and the permissions add up with the resource source\'s own', () => {
    const { app, chart } = setup('events');
    const bus = new EventBus(chart, 'bus', { backend: kafkaBus() });
    const generic = new EventSource(chart, 'es', { metadata: { name: 'es' }, eventBus: bus });
    generic.addEvent('calendar', 'tick', { interval: '10s' });
    const pods = new ResourceEventSource(chart, 'pods', { metadata: { name: 'pods' }, eventBus: bus });
    pods.addEvent('created', { version: 'v1', resource: 'pods', namespace: 'events', eventTypes: [ResourceEventType.ADD] });
    expect(generic.requiredPermissions).toEqual([{ apiGroup: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update'] }]);
    expect(pods.requiredPermissions.map(p => p.resource)).toEqual(['leases', 'pods']);
    synthValid(app);
  });

  test('LEADER_ELECTION=k8s (Argo Events\' switch to the Lease elector on any bus): the source, and the sensor, get the Lease', () => {
    const { app, chart } = setup('events');
    new NatsEventSource(chart, 'nats', { metadata: { name: 'nats' }, env: { LEADER_ELECTION: 'K8S' } }).addEvent('e', { url: 'nats://n:4222', subject: 's' });
    const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' }, template: { container: { env: [{ name: 'LEADER_ELECTION', value: 'k8s' }] } } });
    sensor.addDependency(EventSource.fromName('nats').event('e'));
    sensor.addTrigger('log', TriggerAction.log());
    const lease = [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] }];
    const roles = ofKind(synthValid(app), 'Role');
    expect(roles.map(r => [r.metadata.name, r.rules])).toEqual([['nats-eventsource', lease], ['s-sensor', lease]]);
  });

  test('a sensor on a Kafka bus elects no leader, whatever LEADER_ELECTION says', () => {
    const { app, chart } = setup('events');
    const bus = new EventBus(chart, 'bus', { backend: kafkaBus() });
    const sensor = new WorkflowSensor(chart, 's', { metadata: { name: 's' }, eventBus: bus, env: { LEADER_ELECTION: 'k8s' } });
    sensor.addDependency(EventSource.fromName('nats').event('e'));
    sensor.addTrigger('log', TriggerAction.log());
    expect(ofKind(synthValid(app), 'Role')).toEqual([]);
  });

  test('the default bus of the app, a Kafka one, not passed: reported, with what to do', () => {
    const { app, chart } = setup('events');
    new EventBus(chart, 'bus', { backend: kafkaBus() });
    new NatsEventSource(chart, 'nats', { metadata: { name: 'nats' } }).addEvent('e', { url: 'nats://n:4222', subject: 's' });
    expect(synthError(app)).toMatch(/EventSource\/nats: spec\.eventBusName: the EventSource uses the Kafka EventBus "default" \(test\/bus\).*Kubernetes Lease.*Pass the bus \(eventBus: bus\)/s);
  });
});

describe('Pod Security (issue #15) on every dedicated EventSource: restricted by default, podSecurity opts out', () => {
  test('a Kafka source\'s pod meets restricted; a root user in its template is a synth error naming the construct and the way out', () => {
    const { app, chart } = setup('events');
    new KafkaEventSource(chart, 'kafka', { metadata: { name: 'kafka' } }).addEvent('e', { url: 'k:9092', topic: 't', partition: 0 });
    expect(one(synthValid(app), 'EventSource').spec.template).toEqual(withRestrictedDefaults({ kind: 'EventSource', spec: {} }).spec.template);

    const bad = setup('events');
    new KafkaEventSource(bad.chart, 'kafka', { metadata: { name: 'kafka' }, template: { securityContext: { runAsUser: 0 } } })
      .addEvent('e', { url: 'k:9092', topic: 't', partition: 0 });
    expect(synthError(bad.app)).toMatch(/\[test\/kafka\] EventSource\/kafka: spec\.template\.securityContext\.runAsUser: .*set podSecurity: PodSecurity\.BASELINE on this construct to allow it\) \[K8S-POD-RESTRICTED\]/);
  });

  test('podSecurity: BASELINE leaves the template as written', () => {
    const { app, chart } = setup('events');
    new SqsEventSource(chart, 'sqs', { metadata: { name: 'sqs' }, podSecurity: PodSecurity.BASELINE, template: { securityContext: { runAsUser: 0 } } })
      .addEvent('q', { region: 'eu-west-1', queue: 'q', waitTime: Duration.seconds(20) });
    expect(one(synthValid(app), 'EventSource').spec.template).toEqual({ securityContext: { runAsUser: 0 } });
  });
});

describe('HTTP sources', () => {
  test('the Service exists before the first endpoint is added (and gets the ports of those added later)', () => {
    const { app, chart } = setup();
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
    expect(webhook.service.name).toBe('webhook-eventsource-svc');
    webhook.addEndpoint('a', { path: '/a', port: 13000 });
    expect(one(synthValid(app), 'Service').spec.ports).toEqual([{ name: 'http-13000', port: 13000, targetPort: 13000 }]);
  });

  test('GitHub behind an Ingress: the URL GitHub is given is the Ingress\'s; headers are read where a git host keeps them', () => {
    const { app, chart } = setup();
    const github = new GitHubEventSource(chart, 'github', { metadata: { name: 'github' }, ingress: { host: 'hooks.example.com' } });
    const push = github.addEndpoint('push', {
      path: '/push', repositories: [{ owner: 'argoproj', names: ['argo-events'] }], events: ['push'], apiToken: key('gh', 'token'), webhookSecret: key('gh', 'hmac'),
    });
    expect(push.publicUrl).toBe('http://hooks.example.com/push');
    expect(push.header('x-github-event')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'headers.X-Github-Event.0' });
    const m = synthValid(app);
    expect(one(m, 'EventSource').spec.github.push).toEqual({
      repositories: [{ owner: 'argoproj', names: ['argo-events'] }], events: ['push'], apiToken: { name: 'gh', key: 'token' }, webhookSecret: { name: 'gh', key: 'hmac' },
      webhook: { endpoint: '/push', method: 'POST', port: '12000', url: 'http://hooks.example.com' },
    });
    expect(one(m, 'Ingress').spec.rules[0].http.paths).toEqual([{ path: '/push', pathType: 'Exact', backend: { service: { name: 'github-eventsource-svc', port: { number: 12000 } } } }]);
  });

  test('GitLab: the base URL defaults to gitlab.com; an HTTP source without endpoints is refused', () => {
    const { app, chart } = setup();
    new GitLabEventSource(chart, 'gitlab', { metadata: { name: 'gitlab' } }).addEndpoint('push', { path: '/push', projects: ['a/b'], events: ['PushEvents'], accessToken: key('gl', 'token') });
    expect(one(synthValid(app), 'EventSource').spec.gitlab.push.gitlabBaseURL).toBe('https://gitlab.com');
    const empty = setup();
    new SnsEventSource(empty.chart, 'sns', { metadata: { name: 'sns' } });
    expect(synthError(empty.app)).toMatch(/\[test\/sns\] EventSource\/sns: spec\.sns: no endpoints: .*Call addEndpoint\(\)/);
  });

  test('Stripe: an API key makes the event source create the webhook; the handle reads the Stripe event', () => {
    const { app, chart } = setup();
    const paid = new StripeEventSource(chart, 'stripe', { metadata: { name: 'stripe' } }).addEndpoint('paid', {
      path: '/stripe', url: 'https://hooks.example.com', apiKey: key('stripe', 'key'), eventFilter: ['charge.succeeded'],
    });
    expect(paid.stripeEvent('data.object.amount')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'event.data.object.amount' });
    expect(one(synthValid(app), 'EventSource').spec.stripe.paid).toEqual({
      createWebhook: true, apiKey: { name: 'stripe', key: 'key' }, eventFilter: ['charge.succeeded'],
      webhook: { endpoint: '/stripe', method: 'POST', port: '12000', url: 'https://hooks.example.com' },
    });
  });
});

describe('one event name per EventSource', () => {
  test('a name used twice is refused where it is added, whatever the kinds', () => {
    const { chart } = setup();
    const sqs = new SqsEventSource(chart, 'sqs', { metadata: { name: 'sqs' } });
    sqs.addEvent('orders', { queue: 'orders', region: 'eu-west-1' });
    expect(() => sqs.addEvent('orders', { queue: 'other', region: 'eu-west-1' })).toThrow(/\[test\/sqs\] EventSource\/sqs: spec\.sqs\.orders: event "orders" is already defined \(under sqs\)/);
    expect(() => sqs.event('order')).toThrow(/has no event "order" \(it has: orders\)/);
  });
});
