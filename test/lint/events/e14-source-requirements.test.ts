import { eventSource, reported } from './helpers';

const source = (kind: string, body: { [key: string]: any }) => [eventSource('src', { [kind]: { example: body } })];

describe('E14 calendar', () => {
  test('schedule or interval is required', () => {
    expect(reported('E14', source('calendar', { timezone: 'UTC' }))).toEqual([
      expect.stringMatching(/^spec\.calendar\.example: calendar event has neither schedule nor interval: the controller rejects the EventSource/),
    ]);
  });

  test('schedule: five cron fields, no descriptors', () => {
    expect(reported('E14', source('calendar', { schedule: '@hourly' }))).toEqual([
      expect.stringMatching(/^spec\.calendar\.example\.schedule: invalid schedule "@hourly" \(descriptors such as "@hourly" are not accepted here/),
    ]);
    expect(reported('E14', source('calendar', { schedule: '0 0 * * 7' }))[0]).toMatch(/day of week field "7": 7 is above the maximum 6/);
    expect(reported('E14', source('calendar', { schedule: '*/10 9-17 * * mon-fri' }))).toEqual([]);
  });

  test('interval: a positive Go duration, read only without schedule', () => {
    expect(reported('E14', source('calendar', { interval: '1d' }))).toEqual([expect.stringMatching(/calendar\.example\.interval: invalid interval "1d" .*Use a Go duration/)]);
    expect(reported('E14', source('calendar', { interval: '0s' }))).toEqual([expect.stringMatching(/interval "0s" is not positive: .*tight loop/)]);
    expect(reported('E14', source('calendar', { interval: '1h30m' }))).toEqual([]);
    expect(reported('E14', source('calendar', { schedule: '0 * * * *', interval: 'ignored' }))).toEqual([]);
  });

  test('timezone must load', () => {
    expect(reported('E14', source('calendar', { interval: '10s', timezone: 'Europe/Pariss' }))).toEqual([
      expect.stringMatching(/calendar\.example\.timezone: "Europe\/Pariss" is not an IANA time zone.*the calendar fails to load the location/),
    ]);
    expect(reported('E14', source('calendar', { interval: '10s', timezone: 'Europe/Paris' }))).toEqual([]);
  });
});

describe('E14 generic and kafka', () => {
  test('generic needs url and config', () => {
    expect(reported('E14', source('generic', { url: 'server:8080' }))).toEqual([
      expect.stringMatching(/^spec\.generic\.example\.config: generic event source: the controller rejects the EventSource \("config can't be empty"\) and deploys none of its events\./),
    ]);
    expect(reported('E14', source('generic', { url: 'server:8080', config: 'k: v' }))).toEqual([]);
  });

  test('kafka needs url, topic and a consumerGroup or partition', () => {
    expect(reported('E14', source('kafka', { url: 'kafka:9092' }))).toEqual([
      expect.stringMatching(/^spec\.kafka\.example: kafka event source: .*"consumerGroup or partition must be specified"/),
      expect.stringMatching(/^spec\.kafka\.example\.topic: kafka event source: .*"topic must be specified"/),
    ]);
    expect(reported('E14', source('kafka', { url: 'kafka:9092', topic: 't', consumerGroup: { groupName: 'g' } }))).toEqual([]);
    expect(reported('E14', source('kafka', { url: 'kafka:9092', topic: 't', partition: '0' }))).toEqual([]);
  });

  test('kafka checks tls, else sasl, else awsMskIamAuth, as Argo returns after the first of them', () => {
    const base = { url: 'kafka:9092', topic: 't', partition: '0' };
    const badSasl = { mechanism: 'PLAIN', userSecret: { name: 'u', key: 'k' } };
    expect(reported('E14', source('kafka', { ...base, sasl: badSasl }))).toEqual([expect.stringMatching(/^spec\.kafka\.example\.sasl: .*both userSecret and passwordSecret must be defined/)]);
    expect(reported('E14', source('kafka', { ...base, tls: { insecureSkipVerify: true }, sasl: badSasl }))).toEqual([]);
    expect(reported('E14', source('kafka', { ...base, sasl: { ...badSasl, mechanism: 'plain' } }))).toEqual([expect.stringMatching(/sasl\.mechanism: .*Possible values for SASL Mechanism/)]);
    expect(reported('E14', source('kafka', { ...base, awsMskIamAuth: {} }))).toEqual([expect.stringMatching(/awsMskIamAuth\.region: .*"awsMskIamAuth.region must be specified"/)]);
    expect(reported('E14', source('kafka', { ...base, sasl: { mechanism: 'SCRAM-SHA-512', userSecret: { name: 'u', key: 'k' }, passwordSecret: { name: 'p', key: 'k' } }, awsMskIamAuth: {} }))).toEqual([]);
  });
});

describe('E14 TLS and basic auth', () => {
  const nats = { url: 'nats://nats:4222', subject: 'foo' };
  const secret = { name: 'tls', key: 'k' };

  test('a tls block names a CA or a client certificate and key, or is enabled', () => {
    expect(reported('E14', source('nats', { ...nats, tls: {} }))).toEqual([expect.stringMatching(/nats\.example\.tls: .*please configure either caCertSecret/)]);
    expect(reported('E14', source('nats', { ...nats, tls: { clientCertSecret: secret } }))).toEqual([expect.stringMatching(/both clientCertSecret and clientKeySecret need to be configured.*Add clientKeySecret/)]);
    for (const tls of [{ enabled: true }, { insecureSkipVerify: true }, { caCertSecret: secret }, { clientCertSecret: secret, clientKeySecret: secret }]) {
      expect(reported('E14', source('nats', { ...nats, tls }))).toEqual([]);
    }
  });

  test('basic auth needs both secrets; amqp and mqtt skip it when tls is set, as Argo does', () => {
    const mqtt = { url: 'tcp://mqtt:1883', topic: 't', clientId: 'c' };
    expect(reported('E14', source('mqtt', { ...mqtt, auth: { username: secret } }))).toEqual([expect.stringMatching(/mqtt\.example\.auth\.password: .*"password missing"/)]);
    expect(reported('E14', source('mqtt', { ...mqtt, tls: { enabled: true }, auth: { username: secret } }))).toEqual([]);
  });

  test('an empty NATS queue group is checked only without tls', () => {
    expect(reported('E14', source('nats', { ...nats, queue: '' }))).toEqual([expect.stringMatching(/nats\.example\.queue: .*queue group cannot be empty/)]);
    expect(reported('E14', source('nats', { ...nats, queue: '', tls: { enabled: true } }))).toEqual([]);
  });
});

describe('E14 each source kind', () => {
  test.each([
    ['sns', {}, ['region: .*must specify region', 'topicArn: .*must specify topic arn']],
    ['sqs', { region: 'eu-west-1' }, ['queue: .*must specify queue name']],
    ['amqp', { url: 'amqp://x', urlSecret: { name: 'a', key: 'b' }, routingKey: 'r', exchangeType: 'fanout' }, ['urlSecret: .*only one of url or urlSecret']],
    ['nsq', { hostAddress: 'nsq:4161', topic: 't' }, ['channel: .*channel must be specified']],
    ['pulsar', { topics: ['t'], url: 'pulsar://p:6650', type: 'failover' }, ['type: .*subscription type must be either exclusive or shared']],
    ['redis', { hostAddress: 'redis:6379', channels: ['c'], password: { name: 'p', key: 'k' } }, ['namespace: .*namespace must be defined']],
    ['redisStream', { hostAddress: 'redis:6379' }, ['streams: .*stream/streams must be specified']],
    ['emitter', { broker: 'b', channelName: 'c' }, ['channelKey: .*channel key secret selector']],
    ['mns', { queue: 'q' }, ['endpoint: .*must specify a endpoint']],
    ['pubSub', { topicProjectID: 'p' }, [': .*must specify topic or subscriptionID', 'topicProjectID: .*you can\'t specify topicProjectID']],
    ['azureEventsHub', { fqdn: 'f', hubName: 'h', sharedAccessKey: { name: 'a', key: 'b' } }, ['sharedAccessKeyName: .*If one is set then both must be set']],
    ['azureQueueStorage', { queueName: 'q' }, [': .*must specify connection string or storageAccountName']],
    ['azureServiceBus', { connectionString: { name: 'a', key: 'b' }, topicName: 't' }, ['subscriptionName: .*QueueName or TopicName/SubscriptionName must be specified']],
    ['azureServiceBus', { fullyQualifiedNamespace: 'ns', queueName: 'q', topicName: 't', subscriptionName: 's' }, ['queueName: .*cannot be specified at the same time']],
    ['github', { repositories: [{ owner: 'o', names: ['r'] }], organizations: ['o'] }, ['organizations: .*only one of repositories and organizations']],
    ['github', { owner: 'o', repository: 'r', apiToken: { name: 'a', key: 'b' }, webhook: { url: 'https://x', endpoint: '/push', port: '12000' } }, ['events: .*events must be defined to create a github webhook']],
    ['github', { organizations: ['o'], contentType: 'xml', githubBaseURL: 'https://ghe' }, ['contentType: .*content type must be', 'githubUploadURL: .*githubUploadURL is required']],
    ['gitlab', { events: [], gitlabBaseURL: 'https://gitlab.com' }, ['accessToken: .*access token can\'t be nil']],
    ['bitbucket', {}, [': .*at least one repository is required']],
    ['bitbucketserver', { bitbucketserverBaseURL: 'https://b/rest', checkInterval: '1d' }, ['checkInterval: .*failed to parse webhook check interval duration']],
    ['gerrit', { projects: ['p'], events: [], gerritBaseURL: 'https://g' }, ['auth: .*username and password can\'t be empty']],
    ['slack', { token: { name: 'a', key: 'b' } }, ['signingSecret: .*signingSecret not provided']],
    ['stripe', { createWebhook: true }, ['apiKey: .*api key K8s secret selector not provided']],
    ['storageGrid', { topicArn: 'a', apiURL: 'u', authToken: { name: 'a', key: 'b' }, bucket: 'b' }, ['events: .*event types must be provided']],
    ['minio', { accessKey: { name: 'a', key: 'b' }, secretKey: { name: 'a', key: 'c' }, endpoint: 'minio:9000', bucket: {}, events: [''] }, ['bucket\\.name: .*bucket name can\'t be empty', 'events\\[0\\]: .*unknown event']],
    ['file', { eventType: 'CREATE', watchPathConfig: { directory: 'data', path: 'x' } }, ['watchPathConfig\\.directory: .*directory must be an absolute file path']],
    ['sftp', { eventType: 'CREATE', watchPathConfig: { directory: '/d', path: '/x' } }, ['watchPathConfig\\.path: .*path must be a relative file path']],
    ['sftp', { eventType: 'CREATE', watchPathConfig: { directory: '/d', path: 'x', pathRegexp: 'y' } }, ['watchPathConfig: .*path and pathRegexp cannot be specified together']],
    ['hdfs', { type: 'OPEN' }, ['type: .*type is invalid']],
    ['hdfs', { type: 'CREATE|WRITE', directory: '/d', pathRegexp: '.*', addresses: ['nn:8020'], krbCCacheSecret: { name: 'a', key: 'b' } }, ['krbCCacheSecret: .*krbServicePrincipalName and krbConfigConfigMap are required']],
    ['resource', { version: 'v1', resource: 'pods', eventTypes: ['ADD'], filter: { labels: [{ operation: '==' }] } }, ['filter\\.labels\\[0\\]\\.key: .*key can\'t be empty for selector']],
  ] as const)('%s %j', (kind, body, expected) => {
    const found = reported('E14', source(kind, body as any));
    expect(found).toEqual(expected.map(e => expect.stringMatching(new RegExp(`^spec\\.${kind}\\.example${e.startsWith(':') ? '' : '\\.'}${e}`))));
  });

  test('the upstream example of each kind passes (see test/lint/argo-tests for every example)', () => {
    expect(reported('E14', source('sqs', { region: 'us-east-1', queue: 'test' }))).toEqual([]);
    expect(reported('E14', source('github', { repositories: [{ owner: 'argoproj', names: ['argo-events'] }], webhook: { endpoint: '/push', port: '12000' } }))).toEqual([]);
  });
});
