// Kubernetes quantities: how every construct of this library renders a cdk8s Size (memory,
// storage, volume sizes of Workflows and Events alike) and reads a quantity written as text.
import { Size, SizeRoundingBehavior } from 'cdk8s';

/** The binary suffixes, largest first, with their factor in bytes. */
const BINARY: readonly (readonly [string, number])[] = [
  ['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10],
];

/** A cdk8s Size, also one made by another copy of cdk8s than this library's. */
export function isSize(value: unknown): value is Size {
  return value instanceof Size || typeof (value as Size | undefined)?.toKibibytes === 'function';
}

/** A Size in bytes (a fraction when the Size is a fraction of a byte). */
export function sizeBytes(size: Size): number {
  return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
}

/**
 * A Size as the quantity Kubernetes itself would print for it: the largest binary suffix the
 * amount is a whole number of (`Size.gibibytes(1)` is `1Gi`, `Size.mebibytes(1536)` is `1536Mi`,
 * `Size.kibibytes(0.5)` is `512`), so the same Size renders the same in every field.
 * Throws on a fraction of a byte or a negative Size (Kubernetes would round or refuse it).
 */
export function sizeQuantity(size: Size): string {
  const bytes = sizeBytes(size);
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new Error(`a size must be a whole, non-negative number of bytes below 2^53, got ${bytes} bytes: `
      + 'give it in a unit it is a whole number of (Size.mebibytes(512), Size.gibibytes(1))');
  }
  if (bytes === 0) return '0';
  for (const [suffix, factor] of BINARY) {
    if (bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  return String(bytes);
}

/** Kubernetes' quantity syntax (`<signed number><suffix>`), and the factor of each suffix. */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([eE][+-]?\d+|[KMGTPE]i|[mkMGTPE])?$/;
const FACTOR: { readonly [suffix: string]: number } = {
  'm': 1e-3, '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
  'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
};

/**
 * The value of a quantity (`'250m'`, `'1Gi'`, `'129e6'`) in base units (cores, bytes), or
 * undefined when Kubernetes would not parse the text as a quantity.
 */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : FACTOR[suffix];
  return Number(m[1]) * factor;
}
