import { Rule } from '../../types';

const MAX_NAME = 63;
const MAX_CRON_NAME = 52;

/** W1: Workflow, WorkflowTemplate and ClusterWorkflowTemplate names are at most 63 characters (they become label values). */
export const W1_OBJECT_NAME_LENGTH: Rule = {
  id: 'W1',
  description: 'Workflow, WorkflowTemplate and ClusterWorkflowTemplate names are at most 63 characters',
  kinds: ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate'],
  check(ctx) {
    const name = ctx.manifest.metadata?.name;
    if (typeof name !== 'string' || name.length <= MAX_NAME) return;
    ctx.report('metadata.name', `the name is ${name.length} characters long but Argo allows at most ${MAX_NAME} `
      + `(it is stored in pod labels): Argo rejects the ${ctx.manifest.kind}. Shorten the name.`);
  },
};

/** W2: CronWorkflow names are at most 52 characters (Argo appends a 10-digit timestamp to name each run). */
export const W2_CRON_WORKFLOW_NAME_LENGTH: Rule = {
  id: 'W2',
  description: 'CronWorkflow names are at most 52 characters',
  kinds: ['CronWorkflow'],
  check(ctx) {
    const name = ctx.manifest.metadata?.name;
    if (typeof name !== 'string' || name.length <= MAX_CRON_NAME) return;
    ctx.report('metadata.name', `the name is ${name.length} characters long but a CronWorkflow name may have at most ${MAX_CRON_NAME}: `
      + 'Argo appends "-<timestamp>" to name each workflow it creates and rejects the CronWorkflow. Shorten the name.');
  },
};
