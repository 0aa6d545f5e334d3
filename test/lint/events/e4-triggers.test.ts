import { reported, sensor, trigger } from './helpers';

describe('E4 triggers', () => {
  test('a Sensor without triggers is rejected', () => {
    expect(reported('E4', [sensor({ triggers: [] })])).toEqual([expect.stringMatching(/^spec\.triggers: the Sensor has no triggers: the controller rejects/)]);
    expect(reported('E4', [sensor()])).toEqual([]);
  });

  test('every trigger has a template with a name', () => {
    expect(reported('E4', [sensor({ triggers: [{ parameters: [] }, { template: { log: {} } }] })])).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.template: the trigger at spec\.triggers\[0\] has no template: the controller rejects/),
      expect.stringMatching(/^spec\.triggers\[1\]\.template\.name: trigger template has no name: .*"trigger must define a name"/),
    ]);
  });

  test('trigger names are unique', () => {
    const triggers = [trigger('notify', 'log', {}), trigger('notify', 'log', {})];
    expect(reported('E4', [sensor({ triggers })])).toEqual([
      'spec.triggers[1].template.name: trigger name "notify" is already used by spec.triggers[0]: the controller rejects the Sensor and does not deploy it ("duplicate trigger name"). Give each trigger a unique name.',
    ]);
    triggers[1].template.name = 'notify-2';
    expect(reported('E4', [sensor({ triggers })])).toEqual([]);
  });

  test('a template without a trigger kind fails every firing; a misspelled kind is named', () => {
    expect(reported('E4', [sensor({ triggers: [{ template: { name: 'run', openwhisk: { host: 'h' } } }] })])).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.template\.openwhisk: trigger "run" has no trigger kind: .*"could not find an implementation"\. "openwhisk" is not a trigger kind .*did you mean "openWhisk"\?$/),
    ]);
    expect(reported('E4', [sensor({ triggers: [{ template: { name: 'run' } }] })])[0]).toMatch(/Add one of k8s, argoWorkflow, http/);
  });

  test('several trigger kinds in one template: only the first runs (warning)', () => {
    const docs = [sensor({ triggers: [{ template: { name: 'run', http: { url: 'http://x' }, k8s: { source: { resource: {} } } } }] })];
    expect(reported('E4', docs, 'warning')).toEqual([expect.stringMatching(/^spec\.triggers\[0\]\.template\.http: trigger "run" sets several trigger kinds \("k8s", "http"\): the sensor runs only "k8s"/)]);
    expect(reported('E4', docs)).toEqual([]);
  });

  test('conditionsReset needs byTime with a 5-field cron (no descriptors) and a real time zone', () => {
    const reset = (byTime: any) => sensor({ triggers: [{ template: { name: 'run', log: {}, conditions: 'push', conditionsReset: [byTime] } }] });
    expect(reported('E4', [reset({})])).toEqual([expect.stringMatching(/conditionsReset\[0\]: conditionsReset entry without byTime/)]);
    expect(reported('E4', [reset({ byTime: { cron: '@daily', timezone: 'europe/paris' } })])).toEqual([
      expect.stringMatching(/conditionsReset\[0\]\.byTime\.cron: invalid cron "@daily" \(descriptors such as "@daily" are not accepted here.*\): the controller rejects/),
      expect.stringMatching(/conditionsReset\[0\]\.byTime\.timezone: "europe\/paris" is not an IANA time zone/),
    ]);
    expect(reported('E4', [reset({ byTime: { cron: '0 0 * * * *' } })])[0]).toMatch(/expected exactly 5 fields/);
    expect(reported('E4', [reset({ byTime: { cron: '0 0 * * 1-5', timezone: 'Europe/Paris' } })])).toEqual([]);
  });

  test('dlqTriggers are checked too, but their names may repeat', () => {
    const top = { template: { name: 'run', log: {} }, atLeastOnce: true, dlqTrigger: { template: { log: {} }, atLeastOnce: true } };
    expect(reported('E4', [sensor({ triggers: [top] })])).toEqual([expect.stringMatching(/^spec\.triggers\[0\]\.dlqTrigger\.template\.name: trigger template has no name/)]);
    top.dlqTrigger.template = { name: 'run', log: {} } as any;
    expect(reported('E4', [sensor({ triggers: [top] })])).toEqual([]);
  });
});
