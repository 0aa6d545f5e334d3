import { parseClockTime } from '../../../src/lint/rules/events/support/clock-time';
import { parseConditions } from '../../../src/lint/rules/events/support/conditions';
import { robfigCronProblem } from '../../../src/lint/rules/events/support/robfig-cron';
import { closestName } from '../../../src/lint/rules/events/support/suggest';
import { timeZoneProblem } from '../../../src/lint/rules/events/support/timezone';

describe('conditions parser', () => {
  test('names in order, with the keys the sensor looks up', () => {
    expect(parseConditions('(dep-a || dep_b) && c')).toEqual({ names: [{ name: 'dep-a', key: 'dep_a' }, { name: 'dep_b', key: 'dep_b' }, { name: 'c', key: 'c' }], problem: undefined });
  });

  test.each([
    ['', 'the expression is empty'],
    ['a &&', 'the expression ends where a dependency name is expected'],
    ['a) && b', 'unexpected ")"'],
    ['(a || (b && c)', 'a "(" is not closed'],
    ['a | b', '"|" must be doubled ("||")'],
    ['a or b', '"or" is not an operator here: use && and || (there is no negation)'],
    ['true && a', '"true" is a keyword of the expression language'],
    ['1st && a', '"1st" is not usable as a name: after "-" becomes "_" it must be letters, digits and "_", not starting with a digit'],
    ['a.b', '"a.b" is not usable as a name: after "-" becomes "_" it must be letters, digits and "_", not starting with a digit'],
  ])('%j: %s', (expression, problem) => {
    expect(parseConditions(expression).problem).toBe(problem);
  });
});

describe('time helpers', () => {
  test('clock times as Go parses 15:04:05', () => {
    expect(parseClockTime('9:05:00')).toBe(9 * 3600 + 300);
    expect(parseClockTime('23:59:59.5')).toBe(86399.5);
    for (const bad of ['09:00', '24:00:00', '09:5:00', '09:00:60', 'noon']) expect(parseClockTime(bad)).toBeUndefined();
  });

  test('Argo Events cron: no descriptors, TZ prefix allowed', () => {
    expect(robfigCronProblem('CRON_TZ=Europe/Paris 0 9 * * 1-5')).toBeUndefined();
    expect(robfigCronProblem('TZ=UTC @daily')).toMatch(/descriptors such as "@daily" are not accepted/);
    expect(robfigCronProblem('@every 1h')).toMatch(/descriptors such as "@every"/);
    expect(robfigCronProblem('0 0 31 2')).toMatch(/expected exactly 5 fields/);
  });

  test('time zones: empty means UTC; names are case-sensitive', () => {
    expect(timeZoneProblem('')).toBeUndefined();
    expect(timeZoneProblem('Asia/Kolkata')).toBeUndefined(); // an alias of Asia/Calcutta in ICU
    expect(timeZoneProblem('europe/paris')).toMatch(/not an IANA time zone/);
  });
});

describe('suggestions', () => {
  test('close names only', () => {
    expect(closestName('exmaple', ['example', 'other'])).toBe('example');
    expect(closestName('abc', ['xyz'])).toBeUndefined();
  });
});
