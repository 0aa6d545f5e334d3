import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeRoleBinding, KubeServiceAccount, KubeServiceAccountSubject, RBAC_GROUP } from '../core/kube-objects';
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
  /** The executor Role and its subjects, by the namespace the workflows run in (`''`: the sensor's). */
  private readonly executors = new Map<string, Map<string, KubeServiceAccountSubject>>();
  /** The `<sensor>-workflow` ServiceAccounts, by namespace (`''`: the sensor's). */
  private readonly workflowAccounts = new Map<string, KubeServiceAccount>();

  constructor(scope: Construct, id: string, private readonly props: SensorRbacProps) {
    super(scope, id, { ownerName: props.sensorName, suffix: 'sensor', namespace: props.namespace, serviceAccount: props.serviceAccount, eager: true });
  }

  /** Service account of the sensor pod (given, or created here). */
  public override get serviceAccount(): IServiceAccountRef {
    return super.serviceAccount!;
  }

  /**
   * The `<sensor>-workflow` ServiceAccount of the namespace the workflows run in (created on first
   * use there: a pod runs as an account of its own namespace), or undefined without executor RBAC.
   */
  public defaultWorkflowServiceAccount(namespace?: string): string | undefined {
    if (!this.props.executor) return undefined;
    const key = this.namespaceKey(namespace);
    let account = this.workflowAccounts.get(key);
    if (!account) {
      const name = `${this.props.sensorName}-workflow`;
      account = key === '' ? this.newServiceAccount('WorkflowServiceAccount', name)
        : new KubeServiceAccount(this, `WorkflowServiceAccount-${key}`, { metadata: { name, namespace: key }, automountServiceAccountToken: true });
      this.workflowAccounts.set(key, account);
    }
    this.grantExecutor(account, namespace);
    return account.name;
  }

  /**
   * Binds the executor Role (create/patch workflowtaskresults) to the service account workflows
   * run as, in the namespace they run in (the Role and binding are created there): an account
   * named by string is that namespace's; a reference keeps its own namespace.
   */
  public grantExecutor(account: string | IServiceAccountRef, namespace?: string): void {
    markChanged();
    if (!this.props.executor) return;
    if (account instanceof WorkflowServiceAccount && account.hasExecutorRbac) return;
    const key = this.namespaceKey(namespace);
    const name = typeof account === 'string' ? account : account.name;
    const accountNamespace = typeof account === 'string' ? (key || undefined) : namespaceOf(account) ?? (key || undefined);
    let subjects = this.executors.get(key);
    if (!subjects) {
      subjects = new Map();
      this.executors.set(key, subjects);
      const found = subjects;
      const metadata = { name: `${this.props.sensorName}-executor`, namespace: key || this.props.namespace };
      const suffix = key ? `-${key}` : '';
      newExecutorRole(this, `ExecutorRole${suffix}`, metadata);
      new KubeRoleBinding(this, `ExecutorRoleBinding${suffix}`, {
        metadata,
        roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: metadata.name },
        subjects: Lazy.any({ produce: () => [...found.values()] }),
      });
    }
    const subjectKey = `${accountNamespace ?? ''}/${name}`;
    if (!subjects.has(subjectKey)) subjects.set(subjectKey, { apiGroup: '', kind: 'ServiceAccount', name, namespace: accountNamespace });
  }

  /** `''` for the sensor's own namespace (or none given), else the namespace. */
  private namespaceKey(namespace: string | undefined): string {
    return namespace === undefined || namespace === this.props.namespace ? '' : namespace;
  }
}
