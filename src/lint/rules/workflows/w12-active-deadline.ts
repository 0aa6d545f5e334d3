import { childPath } from '../../path';
import { describeTemplate, workflowRule } from './model';

const ARGO_VARIABLE = /^\{\{[\s\S]+\}\}$/;

/** W12: activeDeadlineSeconds is an integer >= 0 or an Argo variable. */
export const W12_ACTIVE_DEADLINE = workflowRule('W12',
  'activeDeadlineSeconds is an integer >= 0 or an Argo variable',
  (model, ctx) => {
    for (const t of model.templates) {
      const value = t.template.activeDeadlineSeconds;
      if (value === undefined || value === null || t.type === 'steps' || t.type === 'dag') continue; // placement: W11
      const asNumber = typeof value === 'number' ? value : typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
      if (asNumber !== undefined ? Number.isInteger(asNumber) && asNumber >= 0 : typeof value === 'string' && ARGO_VARIABLE.test(value)) continue;
      ctx.report(childPath(t.path, 'activeDeadlineSeconds'), `activeDeadlineSeconds of ${describeTemplate(t)} is ${JSON.stringify(value)}: `
        + 'Argo rejects the workflow ("activeDeadlineSeconds must be a positive integer > 0 or an argo variable"). '
        + 'Use a whole number of seconds such as 300, or a {{...}} variable.');
    }
  });
