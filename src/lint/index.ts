export * from './types';
export { lint, describeObject, indexManifests, SCHEMA_RULE_ID } from './engine';
export { ALL_RULES } from './rules';
export { fieldPath, childPath } from './path';
