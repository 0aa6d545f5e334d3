import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { hasTemplateTag, replaceTemplateTags } from '../../util/template-variables';
import { isObject, workflowRule } from './model';

const PARAM_NAME = /^[-a-zA-Z0-9_]+$/;
const RULE_TEXT = 'may only contain letters, digits, \'-\' and \'_\'';

/**
 * `substituted`: Argo checks these names after substituting the template's variables (outputs are
 * validated on the processed template), so `{{...}}` parts are read as a plain word. Paths are
 * made for findings only: most lists are fine.
 */
function checkList(ctx: RuleContext, list: unknown, holderPath: string, holder: string, field: 'parameters' | 'artifacts', what: string, substituted: boolean): void {
  if (!Array.isArray(list)) return;
  const at = (i: number, key: string) => childPath(holderPath, holder, field, i, key);
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const name = entry?.name;
    const checked = substituted && typeof name === 'string' ? replaceTemplateTags(name, 'x') : name;
    if (typeof name !== 'string' || name === '') {
      ctx.report(at(i, 'name'), `the ${what} has no name: Argo rejects the workflow ("name is required"). Name it.`);
    } else if (!PARAM_NAME.test(checked)) {
      ctx.report(at(i, 'name'), `${what} name "${name}" ${RULE_TEXT}: Argo rejects the workflow. Rename it, e.g. "${name.replace(/[^-a-zA-Z0-9_]+/g, '-')}".`);
    } else if (seen.has(name)) {
      ctx.report(at(i, 'name'), `${what} name "${name}" is already used at ${at(seen.get(name)!, 'name')}: Argo rejects the workflow because names must be unique in a list. Rename or remove one.`);
    } else {
      seen.set(name, i);
    }
    const globalName = entry?.globalName;
    if (typeof globalName === 'string' && !hasTemplateTag(globalName) && !PARAM_NAME.test(globalName)) {
      ctx.report(at(i, 'globalName'), `globalName "${globalName}" ${RULE_TEXT}: Argo rejects the workflow. Rename it.`);
    }
  });
}

/** The parameter and artifact lists of `holder`, the `field` (arguments, inputs, outputs) at `parentPath`. */
function checkArguments(ctx: RuleContext, holder: unknown, parentPath: string, field: string, where: string, substituted = false): void {
  if (!isObject(holder)) return;
  checkList(ctx, holder.parameters, parentPath, field, 'parameters', `${where} parameter`, substituted);
  checkList(ctx, holder.artifacts, parentPath, field, 'artifacts', `${where} artifact`, substituted);
}

/** W4: parameter and artifact names (and globalName) match ^[-a-zA-Z0-9_]+$ and are unique per list. */
export const W4_PARAMETER_NAMES = workflowRule('W4',
  'parameter and artifact names and globalName: ^[-a-zA-Z0-9_]+$, unique per list',
  (model, ctx) => {
    checkArguments(ctx, model.site.spec.arguments, model.site.path, 'arguments', 'argument');
    for (const t of model.templates) {
      checkArguments(ctx, t.template.inputs, t.path, 'inputs', 'input');
      checkArguments(ctx, t.template.outputs, t.path, 'outputs', 'output', true);
    }
    for (const c of model.calls) checkArguments(ctx, c.call.arguments, c.path, 'arguments', 'argument');
  });
