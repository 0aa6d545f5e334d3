import { eventSource, reported } from './helpers';

const source = (kind: string, body: { [key: string]: any }) => [eventSource('src', { [kind]: { example: body } })];

describe('E14 calendar', () => {
  test('schedule or interval is required', () => {
    expect(reported('E14', source('calendar', { timezone: 'UTC' }))).toEqual([
      expect.stringMatching(/^spec\.calendar\.example: calendar event has neither schedule nor interval: the controller rejects the EventSource/),
    ]);
  });

  test('schedule: five cron fields, no descriptors', () => {
    expect(reported('E14', source('calendar', { schedule: '@hourly' }))).toEqual([
      expect.stringMatching(/^spec\.calendar\.example\.schedule: invalid schedule "@hourly" \(descriptors such as "@hourly" are not accepted here/),
    ]);
    expect(reported('E14', source('calendar', { schedule: '0 0 * * 7' }))[0]).toMatch(/day of week field "7": 7 is above the maximum 6/);
    expect(reported('E14', source('calendar', { schedule: '*/10 9-17 * * mon-fri' }))).toEqual([]);
  });

  test('interval: a positive Go duration, read only without schedule', () => {
    expect(reported('E14', source('calendar', { interval: '1d' }))).toEqual([expect.stringMatching(/calendar\.example\.interval: invalid interval "1d" .*Use a Go duration/)]);
    expect(reported('E14', source('calendar', { interval: '0s' }))).toEqual([expect.stringMatching(/interval "0s" is not positive: .*tight loop/)]);
    expect(reported('E14', source('calendar', { interval: '1h30m' }))).toEqual([]);
    expect(reported('E14', source('calendar', { schedule: '0 * * * *', interval: 'ignored' }))).toEqual([]);
  });

  test('timezone must load', () => {
    expect(reported('E14', source('calendar', { interval: '10s', timezone: 'Europe/Pariss' }))).toEqual([
      expect.stringMatching(/calendar\.example\.timezone: "Europe\/Pariss" is not an IANA time zone.*the calendar fails to load the location/),
    ]);
    expect(reported('E14', source('calendar', { interval: '10s', timezone: 'Europe/Paris' }))).toEqual([]);
  });
});

describe('E14 generic and kafka', () => {
  test('generic needs url and config', () => {
    expect(reported('E14', source('generic', { url: 'server:8080' }))).toEqual([expect.stringMatching(/^spec\.generic\.example\.config: generic event source has no config/)]);
    expect(reported('E14', source('generic', { url: 'server:8080', config: 'k: v' }))).toEqual([]);
  });

  test('kafka needs url, topic and a consumerGroup or partition', () => {
    expect(reported('E14', source('kafka', { url: 'kafka:9092' }))).toEqual([
      expect.stringMatching(/^spec\.kafka\.example: kafka event source has neither consumerGroup nor partition/),
      expect.stringMatching(/^spec\.kafka\.example\.topic: kafka event source has no topic: .*"topic must be specified"/),
    ]);
    expect(reported('E14', source('kafka', { url: 'kafka:9092', topic: 't', consumerGroup: { groupName: 'g' } }))).toEqual([]);
    expect(reported('E14', source('kafka', { url: 'kafka:9092', topic: 't', partition: '0' }))).toEqual([]);
  });
});
