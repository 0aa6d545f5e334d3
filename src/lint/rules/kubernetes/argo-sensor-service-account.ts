import { fieldPath } from '../../path';
import { Rule } from '../../types';
import { isJsonObject } from '../../util/walk';

/** Trigger kinds that call the Kubernetes API with the sensor pod's service account. */
const API_TRIGGERS: { readonly [kind: string]: string } = { argoWorkflow: 'Workflows', k8s: 'Kubernetes objects' };

/**
 * ARGO-SENSOR-SERVICE-ACCOUNT (warning): a Sensor whose triggers create Workflows or other
 * Kubernetes objects but that sets no service account, so its pod runs as the namespace's
 * `default` account, which has no such permission unless someone bound one to it.
 */
export const ARGO_SENSOR_SERVICE_ACCOUNT: Rule = {
  id: 'ARGO-SENSOR-SERVICE-ACCOUNT',
  description: 'A Sensor with argoWorkflow/k8s triggers runs under a service account allowed to act on those objects',
  kinds: ['Sensor'],
  check(ctx) {
    const spec = ctx.manifest.spec;
    if (!isJsonObject(spec)) return;
    const account = spec.template?.serviceAccountName;
    if (typeof account === 'string' && account !== '' && account !== 'default') return;
    const triggers: unknown[] = Array.isArray(spec.triggers) ? spec.triggers : [];
    const kinds = new Set<string>();
    for (const trigger of triggers) {
      const template = isJsonObject(trigger) ? trigger.template : undefined;
      if (!isJsonObject(template)) continue;
      for (const kind of Object.keys(API_TRIGGERS)) if (isJsonObject(template[kind])) kinds.add(kind);
    }
    if (kinds.size === 0) return;
    const what = [...kinds].map(k => API_TRIGGERS[k]).join(' and ');
    ctx.report(fieldPath('spec', 'template', 'serviceAccountName'), `the Sensor's triggers (${[...kinds].join(', ')}) create ${what} with the sensor pod's service account, `
      + 'but none is set: the pod runs as "default", which cannot do that unless a RoleBinding grants it, and every trigger then fails with "forbidden". '
      + `Set spec.template.serviceAccountName to a ServiceAccount bound to a Role that allows it (for workflows: create on workflows.argoproj.io).`, 'warning');
  },
};
