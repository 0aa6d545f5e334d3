import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { WORKFLOW_EXECUTOR_PERMISSION, WorkflowServiceAccount } from '../workflows/workflow-service-account';
import type { SensorPermission } from './trigger-action';

/** Verbs in a stable order, so that generated rules read the same on every synth. */
const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];


/** Props of `SensorRbac`. @internal */
export interface SensorRbacProps {
  readonly sensorName: string;
  readonly namespace?: string;
  readonly serviceAccount?: kplus.IServiceAccount;
  readonly executor: boolean;
}

/** A service account subject by name (in the binding's namespace unless given). */
class NamedServiceAccount extends Construct implements kplus.ISubject {
  constructor(scope: Construct, id: string, private readonly accountName: string) {
    super(scope, id);
  }

  /** The RoleBinding subject. */
  public toSubjectConfiguration(): kplus.SubjectConfiguration {
    return { kind: 'ServiceAccount', name: this.accountName };
  }
}

/**
 * The RBAC of one sensor: its ServiceAccount, a Role (and a ClusterRole for cluster-scoped
 * resources) holding exactly the verbs its triggers call, and the executor Role for the service
 * accounts its workflows run as. Objects are created when first needed, so a sensor whose
 * triggers call no Kubernetes API gets no Role. @internal
 */
export class SensorRbac extends Construct {
  /** Service account of the sensor pod (given, or created here). */
  public readonly serviceAccount: kplus.IServiceAccount;
  private readonly managed: boolean;
  private readonly granted = new Map<string, { permission: SensorPermission; verbs: Set<string> }>();
  private role?: kplus.Role;
  private clusterRole?: kplus.ClusterRole;
  private executorBinding?: kplus.RoleBinding;
  private readonly executorSubjects = new Set<string>();
  private workflowAccount?: kplus.ServiceAccount;

  constructor(scope: Construct, id: string, private readonly props: SensorRbacProps) {
    super(scope, id);
    this.managed = !props.serviceAccount;
    this.serviceAccount = props.serviceAccount ?? new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name: `${props.sensorName}-sensor`, namespace: props.namespace },
      automountToken: true,
    });
  }

  /** Every permission needed so far, one entry per resource, verbs in a stable order. */
  public get permissions(): SensorPermission[] {
    return [...this.granted.values()].map(g => ({ ...g.permission, verbs: sortVerbs(g.verbs) }));
  }

  /** Records permissions and, for a managed service account, grants the verbs not yet granted. */
  public grant(permissions: readonly SensorPermission[]): void {
    for (const p of permissions) {
      const key = `${p.clusterScoped ? 'cluster' : 'ns'}/${p.apiGroup}/${p.resource}`;
      const entry = this.granted.get(key) ?? { permission: { apiGroup: p.apiGroup, resource: p.resource, verbs: [], clusterScoped: p.clusterScoped || undefined }, verbs: new Set<string>() };
      this.granted.set(key, entry);
      const missing = sortVerbs(new Set(p.verbs.filter(v => !entry.verbs.has(v))));
      missing.forEach(v => entry.verbs.add(v));
      if (!this.managed || missing.length === 0) continue;
      const resource = { apiGroup: p.apiGroup, resourceType: p.resource };
      if (p.clusterScoped) this.ensureClusterRole().allow(missing, { asApiResource: () => resource, asNonApiResource: () => undefined });
      else this.ensureRole().allow(missing, resource);
    }
  }

  /** The `<sensor>-workflow` ServiceAccount (created on first use), or undefined without executor RBAC. */
  public defaultWorkflowServiceAccount(): string | undefined {
    if (!this.props.executor) return undefined;
    this.workflowAccount ??= new kplus.ServiceAccount(this, 'WorkflowServiceAccount', {
      metadata: { name: `${this.props.sensorName}-workflow`, namespace: this.props.namespace },
      automountToken: true,
    });
    this.grantExecutor(this.workflowAccount);
    return this.workflowAccount.name;
  }

  /**
   * Binds the executor Role (create/patch workflowtaskresults) to a service account. A
   * ServiceAccount construct is bound as itself; any other account by name, in the sensor's namespace
   * (an imported kplus account would otherwise claim the `default` namespace).
   */
  public grantExecutor(account: string | kplus.IServiceAccount): void {
    const serviceAccountName = typeof account === 'string' ? account : account.name;
    if (!this.props.executor || this.executorSubjects.has(serviceAccountName)) return;
    if (account instanceof WorkflowServiceAccount && account.hasExecutorRbac) return;
    if (!this.executorBinding) {
      const role = new kplus.Role(this, 'ExecutorRole', { metadata: { name: `${this.props.sensorName}-executor`, namespace: this.props.namespace } });
      role.allow([...WORKFLOW_EXECUTOR_PERMISSION.verbs], { apiGroup: WORKFLOW_EXECUTOR_PERMISSION.apiGroup, resourceType: WORKFLOW_EXECUTOR_PERMISSION.resource });
      this.executorBinding = new kplus.RoleBinding(this, 'ExecutorRoleBinding', {
        metadata: { name: `${this.props.sensorName}-executor`, namespace: this.props.namespace }, role,
      });
    }
    this.executorSubjects.add(serviceAccountName);
    const subject = account instanceof kplus.ServiceAccount ? account
      : new NamedServiceAccount(this, `Executor-${serviceAccountName}`, serviceAccountName);
    this.executorBinding.addSubjects(subject);
  }

  /** Problems with the generated RBAC, as messages. */
  public check(): string[] {
    if (this.clusterRole && !this.props.namespace) {
      return ['a trigger needs a cluster-scoped permission, granted by a ClusterRoleBinding whose ServiceAccount subject must name a namespace, '
        + 'and the sensor has none; Kubernetes rejects the binding. Set the namespace of the chart or of the sensor (metadata.namespace).'];
    }
    return [];
  }

  private ensureRole(): kplus.Role {
    if (!this.role) {
      this.role = new kplus.Role(this, 'Role', { metadata: { name: `${this.props.sensorName}-sensor`, namespace: this.props.namespace } });
      new kplus.RoleBinding(this, 'RoleBinding', { metadata: { name: `${this.props.sensorName}-sensor`, namespace: this.props.namespace }, role: this.role })
        .addSubjects(this.serviceAccount);
    }
    return this.role;
  }

  private ensureClusterRole(): kplus.ClusterRole {
    if (!this.clusterRole) {
      const name = this.props.namespace ? `${this.props.namespace}-${this.props.sensorName}-sensor` : `${this.props.sensorName}-sensor`;
      this.clusterRole = new kplus.ClusterRole(this, 'ClusterRole', { metadata: { name } });
      new kplus.ClusterRoleBinding(this, 'ClusterRoleBinding', { metadata: { name }, role: this.clusterRole }).addSubjects(this.serviceAccount);
    }
    return this.clusterRole;
  }
}

function sortVerbs(verbs: Set<string>): string[] {
  return [...verbs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(verb: string): number {
  const i = VERB_ORDER.indexOf(verb);
  return i < 0 ? VERB_ORDER.length : i;
}
