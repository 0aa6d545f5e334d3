/** Upstream examples (pods: containers, sidecars, probes, volumes, resources) rebuilt and compared: see upstream/examples-pods.ts. */
import { POD_EXAMPLES } from './upstream/examples-pods';
import { runExamples } from './upstream/run';

runExamples(POD_EXAMPLES);
