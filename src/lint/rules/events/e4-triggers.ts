import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { isBlank, isObject, listOf, quoteList } from './support/json';
import { robfigCronProblem } from './support/robfig-cron';
import { TriggerAt, describeTrigger, triggerName, triggersOf } from './support/sensor-model';
import { closestName } from './support/suggest';
import { timeZoneProblem } from './support/timezone';
import { TRIGGER_TYPES } from './support/trigger-types';

const REJECTED = 'the controller rejects the Sensor and does not deploy it';

/**
 * E4: a Sensor has triggers; each has a template with a name, unique among the triggers;
 * conditionsReset entries have byTime with a 5-field cron and a real time zone. Also: a
 * template names exactly one trigger kind (none fails every firing; extras are ignored).
 */
export const E4_TRIGGERS: Rule = {
  id: 'E4',
  description: 'A Sensor has triggers with uniquely named templates of one trigger kind; conditionsReset is a valid cron',
  kinds: ['Sensor'],
  check(ctx) {
    if (listOf(ctx.manifest.spec?.triggers).length === 0) {
      ctx.report(fieldPath('spec', 'triggers'), `the Sensor has no triggers: ${REJECTED} ("no triggers found"). Add a trigger with a template.`);
      return;
    }
    const firstByName = new Map<string, string>();
    for (const at of triggersOf(ctx.manifest)) {
      if (!checkTemplate(ctx, at)) continue;
      const name = triggerName(at.trigger);
      if (at.dlqOf !== undefined || !name) continue;
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, at.path);
      else ctx.report(childPath(at.path, 'template', 'name'), `trigger name "${name}" is already used by ${first}: ${REJECTED} ("duplicate trigger name"). Give each trigger a unique name.`);
    }
  },
};

/** Checks one trigger's template; false when there is no template to look into. */
function checkTemplate(ctx: RuleContext, at: TriggerAt): boolean {
  const template = at.trigger.template;
  const path = childPath(at.path, 'template');
  if (!isObject(template)) {
    ctx.report(path, `${describeTrigger(at)} has no template: ${REJECTED} ("trigger template can't be nil"). Add a template with a name and a trigger kind (argoWorkflow, k8s, http...).`);
    return false;
  }
  if (isBlank(template.name)) {
    ctx.report(childPath(path, 'name'), `trigger template has no name: ${REJECTED} ("trigger must define a name"). Name the trigger.`);
  }
  const kinds = TRIGGER_TYPES.filter(kind => isObject(template[kind]));
  if (kinds.length === 0) {
    const misspelled = Object.keys(template).map(key => [key, closestName(key, TRIGGER_TYPES)]).find(([key, close]) => close && close !== key);
    const fix = misspelled ? `"${misspelled[0]}" is not a trigger kind (Argo ignores unknown fields): did you mean "${misspelled[1]}"?` : `Add one of ${TRIGGER_TYPES.join(', ')}.`;
    ctx.report(misspelled ? childPath(path, misspelled[0]!) : path, `${describeTrigger(at)} has no trigger kind: the controller accepts it, but every time it fires the sensor fails with "could not find an implementation". ${fix}`);
  } else if (kinds.length > 1) {
    ctx.report(childPath(path, kinds[1]), `${describeTrigger(at)} sets several trigger kinds (${quoteList(kinds)}): the sensor runs only "${kinds[0]}" and silently ignores the others. `
      + 'Split them into one trigger each.', 'warning');
  }
  listOf(template.conditionsReset).forEach((reset, i) => {
    const resetPath = childPath(path, 'conditionsReset', i);
    const byTime = isObject(reset) ? reset.byTime : undefined;
    if (!isObject(byTime)) {
      ctx.report(resetPath, `conditionsReset entry without byTime: ${REJECTED} ("invalid conditionsReset"). Set byTime.cron (and optionally byTime.timezone).`);
      return;
    }
    const cron = typeof byTime.cron === 'string' ? byTime.cron : '';
    const cronProblem = cron.trim() === '' ? 'the cron expression is empty' : robfigCronProblem(cron);
    if (cronProblem) {
      ctx.report(childPath(resetPath, 'byTime', 'cron'), `invalid cron "${cron}" (${cronProblem}): ${REJECTED}. Use 5 fields, e.g. "0 0 * * *" for midnight.`);
    }
    const zoneProblem = typeof byTime.timezone === 'string' ? timeZoneProblem(byTime.timezone) : undefined;
    if (zoneProblem) ctx.report(childPath(resetPath, 'byTime', 'timezone'), `${zoneProblem}: ${REJECTED} ("invalid timezone"). Use an IANA zone name.`);
  });
  return true;
}
