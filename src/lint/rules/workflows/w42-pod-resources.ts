import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { asArray, describeTemplate, isObject, workflowRule } from './model';

/** Template types that create a pod of their own (Template.IsPodType). */
const POD_TYPES = new Set(['container', 'containerSet', 'script', 'resource', 'data']);

/** validate.go validatePodResources: Kubernetes allows only cpu, memory and hugepages-* at pod level, and no claims. */
function checkPodResources(ctx: RuleContext, resources: unknown, path: string, where: string): void {
  if (!isObject(resources)) return;
  if (asArray(resources.claims).length) {
    ctx.report(childPath(path, 'claims'), `${where} sets podResources.claims: Argo rejects the workflow ("claims is not supported for pod-level resources"). `
      + 'Request a claim in the container\'s resources.claims and declare it under resourceClaims.');
  }
  for (const list of ['limits', 'requests'] as const) {
    if (!isObject(resources[list])) continue;
    for (const name of Object.keys(resources[list])) {
      if (name === 'cpu' || name === 'memory' || name.startsWith('hugepages-')) continue;
      ctx.report(childPath(path, list, name), `"${name}" is not a pod-level resource: Argo rejects the workflow `
        + `("${name}" is not a valid pod-level resource, only cpu, memory and hugepages-* are supported), and Kubernetes would refuse the pod. `
        + 'Set it in the container\'s resources instead.');
    }
  }
}

/**
 * W42: pod-level resources (spec.podResources, a template's podResources) name only cpu, memory
 * and hugepages-* and no claims, and are not set on http or plugin templates (which run on the
 * shared agent pod); resourceClaims only on templates that create a pod.
 */
export const W42_POD_RESOURCES = workflowRule('W42',
  'podResources: only cpu, memory, hugepages-*, no claims, not on http/plugin templates; resourceClaims only on templates that create a pod',
  (model, ctx) => {
    checkPodResources(ctx, model.site.spec.podResources, childPath(model.site.path, 'podResources'), 'the workflow');
    for (const t of model.templates) {
      if (!t.type) continue; // W9
      const what = describeTemplate(t);
      if (isObject(t.template.podResources)) {
        const path = childPath(t.path, 'podResources');
        if (t.type === 'http' || t.type === 'plugin') {
          ctx.report(path, `${what} is a${t.type === 'http' ? 'n HTTP' : ' plugin'} template, which runs on the shared agent pod: Argo rejects the workflow `
            + `("podResources is not supported for ${t.type === 'http' ? 'HTTP' : 'Plugin'} templates"). Remove podResources.`);
        } else {
          checkPodResources(ctx, t.template.podResources, path, what);
        }
      }
      if (asArray(t.template.resourceClaims).length && !POD_TYPES.has(t.type)) {
        const kind = { steps: 'Steps', dag: 'DAG', suspend: 'Suspend', http: 'HTTP', plugin: 'Plugin' }[t.type as string] ?? t.type;
        ctx.report(childPath(t.path, 'resourceClaims'), `${what} is a ${t.type} template, which creates no pod to attach claims to: Argo rejects the workflow `
          + `("resourceClaims is not supported for ${kind} templates, which do not create a pod"). Declare the claims on the container, script or containerSet template that uses them.`);
      }
    }
  });
