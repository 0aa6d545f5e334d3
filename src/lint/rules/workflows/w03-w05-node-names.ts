import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { replaceTemplateTags } from '../../util/template-variables';
import { asArray, isObject, stepsOf, tasksOf, workflowRule, WorkflowModel } from './model';

const FIELD_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
const MAX_LENGTH = 128;

/** Why a template/step/task/container name is invalid for Argo, or undefined when it is fine. */
export function fieldNameProblem(name: string): string | undefined {
  if (name.length > MAX_LENGTH) return `is ${name.length} characters long (at most ${MAX_LENGTH})`;
  if (!FIELD_NAME.test(name)) return 'may only contain letters, digits and \'-\', and must start with a letter or digit';
  return undefined;
}

function suggestion(name: string): string {
  const fixed = name.replace(/[^-a-zA-Z0-9]+/g, '-').replace(/^-+/, '').slice(0, MAX_LENGTH);
  return fixed && fixed !== name ? `, e.g. "${fixed}"` : '';
}

interface NamedEntry { readonly value: unknown; readonly path: string }

/**
 * Checks one list of names: present, valid and (unless checkUnique is false) unique. Names holding `{{...}}` (steps and tasks
 * only) are checked with each variable replaced by `x`, and reported under W5.
 */
function checkNames(ctx: RuleContext, what: string, entries: NamedEntry[], ruleId: 'W3' | 'W5', allowVariables: boolean, checkUnique = true): void {
  const seen = new Map<string, string>();
  for (const { value, path } of entries) {
    const namePath = childPath(path, 'name');
    const hasVariable = allowVariables && typeof value === 'string' && value.includes('{{');
    if ((ruleId === 'W5') !== hasVariable) continue;
    if (typeof value !== 'string' || value === '') {
      ctx.report(namePath, `the ${what} has no name: Argo rejects the workflow ("name is required"). Give it a unique name.`);
      continue;
    }
    const checked = hasVariable ? replaceTemplateTags(value, 'x') : value;
    const problem = fieldNameProblem(checked);
    if (problem) {
      ctx.report(namePath, hasVariable
        ? `${what} name "${value}" (with each {{...}} read as "x") ${problem}: Argo rejects the workflow. Rename it${suggestion(checked)}.`
        : `${what} name "${value}" ${problem}: Argo rejects the workflow. Rename it${suggestion(value)}.`);
    } else if (checkUnique && !hasVariable && seen.has(value)) {
      ctx.report(namePath, `${what} name "${value}" is already used at ${seen.get(value)}: Argo rejects the workflow because names must be unique. Rename one of them.`);
    }
    if (!seen.has(checked)) seen.set(checked, namePath);
  }
}

function checkAllNames(ruleId: 'W3' | 'W5') {
  return (model: WorkflowModel, ctx: RuleContext) => {
    if (ruleId === 'W3') checkNames(ctx, 'template', model.topLevel.map(t => ({ value: t.template.name, path: t.path })), ruleId, false);
    for (const t of model.templates) {
      const steps = stepsOf(t);
      if (steps.length) checkNames(ctx, 'step', steps.map(s => ({ value: s.call.name, path: s.path })), ruleId, true);
      const tasks = tasksOf(t);
      // Duplicate task names are reported by W24 with the rest of the DAG structure.
      if (tasks.length) checkNames(ctx, 'task', tasks.map(s => ({ value: s.call.name, path: s.path })), ruleId, true, false);
      if (ruleId === 'W3' && isObject(t.template.containerSet)) {
        const containers = asArray(t.template.containerSet.containers)
          .map((c, i) => ({ value: c?.name, path: childPath(t.path, 'containerSet', 'containers', i) }));
        checkNames(ctx, 'containerSet container', containers, ruleId, false);
      }
    }
  };
}

/** W3: template, step, DAG task and containerSet container names are present, valid and unique in their list. */
export const W3_NODE_NAMES = workflowRule('W3',
  'template, step, task and containerSet container names: ^[a-zA-Z0-9][-a-zA-Z0-9]*$, at most 128 characters, unique', checkAllNames('W3'));

/** W5: step and task names holding `{{...}}` must still be valid names with each variable read as `x`. */
export const W5_VARIABLE_NODE_NAMES = workflowRule('W5',
  'step/task names with {{...}} are valid once each variable is replaced by x', checkAllNames('W5'));
