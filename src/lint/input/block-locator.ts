import { BlockPositions, blockPositions, PlainScalarReader } from './block-yaml';
import type { DocumentRegion, PathLocator, SourcePosition } from './locator';

/**
 * Field paths in documents the block reader read, found where SourceLocator finds them in the
 * full reader's syntax tree (test/lint/block-yaml.test.ts compares the two). A document's
 * positions are read again from its text on the first lookup and kept for the last document,
 * so locating every finding of a large document stays linear.
 */
export class BlockLocator implements PathLocator {
  private cached?: { readonly region: DocumentRegion; readonly root: BlockPositions };

  constructor(private readonly text: string, private readonly at: (offset: number) => SourcePosition, private readonly plain: PlainScalarReader) {}

  public position(region: DocumentRegion, segments: readonly (string | number)[], fallback: SourcePosition): SourcePosition {
    if (this.cached?.region !== region) this.cached = { region, root: blockPositions(this.text, region, this.plain) };
    let node: BlockPositions = this.cached.root;
    let best: number | undefined;
    for (const segment of segments) {
      const item = typeof segment === 'number' && node.items ? node.items[segment] : node.keys?.get(String(segment));
      if (!item) break;
      if (item.offset !== undefined) best = item.offset;
      node = item;
    }
    return best === undefined ? fallback : this.at(best);
  }
}
