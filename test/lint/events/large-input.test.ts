import { lint } from '../../../src/lint';
import { Manifest } from '../../../src/lint/types';
import { EVENTS_RULE_IDS } from '../../../src/lint/rules/events';
import { eventBus, eventSource, sensor, webhook } from './helpers';

/** n EventSources with 5 webhook events each, and n Sensors depending on 3 events of another source. */
function largeSet(n: number): Manifest[] {
  const docs: Manifest[] = [eventBus()];
  for (let i = 0; i < n; i++) {
    const events = Object.fromEntries([0, 1, 2, 3, 4].map(e => [`event-${e}`, webhook(`/e${e}`)]));
    docs.push(eventSource(`source-${i}`, { webhook: events }));
    const source = `source-${(i * 7) % n}`;
    const dependencies = [0, 1, 2].map(e => ({ name: `dep-${e}`, eventSourceName: source, eventName: `event-${e}`, filters: { data: [{ path: 'body.a', type: 'string', value: ['x'] }] } }));
    docs.push(sensor({
      dependencies,
      triggers: [{ template: { name: 'forward', conditions: 'dep-0 && (dep-1 || dep-2)', http: { url: 'http://x', method: 'POST', payload: [{ src: { dependencyName: 'dep-0', dataKey: 'body' }, dest: 'a' }] } } }],
    }, { name: `sensor-${i}` }));
  }
  return docs;
}

// Speed is measured by the benchmark (npm run bench, BENCHMARKS.md), never by timing unit tests.
test('4,000 EventSources and Sensors cross-referencing each other lint clean', () => {
  expect(lint(largeSet(4000), { schema: false, only: [...EVENTS_RULE_IDS] })).toEqual([]);
});

test('in a large set, a sensor naming an event its EventSource lacks is still found', () => {
  const docs = largeSet(2000);
  const broken = docs.findIndex(d => d.metadata?.name === 'sensor-1999');
  (docs[broken] as any).spec.dependencies[2].eventName = 'event-9';
  const findings = lint(docs, { schema: false, only: ['E2'] });
  expect(findings.map(f => `${f.object} ${f.path}`)).toEqual(['Sensor/sensor-1999 spec.dependencies[2].eventName']);
});
