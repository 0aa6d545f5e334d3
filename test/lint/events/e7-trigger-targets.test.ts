import { reported, sensor, trigger } from './helpers';

const one = (kind: string, body: { [key: string]: any }, extra: { [key: string]: any } = {}) => [sensor({ triggers: [trigger('t', kind, body, extra)] })];
const payload = [{ src: { dependencyName: 'push', dataKey: 'body' }, dest: 'msg' }];

describe('E7 trigger targets', () => {
  test('http: url and an upper-case GET|DELETE|PATCH|POST|PUT method', () => {
    expect(reported('E7', one('http', { serverURL: 'http://x', method: 'post' }))).toEqual([
      expect.stringMatching(/http\.method: HTTP method "post" is not supported: the controller rejects the Sensor .*\(methods are upper-case: "POST"\)\.$/),
      expect.stringMatching(/http\.url: url is required: .*"server URL is not specified".*serverURL is the field's old name/),
    ]);
    expect(reported('E7', one('http', { url: 'http://x', method: 'HEAD' }))[0]).toMatch(/Use one of GET, DELETE, PATCH, POST, PUT\.$/);
    expect(reported('E7', one('http', { url: 'http://x', method: 'POST', payload }))).toEqual([]);
    expect(reported('E7', one('http', { url: 'http://x' }))).toEqual([]);
  });

  test('slack needs slackToken', () => {
    expect(reported('E7', one('slack', { channel: 'ci' }))).toEqual([expect.stringMatching(/slack\.slackToken: slack trigger has no slackToken: the controller rejects/)]);
    expect(reported('E7', one('slack', { channel: 'ci', slackToken: { name: 'slack', key: 'token' } }))).toEqual([]);
  });

  test('kafka needs url, topic and payload; nats url, subject and payload', () => {
    expect(reported('E7', one('kafka', { url: 'kafka:9092' }))).toEqual([
      expect.stringMatching(/kafka\.payload: payload is required: .*"payload must not be empty"/),
      expect.stringMatching(/kafka\.topic: topic is required/),
    ]);
    expect(reported('E7', one('kafka', { url: 'kafka:9092', topic: 'builds', payload: [] }))).toEqual([]);
    expect(reported('E7', one('nats', { subject: 'builds', payload }))).toEqual([expect.stringMatching(/nats\.url: url is required: .*"nats server url can't be empty"/)]);
    expect(reported('E7', one('nats', { url: 'nats://nats:4222', subject: 'builds', payload }))).toEqual([]);
  });

  test('awsLambda, openWhisk, custom and email required fields', () => {
    expect(reported('E7', one('awsLambda', { functionName: 'f', payload }))).toEqual([expect.stringMatching(/awsLambda\.region: region is required/)]);
    expect(reported('E7', one('openWhisk', { actionName: 'a', host: 'h', payload, authToken: { name: 's' } }))).toEqual([expect.stringMatching(/openWhisk\.authToken: authToken needs both name and key/)]);
    expect(reported('E7', one('custom', { serverURL: 'x:1', secure: true, spec: {} }))).toEqual([expect.stringMatching(/custom\.certSecret: a secure custom trigger needs certSecret/)]);
    expect(reported('E7', one('email', { host: 'smtp', port: 70000 }))).toEqual([expect.stringMatching(/email\.port: SMTP port 70000 is out of range/)]);
    expect(reported('E7', one('email', { host: 'smtp', port: 587 }))).toEqual([]);
  });

  test('an http status policy lists allowed statuses', () => {
    expect(reported('E7', one('http', { url: 'http://x' }, { policy: { status: {} } }))).toEqual([
      expect.stringMatching(/^spec\.triggers\[0\]\.policy\.status\.allow: status policy has no allow list: the controller rejects the Sensor/),
    ]);
    expect(reported('E7', one('http', { url: 'http://x' }, { policy: { status: { allow: [200] } } }))).toEqual([]);
  });
});
