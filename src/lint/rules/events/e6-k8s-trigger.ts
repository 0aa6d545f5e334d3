import { childPath } from '../../path';
import { Rule } from '../../types';
import { isBlank, isObject } from './support/json';
import { triggersOf } from './support/sensor-model';
import { checkTriggerSource } from './support/trigger-source';

const OPERATIONS = ['create', 'update', 'patch', 'delete'];

/**
 * E6: a k8s trigger has a source and an operation among create|update|patch|delete (empty
 * means create). A k8s resource policy (k8s and argoWorkflow triggers) needs labels.
 */
export const E6_K8S_TRIGGER: Rule = {
  id: 'E6',
  description: 'k8s triggers have a source and an operation among create|update|patch|delete; k8s trigger policies have labels',
  kinds: ['Sensor'],
  check(ctx) {
    for (const at of triggersOf(ctx.manifest)) {
      const template = at.trigger.template;
      const trigger = template?.k8s;
      if (isObject(trigger)) {
        const path = childPath(at.path, 'template', 'k8s');
        checkTriggerSource(ctx, trigger, path, 'k8s');
        const operation = trigger.operation;
        if (!isBlank(operation) && !OPERATIONS.includes(operation)) {
          ctx.report(childPath(path, 'operation'), `k8s operation "${operation}" is not supported: the controller rejects the Sensor ("unknown operation type"). Use one of ${OPERATIONS.join(', ')} (default create).`);
        }
      }
      const policy = at.trigger.policy?.k8s;
      if ((isObject(trigger) || isObject(template?.argoWorkflow)) && isObject(policy) && (policy.labels === undefined || policy.labels === null)) {
        ctx.report(childPath(at.path, 'policy', 'k8s', 'labels'), 'k8s trigger policy has no labels: the controller rejects the Sensor ("resource labels are not specified"). '
          + 'Set the labels whose presence on the created resource means success.');
      }
    }
  },
};
