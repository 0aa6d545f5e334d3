import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { parseConditions } from './support/conditions';
import { quoteList } from './support/json';
import { conditionsOf, dependenciesOf, triggerName, triggersOf } from './support/sensor-model';
import { didYouMean } from './support/suggest';

/**
 * E10: trigger `conditions` compile and name only dependencies of the Sensor (Argo does not
 * check either: the trigger silently never fires), and no two dependency names collide once
 * the sensor maps `-` to `_` (the last one shadows the others).
 */
export const E10_TRIGGER_CONDITIONS: Rule = {
  id: 'E10',
  description: 'Trigger conditions are && / || expressions over existing dependency names; dependency names do not collide when - becomes _',
  kinds: ['Sensor'],
  check(ctx) {
    const dependencies = dependenciesOf(ctx.manifest)
      .filter(d => typeof d.dependency.name === 'string' && d.dependency.name !== '')
      .map(d => ({ name: d.dependency.name as string, index: d.index }));
    const names = dependencies.map(d => d.name);
    const byKey = new Map<string, string>();
    for (const name of names) byKey.set(name.replace(/-/g, '_'), name);
    const referencedKeys = new Set<string>();

    for (const at of triggersOf(ctx.manifest)) {
      const conditions = conditionsOf(at.trigger);
      if (conditions === undefined || at.dlqOf !== undefined) continue;
      const path = childPath(at.path, 'template', 'conditions');
      const trigger = triggerName(at.trigger) ?? at.path;
      const parsed = parseConditions(conditions);
      if (parsed.problem) {
        ctx.report(path, `conditions "${conditions}" of trigger "${trigger}" cannot be compiled by the sensor (${parsed.problem}): Argo accepts the Sensor, but the sensor logs an error and this trigger never fires. `
          + 'Join dependency names with && and ||, grouped with parentheses, e.g. "dep-a && (dep-b || dep-c)".');
        continue;
      }
      const unknown = new Set<string>();
      for (const { name, key } of parsed.names) {
        referencedKeys.add(key);
        if (!byKey.has(key)) unknown.add(name);
      }
      for (const name of unknown) {
        ctx.report(path, `conditions of trigger "${trigger}" name "${name}", which is not a dependency of this Sensor (dependencies: ${quoteList(names)}): `
          + `Argo accepts it, but the sensor cannot resolve the expression and this trigger never fires. Use a dependency name or add the dependency.${didYouMean(name, names)}`);
      }
    }
    checkCollisions(ctx, dependencies, referencedKeys);
  },
};

function checkCollisions(ctx: RuleContext, dependencies: readonly { name: string; index: number }[], referencedKeys: ReadonlySet<string>): void {
  const firstByKey = new Map<string, { name: string; index: number }>();
  for (const dependency of dependencies) {
    const key = dependency.name.replace(/-/g, '_');
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, dependency);
      continue;
    }
    if (first.name === dependency.name) continue; // an exact duplicate is E2's finding
    const used = referencedKeys.has(key);
    ctx.report(fieldPath('spec', 'dependencies', dependency.index, 'name'), `dependency names "${first.name}" (spec.dependencies[${first.index}]) and "${dependency.name}" are the same to the sensor, which turns "-" into "_" in conditions: `
      + `"${key}" always resolves to the last of them${used ? ', so conditions that mean the other one wait for the wrong event' : ' once conditions use either'}. Rename one of them.`,
    used ? 'error' : 'warning');
  }
}
