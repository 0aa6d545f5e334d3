/** Upstream examples (artifacts, outputs) rebuilt and compared: see upstream/examples-artifacts.ts. */
import { ARTIFACT_EXAMPLES } from './upstream/examples-artifacts';
import { runExamples } from './upstream/run';

runExamples(ARTIFACT_EXAMPLES);
