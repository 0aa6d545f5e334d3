import { Finding } from '../lint/types';
import { GraphBuilder } from './builder';
import { ArgoGraphFinding } from './model';
import { pathCovers } from './paths';

/** Where manifests came from, for file:line on nodes and findings (the loader's `LoadedManifest` fits). */
export interface ArgoGraphManifestSource {
  /** Where the manifest was read from. */
  readonly source: {
    /** File name, as findings and nodes show it. */
    readonly file: string;
  };
  /** 1-based line of a field path of the manifest. */
  locate(path: string): number;
}

/**
 * Puts each lint finding on what it concerns: the edge drawn from the field it is about (a
 * missing reference takes the finding's message, and its placeholder node the finding), and the
 * deepest node drawn from that part of the manifest. Findings about objects the graph does not
 * draw are returned.
 */
export function attachFindings(builder: GraphBuilder, findings: readonly Finding[], sources?: readonly ArgoGraphManifestSource[]): ArgoGraphFinding[] {
  const other: ArgoGraphFinding[] = [];
  const edgesByManifest = new Map<number, ReturnType<GraphBuilder['allEdges']>>();
  for (const edge of builder.allEdges()) {
    if (!edge.source) continue;
    const list = edgesByManifest.get(edge.source.manifestIndex) ?? [];
    list.push(edge);
    edgesByManifest.set(edge.source.manifestIndex, list);
  }
  for (const f of findings) {
    const located = locateFinding(f, sources);
    for (const edge of edgesByManifest.get(f.manifestIndex) ?? []) {
      if (!pathCovers(edge.source!.path, f.path)) continue;
      edge.findings.push(located);
      if (edge.missing && edge.message === undefined) edge.message = f.message;
      const target = builder.node(edge.to);
      const from = builder.node(edge.from);
      for (const end of [target, from]) {
        if (end?.missing && !end.findings.includes(located)) end.findings.push(located);
      }
    }
    const owner = builder.ownerOf(f.manifestIndex, f.path);
    if (owner) builder.node(owner)!.findings.push(located);
    else other.push(located);
  }
  for (const edge of builder.allEdges()) {
    if (edge.missing && edge.message === undefined) {
      const target = builder.node(edge.to)?.missing ? builder.node(edge.to) : builder.node(edge.from);
      edge.message = `${target?.kind ?? 'object'} "${target?.name ?? '?'}" is not among the manifests`;
    }
  }
  return other;
}

/** Adds file and line to node and edge sources. */
export function locateSources(builder: GraphBuilder, sources?: readonly ArgoGraphManifestSource[]): void {
  if (!sources) return;
  const locate = (ref: { manifestIndex: number; path: string } | undefined) => {
    const source = ref ? sources[ref.manifestIndex] : undefined;
    return ref && source ? { ...ref, file: source.source.file, line: source.locate(ref.path) } : ref;
  };
  for (const node of builder.allNodes()) node.source = locate(node.source);
  for (const edge of builder.allEdges()) edge.source = locate(edge.source);
}

function locateFinding(f: Finding, sources?: readonly ArgoGraphManifestSource[]): ArgoGraphFinding {
  const source = sources?.[f.manifestIndex];
  const base = { ruleId: f.ruleId, severity: f.severity, object: f.object, path: f.path, message: f.message, manifestIndex: f.manifestIndex };
  return source ? { ...base, file: source.source.file, line: source.locate(f.path) } : base;
}
