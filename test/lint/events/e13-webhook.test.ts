import { eventSource, reported, webhook } from './helpers';

const hooks = (events: { [name: string]: any }) => [eventSource('hooks', { webhook: events })];

describe('E13 webhook', () => {
  test('endpoint and port are required', () => {
    expect(reported('E13', hooks({ push: { method: 'POST' } }))).toEqual([
      expect.stringMatching(/^spec\.webhook\.push\.endpoint: webhook has no endpoint: the controller rejects the EventSource/),
      expect.stringMatching(/^spec\.webhook\.push\.port: webhook has no port: the controller rejects the EventSource/),
    ]);
    expect(reported('E13', hooks({ push: webhook() }))).toEqual([]);
  });

  test('the endpoint must start with "/" or no request matches', () => {
    expect(reported('E13', hooks({ push: webhook('push') }))).toEqual([
      'spec.webhook.push.endpoint: endpoint "push" does not start with "/": the route is registered as written and no request path ever matches it, so every request gets 404 and the event never fires. Use "/push".',
    ]);
  });

  test('port: a string holding an integer 1-65535', () => {
    expect(reported('E13', hooks({ a: webhook('/a', 'http'), b: webhook('/b', '70000'), c: { ...webhook('/c'), port: 12000 } }))).toEqual([
      expect.stringMatching(/^spec\.webhook\.a\.port: port "http" is not an integer: the controller rejects the EventSource/),
      expect.stringMatching(/^spec\.webhook\.b\.port: port "70000" is outside 1-65535: Argo accepts it, but the event source's HTTP server cannot listen on it/),
      expect.stringMatching(/^spec\.webhook\.c\.port: port must be a string: .*Quote it: "12000"\.$/),
    ]);
  });

  test('method: an upper-case HTTP method, compared exactly with requests', () => {
    expect(reported('E13', hooks({ a: webhook('/a', '12000', 'post'), b: webhook('/b', '12000', 'SEND'), c: { endpoint: '/c', port: '12000' } }))).toEqual([
      expect.stringMatching(/^spec\.webhook\.a\.method: method "post" never equals a request's method .*Write it upper-case: "POST"\.$/),
      expect.stringMatching(/^spec\.webhook\.b\.method: method "SEND" .*Use one of GET, HEAD, POST/),
      expect.stringMatching(/^spec\.webhook\.c\.method: webhook has no method: Argo accepts it, but .*"http method does not match"/),
    ]);
    expect(reported('E13', hooks({ a: webhook('/a', '12000', 'PUT') }))).toEqual([]);
  });

  test('two events on the same port and endpoint: the second never fires', () => {
    expect(reported('E13', hooks({ push: webhook('/hook'), release: webhook('/hook') }))).toEqual([
      expect.stringMatching(/^spec\.webhook\.release\.endpoint: event "push" already listens on port 12000 at \/hook: .*"release" never fires/),
    ]);
    expect(reported('E13', hooks({ push: webhook('/hook'), release: webhook('/hook', '13000') }))).toEqual([]);
  });

  test('webhook contexts embedded in other sources get the endpoint and port checks', () => {
    const es = eventSource('git', { github: { push: { owner: 'o', repository: 'r', webhook: { endpoint: 'push', port: '12000', method: 'POST' } } } });
    expect(reported('E13', [es])).toEqual([expect.stringMatching(/^spec\.github\.push\.webhook\.endpoint: endpoint "push" does not start with "\/"/)]);
  });

  test('event names that are not identifiers are quoted in paths', () => {
    expect(reported('E13', hooks({ 'my.event': webhook('x') }))[0]).toMatch(/^spec\.webhook\["my\.event"\]\.endpoint: /);
  });
});
