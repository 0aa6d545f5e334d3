import { childPath } from '../../path';
import { Rule } from '../../types';
import { isObject } from './support/json';
import { describeTrigger, triggersOf } from './support/sensor-model';

/** E9: a trigger with a dlqTrigger sets atLeastOnce, and so does the dlqTrigger. */
export const E9_DLQ_TRIGGER: Rule = {
  id: 'E9',
  description: 'dlqTrigger requires atLeastOnce: true on the trigger and on the dlqTrigger',
  kinds: ['Sensor'],
  check(ctx) {
    const reported = new Set<string>();
    const requireAtLeastOnce = (trigger: { readonly [key: string]: any }, path: string, message: string) => {
      const fieldPath = childPath(path, 'atLeastOnce');
      if (trigger.atLeastOnce === true || reported.has(fieldPath)) return;
      reported.add(fieldPath);
      ctx.report(fieldPath, message);
    };
    for (const at of triggersOf(ctx.manifest)) {
      const dlq = at.trigger.dlqTrigger;
      if (!isObject(dlq)) continue;
      requireAtLeastOnce(at.trigger, at.path, `${describeTrigger(at)} has a dlqTrigger but not atLeastOnce: true: the controller rejects the Sensor ("to use dlqTrigger, trigger.atLeastOnce must be set to true"). `
        + 'Set atLeastOnce: true so failures are known before the event is acknowledged.');
      requireAtLeastOnce(dlq, childPath(at.path, 'dlqTrigger'), 'the dlqTrigger does not set atLeastOnce: true: the controller rejects the Sensor ("atLeastOnce must be set to true within the dlqTrigger"). '
        + 'Set atLeastOnce: true on the dlqTrigger too.');
    }
  },
};
