import type { HtmlOptions } from './html';

/** Output formats of `renderArgoGraph` and `cdk8s-argo graph --format`. */
export type ArgoGraphFormat = 'mermaid' | 'dot' | 'json' | 'svg' | 'html';

/** Every format `renderArgoGraph` (and `cdk8s-argo graph --format`) can produce. */
export const ARGO_GRAPH_FORMATS: readonly ArgoGraphFormat[] = ['mermaid', 'dot', 'json', 'svg', 'html'];

/** Options of `renderArgoGraph()`: the page title (svg, html) and the links to manifest sources (html). */
export interface ArgoGraphRenderOptions extends HtmlOptions {}
