import { Rule } from '../../types';
import { embeddedResources, setFromEvent } from './support/trigger-resources';

/**
 * ARGO-TRIGGER-RESOURCE: the object a Sensor's trigger creates from its inline resource (an
 * argoWorkflow submit, a k8s create) passes every rule and the schema check, as if it were
 * applied with the set. Argo Events accepts the Sensor without looking inside; Argo Workflows or
 * the API server refuse the object when the trigger fires. Values trigger parameters set from
 * the event are not judged (they exist only then).
 */
export const ARGO_TRIGGER_RESOURCE: Rule = {
  id: 'ARGO-TRIGGER-RESOURCE',
  description: 'The object a trigger creates from its inline resource passes the rules and the schema check (values set from the event aside)',
  kinds: ['Sensor'],
  check(ctx) {
    for (const embedded of embeddedResources(ctx.manifest)) {
      for (const f of ctx.lintNested(embedded.manifest)) {
        if (setFromEvent(embedded, f.path)) continue;
        const path = f.path ? embedded.path + (f.path.startsWith('[') ? f.path : `.${f.path}`) : embedded.path;
        const fails = f.severity === 'error' ? 'fails' : 'is warned by';
        ctx.report(path, `${embedded.label} ${fails} rule ${f.ruleId} when the trigger fires: ${f.message} `
          + `(suppress ARGO-TRIGGER-RESOURCE@${path} if the trigger's parameters make it right at run time)`, f.severity, f.ruleId);
      }
    }
  },
};
