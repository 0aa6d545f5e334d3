export * from './model';
export { buildArgoGraph, ArgoGraphOptions } from './build-graph';
export { ArgoGraphManifestSource } from './findings';
export { focusGraph, ArgoGraphFocusError } from './focus';
export { renderArgoGraph, ArgoGraphFormat, ArgoGraphRenderOptions, ARGO_GRAPH_FORMATS } from './render';
export { ARGO_GRAPH_JSON_VERSION } from './render/json';
