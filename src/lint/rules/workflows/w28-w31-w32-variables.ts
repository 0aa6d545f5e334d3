import { Rule } from '../../types';
import { templateReach } from './exit-handler-reach';
import { workflowRule } from './model';
import { variableFindings } from './variable-analysis';

function variableRule(id: 'W28' | 'W31' | 'W32', description: string): Rule {
  return workflowRule(id, description, (model, ctx) => {
    for (const f of variableFindings(model, ctx.index)) {
      if (f.ruleId !== id) continue;
      if (!f.exitHandlerOf) {
        ctx.report(f.path, f.message, f.severity);
        continue;
      }
      // {{workflow.failures}} in a WorkflowTemplate without onExit: fine where an exit handler runs the template.
      const template = f.exitHandlerOf;
      const name = template.name ?? '';
      const reach = templateReach(ctx.index);
      if (reach.fromExit.get(ctx.manifest)?.has(name)) continue;
      if (reach.fromRun.get(ctx.manifest)?.has(name)) {
        ctx.report(f.path, `template "${name}" reads {{workflow.failures}}, which is only set while an exit handler runs, but a workflow of the linted set `
          + 'runs it outside its exit handler: Argo rejects that workflow ("failed to resolve {{workflow.failures}}"). '
          + 'Call it only from a spec.onExit template, or remove the reference.');
      } else {
        ctx.report(f.path, `template "${name}" reads {{workflow.failures}}, which is only set while an exit handler runs, and no workflow of the linted set `
          + 'runs it from its spec.onExit, so this cannot be checked (argo lint rejects the template on its own). '
          + 'Make sure the workflows that call it do so from their exit handler.', 'warning');
      }
    }
  });
}

/** W28: a DAG task reading `{{tasks.X...}}` has X among its ancestors (depends/dependencies, transitively). */
export const W28_TASK_ANCESTORS = variableRule('W28', 'a task that reads {{tasks.X...}} must have X as an ancestor');

/** W31: `{{inputs.*}}`, `{{item.*}}`, `{{steps.*}}` and `{{tasks.*}}` outside DAG tasks resolve where they are used. */
export const W31_TEMPLATE_VARIABLES = variableRule('W31',
  '{{inputs.*}} needs a declared input; {{steps.X}} only earlier step groups; {{item.*}} only in loops');

/**
 * W32: `{{workflow.*}}` names a known variable: declared arguments (any in a WorkflowTemplate),
 * outputs with a globalName, `failures` only with an exit handler.
 */
export const W32_WORKFLOW_VARIABLES = variableRule('W32',
  '{{workflow.*}} variables: declared parameters, lifted outputs, failures only in exit handlers, no unknown keys');
