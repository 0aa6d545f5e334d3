import { reported, sensor } from './helpers';

const dependencies = [
  { name: 'unit-tests', eventSourceName: 'ci', eventName: 'unit' },
  { name: 'e2e', eventSourceName: 'ci', eventName: 'e2e' },
  { name: 'approval', eventSourceName: 'ci', eventName: 'approval' },
];
const withConditions = (conditions: string, deps = dependencies) =>
  [sensor({ dependencies: deps, triggers: [{ template: { name: 'release', conditions, log: {} } }] })];

describe('E10 trigger conditions', () => {
  test('conditions naming an unknown dependency: the trigger never fires', () => {
    expect(reported('E10', withConditions('unit-tests && e2e-tests'))).toEqual([
      'spec.triggers[0].template.conditions: conditions of trigger "release" name "e2e-tests", which is not a dependency of this Sensor (dependencies: "unit-tests", "e2e", "approval"): '
      + 'Argo accepts it, but the sensor cannot resolve the expression and this trigger never fires. Use a dependency name or add the dependency.',
    ]);
    expect(reported('E10', withConditions('(unit-tests && e2e) || approval'))).toEqual([]);
  });

  test('"-" and "_" are interchangeable in conditions', () => {
    expect(reported('E10', withConditions('unit_tests && e2e'))).toEqual([]);
  });

  test('expressions the sensor cannot compile', () => {
    for (const [conditions, problem] of [
      ['unit-tests & e2e', '"&" must be doubled'],
      ['(unit-tests && e2e', 'a "(" is not closed'],
      ['unit-tests e2e', '"e2e" follows another operand'],
      ['unit-tests && || e2e', '"||" appears where a dependency name is expected'],
      ['unit-tests and e2e', '"and" is not an operator here'],
      ['!approval', '"!approval" is not usable as a name'],
    ]) {
      expect(reported('E10', withConditions(conditions))).toEqual([
        expect.stringContaining(`cannot be compiled by the sensor (${problem}`),
      ]);
    }
  });

  test('dependency names colliding once "-" becomes "_": error when conditions use them', () => {
    const deps = [...dependencies, { name: 'unit_tests', eventSourceName: 'ci', eventName: 'unit2' }];
    expect(reported('E10', withConditions('unit-tests && e2e', deps))).toEqual([
      expect.stringMatching(/^spec\.dependencies\[3\]\.name: dependency names "unit-tests" \(spec\.dependencies\[0\]\) and "unit_tests" are the same to the sensor, .*"unit_tests" always resolves to the last of them, so conditions that mean the other one wait for the wrong event\. Rename one of them\.$/),
    ]);
    const withoutConditions = [sensor({ dependencies: deps })];
    expect(reported('E10', withoutConditions)).toEqual([]);
    expect(reported('E10', withoutConditions, 'warning')).toEqual([expect.stringContaining('once conditions use either')]);
  });
});
