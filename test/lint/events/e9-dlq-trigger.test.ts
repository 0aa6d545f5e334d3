import { reported, sensor } from './helpers';

const withDlq = (outer: boolean | undefined, inner: boolean | undefined) => [sensor({ triggers: [{
  template: { name: 'deploy', log: {} },
  atLeastOnce: outer,
  dlqTrigger: { template: { name: 'alert', log: {} }, atLeastOnce: inner },
}] })];

describe('E9 dlqTrigger', () => {
  test('the trigger and its dlqTrigger both need atLeastOnce: true', () => {
    expect(reported('E9', withDlq(undefined, false))).toEqual([
      'spec.triggers[0].atLeastOnce: trigger "deploy" has a dlqTrigger but not atLeastOnce: true: the controller rejects the Sensor ("to use dlqTrigger, trigger.atLeastOnce must be set to true"). '
      + 'Set atLeastOnce: true so failures are known before the event is acknowledged.',
      expect.stringMatching(/^spec\.triggers\[0\]\.dlqTrigger\.atLeastOnce: the dlqTrigger does not set atLeastOnce: true/),
    ]);
    expect(reported('E9', withDlq(true, true))).toEqual([]);
  });

  test('a trigger without dlqTrigger may leave atLeastOnce unset', () => {
    expect(reported('E9', [sensor()])).toEqual([]);
  });

  test('nested dlqTriggers: each link needs atLeastOnce, reported once', () => {
    const docs = [sensor({ triggers: [{
      template: { name: 'deploy', log: {} }, atLeastOnce: true,
      dlqTrigger: { template: { name: 'alert', log: {} }, dlqTrigger: { template: { name: 'page', log: {} }, atLeastOnce: true } },
    }] })];
    expect(reported('E9', docs).map(line => line.split(': ')[0])).toEqual(['spec.triggers[0].dlqTrigger.atLeastOnce']);
  });
});
