import { reported, sensor } from './helpers';

function withFilters(filters: { [key: string]: any }, extra: { [key: string]: any } = {}) {
  return sensor({ dependencies: [{ name: 'push', eventSourceName: 'github', eventName: 'push', filters, ...extra }] });
}

const F = 'spec.dependencies[0].filters';

describe('E3 dependency filters', () => {
  test('logical operators are and | or', () => {
    expect(reported('E3', [withFilters({ dataLogicalOperator: 'AND' }, { filtersLogicalOperator: 'xor' })])).toEqual([
      expect.stringMatching(/^spec\.dependencies\[0\]\.filters\.dataLogicalOperator: logical operator "AND" is not supported: the controller rejects the Sensor.*lower-case\.$/),
      expect.stringMatching(/^spec\.dependencies\[0\]\.filtersLogicalOperator: logical operator "xor"/),
    ]);
    expect(reported('E3', [withFilters({ dataLogicalOperator: 'or' }, { filtersLogicalOperator: 'and' })])).toEqual([]);
  });

  test('data filters need a known comparator, path, type and non-empty values', () => {
    expect(reported('E3', [withFilters({ data: [{ path: '', type: 'string', value: ['main', ''], comparator: '==' }] })])).toEqual([
      expect.stringMatching(/^spec\.dependencies\[0\]\.filters\.data\[0\]\.comparator: comparator "==" is not supported/),
      expect.stringMatching(/data\[0\]\.path: data filter has no path: the controller rejects the Sensor/),
      expect.stringMatching(/data\[0\]\.value\[1\]: empty data filter value/),
    ]);
    expect(reported('E3', [withFilters({ data: [{ path: 'body.ref', type: 'string', value: ['main'], comparator: '!=' }] })])).toEqual([]);
  });

  test('data filter type and values must be usable, or every event is discarded', () => {
    const errors = reported('E3', [withFilters({ data: [
      { path: 'body.n', type: 'int', value: ['1'] },
      { path: 'body.n', type: 'number', value: ['ten'] },
      { path: 'body.ok', type: 'bool', value: ['yes'] },
      { path: 'body.ref', type: 'string', value: ['v1'], comparator: '>' },
    ] })]);
    expect(errors).toEqual([
      `${F}.data[0].type: data filter type "int" is not supported: the sensor fails the filter ("unsupported JSON type") and discards every event. Use bool, number or string.`,
      expect.stringMatching(/data\[1\]\.value\[0\]: "ten" is not a number: the sensor fails the filter on every event/),
      expect.stringMatching(/data\[2\]\.value\[0\]: "yes" is not a bool/),
      expect.stringMatching(/data\[3\]\.comparator: comparator ">" does not apply to strings: .*never matches/),
    ]);
    expect(reported('E3', [withFilters({ data: [
      { path: 'body.n', type: 'number', value: ['10', '-2.5e3'], comparator: '>=' },
      { path: 'body.ok', type: 'bool', value: ['true', 'F'] },
    ] })])).toEqual([]);
  });

  test('expr filters need expr and named fields', () => {
    expect(reported('E3', [withFilters({ exprs: [{ expr: '', fields: [{ path: 'body.a' }] }] })])).toEqual([
      expect.stringMatching(/exprs\[0\]\.expr: expr filter has no expr: the controller rejects the Sensor/),
      expect.stringMatching(/exprs\[0\]\.fields\[0\]\.name: expr filter field has no name/),
    ]);
    expect(reported('E3', [withFilters({ exprs: [{ expr: 'a > 1', fields: [{ path: 'body.a', name: 'a' }] }] })])).toEqual([]);
  });

  test('a context filter must set a field', () => {
    expect(reported('E3', [withFilters({ context: { id: 'x' } })])).toEqual([
      expect.stringMatching(/^spec\.dependencies\[0\]\.filters\.context: context filter sets none of type, subject, source, datacontenttype/),
    ]);
    expect(reported('E3', [withFilters({ context: { type: 'push' } })])).toEqual([]);
  });

  test('time filters: HH:MM:SS, distinct start and stop, real time zone', () => {
    expect(reported('E3', [withFilters({ time: { start: '9:00', stop: '24:00:00', timezone: 'Mars/Olympus' } })])).toEqual([
      expect.stringMatching(/time\.start: "9:00" is not a time of day: .*HH:MM:SS/),
      expect.stringMatching(/time\.stop: "24:00:00" is not a time of day/),
      expect.stringMatching(/time\.timezone: "Mars\/Olympus" is not an IANA time zone/),
    ]);
    expect(reported('E3', [withFilters({ time: { start: '09:00:00', stop: '9:00:00' } })])).toEqual([
      expect.stringMatching(/time\.stop: stop "9:00:00" equals start "09:00:00": the controller rejects the Sensor/),
    ]);
    expect(reported('E3', [withFilters({ time: { start: '23:30:00', stop: '01:00:00', timezone: 'America/New_York' } })])).toEqual([]);
  });
});
