import { lint } from '../../../src/lint';
import { Manifest } from '../../../src/lint/types';
import { EVENTS_RULE_IDS } from '../../../src/lint/rules/events';

const ODD_VALUES: unknown[] = [null, 'text', 42, true, [], {}, [null, 'x', 3], { a: null }];

/** Every spec field the rules read, set to each odd value in turn. */
function oddManifests(): Manifest[] {
  const out: Manifest[] = [];
  for (const value of ODD_VALUES) {
    out.push({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: value as any });
    out.push({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: {
      eventBusName: value,
      dependencies: [value, { name: value, eventSourceName: value, eventName: value, filtersLogicalOperator: value, filters: { data: [value, { value, type: value, comparator: value }], exprs: [value, { fields: value }], context: value, time: { start: value, stop: value, timezone: value } } }],
      triggers: [value, { template: value, parameters: value, dlqTrigger: value, policy: { k8s: value, status: value } },
        { template: { name: value, conditions: value, conditionsReset: [value, { byTime: { cron: value, timezone: value } }], argoWorkflow: { operation: value, source: value, parameters: [value, { src: value, dest: value, operation: value }] }, k8s: value, http: { url: value, method: value, payload: value }, kafka: value, email: { port: value } } }],
    } });
    out.push({ apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'e' }, spec: { eventBusName: value, webhook: { a: value, b: { endpoint: value, port: value, method: value } }, calendar: { c: { schedule: value, interval: value, timezone: value } }, kafka: value, github: { g: { webhook: value } } } });
    out.push({ apiVersion: 'argoproj.io/v1alpha1', kind: 'EventBus', metadata: { name: 'default' }, spec: { nats: value, jetstream: { version: value, replicas: value }, kafka: value } });
  }
  return out;
}

test('malformed manifests produce findings, never a rule crash', () => {
  const findings = lint(oddManifests(), { schema: false, only: [...EVENTS_RULE_IDS] });
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.filter(f => f.message.includes('could not check'))).toEqual([]);
});
