import { isBlank } from './support/json';
import { SourceCheck } from './support/source-check';

/**
 * Brokers, queues and streams (pkg/eventsources/sources/<kind>/validate.go). Where Argo returns
 * the TLS check's result early (amqp, kafka, mqtt, nats), the checks after it only run without tls.
 */
export const MESSAGING_SOURCE_CHECKS: { readonly [kind: string]: SourceCheck } = {
  amqp(c) {
    if (c.blank('url') && c.unset('urlSecret')) c.report('url', 'either url or urlSecret must be specified', 'Set url (amqp://host:5672) or urlSecret.');
    else if (!c.blank('url') && !c.unset('urlSecret')) c.report('urlSecret', 'only one of url or urlSecret can be specified', 'Keep url or urlSecret.');
    c.requireText('routingKey', 'routing key must be specified', 'Set the routing key to bind the queue with.');
    c.requireText('exchangeType', 'exchange type must be specified', 'Set the exchange type (direct, fanout, topic or headers).');
    if (!c.unset('tls')) c.tls();
    else c.basicAuth();
  },
  kafka(c) {
    c.requireText('url', 'url must be specified', 'Set the broker address(es), e.g. kafka.argo-events:9092.');
    c.requireText('topic', 'topic must be specified', 'Set the topic to consume.');
    if (c.blank('partition') && c.unset('consumerGroup')) {
      c.report('', 'consumerGroup or partition must be specified', 'Set consumerGroup.groupName (or a partition).');
    }
    if (!c.unset('tls')) return c.tls();
    if (!c.unset('sasl')) return c.sasl();
    if (!c.unset('awsMskIamAuth')) c.requireText('awsMskIamAuth.region', 'awsMskIamAuth.region must be specified', 'Set the AWS region of the MSK cluster.');
  },
  mqtt(c) {
    c.requireText('url', 'url must be specified', 'Set the broker URL, e.g. tcp://mqtt.argo-events:1883.');
    c.requireText('topic', 'topic must be specified', 'Set the topic to subscribe to.');
    c.requireText('clientId', 'client id must be specified', 'Set a client id unique to this event source.');
    if (!c.unset('tls')) c.tls();
    else c.basicAuth();
  },
  nats(c) {
    c.requireText('url', 'url must be specified', 'Set the NATS server URL, e.g. nats://nats.argo-events:4222.');
    c.requireText('subject', 'subject must be specified', 'Set the subject to subscribe to.');
    if (!c.unset('tls')) return c.tls();
    if (c.value('queue') === '') c.report('queue', 'queue group cannot be empty if specified', 'Name the queue group or remove queue.');
  },
  nsq(c) {
    c.requireText('hostAddress', 'host address must be specified', 'Set the nsqlookupd address, e.g. nsqlookupd.argo-events:4161.');
    c.requireText('topic', 'topic must be specified', 'Set the topic to consume.');
    c.requireText('channel', 'channel must be specified', 'Set the channel to read from.');
    c.tls();
  },
  pulsar(c) {
    c.requireSet('topics', "topics can't be empty list", 'List the topics to consume.');
    c.requireText('url', 'url must be provided', 'Set the Pulsar service URL, e.g. pulsar://pulsar:6650.');
    const type = c.value('type');
    if (type !== 'exclusive' && type !== 'shared') {
      c.report('type', 'subscription type must be either exclusive or shared', 'Set type: exclusive or type: shared.');
    }
  },
  redis(c) {
    c.requireText('hostAddress', 'host address must be specified', 'Set the Redis address, e.g. redis.argo-events:6379.');
    c.requireSet('channels', 'channel/s must be specified', 'List the channels to subscribe to.');
    if (!c.unset('password') && c.blank('namespace')) {
      c.report('namespace', 'namespace must be defined in order to retrieve the password from the secret', 'Set namespace to the namespace of the password Secret.');
    }
    c.tls();
  },
  redisStream(c) {
    c.requireText('hostAddress', 'host address must be specified', 'Set the Redis address, e.g. redis.argo-events:6379.');
    c.requireSet('streams', 'stream/streams must be specified', 'List the streams to read.');
    c.tls();
  },
  emitter(c) {
    c.requireText('broker', 'broker url must be specified', 'Set the broker address.');
    c.requireText('channelName', 'channel name must be specified', 'Set the channel to subscribe to.');
    c.requireText('channelKey', 'channel key secret selector must be specified', 'Set the channel key.');
    c.tls();
  },
  generic(c) {
    c.requireText('url', "server url can't be empty", 'Set the gRPC server address.');
    c.requireText('config', "config can't be empty", 'Set the configuration passed to the server.');
  },
  mns(c) {
    c.requireText('queue', 'must specify queue name', 'Set the MNS queue name.');
    c.requireText('endpoint', 'must specify a endpoint', 'Set the MNS endpoint, e.g. http://<account>.mns.<region>.aliyuncs.com.');
  },
  sqs(c) {
    c.requireText('region', 'must specify region', 'Set the AWS region of the queue.');
    c.requireText('queue', 'must specify queue name', 'Set the name of the SQS queue.');
  },
  pubSub(c) {
    if (!c.blank('topicProjectID') && c.blank('topic')) {
      c.report('topicProjectID', "you can't specify topicProjectID if you don't specify topic", 'Set topic, or remove topicProjectID.');
    }
    if (c.blank('topic') && c.blank('subscriptionID')) c.report('', 'must specify topic or subscriptionID', 'Set topic (a subscription is created) or subscriptionID.');
  },
  azureEventsHub(c) {
    c.requireText('fqdn', 'FQDN is not specified', 'Set the Event Hubs namespace host, e.g. myhub.servicebus.windows.net.');
    c.requireText('hubName', 'hub name/path is not specified', 'Set the event hub name.');
    if (c.unset('sharedAccessKey') !== c.unset('sharedAccessKeyName')) {
      c.report(c.unset('sharedAccessKey') ? 'sharedAccessKey' : 'sharedAccessKeyName',
        'SharedAccessKey or SharedAccessKeyName is not specified. If one is set then both must be set', 'Reference both the key and its name, or neither.');
    }
  },
  azureQueueStorage(c) {
    if (c.unset('connectionString') && c.blank('storageAccountName')) {
      c.report('', 'must specify connection string or storageAccountName', 'Reference the connection string Secret, or set storageAccountName (with workload identity).');
    }
    c.requireText('queueName', 'must specify queue name', 'Set the queue to read.');
  },
  azureServiceBus(c) {
    if (c.unset('connectionString') && c.blank('fullyQualifiedNamespace')) {
      c.report('', 'ConnectionString or fullyQualifiedNamespace must be specified', 'Reference the connection string Secret, or set fullyQualifiedNamespace.');
    }
    const queue = !isBlank(c.value('queueName'));
    const topic = !isBlank(c.value('topicName'));
    const subscription = !isBlank(c.value('subscriptionName'));
    if (!queue && (!topic || !subscription)) {
      c.report(topic || subscription ? (topic ? 'subscriptionName' : 'topicName') : '', 'QueueName or TopicName/SubscriptionName must be specified',
        topic || subscription ? 'A topic is read through one of its subscriptions: set both topicName and subscriptionName.' : 'Set queueName, or topicName and subscriptionName.');
    } else if (queue && (topic || subscription)) {
      c.report('queueName', 'QueueName and TopicName/SubscriptionName cannot be specified at the same time', 'Read either a queue or a topic subscription.');
    }
  },
};
