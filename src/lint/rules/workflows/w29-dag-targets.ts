import { childPath } from '../../path';
import { hasTemplateTag } from '../../util/template-variables';
import { describeTemplate, str, tasksOf, workflowRule } from './model';

/** W29: the names in a DAG's `target` are tasks of that DAG. */
export const W29_DAG_TARGETS = workflowRule('W29',
  'DAG target names must exist',
  (model, ctx) => {
    for (const t of model.templates) {
      const target = t.type === 'dag' ? str(t.template.dag.target) : undefined;
      if (!target) continue;
      const names = new Set(tasksOf(t).map(task => task.call.name));
      for (const name of target.split(' ')) {
        if (name === '' || hasTemplateTag(name) || names.has(name)) continue;
        ctx.report(childPath(t.path, 'dag', 'target'), `target "${name}" is not a task of ${describeTemplate(t)}: Argo rejects the workflow `
          + `("target '${name}' is not defined"). Use space-separated task names: ${[...names].join(', ')}.`);
      }
    }
  });
