import { Size } from 'cdk8s';
import { parseQuantity, sizeBytes, sizeQuantity } from '../../src/core/quantity';

describe('sizeQuantity: one rendering of a Size in every field (Workflows and Events)', () => {
  test.each([
    [Size.gibibytes(1), '1Gi'],
    [Size.mebibytes(1024), '1Gi'],
    [Size.mebibytes(1536), '1536Mi'],
    [Size.mebibytes(512), '512Mi'],
    [Size.gibibytes(10), '10Gi'],
    [Size.tebibytes(2), '2Ti'],
    [Size.tebibytes(1024), '1Pi'],
    [Size.kibibytes(1536), '1536Ki'],
    [Size.kibibytes(2048), '2Mi'],
    [Size.kibibytes(0.5), '512'],
    [Size.kibibytes(0), '0'],
  ])('%s renders %s', (size, text) => {
    expect(sizeQuantity(size)).toBe(text);
  });

  test('the rendering is a quantity of the same number of bytes', () => {
    for (const size of [Size.gibibytes(3), Size.mebibytes(1536), Size.kibibytes(0.25), Size.tebibytes(1)]) {
      expect(parseQuantity(sizeQuantity(size))).toBe(sizeBytes(size));
    }
  });

  test('a fraction of a byte is refused with the fix', () => {
    expect(() => sizeQuantity(Size.kibibytes(0.0001))).toThrow(/whole, non-negative number of bytes.*Size\.mebibytes/);
  });
});

describe('parseQuantity', () => {
  test.each([
    ['250m', 0.25], ['1', 1], ['.5', 0.5], ['1Gi', 2 ** 30], ['500M', 5e8], ['129e6', 129e6], ['-1', -1],
  ])('%s is %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });
  test.each(['1GB', '', 'Gi', '1 Gi', '1.2.3'])('%j is not a quantity', text => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
