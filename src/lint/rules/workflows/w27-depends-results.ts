import { childPath } from '../../path';
import { str, tasksOf, workflowRule } from './model';
import { dagGraph, dependsRefs, isLooped } from './dag';

const RESULTS = ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed'];
const LOOP_RESULTS = ['AnySucceeded', 'AllFailed'];

/** W27: `depends` results are Argo's task results; AnySucceeded/AllFailed only on looped tasks. */
export const W27_DEPENDS_RESULTS = workflowRule('W27',
  'depends results: Succeeded, Failed, Errored, Skipped, Omitted, Daemoned, AnySucceeded, AllFailed (the last two only on looped tasks)',
  (model, ctx) => {
    for (const t of model.templates) {
      if (t.type !== 'dag') continue;
      const tasks = tasksOf(t);
      const graph = dagGraph(tasks);
      for (const task of tasks) {
        const depends = str(task.call.depends);
        if (!depends) continue;
        const path = childPath(task.path, 'depends');
        for (const ref of dependsRefs(depends)) {
          if (!ref.result) continue;
          if (!RESULTS.includes(ref.result)) {
            ctx.report(path, `"${ref.task}.${ref.result}" is not a task result: Argo rejects the workflow ("task result '${ref.result}' for task '${ref.task}' is invalid"). `
              + `Use one of ${RESULTS.join(', ')}.`);
          } else if (LOOP_RESULTS.includes(ref.result)) {
            const target = graph.byName.get(ref.task);
            if (target && !isLooped(target.call)) {
              ctx.report(path, `"${ref.task}.${ref.result}" applies to looped tasks, but task "${ref.task}" has no withItems, withParam or withSequence: `
                + `Argo rejects the workflow. Use ${ref.result === 'AnySucceeded' ? 'Succeeded' : 'Failed'} instead.`);
            }
          }
        }
      }
    }
  });
