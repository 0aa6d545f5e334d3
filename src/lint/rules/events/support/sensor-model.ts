import { childPath, fieldPath } from '../../../path';
import { JsonObject, isObject, listOf } from './json';

/** One trigger of a Sensor with its field path; dead-letter triggers included. */
export interface TriggerAt {
  readonly trigger: JsonObject;
  readonly path: string;
  /** Name of the top-level trigger whose dlqTrigger this is, when it is one. */
  readonly dlqOf?: string;
  /** `conditions` of the top-level trigger: a dlqTrigger fires on the same events. */
  readonly conditions?: string;
}

/** `spec.dependencies`, entries that are objects, with their index. */
export function dependenciesOf(sensor: JsonObject): { dependency: JsonObject; index: number }[] {
  return listOf(sensor.spec?.dependencies)
    .map((dependency, index) => ({ dependency, index }))
    .filter(d => isObject(d.dependency));
}

/** Names of the Sensor's dependencies (non-empty strings only). */
export function dependencyNames(sensor: JsonObject): Set<string> {
  const names = new Set<string>();
  for (const { dependency } of dependenciesOf(sensor)) {
    if (typeof dependency.name === 'string' && dependency.name !== '') names.add(dependency.name);
  }
  return names;
}

/** `spec.triggers[i]` and, nested below each, its dlqTrigger chain. */
export function triggersOf(sensor: JsonObject): TriggerAt[] {
  const out: TriggerAt[] = [];
  listOf(sensor.spec?.triggers).forEach((trigger, index) => {
    if (!isObject(trigger)) return;
    const path = fieldPath('spec', 'triggers', index);
    out.push({ trigger, path });
    const top = triggerName(trigger);
    const conditions = conditionsOf(trigger);
    let parent = trigger;
    let parentPath = path;
    while (isObject(parent.dlqTrigger)) {
      parentPath = childPath(parentPath, 'dlqTrigger');
      parent = parent.dlqTrigger;
      out.push({ trigger: parent, path: parentPath, dlqOf: top ?? '', conditions });
    }
  });
  return out;
}

/** `template.name` when it is a string. */
export function triggerName(trigger: JsonObject): string | undefined {
  const name = trigger.template?.name;
  return typeof name === 'string' ? name : undefined;
}

/** `template.conditions` when it is a non-empty string. */
export function conditionsOf(trigger: JsonObject): string | undefined {
  const conditions = trigger.template?.conditions;
  return typeof conditions === 'string' && conditions.trim() !== '' ? conditions : undefined;
}

/** `trigger "name"` (or `dlqTrigger "name" of trigger "parent"`) for messages. */
export function describeTrigger(at: TriggerAt): string {
  const name = triggerName(at.trigger);
  const own = name ? ` "${name}"` : '';
  if (at.dlqOf !== undefined) return `dlqTrigger${own} of trigger "${at.dlqOf}"`;
  return name ? `trigger${own}` : `the trigger at ${at.path}`;
}
