import { describeTemplate, TEMPLATE_TYPES, workflowRule } from './model';

/** W9: a template sets exactly one type: container, containerSet, steps, script, resource, dag, suspend, data, http or plugin. */
export const W9_TEMPLATE_TYPE = workflowRule('W9',
  'exactly one template type per template',
  (model, ctx) => {
    for (const t of model.templates) {
      if (t.types.length === 1) continue;
      const what = describeTemplate(t);
      ctx.report(t.path, t.types.length === 0
        ? `${what} has no type: Argo rejects the workflow ("template type unspecified"). Add one of ${TEMPLATE_TYPES.join(', ')}.`
        : `${what} sets several types (${t.types.join(', ')}): Argo rejects the workflow ("multiple template types specified"). `
          + 'Split it into one template per type and call them from steps or a dag.');
    }
  });
