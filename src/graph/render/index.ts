import { ArgoGraph } from '../model';
import { renderDot } from './dot';
import { ARGO_GRAPH_FORMATS, ArgoGraphFormat, ArgoGraphRenderOptions } from './formats';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

/** `renderArgoGraph()`, documented where src/graph/index.ts exports it (loading this module on first call). */
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
