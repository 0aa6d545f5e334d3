import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { readManifestFiles } from '../../src/cli/files';
import { ArgoGraph, ArgoGraphEdge, ArgoGraphNode, buildArgoGraph, ArgoGraphOptions } from '../../src/graph';
import { LoadedManifest, parseManifests } from '../../src/lint/load';
import { upstreamPath } from '../support/upstream';

export const repoRoot = join(__dirname, '..', '..');
export const distFile = join(repoRoot, 'dist', 'vector-pipeline.k8s.yaml');
/** The pinned upstream examples (test/support/upstream.ts: beside the repository as in CI, or $ARGO_SCHEMA_DIR). */
export const workflowExamples = upstreamPath('workflows-v4.1.2', 'examples');
export const eventExamples = upstreamPath('events-v1.9.11', 'examples');
export const haveUpstream = existsSync(workflowExamples) && existsSync(eventExamples);

/** The example app's output (dist/) as the loader reads it, file named relative to the repository. */
export function loadDist(): LoadedManifest[] {
  return parseManifests(readFileSync(distFile, 'utf8'), 'dist/vector-pipeline.k8s.yaml').manifests;
}

/** Graph of loaded manifests with their sources, semantic lint rules only (no schema files needed). */
export function graphOf(loaded: readonly LoadedManifest[], options: ArgoGraphOptions = {}): ArgoGraph {
  return buildArgoGraph(loaded.map(l => l.manifest), { sources: loaded, lint: { schema: false }, ...options });
}

/** Every upstream example file, read like the CLI reads directories. */
export function loadUpstream(): LoadedManifest[] {
  return readManifestFiles([workflowExamples, eventExamples]).manifests;
}

export function node(graph: ArgoGraph, id: string): ArgoGraphNode {
  const found = graph.nodes.find(n => n.id === id);
  if (!found) throw new Error(`no node ${id}; nodes: ${graph.nodes.map(n => n.id).join(', ')}`);
  return found;
}

/** Edges between two nodes (by id), optionally of one kind. */
export function edgesBetween(graph: ArgoGraph, from: string, to: string, kind?: ArgoGraphEdge['kind']): ArgoGraphEdge[] {
  return graph.edges.filter(e => e.from === from && e.to === to && (!kind || e.kind === kind));
}

/** `from --kind--> to` lines, ids shortened by a prefix, for readable expectations. */
export function edgeLines(graph: ArgoGraph, strip = ''): string[] {
  const short = (id: string) => id.split(strip).join('');
  return graph.edges.map(e => `${short(e.from)} --${e.kind}${e.label ? `(${e.label})` : ''}${e.missing ? '!' : ''}--> ${short(e.to)}`);
}
