import { childPath } from '../../path';
import { CallSite, describeCall, describeTemplate, isObject, workflowRule } from './model';

const RETRY_POLICIES = ['Always', 'OnFailure', 'OnError', 'OnTransientError'];
const POD_GC_STRATEGIES = ['OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'];

function set(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** W37: retryStrategy.retryPolicy is Always, OnFailure, OnError or OnTransientError. */
export const W37_RETRY_POLICY = workflowRule('W37',
  'retryStrategy.retryPolicy in Always|OnFailure|OnError|OnTransientError',
  (model, ctx) => {
    const check = (holder: any, path: string, owner: string) => {
      const policy = holder?.retryStrategy?.retryPolicy;
      if (!set(policy) || RETRY_POLICIES.includes(policy)) return;
      ctx.report(childPath(path, 'retryStrategy', 'retryPolicy'), `retryPolicy ${JSON.stringify(policy)} of ${owner} is not valid: `
        + `Argo rejects the workflow ("is not a valid RetryPolicy"). Use one of ${RETRY_POLICIES.join(', ')}.`);
    };
    check(model.site.spec, model.site.path, 'the workflow');
    for (const t of model.templates) check(t.template, t.path, describeTemplate(t));
  });

/** W38: podGC.strategy is OnPodCompletion, OnPodSuccess, OnWorkflowCompletion or OnWorkflowSuccess. */
export const W38_POD_GC = workflowRule('W38',
  'podGC.strategy in OnPodCompletion|OnPodSuccess|OnWorkflowCompletion|OnWorkflowSuccess',
  (model, ctx) => {
    const strategy = model.site.spec.podGC?.strategy;
    if (!set(strategy) || POD_GC_STRATEGIES.includes(strategy)) return;
    ctx.report(childPath(model.site.path, 'podGC', 'strategy'), `podGC.strategy ${JSON.stringify(strategy)} is unknown: Argo rejects the workflow `
      + `("podGC.strategy unknown strategy"). Use one of ${POD_GC_STRATEGIES.join(', ')}.`);
  });

/** W39: lifecycle hooks other than `exit` have an expression saying when they run. */
export const W39_HOOK_EXPRESSIONS = workflowRule('W39',
  'lifecycle hooks other than exit need an expression',
  (model, ctx) => {
    for (const call of model.calls) {
      if (call.kind !== 'hook' || call.hookName === 'exit' || (typeof call.call.expression === 'string' && call.call.expression !== '')) continue;
      ctx.report(call.path, `${describeCall(call)} of ${hookOwner(call)} has no expression: Argo rejects the workflow ("Expression required"); `
        + `only the "exit" hook runs without one. Add an expression such as "${call.hookOf ? `${call.hookOf.kind}s['${call.hookOf.call.name}'].status` : 'workflow.status'} == 'Running'", or name the hook "exit".`);
    }
  });

function hookOwner(call: CallSite): string {
  return call.hookOf ? describeCall(call.hookOf) : isObject(call.owner) ? describeTemplate(call.owner) : 'the workflow';
}
