import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeRole, KubeRoleBinding, KubeServiceAccount, KubeServiceAccountSubject, RBAC_GROUP } from '../core/kube-objects';
import { IServiceAccountRef } from '../core/object-refs';
import { namespaceOf } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { newExecutorRole, WorkflowServiceAccount } from '../workflows/workflow-service-account';
import { RoleGrants } from './role-grants';

/** Props of `SensorRbac`. @internal */
export interface SensorRbacProps {
  readonly sensorName: string;
  readonly namespace?: string;
  readonly serviceAccount?: IServiceAccountRef;
  readonly executor: boolean;
}

/**
 * The RBAC of one sensor: its ServiceAccount, a Role (and a ClusterRole for cluster-scoped
 * resources) holding exactly the verbs its triggers call (RoleGrants), and the executor Role for
 * the service accounts its workflows run as. Objects are created when first needed, so a sensor
 * whose triggers call no Kubernetes API gets no Role. @internal
 */
export class SensorRbac extends RoleGrants {
  private executorRole?: KubeRole;
  private readonly executorSubjects = new Map<string, KubeServiceAccountSubject>();
  private workflowAccount?: KubeServiceAccount;

  constructor(scope: Construct, id: string, private readonly props: SensorRbacProps) {
    super(scope, id, { ownerName: props.sensorName, suffix: 'sensor', namespace: props.namespace, serviceAccount: props.serviceAccount, eager: true });
  }

  /** Service account of the sensor pod (given, or created here). */
  public override get serviceAccount(): IServiceAccountRef {
    return super.serviceAccount!;
  }

  /** The `<sensor>-workflow` ServiceAccount (created on first use), or undefined without executor RBAC. */
  public defaultWorkflowServiceAccount(): string | undefined {
    if (!this.props.executor) return undefined;
    this.workflowAccount ??= this.newServiceAccount('WorkflowServiceAccount', `${this.props.sensorName}-workflow`);
    this.grantExecutor(this.workflowAccount);
    return this.workflowAccount.name;
  }

  /**
   * Binds the executor Role (create/patch workflowtaskresults) to a service account: in its own
   * namespace when the app defines it or its reference names one, else by name in the sensor's
   * namespace (the binding's).
   */
  public grantExecutor(account: string | IServiceAccountRef): void {
    markChanged();
    const name = typeof account === 'string' ? account : account.name;
    if (!this.props.executor || this.executorSubjects.has(name)) return;
    if (account instanceof WorkflowServiceAccount && account.hasExecutorRbac) return;
    const namespace = typeof account === 'string' ? undefined : namespaceOf(account);
    this.executorSubjects.set(name, { apiGroup: '', kind: 'ServiceAccount', name, namespace });
    if (this.executorRole) return;
    const metadata = { name: `${this.props.sensorName}-executor`, namespace: this.props.namespace };
    this.executorRole = newExecutorRole(this, 'ExecutorRole', metadata);
    new KubeRoleBinding(this, 'ExecutorRoleBinding', {
      metadata,
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: metadata.name },
      subjects: Lazy.any({ produce: () => [...this.executorSubjects.values()] }),
    });
  }
}
