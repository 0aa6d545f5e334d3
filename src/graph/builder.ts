import { indexManifests } from '../lint/engine';
import { Manifest, ManifestIndex } from '../lint/types';
import { credentialIn } from '../lint/util/secrets';
import { ArgoGraphEdge, ArgoGraphEdgeKind, ArgoGraphFinding, ArgoGraphNode, ArgoGraphNodeKind, ArgoGraphSourceRef } from './model';
import { pathCovers } from './paths';

/** A node while the graph is built: everything but the id can still be filled in. */
export interface NodeDraft {
  id: string;
  kind: ArgoGraphNodeKind;
  name: string;
  namespace?: string;
  parent?: string;
  details: string[];
  properties: [string, string][];
  roles: string[];
  missing: boolean;
  source?: ArgoGraphSourceRef;
  findings: ArgoGraphFinding[];
}

export interface EdgeDraft {
  id: string;
  from: string;
  to: string;
  kind: ArgoGraphEdgeKind;
  label?: string;
  missing: boolean;
  message?: string;
  source?: ArgoGraphSourceRef;
  findings: ArgoGraphFinding[];
}

/** What a new node is made of; the id is derived from kind, namespace, name and parent. */
export interface NodeInit {
  readonly kind: ArgoGraphNodeKind;
  readonly name: string;
  readonly namespace?: string;
  readonly parent?: string;
  readonly details?: readonly string[];
  readonly properties?: readonly (readonly [string, string])[];
  readonly roles?: readonly string[];
  readonly missing?: boolean;
  readonly source?: ArgoGraphSourceRef;
  /** Id to use instead of the derived one (external endpoints, artifact locations). */
  readonly id?: string;
}

export interface EdgeInit {
  readonly label?: string;
  readonly missing?: boolean;
  readonly message?: string;
  readonly source?: ArgoGraphSourceRef;
}

/**
 * The graph under construction: nodes by id, edges in the order added, and the way back from a
 * manifest (and a field path in it) to the node drawing it.
 */
export class GraphBuilder {
  readonly index: ManifestIndex;
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly edges: EdgeDraft[] = [];
  private readonly edgesById = new Map<string, EdgeDraft>();
  private readonly positions = new Map<Manifest, number>();
  private readonly objectNodes = new Map<number, string>();
  /** Per manifest: nodes drawn from it with their field paths, for findings and references. */
  private readonly byManifest = new Map<number, { path: string; id: string }[]>();

  constructor(readonly manifests: readonly Manifest[]) {
    this.index = indexManifests(manifests);
    manifests.forEach((m, i) => {
      if (m && typeof m === 'object' && !this.positions.has(m)) this.positions.set(m, i);
    });
  }

  /** Index of a manifest object in the input. */
  positionOf(manifest: Manifest): number | undefined {
    return this.positions.get(manifest);
  }

  /** The node drawing the manifest at this index, if one was added with `addObject`. */
  objectNode(manifestIndex: number): string | undefined {
    return this.objectNodes.get(manifestIndex);
  }

  /** The node drawing a manifest object, if any. */
  nodeOfManifest(manifest: Manifest | undefined): string | undefined {
    const position = manifest ? this.positions.get(manifest) : undefined;
    return position === undefined ? undefined : this.objectNodes.get(position);
  }

  /** Adds the node of a whole manifest (or of an object embedded in one, at `source.path`). */
  addObject(init: NodeInit & { readonly source: ArgoGraphSourceRef }): string {
    const id = this.addNode(init);
    if (init.source.path === '' && !this.objectNodes.has(init.source.manifestIndex)) this.objectNodes.set(init.source.manifestIndex, id);
    return id;
  }

  /**
   * Adds a node, or returns the existing one with that id. A real node replaces a missing
   * placeholder of the same id; two objects with the same kind and name get distinct ids.
   */
  addNode(init: NodeInit): string {
    let id = redact(init.id ?? nodeId(init.kind, init.name, init.namespace, init.parent));
    const existing = this.nodes.get(id);
    if (existing) {
      if (init.missing || !init.source) return id;
      if (!existing.missing) {
        let n = 2;
        while (this.nodes.has(`${id}~${n}`)) n++;
        id = `${id}~${n}`;
      }
    }
    const draft: NodeDraft = {
      id,
      kind: init.kind,
      name: redact(init.name),
      namespace: init.namespace,
      parent: init.parent,
      details: (init.details ?? []).map(redact),
      properties: (init.properties ?? []).map(([k, v]) => [k, redact(v)]),
      roles: [...(init.roles ?? [])],
      missing: init.missing ?? false,
      source: init.source,
      findings: [],
    };
    this.nodes.set(id, draft);
    if (init.source) {
      const list = this.byManifest.get(init.source.manifestIndex) ?? [];
      list.push({ path: init.source.path, id });
      this.byManifest.set(init.source.manifestIndex, list);
    }
    return id;
  }

  node(id: string): NodeDraft | undefined {
    return this.nodes.get(id);
  }

  /** A placeholder for an object or part that is referenced but not in the set. */
  addMissing(kind: ArgoGraphNodeKind, name: string, namespace?: string, parent?: string): string {
    return this.addNode({ kind, name, namespace, parent, missing: true });
  }

  /** Adds an edge; the same kind of edge with the same label between the same nodes is added once (the first field wins). */
  addEdge(from: string, to: string, kind: ArgoGraphEdgeKind, init: EdgeInit = {}): void {
    const base = `${from}->${to}:${kind}`;
    let id = base;
    for (let n = 2; this.edgesById.has(id); n++) {
      const same = this.edgesById.get(id)!;
      if (same.label === init.label) return;
      id = `${base}~${n}`;
    }
    const edge: EdgeDraft = { id, from, to, kind, label: init.label, missing: init.missing ?? false, message: init.message, source: init.source, findings: [] };
    this.edgesById.set(id, edge);
    this.edges.push(edge);
  }

  /** The deepest node drawn from this manifest whose field path holds `path`. */
  ownerOf(manifestIndex: number, path: string): string | undefined {
    let best: { path: string; id: string } | undefined;
    for (const entry of this.byManifest.get(manifestIndex) ?? []) {
      if (pathCovers(entry.path, path) && (!best || entry.path.length > best.path.length)) best = entry;
    }
    return best?.id;
  }

  allNodes(): NodeDraft[] {
    return [...this.nodes.values()];
  }

  allEdges(): EdgeDraft[] {
    return this.edges;
  }

  /** Nodes with parts right after their parent (recursively), otherwise in the order added. */
  orderedNodes(): ArgoGraphNode[] {
    const children = new Map<string, NodeDraft[]>();
    const roots: NodeDraft[] = [];
    for (const node of this.nodes.values()) {
      if (node.parent && this.nodes.has(node.parent)) {
        const list = children.get(node.parent) ?? [];
        list.push(node);
        children.set(node.parent, list);
      } else {
        roots.push(node);
      }
    }
    const out: ArgoGraphNode[] = [];
    const visit = (node: NodeDraft) => {
      out.push(node);
      for (const child of children.get(node.id) ?? []) visit(child);
    };
    roots.forEach(visit);
    return out;
  }

  orderedEdges(): ArgoGraphEdge[] {
    return this.edges;
  }
}

/**
 * The text with each word that looks like a credential (a webhook URL, a token, a URL with a
 * password) replaced by a note saying what it was: the graph is shared more widely than the manifests.
 */
export function redact(text: string): string {
  if (!credentialIn(text)) return text;
  return text.split(/(\s+)/).map(word => {
    const what = credentialIn(word);
    return what ? `(${what}, redacted)` : word;
  }).join('');
}

/** `Kind:namespace/name` for objects, `<parent>#kind:name` for parts. */
export function nodeId(kind: ArgoGraphNodeKind, name: string, namespace?: string, parent?: string): string {
  if (parent) return `${parent}#${kind.toLowerCase()}:${name}`;
  return `${kind}:${namespace ? `${namespace}/` : ''}${name}`;
}
