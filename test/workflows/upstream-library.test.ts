/** Upstream examples (WorkflowTemplates, ClusterWorkflowTemplates, CronWorkflows) rebuilt and compared: see upstream/examples-library.ts. */
import { LIBRARY_EXAMPLES } from './upstream/examples-library';
import { runExamples } from './upstream/run';

runExamples(LIBRARY_EXAMPLES);
