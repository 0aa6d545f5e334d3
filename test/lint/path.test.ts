import { fieldPath, parseFieldPath } from '../../src/lint/path';

describe('parseFieldPath', () => {
  test.each([
    ['spec.templates[0].steps[1][0]', ['spec', 'templates', 0, 'steps', 1, 0]],
    ['spec.webhook["my.event"].port', ['spec', 'webhook', 'my.event', 'port']],
    ['metadata.labels["app.kubernetes.io/name"]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['', []],
    ['kind', ['kind']],
  ])('%s', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });

  test('reverses fieldPath', () => {
    const segments = ['spec', 'triggers', 3, 'template', 'k8s', 'source', 'a b', 'c"d', 0];
    expect(parseFieldPath(fieldPath(...segments))).toEqual(segments);
  });
});
