import { Rule } from '../../types';
import { sourceKindsOf } from './support/event-sources';

/**
 * Source kinds whose deployment uses the Recreate strategy (v1alpha1.RecreateStrategyEventSources);
 * every other kind (webhook, git hosts, sns, sqs, slack, ...) is rolled out with RollingUpdate.
 */
const RECREATE_KINDS = new Set([
  'amqp', 'calendar', 'kafka', 'pubSub', 'azureEventsHub', 'azureServiceBus', 'nats', 'mqtt', 'minio',
  'emitter', 'nsq', 'pulsar', 'redis', 'redisStream', 'resource', 'hdfs', 'file', 'sftp', 'generic',
]);

/** E12: one EventSource does not mix rolling-update and recreate source kinds. */
export const E12_UPDATE_STRATEGY: Rule = {
  id: 'E12',
  description: 'An EventSource does not mix rolling-update sources (webhook, git hosts...) with recreate sources (calendar, kafka...)',
  kinds: ['EventSource'],
  check(ctx) {
    const kinds = sourceKindsOf(ctx.manifest).filter(k => Object.keys(k.events).length > 0).map(k => k.kind);
    const recreate = kinds.filter(kind => RECREATE_KINDS.has(kind));
    const rolling = kinds.filter(kind => !RECREATE_KINDS.has(kind));
    if (recreate.length === 0 || rolling.length === 0) return;
    ctx.report('spec', `rolling-update sources (${rolling.join(', ')}) and recreate sources (${recreate.join(', ')}) in one EventSource: `
      + 'the controller rejects it ("event sources with rolling update and recreate update strategy can not be put together"). '
      + 'Split them into two EventSources (sensors reference each by its own name).');
  },
};
