/**
 * A layered (Sugiyama-style) layout, left to right, for boxes whose links attach at ports along
 * their sides (a record's rows). Deterministic: the same input gives the same coordinates.
 * Steps per connected component: break cycles, assign layers (longest path, sources pulled
 * next to their successors), add a dummy per layer a long link crosses, order each layer by
 * barycenters (keeping the order with the fewest crossings), then place each layer vertically as
 * close to its neighbours as the gaps allow (isotonic regression), and route links through the
 * gaps. Components are packed in rows.
 */

export interface LayoutBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Port id -> vertical offset from the box top (a link without port attaches at `defaultPort`). */
  readonly ports?: ReadonlyMap<string, number>;
  /** Offset used for links without a port. @default height / 2 */
  readonly defaultPort?: number;
}

export interface LayoutLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fromPort?: string;
  readonly toPort?: string;
  /** Whether the link pushes its target to a later layer. @default true */
  readonly constraint?: boolean;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A routed link: points from source port to target port; `curved[i]` tells whether the piece from point i to i+1 crosses a gap. */
export interface RoutedLink {
  readonly points: readonly Point[];
  readonly curved: readonly boolean[];
  /** `same-layer` links leave and enter on the right-hand side. */
  readonly shape: 'forward' | 'backward' | 'same-layer' | 'self';
}

export interface LayoutResult {
  readonly boxes: ReadonlyMap<string, PlacedBox>;
  readonly links: ReadonlyMap<string, RoutedLink>;
  readonly width: number;
  readonly height: number;
}

export interface LayoutOptions {
  /** Horizontal gap between layers. @default 72 */
  readonly layerGap?: number;
  /** Vertical gap between boxes of a layer. @default 22 */
  readonly boxGap?: number;
  /** Vertical gap between links passing through a layer. @default 10 */
  readonly linkGap?: number;
  /** Gap between packed components. @default 48 */
  readonly componentGap?: number;
  /** Width to height ratio the packing of several components aims at. @default 1.6 */
  readonly aspect?: number;
}

/** One thing in a layer: a box, or a link passing through. */
interface Item {
  readonly index: number;
  readonly box?: number;
  readonly height: number;
  layer: number;
  order: number;
  y: number;
}

/** A link piece between items of adjacent layers (upper = lower layer index). */
interface Segment {
  readonly left: Item;
  readonly right: Item;
  readonly leftOffset: number;
  readonly rightOffset: number;
  readonly weight: number;
}

interface Chain {
  readonly link: number;
  readonly items: readonly Item[];
  readonly shape: RoutedLink['shape'];
  readonly fromOffset: number;
  readonly toOffset: number;
}

export function layeredLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[], options: LayoutOptions = {}): LayoutResult {
  const o = {
    layerGap: options.layerGap ?? 72, boxGap: options.boxGap ?? 22, linkGap: options.linkGap ?? 10,
    componentGap: options.componentGap ?? 48, aspect: options.aspect ?? 1.6,
  };
  const indexOf = new Map(boxes.map((b, i) => [b.id, i]));
  const resolved = links.map(l => ({ link: l, from: indexOf.get(l.from), to: indexOf.get(l.to) }))
    .filter((l): l is { link: LayoutLink; from: number; to: number } => l.from !== undefined && l.to !== undefined);

  const components = connectedComponents(boxes.length, resolved);
  const placed = new Map<string, PlacedBox>();
  const routed = new Map<string, RoutedLink>();
  const laid = components.map(c => layoutComponent(boxes, resolved.filter(l => c.has(l.from)), [...c].sort((a, b) => a - b), o));
  const positions = pack(laid, o.componentGap, o.aspect);
  let width = 0;
  let height = 0;
  laid.forEach((l, i) => {
    const { x, y } = positions[i];
    for (const [id, b] of l.boxes) placed.set(id, { ...b, x: b.x + x, y: b.y + y });
    for (const [id, r] of l.links) routed.set(id, { ...r, points: r.points.map(p => ({ x: p.x + x, y: p.y + y })) });
    width = Math.max(width, x + l.width);
    height = Math.max(height, y + l.height);
  });
  return { boxes: placed, links: routed, width, height };
}

/**
 * Positions of laid-out components: tallest first, each at the lowest free place of a skyline
 * as wide as makes the whole about `aspect` times wider than tall (or as the widest component).
 */
function pack(parts: readonly { width: number; height: number }[], gap: number, aspect: number): Point[] {
  if (parts.length === 1) return [{ x: 0, y: 0 }];
  const area = parts.reduce((sum, p) => sum + (p.width + gap) * (p.height + gap), 0);
  const limit = Math.max(Math.sqrt(area * aspect), ...parts.map(p => p.width + gap));
  const order = parts.map((p, i) => ({ p, i })).sort((a, b) => b.p.height - a.p.height || a.i - b.i);
  /** Skyline: non-overlapping spans [x, x + width) with the height filled below y. */
  let skyline: { x: number; width: number; y: number }[] = [{ x: 0, width: limit, y: 0 }];
  const positions: Point[] = new Array(parts.length);
  for (const { p, i } of order) {
    const w = p.width + gap;
    let best: { x: number; y: number } | undefined;
    for (const start of skyline) {
      if (start.x + w > limit + 0.5) break;
      let y = 0;
      for (const s of skyline) if (s.x < start.x + w && s.x + s.width > start.x) y = Math.max(y, s.y);
      if (!best || y < best.y) best = { x: start.x, y };
    }
    const at = best ?? { x: 0, y: Math.max(...skyline.map(s => s.y)) };
    positions[i] = at;
    const top = at.y + p.height + gap;
    const next: { x: number; width: number; y: number }[] = [];
    for (const s of skyline) {
      const end = s.x + s.width;
      if (end <= at.x || s.x >= at.x + w) {
        next.push(s);
        continue;
      }
      if (s.x < at.x) next.push({ x: s.x, width: at.x - s.x, y: s.y });
      if (end > at.x + w) next.push({ x: at.x + w, width: end - at.x - w, y: s.y });
    }
    next.push({ x: at.x, width: w, y: top });
    skyline = next.sort((a, b) => a.x - b.x);
  }
  return positions;
}

function connectedComponents(count: number, links: readonly { from: number; to: number }[]): Set<number>[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const l of links) {
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, Set<number>>();
  for (let i = 0; i < count; i++) {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, new Set());
    groups.get(root)!.add(i);
  }
  return [...groups.values()];
}

function layoutComponent(boxes: readonly LayoutBox[], links: readonly { link: LayoutLink; from: number; to: number }[], members: number[],
  o: Required<LayoutOptions>): { boxes: Map<string, PlacedBox>; links: Map<string, RoutedLink>; width: number; height: number } {
  const layer = assignLayers(members, links);
  const items: Item[] = [];
  const boxItem = new Map<number, Item>();
  for (const b of members) {
    const item: Item = { index: items.length, box: b, height: boxes[b].height, layer: layer.get(b)!, order: 0, y: 0 };
    items.push(item);
    boxItem.set(b, item);
  }
  const portOffset = (box: number, port: string | undefined) => {
    const b = boxes[box];
    return (port !== undefined ? b.ports?.get(port) : undefined) ?? b.defaultPort ?? b.height / 2;
  };
  const chains: Chain[] = [];
  const segments: Segment[] = [];
  links.forEach(({ link, from, to }, linkIndex) => {
    const fromItem = boxItem.get(from)!;
    const toItem = boxItem.get(to)!;
    const fromOffset = portOffset(from, link.fromPort);
    const toOffset = portOffset(to, link.toPort);
    if (from === to) {
      chains.push({ link: linkIndex, items: [fromItem, toItem], shape: 'self', fromOffset, toOffset });
      return;
    }
    const lf = fromItem.layer;
    const lt = toItem.layer;
    if (lf === lt) {
      chains.push({ link: linkIndex, items: [fromItem, toItem], shape: 'same-layer', fromOffset, toOffset });
      return;
    }
    const step = lt > lf ? 1 : -1;
    const chain: Item[] = [fromItem];
    for (let l = lf + step; l !== lt; l += step) {
      const dummy: Item = { index: items.length, height: 0, layer: l, order: 0, y: 0 };
      items.push(dummy);
      chain.push(dummy);
    }
    chain.push(toItem);
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = chain[i];
      const b = chain[i + 1];
      const aOffset = i === 0 ? fromOffset : 0;
      const bOffset = i + 1 === chain.length - 1 ? toOffset : 0;
      const weight = a.box === undefined && b.box === undefined ? 8 : a.box === undefined || b.box === undefined ? 2 : 1;
      segments.push(a.layer < b.layer
        ? { left: a, right: b, leftOffset: aOffset, rightOffset: bOffset, weight }
        : { left: b, right: a, leftOffset: bOffset, rightOffset: aOffset, weight });
    }
    chains.push({ link: linkIndex, items: chain, shape: step > 0 ? 'forward' : 'backward', fromOffset, toOffset });
  });

  const layerCount = Math.max(0, ...items.map(i => i.layer)) + 1;
  const layers: Item[][] = Array.from({ length: layerCount }, () => []);
  for (const item of items) layers[item.layer].push(item);
  const gapBetween = (a: Item, b: Item) => (a.box !== undefined && b.box !== undefined ? o.boxGap : a.box === undefined && b.box === undefined ? o.linkGap : (o.boxGap + o.linkGap) / 2);
  const stack = (layerItems: Item[]) => {
    let y = 0;
    layerItems.forEach((item, i) => {
      item.order = i;
      if (i > 0) y += gapBetween(layerItems[i - 1], item);
      item.y = y;
      y += item.height;
    });
  };
  const leftOf = new Map<Item, Segment[]>();
  const rightOf = new Map<Item, Segment[]>();
  for (const s of segments) {
    push(rightOf, s.left, s);
    push(leftOf, s.right, s);
  }
  layers.forEach(stack);
  orderLayers(layers, leftOf, rightOf, segments, stack);
  placeVertically(layers, leftOf, rightOf, gapBetween);

  // Horizontal placement: each layer as wide as its widest box, boxes centred in it.
  const layerWidth = layers.map(l => Math.max(0, ...l.map(i => (i.box !== undefined ? boxes[i.box].width : 0))));
  const layerX: number[] = [];
  // Room on the left for the arcs between ports of one box.
  let x = chains.some(c => c.shape === 'self') ? 30 : 0;
  for (let l = 0; l < layerCount; l++) {
    layerX.push(x);
    x += layerWidth[l] + (l + 1 < layerCount ? o.layerGap : 0);
  }
  const sameLayerBulge = 36;
  const width = x + (chains.some(c => c.shape === 'same-layer' || c.shape === 'self') ? sameLayerBulge : 0);
  const minY = items.reduce((min, i) => Math.min(min, i.y), Infinity);
  const placed = new Map<string, PlacedBox>();
  let height = 0;
  for (const item of items) {
    if (item.box === undefined) continue;
    const b = boxes[item.box];
    const px = layerX[item.layer] + (layerWidth[item.layer] - b.width) / 2;
    placed.set(b.id, { x: px, y: item.y - minY, width: b.width, height: b.height });
    height = Math.max(height, item.y - minY + b.height);
  }
  const routedLinks = new Map<string, RoutedLink>();
  for (const chain of chains) {
    const link = links[chain.link].link;
    routedLinks.set(link.id, route(chain, boxes, placed, layerX, layerWidth, minY));
  }
  for (const r of routedLinks.values()) for (const p of r.points) height = Math.max(height, p.y);
  return { boxes: placed, links: routedLinks, width, height };
}

/** Longest-path layers on the links that constrain, after reversing the links that close a cycle. */
function assignLayers(members: readonly number[], links: readonly { link: LayoutLink; from: number; to: number }[]): Map<number, number> {
  const succ = new Map<number, number[]>();
  const pred = new Map<number, number[]>();
  const loose = new Map<number, number[]>();
  const constraining = links.filter(l => l.link.constraint !== false && l.from !== l.to);
  const adjacency = new Map<number, number[]>();
  for (const l of constraining) push(adjacency, l.from, l.to);
  // Iterative DFS in member order: an edge to a node still on the stack closes a cycle and is reversed.
  const state = new Map<number, 1 | 2>();
  const edges: [number, number][] = [];
  for (const root of members) {
    if (state.has(root)) continue;
    const stackNodes: number[] = [root];
    const stackNext: number[] = [0];
    state.set(root, 1);
    while (stackNodes.length) {
      const top = stackNodes.length - 1;
      const node = stackNodes[top];
      const next = adjacency.get(node) ?? [];
      if (stackNext[top] >= next.length) {
        state.set(node, 2);
        stackNodes.pop();
        stackNext.pop();
        continue;
      }
      const target = next[stackNext[top]++];
      const s = state.get(target);
      if (s === 1) {
        edges.push([target, node]);
      } else {
        edges.push([node, target]);
        if (s === undefined) {
          state.set(target, 1);
          stackNodes.push(target);
          stackNext.push(0);
        }
      }
    }
  }
  for (const [a, b] of edges) {
    push(succ, a, b);
    push(pred, b, a);
  }
  for (const l of links) {
    if (l.link.constraint === false && l.from !== l.to) {
      push(loose, l.to, l.from);
      push(loose, l.from, l.to);
    }
  }
  // Kahn's order, smallest member first.
  const indegree = new Map(members.map(m => [m, pred.get(m)?.length ?? 0]));
  const ready = members.filter(m => indegree.get(m) === 0);
  const topo: number[] = [];
  while (ready.length) {
    ready.sort((a, b) => a - b);
    const n = ready.shift()!;
    topo.push(n);
    for (const s of succ.get(n) ?? []) {
      indegree.set(s, indegree.get(s)! - 1);
      if (indegree.get(s) === 0) ready.push(s);
    }
  }
  const layer = new Map<number, number>();
  for (const n of topo) layer.set(n, Math.max(0, ...(pred.get(n) ?? []).map(p => layer.get(p)! + 1)));
  // Sources sit right before their first successor instead of in layer 0.
  for (let i = topo.length - 1; i >= 0; i--) {
    const n = topo[i];
    const next = succ.get(n) ?? [];
    if ((pred.get(n)?.length ?? 0) === 0 && next.length) layer.set(n, Math.min(...next.map(s => layer.get(s)!)) - 1);
  }
  // Boxes held only by non-constraining links go next to what they are linked with.
  for (const n of topo) {
    if (succ.has(n) || pred.has(n)) continue;
    const neighbour = (loose.get(n) ?? []).find(m => succ.has(m) || pred.has(m));
    if (neighbour !== undefined) layer.set(n, layer.get(neighbour)! + 1);
  }
  const min = Math.min(...members.map(m => layer.get(m) ?? 0));
  for (const m of members) layer.set(m, (layer.get(m) ?? 0) - min);
  return layer;
}

/** Barycentre sweeps down and up the layers; keeps the ordering with the fewest crossings. */
function orderLayers(layers: Item[][], leftOf: Map<Item, Segment[]>, rightOf: Map<Item, Segment[]>, segments: readonly Segment[], stack: (l: Item[]) => void): void {
  if (layers.length < 2) return;
  const crossings = () => {
    let total = 0;
    const byLayer = new Map<number, Segment[]>();
    for (const s of segments) push(byLayer, s.left.layer, s);
    for (const list of byLayer.values()) total += countCrossings(list);
    return total;
  };
  let best = crossings();
  let bestOrder = layers.map(l => [...l]);
  const sortLayer = (layer: Item[], neighbours: Map<Item, Segment[]>, side: 'left' | 'right') => {
    const keyed = layer.map(item => {
      const list = neighbours.get(item) ?? [];
      if (list.length === 0) return { item, key: item.y + item.height / 2 };
      let sum = 0;
      let weight = 0;
      for (const s of list) {
        const other = side === 'left' ? s.left : s.right;
        const otherOffset = side === 'left' ? s.leftOffset : s.rightOffset;
        const ownOffset = side === 'left' ? s.rightOffset : s.leftOffset;
        sum += (other.y + otherOffset - ownOffset + item.height / 2) * s.weight;
        weight += s.weight;
      }
      return { item, key: sum / weight };
    });
    keyed.sort((a, b) => a.key - b.key || a.item.order - b.item.order);
    layer.splice(0, layer.length, ...keyed.map(k => k.item));
    stack(layer);
  };
  for (let iteration = 0; iteration < 6; iteration++) {
    for (let l = 1; l < layers.length; l++) sortLayer(layers[l], leftOf, 'left');
    for (let l = layers.length - 2; l >= 0; l--) sortLayer(layers[l], rightOf, 'right');
    const c = crossings();
    if (c < best) {
      best = c;
      bestOrder = layers.map(l => [...l]);
    }
    if (best === 0) break;
  }
  bestOrder.forEach((order, l) => {
    layers[l].splice(0, layers[l].length, ...order);
    stack(layers[l]);
  });
  transpose(layers, segments, stack);
}

/** Swaps neighbours within a layer while that removes crossings with the layers on either side (small layers only). */
function transpose(layers: Item[][], segments: readonly Segment[], stack: (l: Item[]) => void): void {
  const byLeftLayer = new Map<number, Segment[]>();
  for (const s of segments) push(byLeftLayer, s.left.layer, s);
  const around = (l: number) => countCrossings(byLeftLayer.get(l - 1) ?? []) + countCrossings(byLeftLayer.get(l) ?? []);
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      if (layer.length < 2 || layer.length > 40) continue;
      let current = around(l);
      for (let i = 0; i + 1 < layer.length; i++) {
        [layer[i], layer[i + 1]] = [layer[i + 1], layer[i]];
        stack(layer);
        const swapped = around(l);
        if (swapped < current) {
          current = swapped;
          improved = true;
        } else {
          [layer[i], layer[i + 1]] = [layer[i + 1], layer[i]];
          stack(layer);
        }
      }
    }
    if (!improved) break;
  }
}

/** Crossings between segments of one pair of layers: inversions of right ends when sorted by left ends. */
function countCrossings(list: readonly Segment[]): number {
  const ends = [...list]
    .sort((a, b) => (a.left.y + a.leftOffset) - (b.left.y + b.leftOffset) || (a.right.y + a.rightOffset) - (b.right.y + b.rightOffset))
    .map(s => s.right.y + s.rightOffset);
  const sortCount = (values: number[]): [number[], number] => {
    if (values.length < 2) return [values, 0];
    const mid = values.length >> 1;
    const [a, ca] = sortCount(values.slice(0, mid));
    const [b, cb] = sortCount(values.slice(mid));
    const merged: number[] = [];
    let count = ca + cb;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] <= b[j]) merged.push(a[i++]);
      else {
        merged.push(b[j++]);
        count += a.length - i;
      }
    }
    return [[...merged, ...a.slice(i), ...b.slice(j)], count];
  };
  return sortCount(ends)[1];
}

/**
 * Moves each item towards the ports it is linked to, layer by layer, keeping the order and the
 * gaps: the least-squares solution under those constraints (pool-adjacent-violators).
 */
function placeVertically(layers: Item[][], leftOf: Map<Item, Segment[]>, rightOf: Map<Item, Segment[]>, gapBetween: (a: Item, b: Item) => number): void {
  const desired = (item: Item, sides: readonly ('left' | 'right')[]) => {
    let sum = 0;
    let weight = 0;
    for (const side of sides) {
      for (const s of (side === 'left' ? leftOf : rightOf).get(item) ?? []) {
        const other = side === 'left' ? s.left : s.right;
        const otherOffset = side === 'left' ? s.leftOffset : s.rightOffset;
        const ownOffset = side === 'left' ? s.rightOffset : s.leftOffset;
        sum += (other.y + otherOffset - ownOffset) * s.weight;
        weight += s.weight;
      }
    }
    return weight ? { y: sum / weight, weight: item.box === undefined ? weight * 2 : weight } : { y: item.y, weight: 0.01 };
  };
  const place = (layer: Item[], sides: readonly ('left' | 'right')[]) => {
    if (layer.length === 0) return;
    const offsets: number[] = [];
    let offset = 0;
    layer.forEach((item, i) => {
      if (i > 0) offset += layer[i - 1].height + gapBetween(layer[i - 1], item);
      offsets.push(offset);
    });
    const targets = layer.map((item, i) => {
      const d = desired(item, sides);
      return { value: d.y - offsets[i], weight: d.weight };
    });
    const z = isotonic(targets);
    layer.forEach((item, i) => {
      item.y = z[i] + offsets[i];
    });
  };
  for (let iteration = 0; iteration < 8; iteration++) {
    for (let l = 1; l < layers.length; l++) place(layers[l], iteration < 4 ? ['left'] : ['left', 'right']);
    for (let l = layers.length - 2; l >= 0; l--) place(layers[l], iteration < 4 ? ['right'] : ['left', 'right']);
  }
}

/** Weighted least-squares non-decreasing fit (pool adjacent violators). */
function isotonic(targets: readonly { value: number; weight: number }[]): number[] {
  const blocks: { value: number; weight: number; count: number }[] = [];
  for (const t of targets) {
    blocks.push({ value: t.value, weight: t.weight, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].value > blocks[blocks.length - 1].value) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const weight = a.weight + b.weight;
      blocks.push({ value: (a.value * a.weight + b.value * b.weight) / weight, weight, count: a.count + b.count });
    }
  }
  return blocks.flatMap(b => new Array<number>(b.count).fill(b.value));
}

function route(chain: Chain, boxes: readonly LayoutBox[], placed: ReadonlyMap<string, PlacedBox>, layerX: readonly number[],
  layerWidth: readonly number[], minY: number): RoutedLink {
  const first = chain.items[0];
  const last = chain.items[chain.items.length - 1];
  const from = placed.get(boxes[first.box!].id)!;
  const to = placed.get(boxes[last.box!].id)!;
  const fromY = from.y + chain.fromOffset;
  const toY = to.y + chain.toOffset;
  if (chain.shape === 'self') {
    // Between two ports of one box: a small arc on its left side.
    const bulge = from.x - Math.min(28, 10 + Math.abs(toY - fromY) / 6);
    return { shape: 'self', points: [{ x: from.x, y: fromY }, { x: bulge, y: fromY }, { x: bulge, y: toY }, { x: from.x, y: toY }], curved: [true, false, true] };
  }
  if (chain.shape === 'same-layer') {
    const edge = layerX[first.layer] + layerWidth[first.layer] + 24;
    return {
      shape: chain.shape,
      points: [{ x: from.x + from.width, y: fromY }, { x: edge, y: fromY }, { x: edge, y: toY }, { x: to.x + to.width, y: toY }],
      curved: [true, false, true],
    };
  }
  const forward = chain.shape === 'forward';
  const points: Point[] = [];
  const curved: boolean[] = [];
  const add = (p: Point, curve: boolean) => {
    if (points.length) curved.push(curve);
    points.push(p);
  };
  // Leave the box, run to the edge of its layer, cross each gap as a curve and each layer straight.
  add({ x: forward ? from.x + from.width : from.x, y: fromY }, false);
  add({ x: forward ? layerX[first.layer] + layerWidth[first.layer] : layerX[first.layer], y: fromY }, false);
  for (const item of chain.items.slice(1, -1)) {
    const y = item.y - minY;
    const near = forward ? layerX[item.layer] : layerX[item.layer] + layerWidth[item.layer];
    const far = forward ? layerX[item.layer] + layerWidth[item.layer] : layerX[item.layer];
    add({ x: near, y }, true);
    add({ x: far, y }, false);
  }
  add({ x: forward ? layerX[last.layer] : layerX[last.layer] + layerWidth[last.layer], y: toY }, true);
  add({ x: forward ? to.x : to.x + to.width, y: toY }, false);
  return { shape: chain.shape, points, curved };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
