import { fieldPath } from '../../path';
import { Rule } from '../../types';
import { sourceKindsOf } from './support/event-sources';

/** E11: event names are unique across all source kinds of one EventSource. */
export const E11_UNIQUE_EVENT_NAMES: Rule = {
  id: 'E11',
  description: 'Event names are unique across all source kinds of an EventSource',
  kinds: ['EventSource'],
  check(ctx) {
    const kindByName = new Map<string, string>();
    for (const { kind, events } of sourceKindsOf(ctx.manifest)) {
      for (const name of Object.keys(events)) {
        const first = kindByName.get(name);
        if (first === undefined) {
          kindByName.set(name, kind);
          continue;
        }
        ctx.report(fieldPath('spec', kind, name), `event "${name}" is also defined under spec.${first}: the controller rejects the EventSource ("more than one \\"${name}\\" found in the spec") and deploys none of its events. `
          + 'Event names must be unique across all source kinds; rename one (and the sensor dependencies using it).');
      }
    }
  },
};
