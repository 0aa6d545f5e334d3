import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/**
 * What Argo's executor (the `wait` container, Argo Workflows 3.4+) needs from the Kubernetes API
 * in every workflow pod: it records each node's outputs as a WorkflowTaskResult.
 */
export const WORKFLOW_EXECUTOR_PERMISSION = {
  apiGroup: 'argoproj.io',
  resource: 'workflowtaskresults',
  verbs: ['create', 'patch'],
} as const;

/** Props of a `WorkflowServiceAccount`. */
export interface WorkflowServiceAccountProps extends kplus.ServiceAccountProps {
  /**
   * Create the Role and RoleBinding granting `WORKFLOW_EXECUTOR_PERMISSION` to this account.
   * @default true
   */
  readonly executorRbac?: boolean;
}

/**
 * A ServiceAccount for workflow pods: its token is mounted (the executor talks to the API) and,
 * unless told otherwise, it holds exactly the executor's permission through a Role and RoleBinding
 * named `<account>-executor`, so runs are not "forbidden" writing their task results.
 */
export class WorkflowServiceAccount extends kplus.ServiceAccount {
  /** True when this construct granted the executor permission to the account. */
  public readonly hasExecutorRbac: boolean;

  constructor(scope: Construct, id: string, props: WorkflowServiceAccountProps = {}) {
    super(scope, id, { automountToken: true, ...props });
    this.hasExecutorRbac = props.executorRbac ?? true;
    if (this.hasExecutorRbac) {
      const metadata = { name: `${this.name}-executor`, namespace: props.metadata?.namespace };
      const role = new kplus.Role(this, 'ExecutorRole', { metadata });
      role.allow([...WORKFLOW_EXECUTOR_PERMISSION.verbs], { apiGroup: WORKFLOW_EXECUTOR_PERMISSION.apiGroup, resourceType: WORKFLOW_EXECUTOR_PERMISSION.resource });
      new kplus.RoleBinding(this, 'ExecutorRoleBinding', { metadata, role }).addSubjects(this);
    }
  }
}
