/**
 * The EventSource and EventBus examples of Argo Events v1.9.11 (examples/event-sources,
 * examples/eventbus, the tutorials' EventSources), rebuilt with the dedicated constructs.
 */
import { Duration } from 'cdk8s';
import {
  AmqpEventSource, AmqpExchangeType, AzureEventsHubEventSource, AzureQueueStorageEventSource, AzureServiceBusEventSource, BitbucketEventSource,
  BitbucketServerEventSource, CalendarEventSource, EmitterEventSource, EventBus, EventBusBackend, FileEventSource, FileOperation, GenericEventSource,
  GerritEventSource, GitHubContentType, GitHubEventSource, GitLabEventSource, HdfsEventSource, KafkaEventSource, MinioEventSource, MqttEventSource,
  NatsEventSource, NsqEventSource, PubSubEventSource, PulsarEventSource, PulsarSubscriptionType, RedisEventSource, RedisStreamEventSource,
  ResourceEventSource, ResourceEventType, SftpEventSource, SlackEventSource, SnsEventSource, SqsEventSource, StorageGridEventSource, StripeEventSource,
  WebhookEventSource,
} from '../../../src/events';
import { SecretRef, ServiceAccountRef } from '../../../src/core/object-refs';
import { WorkflowVolume } from '../../../src/workflows';
import { Difference, OWN_SERVICE, REMOVED_TYPE } from './compare';
import { UpstreamCase } from './upstream-case';

const key = (secret: string, k: string) => SecretRef.fromName(secret).keyRef(k);
const backoff = { duration: Duration.seconds(10), steps: 5, factor: 2, jitter: 0.2 };
const meta = (name: string) => ({ metadata: { name } });

/** The webhook example's Service carries labels and annotations (`foo: bar`): an illustration, not reproduced. */
const SERVICE_METADATA: Difference = { path: 'spec.service.metadata', side: 'theirs', reason: 'the example\'s Service labels/annotations (foo: bar) illustrate the field; the library\'s Service carries none' };

export const EVENT_SOURCE_CASES: readonly UpstreamCase[] = [
  {
    file: 'event-sources/amqp.yaml', kind: 'EventSource',
    build: chart => new AmqpEventSource(chart, 'amqp', meta('amqp')).addEvent('example', {
      url: 'amqp://rabbitmq-service.argo-events:5672', jsonBody: true, exchangeName: 'test', exchangeType: AmqpExchangeType.FANOUT, routingKey: 'hello',
      connectionBackoff: backoff,
      exchangeDeclare: { durable: true, autoDelete: false, internal: false, noWait: false },
      queueDeclare: { name: 'my-queue-name', durable: false, autoDelete: false, exclusive: true, noWait: false },
      queueBindNoWait: false,
      consume: { consumerTag: 'my-consumer-tag', autoAck: true, exclusive: false, noLocal: false, noWait: false },
      auth: { username: key('my-secret', 'username'), password: key('my-secret', 'password') },
    }),
  },
  {
    file: 'event-sources/aws-sns.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => new SnsEventSource(chart, 'sns', meta('aws-sns')).addEndpoint('example', {
      topicArn: 'arn:aws:sns:us-east-1:XXXXXXXX:test', path: '/', port: 12000, url: 'http://url-that-is-reachable-from-AWS',
      credentials: { accessKey: key('aws-secret', 'accesskey'), secretKey: key('aws-secret', 'secretkey') }, region: 'us-east-1',
    }),
  },
  {
    file: 'event-sources/aws-sqs.yaml', kind: 'EventSource',
    build: chart => new SqsEventSource(chart, 'sqs', meta('aws-sqs')).addEvent('example', {
      jsonBody: true, credentials: { accessKey: key('aws-secret', 'accesskey'), secretKey: key('aws-secret', 'secretkey') },
      region: 'us-east-1', queue: 'test', waitTime: Duration.seconds(20),
    }),
  },
  {
    file: 'event-sources/azure-events-hub.yaml', kind: 'EventSource',
    build: chart => new AzureEventsHubEventSource(chart, 'hub', meta('azure-events-hub')).addEvent('example', {
      fqdn: 'your_fqdn', hubName: 'hub_name',
      sharedAccessKey: {
        keyName: key('secret_containing_shared_access_key_name', 'key_within_the_secret_which_holds_the_value_of_shared_access_key_name'),
        key: key('secret_containing_shared_access_key', 'key_within_the_secret_which_holds_the_value_of_shared_access_key'),
      },
    }),
  },
  {
    file: 'event-sources/azure-queue-storage.yaml', kind: 'EventSource',
    build: chart => new AzureQueueStorageEventSource(chart, 'queue', meta('azure-queue-storage')).addEvent('example', {
      queueName: 'test', jsonBody: true, decodeMessage: false, waitTime: Duration.seconds(2), connectionString: key('azure-secret', 'connectionstring'),
    }),
  },
  {
    file: 'event-sources/azure-service-bus.yaml', kind: 'EventSource',
    build: chart => new AzureServiceBusEventSource(chart, 'bus', meta('azure-service-bus')).addEvent('example', {
      queue: 'test', jsonBody: true, connectionString: key('azure-secret', 'connectionstring'),
    }),
  },
  {
    file: 'event-sources/bitbucket.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => new BitbucketEventSource(chart, 'bitbucket', meta('bitbucket')).addEndpoint('example', {
      repositories: [{ owner: 'name-of-owner', repositorySlug: 'name-of-repository1' }, { owner: 'name-of-owner', repositorySlug: 'name-of-repository2' }],
      events: ['repo:push'], path: '/push', url: 'http://url-that-is-reachable-from-bitbucket', deleteHookOnFinish: true,
      auth: { basic: { username: key('bitbucket-access', 'username'), password: key('bitbucket-access', 'password') } },
    }),
  },
  {
    file: 'event-sources/bitbucketserver.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => new BitbucketServerEventSource(chart, 'bbs', meta('bitbucketserver')).addEndpoint('example', {
      repositories: [{ projectKey: 'PROJECTKEY1', repositorySlug: 'name-of-repository1' }, { projectKey: 'PROJECTKEY2', repositorySlug: 'name-of-repository2' }],
      path: '/push', url: 'http://url-that-is-reachable-from-Bitbucket-Server', events: ['repo:refs_changed'],
      accessToken: key('bitbucketserver-access', 'token'), webhookSecret: key('bitbucketserver-access', 'secret'),
      deleteHookOnFinish: true, baseUrl: 'https://my-bitbucket-server.com/rest',
    }),
  },
  {
    file: 'event-sources/calendar.yaml', kind: 'EventSource',
    build: chart => new CalendarEventSource(chart, 'calendar', meta('calendar')).addInterval('example-with-interval', Duration.seconds(10)),
  },
  {
    file: 'event-sources/emitter.yaml', kind: 'EventSource',
    build: chart => new EmitterEventSource(chart, 'emitter', meta('emitter')).addEvent('example', {
      broker: 'tcp://broker.argo-events.svc:4000', channelName: 'hello', channelKey: 'channel_key', jsonBody: true, connectionBackoff: backoff,
    }),
  },
  {
    file: 'event-sources/file.yaml', kind: 'EventSource',
    build: chart => new FileEventSource(chart, 'file', { ...meta('file'), volumeMounts: [{ volume: WorkflowVolume.emptyDir('test-data'), mountPath: '/test-data' }] })
      .addEvent('example', { watchPath: { directory: '/test-data/', path: 'x.txt' }, eventType: FileOperation.CREATE }),
  },
  {
    file: 'event-sources/gcp-pubsub.yaml', kind: 'EventSource',
    build: chart => new PubSubEventSource(chart, 'pubsub', meta('gcp-pubsub')).addEvent('example', {
      jsonBody: true, projectId: 'argo-events-XXXXX', topic: 'test', subscriptionId: 'test-sub', credentialSecret: key('my-secret', 'secret-key'),
    }),
  },
  {
    file: 'event-sources/generic.yaml', kind: 'EventSource',
    build: chart => new GenericEventSource(chart, 'generic', meta('generic')).addEvent('example', {
      insecure: true, url: 'generic-event-source-server.argo-events.svc:8080', config: 'key1: value1\nkey2: value2',
    }),
  },
  {
    file: 'event-sources/gerrit.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => new GerritEventSource(chart, 'gerrit', meta('gerrit')).addEndpoint('example', {
      projects: ['argo-webhook', 'argo/webhook'], hookName: 'argo-webhook-example', path: '/push', port: 13000, url: 'http://url-that-is-reachable-from-Gerrit',
      events: ['patchset-created'], auth: { username: key('gerrit-access', 'username'), password: key('gerrit-access', 'password') },
      sslVerify: false, baseUrl: 'http://10.0.71.100:58080/', deleteHookOnFinish: true,
    }),
  },
  {
    file: 'event-sources/github.yaml', kind: 'EventSource',
    build: chart => {
      const github = new GitHubEventSource(chart, 'github', meta('github'));
      github.addEndpoint('example', {
        repositories: [{ owner: 'argoproj', names: ['argo-events', 'argo-workflows'] }],
        path: '/push', url: 'http://url-that-is-reachable-from-GitHub', events: ['*'], apiToken: key('github-access', 'token'),
        insecure: true, active: true, contentType: GitHubContentType.JSON,
      });
      github.addEndpoint('example-without-api-credentials', {
        // The example names one repository with the older owner/repository fields: the same as one entry of repositories.
        repositories: [{ owner: 'argoproj', names: ['argo'] }],
        path: '/push', port: 13000, events: ['*'], webhookSecret: key('github-access', 'secret'), insecure: true, active: true, contentType: GitHubContentType.JSON,
      });
    },
    differences: [OWN_SERVICE,
      { path: 'spec.github.example-without-api-credentials.owner', side: 'theirs', reason: 'owner/repository is the older form of one repositories entry; the library writes repositories' },
      { path: 'spec.github.example-without-api-credentials.repository', side: 'theirs', reason: 'owner/repository is the older form of one repositories entry; the library writes repositories' },
      { path: 'spec.github.example-without-api-credentials.repositories', side: 'ours', reason: 'the library writes the repository as one entry of repositories' },
    ],
  },
  {
    file: 'event-sources/gitlab.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => {
      const gitlab = new GitLabEventSource(chart, 'gitlab', meta('gitlab'));
      const common = {
        url: 'http://url-that-is-reachable-from-GitLab', accessToken: key('gitlab-access', 'token'), secretToken: key('gitlab-secret', 'token'),
        enableSslVerification: false, baseUrl: 'https://gitlab.com', deleteHookOnFinish: true,
      };
      gitlab.addEndpoint('example', { ...common, projects: ['whynowy/test', '3'], path: '/push', events: ['PushEvents', 'TagPushEvents', 'IssuesEvents', 'MergeRequestsEvents', 'EmojiEvents'] });
      gitlab.addEndpoint('group-example', { ...common, groups: ['my-group'], path: '/group', events: ['PushEvents', 'IssuesEvents', 'MergeRequestsEvents', 'EmojiEvents'] });
    },
  },
  {
    file: 'event-sources/hdfs.yaml', kind: 'EventSource',
    build: chart => new HdfsEventSource(chart, 'hdfs', meta('hdfs')).addEvent('example', {
      watchPath: { directory: '/tmp/', path: 'x.txt' }, operations: [FileOperation.CREATE],
      addresses: ['my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020', 'my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020'],
      hdfsUser: 'root',
    }),
  },
  {
    file: 'event-sources/kafka.yaml', kind: 'EventSource',
    build: chart => new KafkaEventSource(chart, 'kafka', meta('kafka')).addEvent('example', {
      url: 'kafka.argo-events:9092', topic: 'topic-2', jsonBody: true, partition: 1, connectionBackoff: backoff,
    }),
  },
  {
    file: 'event-sources/minio.yaml', kind: 'EventSource',
    build: chart => new MinioEventSource(chart, 'minio', meta('minio')).addEvent('example', {
      bucket: 'input', endpoint: 'minio-service.argo-events:9000', events: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'], insecure: true,
      credentials: { accessKey: key('artifacts-minio', 'accesskey'), secretKey: key('artifacts-minio', 'secretkey') },
    }),
  },
  {
    file: 'event-sources/mqtt.yaml', kind: 'EventSource',
    build: chart => new MqttEventSource(chart, 'mqtt', meta('mqtt')).addEvent('example', {
      url: 'tcp://mqtt.argo-events:1883', topic: 'bar', jsonBody: true, clientId: '2345', connectionBackoff: backoff,
    }),
  },
  {
    file: 'event-sources/nats.yaml', kind: 'EventSource',
    build: chart => new NatsEventSource(chart, 'nats', meta('nats')).addEvent('example', {
      url: 'nats://nats.argo-events.svc:4222', jsonBody: true, subject: 'foo', connectionBackoff: backoff,
    }),
  },
  {
    file: 'event-sources/nsq.yaml', kind: 'EventSource',
    build: chart => new NsqEventSource(chart, 'nsq', meta('nsq')).addEvent('example', {
      hostAddress: 'nsqlookupd.argo-events.svc:4161', jsonBody: true, topic: 'hello', channel: 'my-channel', connectionBackoff: backoff,
    }),
  },
  {
    file: 'event-sources/pulsar.yaml', kind: 'EventSource',
    build: chart => new PulsarEventSource(chart, 'pulsar', meta('pulsar')).addEvent('example', {
      url: 'pulsar://pulsar.argo-events.svc:6650', topics: ['test', 'foo'], subscriptionType: PulsarSubscriptionType.EXCLUSIVE,
    }),
  },
  {
    file: 'event-sources/redis-streams.yaml', kind: 'EventSource',
    build: chart => new RedisStreamEventSource(chart, 'streams', meta('redis-stream')).addEvent('example', { hostAddress: 'redis.argo-events.svc:6379', db: 0, streams: ['FOO'] }),
  },
  {
    file: 'event-sources/redis.yaml', kind: 'EventSource',
    build: chart => new RedisEventSource(chart, 'redis', meta('redis')).addEvent('example', { hostAddress: 'redis.argo-events.svc:6379', db: 0, channels: ['FOO'] }),
  },
  {
    file: 'event-sources/resource.yaml', kind: 'EventSource',
    build: chart => new ResourceEventSource(chart, 'resource', { ...meta('resource'), serviceAccount: ServiceAccountRef.fromName('your-service-account') }).addEvent('example', {
      namespace: 'argo-events', group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows', eventTypes: [ResourceEventType.ADD],
      filter: { afterStart: true, labels: [{ key: 'app', operation: '==', value: 'my-workflow' }] },
    }),
  },
  {
    file: 'event-sources/sftp.yaml', kind: 'EventSource',
    build: chart => new SftpEventSource(chart, 'sftp', { ...meta('sftp'), volumeMounts: [{ volume: WorkflowVolume.emptyDir('test-data'), mountPath: '/test-data' }] }).addEvent('example', {
      username: key('username', 'username'), password: key('password', 'password'), address: key('address', 'address'),
      watchPath: { directory: '/test-data/', path: 'x.txt' }, pollInterval: Duration.seconds(10), eventType: FileOperation.CREATE,
    }),
  },
  {
    file: 'event-sources/slack.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => {
      const slack = new SlackEventSource(chart, 'slack', meta('slack'));
      const secrets = { token: key('slack-secret', 'tokenkey'), signingSecret: key('slack-secret', 'signingSecret') };
      slack.addEndpoint('example-insecure', { ...secrets, path: '/' });
      slack.addEndpoint('example-secure', { ...secrets, path: '/', port: 14000, tls: { certificate: key('my-secret', 'cert-key'), privateKey: key('my-secret', 'pk-key') } });
    },
    // The example's Service lists port 12000 only: the secure endpoint's 14000 would be unreachable through it.
    servicePorts: [12000, 14000],
  },
  {
    file: 'event-sources/storage-grid.yaml', kind: 'EventSource', differences: [OWN_SERVICE],
    build: chart => new StorageGridEventSource(chart, 'grid', meta('storage-grid')).addEndpoint('example', {
      port: 8080, path: '/', url: 'event-source-url', events: ['s3:ObjectCreated:*'], topicArn: 'topic arn', bucket: 'name of the bucket', apiUrl: 'storagegrid api url',
      authToken: key('name of k8s secret that holds storagegrid auth token', 'key within secret that holds the token value'),
    }),
  },
  {
    file: 'event-sources/stripe.yaml', kind: 'EventSource',
    build: chart => new StripeEventSource(chart, 'stripe', meta('stripe')).addEndpoint('example', {
      port: 12000, path: '/example', url: 'http://myfakeurl.fake', apiKey: key('secret_containing_api_key', 'key_within_secret_that_holds_api_key'),
    }),
    differences: [OWN_SERVICE,
      { path: 'spec.stripe.example.namespace', side: 'theirs', reason: 'StripeEventSource has no namespace field in v1.9 (the CRD prunes it; secrets are read from the EventSource\'s namespace)' }],
  },
  {
    file: 'event-sources/webhook.yaml', kind: 'EventSource', differences: [SERVICE_METADATA, OWN_SERVICE],
    build: chart => new WebhookEventSource(chart, 'webhook', meta('webhook')).addEndpoint('example', { path: '/example' }),
  },
  {
    file: 'eventbus/native.yaml', kind: 'EventBus',
    build: chart => new EventBus(chart, 'bus', { backend: EventBusBackend.nativeNats({ replicas: 3, auth: 'token' }) }),
  },
  {
    file: 'tutorials/06-trigger-conditions/minio-event-source.yaml', kind: 'EventSource', differences: [REMOVED_TYPE],
    build: chart => new MinioEventSource(chart, 'minio', meta('minio')).addEvent('example', {
      bucket: 'input', endpoint: 'minio-service.argo-events:9000', events: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'], insecure: true,
      credentials: { accessKey: key('artifacts-minio', 'accesskey'), secretKey: key('artifacts-minio', 'secretkey') },
    }),
  },
  {
    file: 'tutorials/06-trigger-conditions/webhook-event-source.yaml', kind: 'EventSource', differences: [REMOVED_TYPE, OWN_SERVICE],
    build: chart => new WebhookEventSource(chart, 'webhook', meta('webhook-event-source')).addEndpoint('example', { path: '/example' }),
  },
  {
    file: 'tutorials/09-http-trigger/minio-event-source.yaml', kind: 'EventSource', differences: [REMOVED_TYPE],
    build: chart => new MinioEventSource(chart, 'minio', meta('minio-event-source')).addEvent('example', {
      bucket: 'test', endpoint: 'minio-service.argo-events:9000', insecure: true, events: ['s3:ObjectCreated:Put'],
      credentials: { accessKey: key('artifact-minio', 'accesskey'), secretKey: key('artifact-minio', 'secretkey') },
    }),
  },
];
