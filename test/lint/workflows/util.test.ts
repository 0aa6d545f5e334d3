import { parseCron } from '../../../src/lint/util/cron';
import { parseGoDuration } from '../../../src/lint/util/duration';
import { hasTemplateTag, replaceTemplateTags, templateTags } from '../../../src/lint/util/template-variables';
import { isValidTimeZone } from '../../../src/lint/util/timezone';

describe('parseCron (robfig/cron ParseStandard, as Argo parses schedules)', () => {
  test.each([
    '0 2 * * *', '*/15 * * * *', '0 9-17 * * mon-fri', '0 0 1 jan,jul *', '5/10 * * * *', '0 0 ? * SUN',
    '0,30 * * * *', '59 23 31 12 6', '@daily', '@midnight', '@hourly', '@weekly', '@monthly', '@yearly', '@annually',
    '@every 1h30m', '@every 90s', 'CRON_TZ=Europe/Paris 0 6 * * *', 'TZ=UTC @daily', '  0 2 * * *  ',
  ])('accepts %p', expr => {
    expect(parseCron(expr)).toEqual({ ok: true });
  });

  test.each([
    ['', /empty/],
    ['0 0 2 * * *', /exactly 5 fields.*found 6.*no seconds field/],
    ['0 2 * *', /found 4/],
    ['60 * * * *', /minute field "60": 60 is above the maximum 59/],
    ['0 24 * * *', /hour field.*above the maximum 23/],
    ['0 0 0 * *', /day of month field.*below the minimum 1/],
    ['0 0 * 13 *', /month field.*above the maximum 12/],
    ['0 0 * * 7', /day of week field.*above the maximum 6/],
    ['0 0 * * L', /not a number \(L, W and # are not supported\)/],
    ['*/0 * * * *', /step must be a positive number/],
    ['5-1 * * * *', /range start 5 is after its end 1/],
    ['1-2-3 * * * *', /too many hyphens/],
    ['1/2/3 * * * *', /too many slashes/],
    ['-1 * * * *', /not a number/],
    ['0 0 * * foo', /"foo" is not a number/],
    ['@daily ', /unrecognized descriptor/],
    ['@fortnightly', /unrecognized descriptor/],
    ['@every 10', /missing unit.*after @every/],
    ['CRON_TZ=Mars/Olympus 0 6 * * *', /unknown time zone "Mars\/Olympus"/],
    ['TZ=UTC', /no schedule/],
  ])('rejects %p', (expr, reason) => {
    const result = parseCron(expr);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('isValidTimeZone (Go time.LoadLocation)', () => {
  test.each(['Europe/Paris', 'America/New_York', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata', 'US/Eastern', 'Local'])('accepts %p', zone => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  test.each(['', 'Mars/Olympus', 'europe/paris', 'utc', '+05:00', 'EST+5', 'Europe/Pariss'])('rejects %p', zone => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('parseGoDuration (Go time.ParseDuration)', () => {
  test.each([['30s', 30], ['1h30m', 5400], ['1.5h', 5400], ['500ms', 0.5], ['0', 0], ['-2m', -120], ['.5s', 0.5]])('%p is %p seconds', (text, seconds) => {
    const result = parseGoDuration(text);
    expect(result.ok && result.seconds).toBeCloseTo(seconds as number);
  });
  test.each([['30', /missing unit/], ['', /empty/], ['1d', /unknown unit "d"/], ['s', /invalid/], ['1h 30m', /invalid/]])('rejects %p', (text, reason) => {
    const result = parseGoDuration(text as string);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('templateTags ({{...}} references as Argo splits them)', () => {
  test('finds simple and expression tags, trimmed', () => {
    expect(templateTags('a {{ inputs.parameters.x }} b {{=sprig.upper(inputs.parameters.y)}} {{item}}')).toEqual([
      { name: 'inputs.parameters.x', expression: false, raw: '{{ inputs.parameters.x }}' },
      { name: 'sprig.upper(inputs.parameters.y)', expression: true, raw: '{{=sprig.upper(inputs.parameters.y)}}' },
      { name: 'item', expression: false, raw: '{{item}}' },
    ]);
  });
  test('an unclosed {{ ends the scan; plain strings have no tags', () => {
    expect(templateTags('{{a}} {{b')).toEqual([{ name: 'a', expression: false, raw: '{{a}}' }]);
    expect(templateTags('no variables')).toEqual([]);
    expect(hasTemplateTag('x {{y}}')).toBe(true);
    expect(hasTemplateTag('x {{y')).toBe(false);
  });
  test('replaceTemplateTags substitutes every reference', () => {
    expect(replaceTemplateTags('step-{{item}}-{{ item }}', 'x')).toBe('step-x-x');
  });
});
