// The graph's public entry. Its contracts (model, options, error, formats, JSON version) load with
// it; the builder, focus and renderers only on first call: an app that imports the package to
// synthesize never draws a graph (docs/architecture.md, "Lazy loading").
import type { Manifest } from '../lint/types';
import type { ArgoGraphOptions } from './build-graph';
import type { ArgoGraph } from './model';
import type { ArgoGraphFormat, ArgoGraphRenderOptions } from './render/formats';

export * from './model';
export type { ArgoGraphOptions } from './build-graph';
export type { ArgoGraphManifestSource } from './findings';
export { ArgoGraphFocusError } from './focus-error';
export { ARGO_GRAPH_FORMATS } from './render/formats';
export type { ArgoGraphFormat, ArgoGraphRenderOptions } from './render/formats';
export { ARGO_GRAPH_JSON_VERSION } from './render/json-version';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first call, see above */
const builder = (): typeof import('./build-graph') => require('./build-graph');
const focus = (): typeof import('./focus') => require('./focus');
const renderers = (): typeof import('./render') => require('./render');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The graph of the system a set of manifests describes: EventSources and their events, the
 * EventBus, Sensors with dependencies and triggers, what the triggers submit, WorkflowTemplates,
 * ClusterWorkflowTemplates, CronWorkflows and Workflows with their templates, the templateRefs,
 * exit handlers and hooks between them, artifacts handed from one template to another, and the
 * ConfigMaps, Secrets, ServiceAccounts and PVCs they use. A reference that resolves to nothing
 * in the set is drawn to a missing placeholder, with the lint finding that reports it.
 * Pure: the same manifests give the same graph.
 */
export function buildArgoGraph(manifests: readonly Manifest[], options: ArgoGraphOptions = {}): ArgoGraph {
  return builder().buildArgoGraph(manifests, options);
}

/**
 * The part of the graph one or more nodes reach: each focused node (with its parts), everything
 * reachable from them along edges, and the objects those belong to (so a template is drawn in its
 * WorkflowTemplate). A name is a node id, `Kind/name`, `name`, or `object/part` (`a-workflow/main`).
 */
export function focusGraph(graph: ArgoGraph, names: readonly string[]): ArgoGraph {
  return focus().focusGraph(graph, names);
}

/**
 * Renders a graph: `mermaid` (a flowchart for Markdown), `dot` (Graphviz), `json` (nodes and
 * edges for tools), `svg` (laid out here, with a legend) or `html` (one self-contained page).
 * The same graph always gives the same text.
 */
export function renderArgoGraph(graph: ArgoGraph, format: ArgoGraphFormat, options: ArgoGraphRenderOptions = {}): string {
  return renderers().renderArgoGraph(graph, format, options);
}
