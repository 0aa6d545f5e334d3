import { childPath } from '../../path';
import { parseGoDuration } from '../../util/duration';
import { hasTemplateTag } from '../../util/template-variables';
import { describeTemplate, isLeaf, workflowRule } from './model';

/** W13: timeout and pendingTimeout only on leaf templates, as a duration string ("30s"), never a bare number. */
export const W13_TIMEOUTS = workflowRule('W13',
  'timeout/pendingTimeout only on leaf templates, a duration string such as "30s"',
  (model, ctx) => {
    for (const t of model.templates) {
      for (const field of ['timeout', 'pendingTimeout'] as const) {
        const value = t.template[field];
        if (value === undefined || value === null || value === '') continue;
        const path = childPath(t.path, field);
        if (t.type && !isLeaf(t)) {
          ctx.report(path, `${describeTemplate(t)} is a ${t.type} template, which does not support ${field}: Argo rejects the workflow `
            + `("${t.type} template doesn't support timeout field"). Set ${field} on the templates it runs`
            + (t.type === 'suspend' ? ', or use suspend.duration.' : ', or activeDeadlineSeconds on the workflow.'));
          continue;
        }
        if (typeof value === 'string' && hasTemplateTag(value)) continue;
        if (typeof value === 'number' || /^[+-]?\d+$/.test(String(value))) {
          ctx.report(path, `${field} ${JSON.stringify(value)} is a bare number: Argo rejects the workflow ("invalid duration format in timeout"). `
            + `Write a duration with a unit, e.g. "${value}s".`);
          continue;
        }
        const parsed = parseGoDuration(String(value));
        if (!parsed.ok) {
          ctx.report(path, `${field} ${JSON.stringify(value)} is not a duration (${parsed.reason}): Argo fails the node when it applies the timeout. `
            + 'Use Go duration syntax such as "30s", "10m" or "1h30m".');
        }
      }
    }
  });
