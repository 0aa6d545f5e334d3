import type { ScalarTag } from 'yaml';
import { withGoScalars } from '../util/go-yaml';
import { yaml } from '../util/yaml';
import { DECLINE, PlainScalarReader } from './block-yaml';

let reader: PlainScalarReader | undefined;

/**
 * Plain scalars for the block reader, resolved by the tags the full reader's composer tries, in
 * its order (Go's readings, then YAML 1.2 core). A value that is not a JSON string, finite
 * number, boolean or null is left to the full reader, which reports it.
 */
export function plainScalarReader(): PlainScalarReader {
  if (reader) return reader;
  const Y = yaml();
  const tags = new Y.Schema({ customTags: withGoScalars }).tags.filter((t): t is ScalarTag => t.default === true && t.test !== undefined);
  const known = new Map<string, ReturnType<PlainScalarReader>>();
  return reader = text => {
    const seen = known.get(text);
    if (seen !== undefined) return seen;
    let value: ReturnType<PlainScalarReader> = DECLINE;
    const tag = tags.find(t => t.test!.test(text));
    if (!tag) {
      value = text;
    } else {
      let failed = false;
      const resolved: unknown = tag.resolve(text, () => { failed = true; }, { intAsBigInt: false });
      const v = Y.isScalar(resolved) ? resolved.value : resolved;
      if (!failed && (v === null || typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) value = v;
    }
    // Bounded: a file of unique values must not grow the cache without end.
    if (known.size < 10_000) known.set(text, value);
    return value;
  };
}
