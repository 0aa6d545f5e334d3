/** Upstream examples (DAGs) rebuilt and compared: see upstream/examples-dag.ts. */
import { DAG_EXAMPLES } from './upstream/examples-dag';
import { runExamples } from './upstream/run';

runExamples(DAG_EXAMPLES);
