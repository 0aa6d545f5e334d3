import { eventSource, reported, webhook } from './helpers';

describe('E11 unique event names', () => {
  test('an event name used under two source kinds is rejected', () => {
    const es = eventSource('ci', { webhook: { build: webhook() }, github: { build: { owner: 'o', repository: 'r' } } });
    expect(reported('E11', [es])).toEqual([
      'spec.github.build: event "build" is also defined under spec.webhook: the controller rejects the EventSource ("more than one \\"build\\" found in the spec") and deploys none of its events. '
      + 'Event names must be unique across all source kinds; rename one (and the sensor dependencies using it).',
    ]);
    expect(reported('E11', [eventSource('ci', { webhook: { build: webhook() }, github: { release: { owner: 'o', repository: 'r' } } })])).toEqual([]);
  });
});

describe('E12 update strategies', () => {
  test('rolling-update and recreate sources do not mix', () => {
    const es = eventSource('ci', { webhook: { build: webhook() }, calendar: { nightly: { schedule: '0 0 * * *' } } });
    expect(reported('E12', [es])).toEqual([
      expect.stringMatching(/^spec: rolling-update sources \(webhook\) and recreate sources \(calendar\) in one EventSource: the controller rejects it .*Split them into two EventSources/),
    ]);
  });

  test('same-strategy kinds may share an EventSource; empty kinds do not count', () => {
    expect(reported('E12', [eventSource('ci', { webhook: { build: webhook() }, github: { push: {} } })])).toEqual([]);
    expect(reported('E12', [eventSource('ci', { calendar: { nightly: { interval: '1h' } }, kafka: { k: {} } })])).toEqual([]);
    expect(reported('E12', [eventSource('ci', { webhook: { build: webhook() }, calendar: {} })])).toEqual([]);
  });
});
