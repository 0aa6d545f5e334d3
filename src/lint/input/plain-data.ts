import type { Alias, Document, Node, Pair, Scalar } from 'yaml';
import { yaml } from '../util/yaml';
import { MAX_NESTING } from './nesting';

/** Why a composed YAML document cannot become a manifest, and where. */
export interface DataProblem {
  readonly offset: number;
  readonly message: string;
}

type Out = { [key: string]: unknown } | unknown[];

interface Frame {
  readonly items: readonly unknown[];
  readonly out: Out;
  readonly isMap: boolean;
  readonly anchor?: string;
  index: number;
  pendingKey: string;
  /** Nodes below and including this one, aliases expanded (what a decoder that copies aliases visits). */
  size: number;
  /** Deepest nesting below this node, aliases expanded. */
  height: number;
}

/** What an anchor stands for while a document is read. */
export interface Anchored {
  readonly value: unknown;
  readonly size: number;
  readonly height: number;
  /** The anchored collection is still being read: an alias to it would be a cycle. */
  readonly open: boolean;
}

const OPEN: Anchored = { value: undefined, size: 0, height: 0, open: true };

/**
 * Go's YAML decoder (go-yaml, used by Kubernetes through sigs.k8s.io/yaml, and by Argo) refuses a
 * document when aliases make up too much of what it decodes ("document contains excessive
 * aliasing", the fix for the billion-laughs CVE-2019-11253). Same thresholds here.
 */
function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99;
  if (decoded >= 4_000_000) return 0.10;
  return 0.99 - 0.89 * ((decoded - 400_000) / 3_600_000);
}

/**
 * Converts a composed YAML document to plain JSON data, the way Kubernetes reads YAML (YAML to
 * JSON, then JSON): map keys become strings (a null or collection key is a problem), duplicate
 * keys are problems, aliases are shared (not copied) but counted as copies for go-yaml's
 * alias-bomb limit and for the nesting limit, an alias to an unknown anchor or to a node
 * containing it is a problem, and numbers JSON cannot hold (.inf, .nan) are problems. Keys are
 * own properties (`__proto__` included). Iterative, linear in the document; `lineOf` turns an
 * offset into a line for messages.
 */
export function toPlainData(doc: Document.Parsed, lineOf: (offset: number) => number): { readonly value: unknown } | { readonly problem: DataProblem } {
  const Y = yaml();
  const anchors = new Map<string, Anchored>();
  const stack: Frame[] = [];
  let root: unknown = null;
  let direct = 0;
  let expanded = 0;

  const deliver = (value: unknown, size: number, height: number) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      root = value;
      return;
    }
    parent.size += size;
    if (height > parent.height) parent.height = height;
    if (parent.isMap) setOwn(parent.out as { [key: string]: unknown }, parent.pendingKey, value);
    else (parent.out as unknown[]).push(value);
  };

  /** Reads one value node: scalars and aliases at once, collections by pushing a frame. */
  const begin = (node: unknown): DataProblem | undefined => {
    direct++;
    if (node === null || node === undefined) {
      deliver(null, 1, 0);
      return undefined;
    }
    if (Y.isScalar(node)) {
      const value = scalarValue(node);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return { offset: start(node), message: `${JSON.stringify(String(node.source ?? value))} is read as ${value}, which JSON cannot hold: kubectl and Argo reject the manifest (json: unsupported value). Quote it if it is meant as a string` };
      }
      if (node.anchor) anchors.set(node.anchor, { value, size: 1, height: 0, open: false });
      deliver(value, 1, 0);
      return undefined;
    }
    if (Y.isAlias(node)) {
      const target = anchors.get((node as Alias).source);
      if (!target) return { offset: start(node), message: `alias *${(node as Alias).source} refers to no anchor defined before it (&${(node as Alias).source}): Kubernetes rejects the document (unknown anchor). Define the anchor first or fix the name` };
      if (target.open) return { offset: start(node), message: `alias *${(node as Alias).source} is inside the node anchored &${(node as Alias).source}, so it would contain itself: Kubernetes rejects the document. Move the alias out of the anchored node` };
      expanded += target.size;
      const decoded = direct + expanded;
      if (expanded > 100 && decoded > 1000 && expanded / decoded > allowedAliasRatio(decoded)) {
        return { offset: start(node), message: `the document contains excessive aliasing: its ${direct} nodes expand to more than ${decoded} through aliases (an alias bomb?). Kubernetes' YAML decoder rejects it with the same limit; write the data out instead of aliasing it` };
      }
      if (stack.length + target.height > MAX_NESTING) return tooDeep(start(node), 'through this alias');
      deliver(target.value, 1 + target.size, target.height);
      return undefined;
    }
    if (Y.isMap(node) || Y.isSeq(node) || Y.isPair(node)) {
      if (stack.length + 1 > MAX_NESTING) return tooDeep(start(node as Node), '');
      const anchor = Y.isPair(node) ? undefined : (node as Node).anchor;
      if (anchor) anchors.set(anchor, OPEN);
      // A pair in a sequence (`[a: 1]`) is a map with one entry.
      const isMap = !Y.isSeq(node);
      const items = Y.isPair(node) ? [node] : (node as { items: unknown[] }).items;
      stack.push({ items, out: isMap ? {} : [], isMap, anchor, index: 0, pendingKey: '', size: 1, height: 0 });
      return undefined;
    }
    return { offset: 0, message: `unsupported YAML node ${String(node)}` };
  };

  const problem = begin(doc.contents);
  if (problem) return { problem };
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.items.length) {
      stack.pop();
      if (frame.anchor) anchors.set(frame.anchor, { value: frame.out, size: frame.size, height: frame.height + 1, open: false });
      deliver(frame.out, frame.size, frame.height + 1);
      continue;
    }
    const item = frame.items[frame.index++];
    let next: unknown = item;
    if (frame.isMap) {
      const pair = item as Pair;
      const key = keyOf(pair.key, anchors);
      if (typeof key !== 'string') return { problem: key ?? { offset: pairStart(pair), message: 'a map key is missing (an empty or null key): Kubernetes rejects the document (unsupported map key). Give the entry a key' } };
      if (Object.prototype.hasOwnProperty.call(frame.out, key)) {
        const first = (frame.items as Pair[]).find(p => keyOf(p.key, anchors) === key);
        return { problem: { offset: pairStart(pair), message: `YAML syntax error: Map keys must be unique: ${JSON.stringify(key)} is also at line ${lineOf(first ? pairStart(first) : 0)}. Go's YAML parser (kubectl, Argo) silently keeps the last one; remove one of them` } };
      }
      if (Y.isScalar(pair.key) && pair.key.anchor) anchors.set(pair.key.anchor, { value: key, size: 1, height: 0, open: false });
      direct++;
      frame.size++;
      frame.pendingKey = key;
      next = pair.value;
    }
    const failed = begin(next);
    if (failed) return { problem: failed };
  }
  return { value: root };
}

/**
 * The string a map key becomes in JSON, as sigs.k8s.io/yaml converts it: strings as they are,
 * numbers and booleans formatted; undefined for a null key, a problem for a collection key.
 */
export function keyOf(key: unknown, anchors?: ReadonlyMap<string, Anchored>): string | DataProblem | undefined {
  const Y = yaml();
  if (key === null || key === undefined) return undefined;
  if (Y.isScalar(key)) {
    const value = scalarValue(key);
    return value === null ? undefined : typeof value === 'string' ? value : String(value);
  }
  if (Y.isAlias(key)) {
    const target = anchors?.get((key as Alias).source);
    if (target && !target.open && (typeof target.value !== 'object' || target.value === null)) return target.value === null ? undefined : String(target.value);
    return { offset: start(key as Node), message: `alias *${(key as Alias).source} is used as a map key but does not stand for a string: Kubernetes rejects the document (unsupported map key)` };
  }
  return { offset: start(key as Node), message: COLLECTION_KEY };
}

/** Marker the loader recognizes to explain an unquoted Helm `{{ ... }}`. */
export const COLLECTION_KEY = 'a mapping or sequence is used as a map key';

/** JSON value of a scalar: binary data as the text of its bytes, timestamps as written (as go-yaml does). */
function scalarValue(node: Scalar): unknown {
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return node.source ?? String(value);
}

function setOwn(out: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}

function pairStart(pair: Pair): number {
  const key = pair.key as Node | null;
  return key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
}

function tooDeep(offset: number, how: string): { readonly offset: number; readonly message: string } {
  return { offset, message: `nested too deeply${how ? ` ${how}` : ''}: more than ${MAX_NESTING} levels of maps and lists. No Kubernetes or Argo manifest needs this many (Argo's CRDs reach about 40); flatten the data or keep it as a string (e.g. a ConfigMap value)` };
}
