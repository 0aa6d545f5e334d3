import type { CST, LineCounter } from 'yaml';
import { yaml } from '../util/yaml';

/** 1-based line and column. */
export interface SourcePosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** Where one document (or one JSON value) is in the text: [start, end). */
export interface DocumentRegion {
  readonly start: number;
  readonly end: number;
}

/** Finds the position of a field path in a document of the text. */
export interface PathLocator {
  /**
   * Position of the key (or list item) at the end of `segments` in the document, or of its
   * deepest ancestor present; `fallback` when not even the first segment is there.
   */
  position(region: DocumentRegion, segments: readonly (string | number)[], fallback: SourcePosition): SourcePosition;
}

type Item = CST.CollectionItem;
type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/**
 * Finds field paths in the text again, on demand: a loaded manifest keeps only its data, and the
 * syntax tree of its document is rebuilt (parsed again from the document's own slice of the
 * text, without composing it) when a finding needs a position. The last document is kept, and
 * its map keys indexed as they are looked up, so locating every finding of a large document
 * stays linear.
 */
export class SourceLocator implements PathLocator {
  private cached?: { readonly region: DocumentRegion; readonly doc?: CST.Document; readonly keys: Map<Collection, Map<string, Item>> };

  constructor(private readonly text: string, private readonly lines: LineCounter) {}

  /** Position of an offset of the text. */
  public at(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /**
   * Position of the key (or list item) at the end of `segments` in the document, or of its
   * deepest ancestor present; `fallback` when not even the first segment is there.
   */
  public position(region: DocumentRegion, segments: readonly (string | number)[], fallback: SourcePosition): SourcePosition {
    const { doc, keys } = this.document(region);
    let node: CST.Token | null | undefined = doc?.value;
    let best = fallback;
    for (const segment of segments) {
      if (!node || !isCollection(node)) break;
      let item: Item | undefined;
      if (typeof segment === 'number' && node.type !== 'block-map' && !isFlowMap(node)) item = node.items[segment];
      else if (node.type === 'block-map' || isFlowMap(node)) item = this.keyIndex(node, keys).get(String(segment));
      if (!item) break;
      const offset = item.key?.offset ?? item.value?.offset;
      if (offset !== undefined) best = this.at(region.start + offset);
      node = item.value;
      if (node?.type === 'alias') break;
    }
    return best;
  }

  private document(region: DocumentRegion) {
    if (this.cached?.region !== region) {
      let doc: CST.Document | undefined;
      for (const token of new (yaml().Parser)().parse(this.text.slice(region.start, region.end))) {
        if (token.type === 'document') {
          doc = token;
          break;
        }
      }
      this.cached = { region, doc, keys: new Map() };
    }
    return this.cached;
  }

  private keyIndex(map: Collection, keys: Map<Collection, Map<string, Item>>): Map<string, Item> {
    let index = keys.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const key = keyText(item.key);
        if (key !== undefined && !index.has(key)) index.set(key, item);
      }
      keys.set(map, index);
    }
    return index;
  }
}

function isCollection(token: CST.Token): token is Collection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

function isFlowMap(token: Collection): boolean {
  return token.type === 'flow-collection' && token.start.source === '{';
}

/** The text of a scalar key as it reads (quotes and escapes resolved). */
function keyText(token: CST.Token | null | undefined): string | undefined {
  if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar' && token.type !== 'block-scalar')) return undefined;
  return yaml().CST.resolveAsScalar(token)?.value;
}
