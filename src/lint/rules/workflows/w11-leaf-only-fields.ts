import { childPath } from '../../path';
import { describeTemplate, workflowRule } from './model';

/** W11: parallelism only on steps/dag templates; activeDeadlineSeconds not on steps/dag templates. */
export const W11_FIELD_PLACEMENT = workflowRule('W11',
  'parallelism only on steps/dag templates; activeDeadlineSeconds only on leaf templates',
  (model, ctx) => {
    for (const t of model.templates) {
      if (!t.type) continue;
      const composite = t.type === 'steps' || t.type === 'dag';
      if (t.template.parallelism !== undefined && !composite) {
        ctx.report(childPath(t.path, 'parallelism'), `${describeTemplate(t)} is a ${t.type} template, which cannot limit parallelism: `
          + 'Argo rejects the workflow ("parallelism is only valid for steps and dag templates"). '
          + 'Set parallelism on the steps/dag template that calls it, or on spec.parallelism.');
      }
      if (t.template.activeDeadlineSeconds !== undefined && composite) {
        ctx.report(childPath(t.path, 'activeDeadlineSeconds'), `${describeTemplate(t)} is a ${t.type} template: `
          + 'Argo rejects the workflow ("activeDeadlineSeconds is only valid for leaf templates"). '
          + 'Set activeDeadlineSeconds on the templates it runs, or use spec.activeDeadlineSeconds for the whole workflow.');
      }
    }
  });
