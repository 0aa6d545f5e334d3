import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KubePolicyRule, KubeRole, KubeRoleBinding, KubeServiceAccount, KubeServiceAccountSubject, RBAC_GROUP } from '../core/kube-objects';
import { IServiceAccountRef } from '../core/object-refs';
import { namespaceOf } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { newExecutorRole, WorkflowServiceAccount } from '../workflows/workflow-service-account';
import { SensorPermission } from './trigger-binding';
import { constructId } from '../core/construct-id';

/** Verbs in a stable order, so that generated rules read the same on every synth. */
const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** Props of `SensorRbac`. @internal */
export interface SensorRbacProps {
  readonly sensorName: string;
  readonly namespace?: string;
  readonly serviceAccount?: IServiceAccountRef;
  readonly executor: boolean;
}

/**
 * The RBAC of one sensor: its ServiceAccount, a Role (and a ClusterRole for cluster-scoped
 * resources) holding exactly the verbs its triggers call, and the executor Role for the service
 * accounts its workflows run as. Objects are created when first needed, so a sensor whose
 * triggers call no Kubernetes API gets no Role. @internal
 */
export class SensorRbac extends Construct {
  /** Service account of the sensor pod (given, or created here). */
  public readonly serviceAccount: IServiceAccountRef;
  private readonly managed: boolean;
  private readonly granted = new Map<string, { permission: SensorPermission; verbs: Set<string> }>();
  private role?: KubeRole;
  private clusterRole?: KubeRole;
  private executorRole?: KubeRole;
  private readonly executorSubjects = new Map<string, KubeServiceAccountSubject>();
  private workflowAccount?: KubeServiceAccount;

  constructor(scope: Construct, id: string, private readonly props: SensorRbacProps) {
    super(scope, constructId(scope, id));
    this.managed = !props.serviceAccount;
    this.serviceAccount = props.serviceAccount ?? this.newServiceAccount('ServiceAccount', `${props.sensorName}-sensor`);
  }

  /** Every permission needed so far, one entry per resource, verbs in a stable order. */
  public get permissions(): SensorPermission[] {
    return [...this.granted.values()].map(g => ({ ...g.permission, verbs: sortVerbs(g.verbs) }));
  }

  /** Records permissions and, for a managed service account, grants them (one rule per resource). */
  public grant(permissions: readonly SensorPermission[]): void {
    markChanged();
    for (const p of permissions) {
      const key = `${p.clusterScoped ? 'cluster' : 'ns'}/${p.apiGroup}/${p.resource}`;
      const entry = this.granted.get(key) ?? { permission: { apiGroup: p.apiGroup, resource: p.resource, verbs: [], clusterScoped: p.clusterScoped || undefined }, verbs: new Set<string>() };
      this.granted.set(key, entry);
      p.verbs.forEach(v => entry.verbs.add(v));
      if (!this.managed || p.verbs.length === 0) continue;
      if (p.clusterScoped) this.ensureClusterRole();
      else this.ensureRole();
    }
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

  /** Problems with the generated RBAC, as messages. */
  public check(): string[] {
    if (this.clusterRole && !this.props.namespace) {
      return ['a trigger needs a cluster-scoped permission, granted by a ClusterRoleBinding whose ServiceAccount subject must name a namespace, '
        + 'and the sensor has none; Kubernetes rejects the binding. Set the namespace of the chart or of the sensor (metadata.namespace).'];
    }
    return [];
  }

  private ensureRole(): void {
    if (this.role) return;
    const metadata = { name: `${this.props.sensorName}-sensor`, namespace: this.props.namespace };
    this.role = new KubeRole(this, 'Role', { metadata, rules: Lazy.any({ produce: () => this.rules(false) }) });
    new KubeRoleBinding(this, 'RoleBinding', { metadata, roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: metadata.name }, subjects: [this.sensorSubject()] });
  }

  private ensureClusterRole(): void {
    if (this.clusterRole) return;
    const name = this.props.namespace ? `${this.props.namespace}-${this.props.sensorName}-sensor` : `${this.props.sensorName}-sensor`;
    this.clusterRole = new KubeRole(this, 'ClusterRole', { cluster: true, metadata: { name }, rules: Lazy.any({ produce: () => this.rules(true) }) });
    new KubeRoleBinding(this, 'ClusterRoleBinding', {
      cluster: true, metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name }, subjects: [this.sensorSubject()],
    });
  }

  /** The granted permissions of one scope as rules. */
  private rules(clusterScoped: boolean): KubePolicyRule[] {
    return this.permissions.filter(p => !!p.clusterScoped === clusterScoped)
      .map(p => ({ apiGroups: [p.apiGroup], resources: [p.resource], verbs: p.verbs }));
  }

  /** The managed ServiceAccount as a binding subject. */
  private sensorSubject(): KubeServiceAccountSubject {
    return { apiGroup: '', kind: 'ServiceAccount', name: this.serviceAccount.name, namespace: namespaceOf(this.serviceAccount) };
  }

  private newServiceAccount(id: string, name: string): KubeServiceAccount {
    return new KubeServiceAccount(this, id, { metadata: { name, namespace: this.props.namespace }, automountServiceAccountToken: true });
  }
}

function sortVerbs(verbs: Set<string>): string[] {
  return [...verbs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(verb: string): number {
  const i = VERB_ORDER.indexOf(verb);
  return i < 0 ? VERB_ORDER.length : i;
}
