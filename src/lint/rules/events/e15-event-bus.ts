import { childPath } from '../../path';
import { Rule } from '../../types';
import { isBlank, isObject } from './support/json';

const BUS_KINDS = ['nats', 'jetstream', 'jetstreamExotic', 'kafka'];
const REJECTED = 'the controller rejects the EventBus and no Sensor or EventSource on it can run';

/**
 * E15: an EventBus sets exactly one of nats | jetstream | jetstreamExotic | kafka; jetstream
 * has a version and 1 or >= 3 replicas; nats is native or exotic; kafka and
 * jetstreamExotic have a url.
 */
export const E15_EVENT_BUS: Rule = {
  id: 'E15',
  description: 'An EventBus sets exactly one of nats|jetstream|jetstreamExotic|kafka; jetstream has a version and 1 or >= 3 replicas',
  kinds: ['EventBus'],
  check(ctx) {
    const spec = ctx.manifest.spec;
    const kinds = BUS_KINDS.filter(kind => isObject(spec?.[kind]));
    if (kinds.length === 0) {
      ctx.report('spec', `the EventBus sets none of ${BUS_KINDS.join(', ')}: ${REJECTED}. Add one, e.g. jetstream: { version: latest }.`);
      return;
    }
    if (kinds.length > 1) {
      ctx.report(childPath('spec', kinds[1]), `the EventBus sets ${kinds.join(' and ')}: Argo uses only one of them and silently ignores the others, so the bus that runs may not be the one you configured. Keep one.`);
    }
    const { nats, jetstream, jetstreamExotic, kafka } = spec;
    if (isObject(jetstream)) {
      if (isBlank(jetstream.version)) {
        ctx.report(childPath('spec', 'jetstream', 'version'), `jetstream has no version: ${REJECTED} ("a version for jetstream needs to be specified"). Set version, e.g. latest or 2.10.10.`);
      }
      const replicas = jetstream.replicas;
      if (typeof replicas === 'number' && (replicas === 2 || replicas <= 0)) {
        ctx.report(childPath('spec', 'jetstream', 'replicas'), `jetstream replicas ${replicas}: ${REJECTED} ("requires 1 replica or >= 3 replicas"). Use 1 or at least 3 (the default is 3).`);
      }
    }
    if (isObject(nats)) {
      const modes = ['native', 'exotic'].filter(mode => isObject(nats[mode]));
      if (modes.length !== 1) {
        ctx.report(childPath('spec', 'nats'), `nats must set exactly one of native and exotic (it sets ${modes.length ? modes.join(' and ') : 'neither'}): ${REJECTED}. Use native: {} for a bus installed by Argo Events.`);
      } else if (modes[0] === 'exotic') {
        for (const field of ['clusterID', 'url']) {
          if (isBlank(nats.exotic[field])) ctx.report(childPath('spec', 'nats', 'exotic', field), `nats exotic has no ${field}: ${REJECTED} ("spec.nats.exotic.${field}" is missing). Set it.`);
        }
      }
    }
    for (const [name, bus] of [['kafka', kafka], ['jetstreamExotic', jetstreamExotic]] as const) {
      if (isObject(bus) && isBlank(bus.url)) ctx.report(childPath('spec', name, 'url'), `${name} has no url: ${REJECTED} ("spec.${name}.url" is missing). Set the server URL.`);
    }
  },
};
