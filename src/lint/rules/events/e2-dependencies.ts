import { childPath, fieldPath } from '../../path';
import { Rule } from '../../types';
import { isBlank } from './support/json';
import { dependenciesOf } from './support/sensor-model';

const REQUIRED_FIELDS = ['name', 'eventSourceName', 'eventName'] as const;

/**
 * E2: a Sensor has at least one dependency; each has name, eventSourceName and eventName;
 * names are unique (Argo does not check this: the sensor silently keeps only the last one).
 */
export const E2_DEPENDENCIES: Rule = {
  id: 'E2',
  description: 'A Sensor has dependencies, each with name, eventSourceName and eventName; dependency names are unique',
  kinds: ['Sensor'],
  check(ctx) {
    const dependencies = dependenciesOf(ctx.manifest);
    if (dependencies.length === 0) {
      ctx.report(fieldPath('spec', 'dependencies'), 'the Sensor has no dependencies: the controller rejects it ("no event dependencies found") and deploys nothing. '
        + 'Add a dependency naming the EventSource and event to wait for (name, eventSourceName, eventName).');
      return;
    }
    const firstByName = new Map<string, number>();
    for (const { dependency, index } of dependencies) {
      const path = fieldPath('spec', 'dependencies', index);
      for (const field of REQUIRED_FIELDS) {
        if (isBlank(dependency[field])) {
          ctx.report(childPath(path, field), `dependency has no ${field}: the controller rejects the Sensor ("event dependency must define ${field === 'name' ? 'a name' : `the ${field}`}") and does not deploy it. Set ${field}.`);
        }
      }
      const name = dependency.name;
      if (typeof name !== 'string' || name === '') continue;
      const first = firstByName.get(name);
      if (first === undefined) {
        firstByName.set(name, index);
        continue;
      }
      ctx.report(childPath(path, 'name'), `dependency name "${name}" is already used by spec.dependencies[${first}]: Argo accepts this, but the sensor keeps only the last dependency of a name, `
        + `so the other one's event (${describeEvent(dependencies.find(d => d.index === first)!.dependency)}) and filters are silently ignored. Give each dependency a unique name.`);
    }
  },
};

function describeEvent(dependency: { readonly [key: string]: any }): string {
  return `${dependency.eventSourceName ?? '?'}/${dependency.eventName ?? '?'}`;
}
