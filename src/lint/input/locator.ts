import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { yaml } from '../util/yaml';
import { keyOf } from './plain-data';

/** 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where one document (or one JSON value) is in the text: [start, end). */
export interface DocumentRegion {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds field paths in the text again, on demand: a loaded manifest keeps only its data, and
 * the YAML nodes of its document are rebuilt (from the document's own slice of the text) when a
 * finding needs a position. The last document is kept, and its map keys indexed as they are
 * looked up, so locating every finding of a large document stays linear.
 */
export class SourceLocator {
  private cached?: { readonly region: DocumentRegion; readonly doc: Document.Parsed; readonly keys: Map<YAMLMap, Map<string, Pair>> };

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
    const Y = yaml();
    const { doc, keys } = this.document(region);
    let node: unknown = doc.contents;
    let best = fallback;
    for (const segment of segments) {
      let next: unknown;
      let offset: number | undefined;
      if (Y.isMap(node) || Y.isPair(node)) {
        const pair = Y.isPair(node) ? (keyOf(node.key) === String(segment) ? node : undefined) : this.keyIndex(node, keys).get(String(segment));
        if (pair) {
          offset = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
          next = pair.value;
        }
      } else if (Y.isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
        offset = Y.isPair(next) ? (next.key as Node | null)?.range?.[0] : (next as Node | null)?.range?.[0];
      }
      if (offset !== undefined) best = this.at(region.start + offset);
      if (next === undefined || next === null || Y.isAlias(next)) break;
      node = next;
    }
    return best;
  }

  private document(region: DocumentRegion) {
    if (this.cached?.region !== region) {
      const Y = yaml();
      const composer = new Y.Composer({ uniqueKeys: false, logLevel: 'silent' });
      let doc: Document.Parsed | undefined;
      for (const d of composer.compose(new Y.Parser().parse(this.text.slice(region.start, region.end)))) {
        doc ??= d;
      }
      this.cached = { region, doc: doc ?? new Y.Document() as Document.Parsed, keys: new Map() };
    }
    return this.cached;
  }

  private keyIndex(map: YAMLMap, keys: Map<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
    let index = keys.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items as Pair[]) {
        const key = keyOf(pair.key);
        if (typeof key === 'string' && !index.has(key)) index.set(key, pair);
      }
      keys.set(map, index);
    }
    return index;
  }
}
