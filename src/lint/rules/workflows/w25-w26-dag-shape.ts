import { childPath } from '../../path';
import { describeTemplate, str, tasksOf, workflowRule } from './model';

/** W25: a DAG template has at least one task. */
export const W25_DAG_NOT_EMPTY = workflowRule('W25',
  'a DAG needs at least one task',
  (model, ctx) => {
    for (const t of model.templates) {
      if (t.type !== 'dag' || tasksOf(t).length) continue;
      ctx.report(childPath(t.path, 'dag', 'tasks'), `${describeTemplate(t)} is a DAG without tasks: Argo rejects the workflow `
        + '("must have at least one task"). Add a task or remove the template.');
    }
  });

/**
 * W26: one DAG uses either `depends` or `dependencies`; no `continueOn` once `depends` is used
 * (write `a.Failed`/`a.Errored` instead); task names do not start with a digit when either is used.
 */
export const W26_DAG_DEPENDENCY_STYLE = workflowRule('W26',
  'no mixing depends and dependencies; no continueOn with depends; no task names starting with a digit',
  (model, ctx) => {
    for (const t of model.templates) {
      if (t.type !== 'dag') continue;
      const tasks = tasksOf(t);
      const usingDepends = tasks.some(task => str(task.call.depends));
      for (const task of tasks) {
        const name = str(task.call.name) ?? '';
        const hasDependencies = Array.isArray(task.call.dependencies) && task.call.dependencies.length > 0;
        if (usingDepends && hasDependencies) {
          ctx.report(childPath(task.path, 'dependencies'), `task "${name}" uses dependencies while other tasks of ${describeTemplate(t)} use depends: `
            + 'Argo rejects the workflow ("cannot use both \'depends\' and \'dependencies\' in the same DAG template"). '
            + `Write it as depends: "${task.call.dependencies.join(' && ')}".`);
        }
        if (usingDepends && task.call.continueOn !== undefined && task.call.continueOn !== null) {
          ctx.report(childPath(task.path, 'continueOn'), `task "${name}" sets continueOn in a DAG that uses depends: Argo rejects the workflow. `
            + `Remove continueOn and let the dependent tasks accept its failure, e.g. depends: "${name}.Succeeded || ${name}.Failed".`);
        }
        if ((usingDepends || hasDependencies) && /^[0-9]/.test(name)) {
          ctx.report(childPath(task.path, 'name'), `task name "${name}" starts with a digit in a DAG that uses depends/dependencies: `
            + 'Argo rejects the workflow because such names cannot be parsed in dependency expressions. Rename it, e.g. '
            + `"task-${name}".`);
        }
      }
    }
  });
