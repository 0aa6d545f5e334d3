export * from './types';
export type { Visited } from './util/walk';
export { lint, lintDetailed, describeObject, indexManifests, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID } from './engine';
export { DISABLE_ANNOTATION } from './suppression';
export { DISABLE_NEXT_LINE } from './input/inline-suppressions';
export { MAX_NESTING } from './input/nesting';
export { ALL_RULES } from './rules';
export { fieldPath, childPath, parseFieldPath } from './path';
export {
  parseManifests, inlineSuppressionsOf, LoadedManifest, ManifestSource, InputProblem, SkippedDocument, ParseResult, SourcePosition,
} from './load';
