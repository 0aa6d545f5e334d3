import { argoWorkflow, reported, sensor, trigger } from './helpers';

describe('E5 argoWorkflow trigger', () => {
  test('source is required and must name a location', () => {
    expect(reported('E5', [sensor({ triggers: [trigger('run', 'argoWorkflow', { operation: 'submit' })] })])).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.template\.argoWorkflow\.source: argoWorkflow trigger has no source: the controller rejects the Sensor .*Set source\.resource/),
    ]);
    expect(reported('E5', [sensor({ triggers: [trigger('run', 'argoWorkflow', argoWorkflow({ source: { inline: null } }))] })])).toEqual([
      expect.stringMatching(/source: argoWorkflow trigger source names no location: the controller accepts it, but every firing fails/),
    ]);
  });

  test('operation is required (no default) and must be supported', () => {
    expect(reported('E5', [sensor({ triggers: [trigger('run', 'argoWorkflow', argoWorkflow({ operation: undefined }))] })])).toEqual([
      expect.stringMatching(/argoWorkflow\.operation: argoWorkflow trigger has no operation: the controller rejects the Sensor \("unknown operation type"\); there is no default\. Set operation: submit/),
    ]);
    expect(reported('E5', [sensor({ triggers: [trigger('run', 'argoWorkflow', argoWorkflow({ operation: 'create' }))] })])).toEqual([
      expect.stringMatching(/argoWorkflow operation "create" is not supported: .*Use one of submit, submit-from, suspend, retry, resume, resubmit, terminate, stop\.$/),
    ]);
    for (const operation of ['submit', 'submit-from', 'resubmit', 'stop']) {
      expect(reported('E5', [sensor({ triggers: [trigger('run', 'argoWorkflow', argoWorkflow({ operation }))] })])).toEqual([]);
    }
  });
});

describe('E6 k8s trigger', () => {
  const k8s = (extra: { [key: string]: any } = {}) => ({ source: { resource: { apiVersion: 'v1', kind: 'ConfigMap' } }, ...extra });

  test('source is required; operation is create|update|patch|delete or empty', () => {
    expect(reported('E6', [sensor({ triggers: [trigger('apply', 'k8s', { operation: 'apply' })] })])).toEqual([
      expect.stringMatching(/k8s\.operation: k8s operation "apply" is not supported: the controller rejects the Sensor.*create, update, patch, delete \(default create\)\.$/),
      expect.stringMatching(/k8s\.source: k8s trigger has no source/),
    ]);
    expect(reported('E6', [sensor({ triggers: [trigger('apply', 'k8s', k8s()), trigger('patch', 'k8s', k8s({ operation: 'patch' }))] })])).toEqual([]);
  });

  test('a k8s resource policy needs labels, for k8s and argoWorkflow triggers', () => {
    const policy = { k8s: { backoff: { steps: 3 }, errorOnBackoffTimeout: true } };
    expect(reported('E6', [sensor({ triggers: [trigger('run', 'argoWorkflow', argoWorkflow(), { policy })] })])).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.policy\.k8s\.labels: k8s trigger policy has no labels: the controller rejects the Sensor/),
    ]);
    const labelled = { k8s: { ...policy.k8s, labels: { done: 'true' } } };
    expect(reported('E6', [sensor({ triggers: [trigger('run', 'k8s', k8s(), { policy: labelled })] })])).toEqual([]);
  });
});
