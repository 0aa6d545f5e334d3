import { Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  CalendarEventSource, EventBus, EventBusBackend, EventSource, WebhookEventSource, WebhookMethod,
} from '../../src/events';
import { sizeQuantity } from '../../src/core/quantity';
import { withRestrictedDefaults } from '../support/pod-security';
import { one, schemaViolations, setup, synth } from './helpers';


function synthValid(app: any): any[] {
  const manifests = synth(app);
  expect(schemaViolations(manifests)).toEqual([]);
  return manifests;
}

describe('EventBus', () => {
  test('defaults: named default, JetStream 2.10.10 with 3 replicas', () => {
    const { app, chart } = setup();
    const bus = new EventBus(chart, 'bus');
    expect(bus.name).toBe('default');
    expect(one(synthValid(app), 'EventBus')).toEqual(withRestrictedDefaults({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'EventBus', metadata: { name: 'default' },
      spec: { jetstream: { version: '2.10.10', replicas: 3 } },
    }));
  });

  test('JetStream with one replica, persistence and settings; a named bus is referenced by name', () => {
    const { app, chart } = setup();
    const bus = new EventBus(chart, 'bus', {
      metadata: { name: 'events' },
      backend: EventBusBackend.jetStream({
        version: 'latest', replicas: 1, maxPayload: '2MB',
        persistence: { storageClassName: 'gp3', accessMode: kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE, volumeSize: Size.gibibytes(10) },
      }),
    });
    new CalendarEventSource(chart, 'cal', { eventBus: bus }).addInterval('tick', Duration.minutes(1));
    const m = synthValid(app);
    expect(one(m, 'EventBus').spec.jetstream).toEqual(withRestrictedDefaults({ kind: 'EventBus', spec: { jetstream: {
      version: 'latest', replicas: 1, maxPayload: '2MB',
      persistence: { storageClassName: 'gp3', accessMode: 'ReadWriteOnce', volumeSize: '10Gi' },
    } } }).spec.jetstream);
    expect(one(m, 'EventSource').spec.eventBusName).toBe('events');
  });

  test('Kafka and external JetStream backends', () => {
    const kafka = setup();
    new EventBus(kafka.chart, 'bus', { backend: EventBusBackend.kafka({ url: 'kafka:9092', topic: 'argo-events' }) });
    expect(one(synthValid(kafka.app), 'EventBus').spec).toEqual({ kafka: { url: 'kafka:9092', topic: 'argo-events' } });
    const external = setup();
    new EventBus(external.chart, 'bus', { backend: EventBusBackend.externalJetStream({ url: 'nats://nats:4222' }) });
    expect(one(synthValid(external.app), 'EventBus').spec).toEqual({ jetstreamExotic: { url: 'nats://nats:4222' } });
  });
});

describe('WebhookEventSource', () => {
  test('endpoint options: method, own port, TLS, max payload, filter, metadata; one Service port per port', () => {
    const { app, chart } = setup();
    const tls = kplus.Secret.fromSecretName(chart, 'tls', 'webhook-tls');
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' }, serviceType: kplus.ServiceType.NODE_PORT });
    webhook.addEndpoint('a', { path: '/a', method: WebhookMethod.PUT });
    webhook.addEndpoint('b', { path: '/b' });
    const secure = webhook.addEndpoint('secure', {
      path: '/secure', port: 13000,
      tls: { certificate: { secret: tls, key: 'tls.crt' }, privateKey: { secret: tls, key: 'tls.key' } },
      maxPayloadSize: Size.mebibytes(2), filterExpression: 'body.action == "opened"', metadata: { team: 'a' },
    });
    const m = synthValid(app);
    expect(one(m, 'EventSource').spec.webhook).toEqual({
      a: { endpoint: '/a', method: 'PUT', port: '12000' },
      b: { endpoint: '/b', method: 'POST', port: '12000' },
      secure: {
        endpoint: '/secure', method: 'POST', port: '13000',
        serverCertSecret: { name: 'webhook-tls', key: 'tls.crt' }, serverKeySecret: { name: 'webhook-tls', key: 'tls.key' },
        maxPayloadSize: 2097152, filter: { expression: 'body.action == "opened"' }, metadata: { team: 'a' },
      },
    });
    const svc = one(m, 'Service');
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports).toEqual([{ name: 'http-12000', port: 12000, targetPort: 12000 }, { name: 'http-13000', port: 13000, targetPort: 13000 }]);
    expect(secure.clusterUrl).toBe('https://webhook-eventsource-svc:13000/secure');
    expect(secure.publicUrl).toBeUndefined();
  });

  test('an Ingress without host routes each path; with a TLS secret and host it serves HTTPS', () => {
    const plain = setup();
    const w1 = new WebhookEventSource(plain.chart, 'webhook', { metadata: { name: 'webhook' }, ingress: { className: 'nginx' } });
    w1.addEndpoint('a', { path: '/a' });
    const ingress = one(synthValid(plain.app), 'Ingress');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules).toEqual([{ http: { paths: [{ path: '/a', pathType: 'Exact', backend: { service: { name: 'webhook-eventsource-svc', port: { number: 12000 } } } }] } }]);

    const tls = setup();
    const cert = kplus.Secret.fromSecretName(tls.chart, 'cert', 'hooks-cert');
    const w2 = new WebhookEventSource(tls.chart, 'webhook', { metadata: { name: 'webhook' }, ingress: { host: 'hooks.example.com', tlsSecret: cert } });
    const a = w2.addEndpoint('a', { path: '/a' });
    expect(one(synthValid(tls.app), 'Ingress').spec.tls).toEqual([{ hosts: ['hooks.example.com'], secretName: 'hooks-cert' }]);
    expect(a.publicUrl).toBe('https://hooks.example.com/a');
  });

  test('the Ingress routes every endpoint path, sorted, to the Service port of its endpoint', () => {
    const { app, chart } = setup();
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' }, ingress: { host: 'hooks.example.com' } });
    webhook.addEndpoint('z', { path: '/zeta' });
    webhook.addEndpoint('a', { path: '/alpha', port: 13000 });
    const m = synthValid(app);
    const backend = (port: number) => ({ service: { name: 'webhook-eventsource-svc', port: { number: port } } });
    expect(one(m, 'Ingress').spec.rules).toEqual([{
      host: 'hooks.example.com',
      http: { paths: [{ path: '/alpha', pathType: 'Exact', backend: backend(13000) }, { path: '/zeta', pathType: 'Exact', backend: backend(12000) }] },
    }]);
    expect(one(m, 'Service').spec.ports.map((p: any) => p.port)).toEqual([12000, 13000]);
  });

  test('two endpoints on one path are refused when an Ingress routes them (it routes a path to one backend), accepted on two ports without one', () => {
    const routed = setup();
    const webhook = new WebhookEventSource(routed.chart, 'webhook', { metadata: { name: 'webhook' }, ingress: {} });
    webhook.addEndpoint('a', { path: '/hook' });
    expect(() => webhook.addEndpoint('b', { path: '/hook', port: 13000 }))
      .toThrow(/EventSource\/webhook: spec\.webhook: endpoints "a" and "b" both listen on path \/hook: the Ingress routes a path to one backend/);

    const internal = setup();
    const inCluster = new WebhookEventSource(internal.chart, 'webhook', { metadata: { name: 'webhook' } });
    inCluster.addEndpoint('a', { path: '/hook' });
    inCluster.addEndpoint('b', { path: '/hook', port: 13000 });
    expect(one(synthValid(internal.app), 'Service').spec.ports).toHaveLength(2);
  });

  test('payload fields: body keys, canonical header keys, context', () => {
    const { chart } = setup();
    const endpoint = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('a', { path: '/a' });
    expect(endpoint.body('size')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'body.size' });
    expect(endpoint.body()._render('d')).toEqual({ dependencyName: 'd', dataKey: 'body' });
    expect(endpoint.header('x-vendor-id')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'header.X-Vendor-Id.0' });
    expect(endpoint.context('type').withDefault('webhook').asRawValue()._render('d'))
      .toEqual({ dependencyName: 'd', contextKey: 'type', value: 'webhook', useRawData: true });
  });

  test('a long EventSource name gets a Service name within 63 characters', () => {
    const { app, chart } = setup();
    const long = 'a'.repeat(60);
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: long } });
    webhook.addEndpoint('a', { path: '/a' });
    const svc = one(synthValid(app), 'Service');
    expect(svc.metadata.name.length).toBeLessThanOrEqual(63);
    expect(svc.metadata.name).toBe(webhook.serviceName);
    expect(webhook.event('a').clusterUrl).toBe(`http://${webhook.serviceName}:12000/a`);
  });

  test('pod settings: service account, replicas, template', () => {
    const { app, chart } = setup();
    const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'webhook-sa');
    new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' }, serviceAccount: sa, replicas: 2, template: { nodeSelector: { pool: 'edge' } } })
      .addEndpoint('a', { path: '/a' });
    const spec = one(synthValid(app), 'EventSource').spec;
    expect(spec.replicas).toBe(2);
    expect(spec.template).toEqual(withRestrictedDefaults({ kind: 'EventSource', spec: { template: { serviceAccountName: 'webhook-sa', nodeSelector: { pool: 'edge' } } } }).spec.template);
  });
});

describe('CalendarEventSource', () => {
  test('schedules from Cron or a string, with time zone, metadata and exclusions; handles read eventTime and metadata', () => {
    const { app, chart } = setup();
    const calendar = new CalendarEventSource(chart, 'calendar', { metadata: { name: 'calendar' } });
    const daily = calendar.addSchedule('daily', Cron.schedule({ minute: '0', hour: '9' }), { timezone: 'Asia/Seoul', metadata: { drink: 'americano' } });
    calendar.addSchedule('half-past', '30 * * * *', { exclusionDates: ['EXDATE:20190102T150405Z'] });
    calendar.addInterval('fast', Duration.millis(1500));
    expect(one(synthValid(app), 'EventSource').spec.calendar).toEqual({
      'daily': { schedule: '0 9 * * *', timezone: 'Asia/Seoul', metadata: { drink: 'americano' } },
      'half-past': { schedule: '30 * * * *', exclusionDates: ['EXDATE:20190102T150405Z'] },
      'fast': { interval: '1500ms' },
    });
    expect(daily.eventTime()._render('d')).toEqual({ dependencyName: 'd', dataKey: 'eventTime' });
    expect(daily.metadata('drink')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'metadata.drink' });
    expect(calendar.event('daily').eventName).toBe('daily');
  });
});

describe('EventSource (any kind, generated types)', () => {
  test('SQS and SNS events from props and addEvent, a service for push sources; handles by name', () => {
    const { app, chart } = setup();
    const creds = kplus.Secret.fromSecretName(chart, 'aws-secret', 'aws-secret');
    const source = new EventSource(chart, 'aws', {
      metadata: { name: 'aws' },
      sources: { sqs: { orders: { queue: 'orders', region: 'us-east-1', waitTimeSeconds: 20, accessKey: { name: creds.name, key: 'accesskey' } } } },
      service: { ports: [{ port: 12000, targetPort: 12000 }] },
    });
    const topic = source.addEvent('sns', 'alerts', { topicArn: 'arn:aws:sns:us-east-1:123:alerts', region: 'us-east-1', webhook: { endpoint: '/alerts', port: '12000', method: 'POST' } });
    const spec = one(synthValid(app), 'EventSource').spec;
    expect(spec.sqs.orders).toEqual({ queue: 'orders', region: 'us-east-1', waitTimeSeconds: 20, accessKey: { name: 'aws-secret', key: 'accesskey' } });
    expect(spec.sns.alerts.webhook).toEqual({ endpoint: '/alerts', port: '12000', method: 'POST' });
    expect(spec.service).toEqual({ ports: [{ port: 12000, targetPort: 12000 }] });
    expect([topic.eventSourceName, topic.eventName]).toEqual(['aws', 'alerts']);
    expect(source.event('orders').data('Body')._render('d')).toEqual({ dependencyName: 'd', dataKey: 'Body' });
  });

  test('fromName: an EventSource of the cluster, its events named by string', () => {
    const event = EventSource.fromName('github', { namespace: 'ci' }).event('push');
    expect([event.eventSourceName, event.eventName, event.namespace]).toEqual(['github', 'push', 'ci']);
  });
});

describe('quantities render as everywhere else in the library (src/core/quantity.ts)', () => {
  test('the JetStream volume size: the largest whole binary unit', () => {
    for (const [size, text] of [[Size.gibibytes(20), '20Gi'], [Size.mebibytes(1536), '1536Mi'], [Size.tebibytes(1), '1Ti'], [Size.gibibytes(1), '1Gi']] as const) {
      const { app, chart } = setup();
      new EventBus(chart, 'bus', { backend: EventBusBackend.jetStream({ persistence: { volumeSize: size } }) });
      expect(one(synth(app), 'EventBus').spec.jetstream.persistence.volumeSize).toBe(text);
      expect(sizeQuantity(size)).toBe(text);
    }
  });

  test('an endpoint\'s largest payload is the whole number of bytes Argo Events keeps', () => {
    const { app, chart } = setup();
    new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('a', { path: '/a', maxPayloadSize: Size.mebibytes(2) });
    expect(one(synth(app), 'EventSource').spec.webhook.a.maxPayloadSize).toBe(2097152);
    const bad = setup();
    new WebhookEventSource(bad.chart, 'webhook', { metadata: { name: 'webhook' } }).addEndpoint('a', { path: '/a', maxPayloadSize: Size.kibibytes(0.0001) });
    expect(() => bad.app.synthYaml()).toThrow(/maxPayloadSize: must be a whole, positive number of bytes/);
  });
});
