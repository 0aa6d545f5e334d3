import { sjsonSet, sjsonSetInPlace } from '../../src/simulate/go/sjson';

describe('sjson set, as Argo Events writes trigger parameters', () => {
  const resource = () => ({ spec: { arguments: { parameters: [{ name: 'size', value: 'tall' }] } } });

  test.each([
    ['spec.arguments.parameters.0.value', { spec: { arguments: { parameters: [{ name: 'size', value: 'x' }] } } }],
    ['spec.arguments.parameters.2.value', { spec: { arguments: { parameters: [{ name: 'size', value: 'tall' }, null, { value: 'x' }] } } }],
    ['spec.arguments.parameters.-1', { spec: { arguments: { parameters: [{ name: 'size', value: 'tall' }, 'x'] } } }],
    ['metadata.labels.:5', { spec: resource().spec, metadata: { labels: { 5: 'x' } } }],
    ['metadata.labels.a\\.b', { spec: resource().spec, metadata: { labels: { 'a.b': 'x' } } }],
  ])('%s', (path, expected) => {
    const original = resource();
    expect(sjsonSet(original, path, 'x')).toEqual(expected);
    expect(original).toEqual(resource());
    // The in-place form gives the same value and changes the object it was given.
    const owned = resource();
    expect(sjsonSetInPlace(owned, path, 'x')).toEqual(expected);
    expect(owned).toEqual(expected);
  });

  test('a non-numeric key into an array throws, as sjson does, in both forms', () => {
    expect(() => sjsonSet(resource(), 'spec.arguments.parameters.name', 'x')).toThrow("cannot set array element for non-numeric key 'name'");
    expect(() => sjsonSetInPlace(resource(), 'spec.arguments.parameters.name', 'x')).toThrow("cannot set array element for non-numeric key 'name'");
  });
});
