/** Upstream examples (loop aggregation, CI pipelines, variables showcase, bindings) rebuilt and compared: see upstream/examples-more.ts. */
import { MORE_EXAMPLES } from './upstream/examples-more';
import { runExamples } from './upstream/run';

runExamples(MORE_EXAMPLES);
