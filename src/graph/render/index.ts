import { ArgoGraph } from '../model';
import { renderDot } from './dot';
import { HtmlOptions, renderHtml } from './html';
import { renderJson } from './json';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

/** Output formats of `renderArgoGraph` and `cdk8s-argo graph --format`. */
export type ArgoGraphFormat = 'mermaid' | 'dot' | 'json' | 'svg' | 'html';

/** Every format `renderArgoGraph` (and `cdk8s-argo graph --format`) can produce. */
export const ARGO_GRAPH_FORMATS: readonly ArgoGraphFormat[] = ['mermaid', 'dot', 'json', 'svg', 'html'];

/** Options of `renderArgoGraph()`: the page title (svg, html) and the links to manifest sources (html). */
export interface ArgoGraphRenderOptions extends HtmlOptions {}

/**
 * Renders a graph: `mermaid` (a flowchart for Markdown), `dot` (Graphviz), `json` (nodes and
 * edges for tools), `svg` (laid out here, with a legend) or `html` (one self-contained page).
 * The same graph always gives the same text.
 */
export function renderArgoGraph(graph: ArgoGraph, format: ArgoGraphFormat, options: ArgoGraphRenderOptions = {}): string {
  switch (format) {
    case 'mermaid': return renderMermaid(graph);
    case 'dot': return renderDot(graph);
    case 'json': return renderJson(graph);
    case 'svg': return renderSvg(graph, { title: options.title });
    case 'html': return renderHtml(graph, options);
    default: throw new Error(`unknown graph format "${String(format)}": use one of ${ARGO_GRAPH_FORMATS.join(', ')}`);
  }
}
