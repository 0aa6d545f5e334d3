/** Upstream examples (resources, HTTP, locks, retries, hooks, metrics, expressions, inline/data/plugin templates, bindings) rebuilt and compared: see upstream/examples-features.ts. */
import { FEATURE_EXAMPLES } from './upstream/examples-features';
import { runExamples } from './upstream/run';

runExamples(FEATURE_EXAMPLES);
