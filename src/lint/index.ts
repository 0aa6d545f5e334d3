export * from './types';
export { lint, describeObject, indexManifests, SCHEMA_RULE_ID } from './engine';
export { ALL_RULES } from './rules';
export { fieldPath, childPath, parseFieldPath } from './path';
export { parseManifests, LoadedManifest, ManifestSource, InputProblem, SkippedDocument, ParseResult } from './load';
