import { childPath } from '../../path';
import { asArray, describeTemplate, str, tasksOf, workflowRule } from './model';
import { dagGraph, dependsRefs } from './dag';
import { findCycle } from './graph';

/** W24: DAG task names are unique, dependencies (depends or dependencies) name tasks of the DAG, and there is no cycle. */
export const W24_DAG_DEPENDENCIES = workflowRule('W24',
  'DAG dependencies exist, have no cycles, and task names are unique',
  (model, ctx) => {
    for (const t of model.templates) {
      if (t.type !== 'dag') continue;
      const tasks = tasksOf(t);
      const graph = dagGraph(tasks);
      const firstPath = new Map<string, string>();
      for (const task of tasks) {
        const name = str(task.call.name);
        if (!name) continue;
        if (firstPath.has(name)) {
          ctx.report(childPath(task.path, 'name'), `task name "${name}" is already used at ${firstPath.get(name)}: `
            + 'Argo rejects the workflow because task names must be unique in a DAG. Rename one of them.');
        } else {
          firstPath.set(name, childPath(task.path, 'name'));
        }
        const known = () => [...graph.byName.keys()].filter(n => n !== name).join(', ') || '(none)';
        const depends = str(task.call.depends);
        if (depends) {
          for (const ref of dependsRefs(depends)) {
            if (graph.byName.has(ref.task)) continue;
            ctx.report(childPath(task.path, 'depends'), `task "${name}" depends on "${ref.task}", which is not a task of this DAG: `
              + `Argo rejects the workflow ("dependency '${ref.task}' not defined"). Use one of: ${known()}.`);
          }
        } else {
          asArray(task.call.dependencies).forEach((dep, j) => {
            if (typeof dep === 'string' && graph.byName.has(dep)) return;
            ctx.report(childPath(task.path, 'dependencies', j), `task "${name}" depends on "${dep}", which is not a task of this DAG: `
              + `Argo rejects the workflow ("dependency '${dep}' not defined"). Use one of: ${known()}.`);
          });
        }
      }
      const cycle = findCycle(graph.dependencies);
      if (cycle) {
        ctx.report(childPath(t.path, 'dag', 'tasks'), `the tasks of ${describeTemplate(t)} depend on each other in a cycle (${cycle.join(' -> ')}): `
          + 'Argo rejects the workflow ("dependency cycle detected"). Remove one of these dependencies.');
      }
    }
  });
