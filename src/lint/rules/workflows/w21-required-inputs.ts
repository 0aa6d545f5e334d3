import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { asArray, describeCall, describeTemplate, isObject, str, TemplateSite, workflowRule } from './model';
import { calledTemplate, localBase, resolveWorkflowTemplateRef } from './references';

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Input parameters of a template that have no value, default or valueFrom: the caller must pass them. */
function requiredInputs(t: TemplateSite): string[] {
  return asArray(t.template.inputs?.parameters)
    .filter(p => isObject(p) && typeof p.name === 'string' && !present(p.value) && !present(p.default) && !present(p.valueFrom))
    .map(p => p.name);
}

function passedNames(args: any): Set<string> {
  return new Set(asArray(args?.parameters).map(p => p?.name).filter((n): n is string => typeof n === 'string'));
}

function checkSupplied(ctx: RuleContext, t: TemplateSite, passed: Set<string>, path: string, caller: string, fix: string): void {
  for (const name of requiredInputs(t)) {
    if (passed.has(name)) continue;
    ctx.report(path, `${caller} runs ${describeTemplate(t)} without its input parameter "${name}", which has no value or default: `
      + `Argo rejects the workflow ("inputs.parameters.${name} was not supplied"). ${fix}`);
  }
}

/**
 * W21: an input parameter without value/default/valueFrom is supplied by whoever runs the
 * template: the step/task/hook arguments, the workflow arguments for the entrypoint and onExit of
 * a Workflow or CronWorkflow, and the Workflow for arguments its WorkflowTemplate leaves empty.
 */
export const W21_REQUIRED_INPUTS = workflowRule('W21',
  'an input parameter without value/default must be supplied by whoever calls the template',
  (model, ctx) => {
    const { spec, path, isTemplateKind } = model.site;
    for (const call of model.calls) {
      const called = calledTemplate(model, ctx.index, call);
      if (!called) continue;
      checkSupplied(ctx, called.template, passedNames(call.call.arguments), call.path, describeCall(call),
        `Pass it under ${describeCall(call)}'s arguments.parameters or give the input a default.`);
    }
    const base = localBase(model, ctx.index);
    let workflowArgs = passedNames(spec.arguments);
    if (!isTemplateKind && isObject(spec.workflowTemplateRef)) {
      const ref = resolveWorkflowTemplateRef(ctx.index, ctx.manifest, spec.workflowTemplateRef);
      if (ref.status !== 'ok') return;
      asArray(ref.target.site.spec.arguments?.parameters).forEach(p => {
        if (!isObject(p) || typeof p.name !== 'string' || workflowArgs.has(p.name)) return;
        if (present(p.value) || present(p.valueFrom)) return;
        ctx.report(childPath(path, 'arguments'), `${ref.kind} "${ref.name}" declares workflow parameter "${p.name}" without a value and this workflow `
          + `does not pass it: Argo rejects the workflow ("spec.arguments.${p.name}.value or valueFrom is required"). Add it to spec.arguments.parameters.`);
      });
      workflowArgs = new Set([...workflowArgs, ...passedNames(ref.target.site.spec.arguments)]);
    }
    if (!base) return;
    const fix = 'Add it to spec.arguments.parameters or give the input a default.';
    const entrypoint = str(spec.entrypoint) ?? (base !== model ? str(base.site.spec.entrypoint) : undefined);
    const entry = entrypoint ? base.byName.get(entrypoint) : undefined;
    if (entry && !isTemplateKind) checkSupplied(ctx, entry, workflowArgs, childPath(path, 'arguments'), 'the workflow (entrypoint)', fix);
    const onExit = str(spec.onExit);
    const exit = onExit ? base.byName.get(onExit) : undefined;
    if (exit) checkSupplied(ctx, exit, workflowArgs, childPath(path, 'onExit'), 'the exit handler', fix);
  });
