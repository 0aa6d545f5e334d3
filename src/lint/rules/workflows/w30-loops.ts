import { childPath } from '../../path';
import { describeCall, isObject, workflowRule } from './model';

/** W30: a step/task loops over at most one of withItems | withParam | withSequence; withSequence has count or end, not both. */
export const W30_LOOPS = workflowRule('W30',
  'one of withItems | withParam | withSequence; withSequence has count or end, not both',
  (model, ctx) => {
    for (const call of model.calls) {
      if (call.kind === 'hook') continue;
      const c = call.call;
      const used = [
        ...(Array.isArray(c.withItems) && c.withItems.length ? ['withItems'] : []),
        ...(typeof c.withParam === 'string' && c.withParam !== '' ? ['withParam'] : []),
        ...(c.withSequence !== undefined && c.withSequence !== null ? ['withSequence'] : []),
      ];
      if (used.length > 1) {
        ctx.report(call.path, `${describeCall(call)} sets ${used.join(' and ')}: Argo rejects the workflow `
          + '("only one of withItems, withParam, withSequence can be specified"). Keep one loop source.');
      }
      const seq = c.withSequence;
      if (!isObject(seq)) continue;
      const hasCount = seq.count !== undefined && seq.count !== null;
      const hasEnd = seq.end !== undefined && seq.end !== null;
      if (hasCount && hasEnd) {
        ctx.report(childPath(call.path, 'withSequence'), `the withSequence of ${describeCall(call)} sets both count and end: Argo rejects the workflow `
          + '("only one of count or end can be defined in withSequence"). Keep one (start/end for a range, count for a number of items).');
      } else if (!hasCount && !hasEnd) {
        ctx.report(childPath(call.path, 'withSequence'), `the withSequence of ${describeCall(call)} has neither count nor end: `
          + 'Argo fails the step when it expands the loop. Set count, or start and end.');
      }
    }
  });
