/** Upstream examples (steps, parameters, loops, conditions) rebuilt and compared: see upstream/examples-steps.ts. */
import { STEPS_EXAMPLES } from './upstream/examples-steps';
import { runExamples } from './upstream/run';

runExamples(STEPS_EXAMPLES);
