import { childPath } from '../../../path';
import { isObject, listOf } from './json';
import { TriggerAt } from './sensor-model';

/** One TriggerParameter of a trigger, with where it sits and how Argo treats it. */
export interface ParameterAt {
  readonly parameter: unknown;
  readonly path: string;
  /** The controller validates this list (pkg/reconciler/sensor/validate.go validateTriggerParameter). */
  readonly validated: boolean;
  /** An empty dest is allowed: an HTTP payload parameter without dest is the whole body. */
  readonly destOptional: boolean;
  /** Its sjson path inside the trigger template (`argoWorkflow.parameters.0`), for template-kind lists. */
  readonly templatePath?: string;
}

/** [trigger kind, list field, validated by the controller, dest optional]. */
const TEMPLATE_LISTS: readonly [string, string, boolean, boolean][] = [
  ['k8s', 'parameters', true, false],
  ['argoWorkflow', 'parameters', true, false],
  ['http', 'parameters', true, false],
  ['http', 'payload', true, true],
  ['http', 'dynamicHeaders', false, false],
  ['awsLambda', 'parameters', true, false],
  ['awsLambda', 'payload', true, false],
  ['openWhisk', 'parameters', true, false],
  ['openWhisk', 'payload', true, false],
  ['kafka', 'parameters', false, false],
  ['kafka', 'payload', true, false],
  ['nats', 'parameters', false, false],
  ['nats', 'payload', true, false],
  ['slack', 'parameters', true, false],
  ['email', 'parameters', true, false],
  ['custom', 'parameters', true, false],
  ['custom', 'payload', false, false],
  ['pulsar', 'parameters', false, false],
  ['pulsar', 'payload', false, false],
  ['azureEventHubs', 'parameters', false, false],
  ['azureEventHubs', 'payload', false, false],
  ['azureServiceBus', 'parameters', false, false],
  ['azureServiceBus', 'payload', false, false],
];

/** Every parameter of a trigger: `parameters` of the trigger, then those of its template kinds. */
export function parametersOf(at: TriggerAt): ParameterAt[] {
  const out: ParameterAt[] = [];
  listOf(at.trigger.parameters).forEach((parameter, i) =>
    out.push({ parameter, path: childPath(at.path, 'parameters', i), validated: true, destOptional: false }));
  const template = at.trigger.template;
  if (!isObject(template)) return out;
  for (const [kind, list, validated, destOptional] of TEMPLATE_LISTS) {
    listOf(template[kind]?.[list]).forEach((parameter, i) =>
      out.push({ parameter, path: childPath(at.path, 'template', kind, list, i), validated, destOptional, templatePath: `${kind}.${list}.${i}` }));
  }
  return out;
}
