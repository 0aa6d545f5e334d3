import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { hasTemplateTag, replaceTemplateTags } from '../../util/template-variables';
import { asArray, isObject, workflowRule } from './model';

const PARAM_NAME = /^[-a-zA-Z0-9_]+$/;
const RULE_TEXT = 'may only contain letters, digits, \'-\' and \'_\'';

/**
 * `substituted`: Argo checks these names after substituting the template's variables (outputs are
 * validated on the processed template), so `{{...}}` parts are read as a plain word.
 */
function checkList(ctx: RuleContext, holder: any, base: string, field: 'parameters' | 'artifacts', what: string, substituted = false): void {
  const seen = new Map<string, string>();
  asArray(holder?.[field]).forEach((entry, i) => {
    const path = childPath(base, field, i);
    const name = entry?.name;
    const checked = substituted && typeof name === 'string' ? replaceTemplateTags(name, 'x') : name;
    if (typeof name !== 'string' || name === '') {
      ctx.report(childPath(path, 'name'), `the ${what} has no name: Argo rejects the workflow ("name is required"). Name it.`);
    } else if (!PARAM_NAME.test(checked)) {
      ctx.report(childPath(path, 'name'), `${what} name "${name}" ${RULE_TEXT}: Argo rejects the workflow. Rename it, e.g. "${name.replace(/[^-a-zA-Z0-9_]+/g, '-')}".`);
    } else if (seen.has(name)) {
      ctx.report(childPath(path, 'name'), `${what} name "${name}" is already used at ${seen.get(name)}: Argo rejects the workflow because names must be unique in a list. Rename or remove one.`);
    } else {
      seen.set(name, childPath(path, 'name'));
    }
    const globalName = entry?.globalName;
    if (typeof globalName === 'string' && !hasTemplateTag(globalName) && !PARAM_NAME.test(globalName)) {
      ctx.report(childPath(path, 'globalName'), `globalName "${globalName}" ${RULE_TEXT}: Argo rejects the workflow. Rename it.`);
    }
  });
}

function checkArguments(ctx: RuleContext, holder: any, path: string, where: string, substituted = false): void {
  if (!isObject(holder)) return;
  checkList(ctx, holder, path, 'parameters', `${where} parameter`, substituted);
  checkList(ctx, holder, path, 'artifacts', `${where} artifact`, substituted);
}

/** W4: parameter and artifact names (and globalName) match ^[-a-zA-Z0-9_]+$ and are unique per list. */
export const W4_PARAMETER_NAMES = workflowRule('W4',
  'parameter and artifact names and globalName: ^[-a-zA-Z0-9_]+$, unique per list',
  (model, ctx) => {
    checkArguments(ctx, model.site.spec.arguments, childPath(model.site.path, 'arguments'), 'argument');
    for (const t of model.templates) {
      checkArguments(ctx, t.template.inputs, childPath(t.path, 'inputs'), 'input');
      checkArguments(ctx, t.template.outputs, childPath(t.path, 'outputs'), 'output', true);
    }
    for (const c of model.calls) checkArguments(ctx, c.call.arguments, childPath(c.path, 'arguments'), 'argument');
  });
