import type { CST } from 'yaml';

/**
 * How deep collections may nest in one document. Kubernetes' decoders stop at 10,000 levels;
 * real manifests stay far below 100 (Argo's full CRDs reach 37), and every step after parsing
 * (YAML composition, the schema check, the rules) recurses, so the loader refuses anything
 * deeper than this with a clear message instead of running out of stack.
 */
export const MAX_NESTING = 200;

/**
 * Offset of the first collection nested deeper than `limit` in a parsed (CST) document, or
 * undefined. Iterative, so it cannot overflow the stack itself.
 */
export function tooDeep(document: CST.Document, limit: number = MAX_NESTING): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = [{ token: document.value, depth: 0 }];
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > limit) return token.offset;
    for (const item of token.items) {
      stack.push({ token: item.key, depth: depth + 1 });
      stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
