export * as argoWorkflows from '../imports/argo-workflows';
export * as argoEvents from '../imports/argo-events';
export * as kubernetes from '../imports/kubernetes';
export * from './schema/validator';
export { SCHEMA_DIR_ENV, SCHEMA_SOURCES, loadSchema } from './schema/source';
export * from './lint';
export { addArgoValidation, lintConstructTree, ValidationScope } from './core/validation';
export * from './workflows';
export * from './events';
