import { eventBus, eventSource, reported, sensor, webhook } from './helpers';

describe('E15 EventBus', () => {
  test('exactly one of nats, jetstream, jetstreamExotic, kafka', () => {
    expect(reported('E15', [eventBus('default', {})])).toEqual([expect.stringMatching(/^spec: the EventBus sets none of nats, jetstream, jetstreamExotic, kafka: the controller rejects the EventBus/)]);
    expect(reported('E15', [eventBus('default', { jetstream: { version: 'latest' }, kafka: { url: 'k:9092' } })])).toEqual([
      expect.stringMatching(/^spec\.kafka: the EventBus sets jetstream and kafka: .*Keep one\.$/),
    ]);
    expect(reported('E15', [eventBus()])).toEqual([]);
  });

  test('jetstream needs a version and 1 or >= 3 replicas', () => {
    expect(reported('E15', [eventBus('default', { jetstream: { replicas: 2 } })])).toEqual([
      expect.stringMatching(/jetstream\.replicas: jetstream replicas 2: the controller rejects the EventBus .*Use 1 or at least 3/),
      expect.stringMatching(/jetstream\.version: jetstream has no version/),
    ]);
    expect(reported('E15', [eventBus('default', { jetstream: { version: '2.10.10', replicas: 1 } })])).toEqual([]);
  });

  test('nats is native or exotic (with clusterID and url); kafka and jetstreamExotic need a url', () => {
    expect(reported('E15', [eventBus('default', { nats: {} })])).toEqual([expect.stringMatching(/^spec\.nats: nats must set exactly one of native and exotic \(it sets neither\)/)]);
    expect(reported('E15', [eventBus('default', { nats: { exotic: { url: 'nats://n:4222' } } })])).toEqual([expect.stringMatching(/nats\.exotic\.clusterID: nats exotic has no clusterID/)]);
    expect(reported('E15', [eventBus('default', { kafka: {} })])).toEqual([expect.stringMatching(/^spec\.kafka\.url: kafka has no url/)]);
    expect(reported('E15', [eventBus('default', { nats: { native: { replicas: 3 } } })])).toEqual([]);
  });
});

describe('E15 EventBus references (cross-object)', () => {
  const es = eventSource('github', { webhook: { push: webhook() } });

  test('without EventBus objects in the set nothing is checked', () => {
    expect(reported('E15', [sensor(), es], 'warning')).toEqual([]);
  });

  test('a bus missing from a set that defines buses is a missing reference', () => {
    const docs = [sensor({ eventBusName: 'fast' }), es, eventBus('main')];
    expect(reported('E15', docs, 'warning')).toEqual([
      expect.stringMatching(/^spec\.eventBusName: EventBus "fast" is not among the linted manifests; assumed to exist in the cluster\. The Sensor uses bus "fast"; .*The set defines "main"/),
      expect.stringMatching(/^spec\.eventBusName: EventBus "default" is not among .*\(the default when spec\.eventBusName is unset\)/),
    ]);
    expect(reported('E15', docs, 'error', { strictRefs: true })).toHaveLength(2);
    expect(reported('E15', [sensor({ eventBusName: 'main' }), eventSource('github', { eventBusName: 'main', webhook: { push: webhook() } }), eventBus('main')], 'warning')).toEqual([]);
  });

  test('the bus must be in a namespace the object can use', () => {
    const docs = [sensor({}, { namespace: 'ci' }), eventBus('default', undefined, { namespace: 'other' })];
    expect(reported('E15', docs, 'warning')).toHaveLength(1);
    expect(reported('E15', [docs[0], eventBus('default', undefined, { namespace: 'ci' })], 'warning')).toEqual([]);
  });
});
