import { ArgoGraph } from '../model';
import { ARGO_GRAPH_JSON_VERSION } from './json-version';

/** The graph as JSON for tools: `{ version, nodes, edges, otherFindings, focus? }`, 2-space indented. */
export function renderJson(graph: ArgoGraph): string {
  const document = { version: ARGO_GRAPH_JSON_VERSION, ...(graph.focus ? { focus: graph.focus } : {}), nodes: graph.nodes, edges: graph.edges, otherFindings: graph.otherFindings };
  return `${JSON.stringify(document, null, 2)}\n`;
}
