import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { hasTemplateTag } from '../../util/template-variables';
import { CallSite, describeCall, isObject, str, workflowRule, WorkflowModel } from './model';
import { localBase, resolveTemplateRef } from './references';

function checkLocalName(ctx: RuleContext, model: WorkflowModel, base: WorkflowModel | undefined, name: string, path: string, who: string): void {
  if (!base || hasTemplateTag(name) || base.byName.has(name)) return;
  const where = base === model ? 'this spec' : `${base.site.kind} "${base.site.manifest.metadata?.name}"`;
  ctx.report(path, `${who} runs template "${name}", which ${where} does not define: Argo rejects the workflow `
    + `("template name '${name}' undefined"). Use one of: ${[...base.byName.keys()].join(', ') || '(none)'}, or add the template.`);
}

function checkCall(ctx: RuleContext, model: WorkflowModel, base: WorkflowModel | undefined, call: CallSite): void {
  const c = call.call;
  const who = describeCall(call);
  const set = [
    ...(str(c.template) ? ['template'] : []),
    ...(isObject(c.templateRef) ? ['templateRef'] : []),
    ...(isObject(c.inline) ? ['inline'] : []),
  ];
  const choices = call.kind === 'hook' ? 'template or templateRef' : 'template, templateRef or inline';
  if (set.length === 0) {
    ctx.report(call.path, `${who} names no template: Argo rejects the workflow. Set one of ${choices}.`);
  } else if (set.length > 1) {
    ctx.report(call.path, `${who} sets ${set.join(' and ')}: Argo rejects the workflow ("template name cannot be specified with templateRef"). Keep only one.`);
  }
  if (str(c.template)) checkLocalName(ctx, model, base, c.template, childPath(call.path, 'template'), who);
  if (str(c.onExit)) checkLocalName(ctx, model, base, c.onExit, childPath(call.path, 'onExit'), `the exit handler of ${who}`);
  if (isObject(c.templateRef)) checkTemplateRef(ctx, model, call, who);
}

function checkTemplateRef(ctx: RuleContext, model: WorkflowModel, call: CallSite, who: string): void {
  const refPath = childPath(call.path, 'templateRef');
  const r = resolveTemplateRef(ctx.index, model.site.manifest, call.call.templateRef);
  switch (r.status) {
    case 'incomplete':
      ctx.report(refPath, `the templateRef of ${who} has no ${r.missing.join(' and no ')}: Argo rejects the workflow. `
        + 'Set templateRef.name (the WorkflowTemplate) and templateRef.template (the template in it).');
      break;
    case 'missing-object':
      ctx.reportMissingReference(refPath, r.kind, r.name,
        `If it is missing at run time, Argo fails ${who}${r.kind === 'WorkflowTemplate' ? ' (set clusterScope: true to call a ClusterWorkflowTemplate)' : ''}`);
      break;
    case 'missing-template':
      ctx.report(childPath(refPath, 'template'), `${r.kind} "${r.name}" has no template "${r.template}": Argo rejects the workflow `
        + `("template reference ${r.name}.${r.template} not found"). Use one of: ${[...r.target.byName.keys()].join(', ') || '(none)'}.`);
      break;
    default:
  }
}

/**
 * W7: every step, task and hook names exactly one of template | templateRef | inline; local
 * template names (also onExit) exist; a templateRef has name and template and resolves in the
 * linted set (object missing: reportMissingReference; object present without that template: error).
 */
export const W7_TEMPLATE_REFERENCES = workflowRule('W7',
  'steps, tasks, hooks and onExit name exactly one existing template (template | templateRef | inline)',
  (model, ctx) => {
    const base = localBase(model, ctx.index);
    const onExit = str(model.site.spec.onExit);
    if (onExit) checkLocalName(ctx, model, base, onExit, childPath(model.site.path, 'onExit'), 'the exit handler (spec.onExit)');
    for (const call of model.calls) checkCall(ctx, model, base, call);
  });
