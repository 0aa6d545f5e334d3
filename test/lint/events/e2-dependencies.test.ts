import { eventBus, eventSource, findingsOf, reported, sensor, webhook } from './helpers';

const github = eventSource('github', { webhook: { push: webhook(), release: webhook('/release') } });

describe('E2 dependencies', () => {
  test('a Sensor without dependencies is rejected', () => {
    expect(reported('E2', [sensor({ dependencies: [] })])).toEqual([
      expect.stringMatching(/^spec\.dependencies: the Sensor has no dependencies: the controller rejects it .*Add a dependency/),
    ]);
    expect(reported('E2', [sensor(), github])).toEqual([]);
  });

  test('each dependency needs name, eventSourceName and eventName', () => {
    const errors = reported('E2', [sensor({ dependencies: [{ eventSourceName: '', eventName: 'push' }] }), github]);
    expect(errors).toEqual([
      expect.stringMatching(/^spec\.dependencies\[0\]\.eventSourceName: dependency has no eventSourceName: the controller rejects the Sensor .*Set eventSourceName\.$/),
      expect.stringMatching(/^spec\.dependencies\[0\]\.name: dependency has no name: .*"event dependency must define a name"/),
    ]);
  });

  test('duplicate dependency names: the first is silently dropped', () => {
    const dependencies = [
      { name: 'push', eventSourceName: 'github', eventName: 'push' },
      { name: 'push', eventSourceName: 'github', eventName: 'release' },
    ];
    expect(reported('E2', [sensor({ dependencies }), github])).toEqual([
      expect.stringMatching(/^spec\.dependencies\[1\]\.name: dependency name "push" is already used by spec\.dependencies\[0\]: Argo accepts this, but .*\(github\/push\).*silently ignored\. Give each dependency a unique name\.$/),
    ]);
    dependencies[1].name = 'release';
    expect(reported('E2', [sensor({ dependencies }), github])).toEqual([]);
  });
});

describe('E2 dependency EventSources (cross-object)', () => {
  test('an EventSource missing from the set is a warning, an error with strictRefs', () => {
    const docs = [sensor()];
    expect(reported('E2', docs, 'warning')).toEqual([
      expect.stringMatching(/^spec\.dependencies\[0\]\.eventSourceName: EventSource "github" is not among the linted manifests; assumed to exist in the cluster\. If it is not deployed, dependency "push" never resolves/),
    ]);
    expect(reported('E2', docs, 'error')).toEqual([]);
    expect(reported('E2', docs, 'error', { strictRefs: true })).toHaveLength(1);
  });

  test('a near-miss EventSource name gets a suggestion', () => {
    expect(reported('E2', [sensor(), eventSource('githib', { webhook: { push: webhook() } })], 'warning')[0]).toContain('Did you mean "githib"?');
  });

  test('an EventSource in another namespace is not visible to the Sensor', () => {
    const docs = [sensor({}, { namespace: 'ci' }), eventSource('github', { webhook: { push: webhook() } }, { namespace: 'events' })];
    expect(reported('E2', docs, 'warning')).toEqual([expect.stringContaining('exists in namespace "events", but a Sensor only receives events from its own namespace')]);
    expect(findingsOf('E2', [docs[0], eventSource('github', { webhook: { push: webhook() } }, { namespace: 'ci' })])).toEqual([]);
  });

  test('the EventSource must define the event: the sensor never fires otherwise', () => {
    const docs = [sensor({ dependencies: [{ name: 'push', eventSourceName: 'github', eventName: 'pushh' }] }), github];
    expect(reported('E2', docs)).toEqual([
      'spec.dependencies[0].eventName: EventSource "github" defines no event "pushh" (it defines "push", "release"): nothing is ever published for dependency "push", '
      + 'so the triggers waiting on it never fire. Use one of its event names or add "pushh" to the EventSource. Did you mean "push"?',
    ]);
  });

  test('events of any source kind count, across same-named EventSources', () => {
    const calendar = eventSource('github', { calendar: { nightly: { schedule: '0 0 * * *' } } }, { namespace: 'other' });
    const docs = [sensor({ dependencies: [{ name: 'n', eventSourceName: 'github', eventName: 'nightly' }] }), github, calendar];
    expect(findingsOf('E2', docs)).toEqual([]);
  });

  test('Sensor and EventSource must use the same event bus', () => {
    const onOtherBus = eventSource('github', { eventBusName: 'fast', webhook: { push: webhook() } });
    expect(reported('E2', [sensor(), onOtherBus])).toEqual([
      expect.stringMatching(/EventSource "github" publishes to event bus "fast" but this Sensor listens on "default": its events never reach the sensor.*Set the same spec\.eventBusName on both\.$/),
    ]);
    expect(reported('E2', [sensor({ eventBusName: 'fast' }), onOtherBus])).toEqual([]);
  });

  test('on a NATS streaming bus one event may back only one dependency', () => {
    const dependencies = [
      { name: 'a', eventSourceName: 'github', eventName: 'push' },
      { name: 'b', eventSourceName: 'github', eventName: 'push' },
    ];
    const stan = eventBus('default', { nats: { native: {} } });
    expect(reported('E2', [sensor({ dependencies }), github, stan])).toEqual([
      expect.stringMatching(/^spec\.dependencies\[1\]\.eventName: event "push" of EventSource "github" is already used by dependency "a": on the NATS streaming event bus "default" the controller rejects the Sensor/),
    ]);
    expect(reported('E2', [sensor({ dependencies }), github, eventBus()])).toEqual([]);
  });
});
