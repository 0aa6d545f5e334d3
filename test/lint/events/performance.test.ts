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

test('the Events rules lint well over 1,000 documents per second and scale linearly', () => {
  const time = (docs: Manifest[]) => {
    const start = process.hrtime.bigint();
    const findings = lint(docs, { schema: false, only: [...EVENTS_RULE_IDS] });
    expect(findings).toEqual([]);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  time(largeSet(100)); // warm up
  const small = largeSet(1000);
  const large = largeSet(4000);
  const smallMs = time(small);
  const largeMs = time(large);
  expect(small.length / (smallMs / 1000)).toBeGreaterThan(1000);
  // 4x the documents must not cost anything like 16x (a quadratic scan).
  expect(largeMs).toBeLessThan(Math.max(smallMs, 50) * 8);
});
