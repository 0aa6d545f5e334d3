import { childPath } from '../../path';
import { Rule } from '../../types';
import { isBlank, isObject } from './support/json';
import { triggersOf } from './support/sensor-model';
import { checkTriggerSource } from './support/trigger-source';

const OPERATIONS = ['submit', 'submit-from', 'suspend', 'retry', 'resume', 'resubmit', 'terminate', 'stop'];

/** E5: an argoWorkflow trigger has a source and a supported operation (empty is rejected). */
export const E5_ARGO_WORKFLOW_TRIGGER: Rule = {
  id: 'E5',
  description: 'argoWorkflow triggers have a source and an operation among submit|submit-from|suspend|retry|resume|resubmit|terminate|stop',
  kinds: ['Sensor'],
  check(ctx) {
    for (const at of triggersOf(ctx.manifest)) {
      const trigger = at.trigger.template?.argoWorkflow;
      if (!isObject(trigger)) continue;
      const path = childPath(at.path, 'template', 'argoWorkflow');
      checkTriggerSource(ctx, trigger, path, 'argoWorkflow');
      const operation = trigger.operation;
      if (isBlank(operation)) {
        ctx.report(childPath(path, 'operation'), 'argoWorkflow trigger has no operation: the controller rejects the Sensor ("unknown operation type"); there is no default. Set operation: submit (or another of '
          + `${OPERATIONS.join(', ')}).`);
      } else if (!OPERATIONS.includes(operation)) {
        ctx.report(childPath(path, 'operation'), `argoWorkflow operation "${operation}" is not supported: the controller rejects the Sensor ("unknown operation type"). Use one of ${OPERATIONS.join(', ')}.`);
      }
    }
  },
};
