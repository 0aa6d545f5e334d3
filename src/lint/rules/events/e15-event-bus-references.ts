import { fieldPath } from '../../path';
import { Rule } from '../../types';
import { DEFAULT_EVENT_BUS, eventBusNameOf } from './support/event-sources';

/**
 * E15 (cross-object): when the linted set defines EventBus objects, the bus a Sensor or
 * EventSource uses (spec.eventBusName, `default` when unset) is one of them.
 */
export const E15_EVENT_BUS_REFERENCES: Rule = {
  id: 'E15',
  description: 'The EventBus a Sensor or EventSource uses exists in the linted set (when the set has EventBus objects)',
  kinds: ['Sensor', 'EventSource'],
  check(ctx) {
    if (ctx.index.ofKind('EventBus').length === 0) return;
    const name = eventBusNameOf(ctx.manifest);
    if (ctx.index.find('EventBus', name, ctx.manifest.metadata?.namespace)) return;
    const defaulted = name === DEFAULT_EVENT_BUS && ctx.manifest.spec?.eventBusName === undefined ? ' (the default when spec.eventBusName is unset)' : '';
    const known = ctx.index.ofKind('EventBus').map(bus => `"${bus.metadata?.name}"`).join(', ');
    ctx.reportMissingReference(fieldPath('spec', 'eventBusName'), 'EventBus', name,
      `The ${ctx.manifest.kind} uses bus "${name}"${defaulted}; without it the controller does not deploy it. The set defines ${known}: set spec.eventBusName to one of them or add the bus.`);
  },
};
