import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KubePolicyRule, KubeRole, KubeRoleBinding, KubeServiceAccount, KubeServiceAccountSubject, RBAC_GROUP } from '../core/kube-objects';
import { IServiceAccountRef } from '../core/object-refs';
import { namespaceOf } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { constructId } from '../core/construct-id';
import { SensorPermission } from './trigger-binding';

/** Verbs in a stable order, so that generated rules read the same on every synth. */
const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** Props of `RoleGrants`. @internal */
export interface RoleGrantsProps {
  /** Name of the object whose pod the account runs (`<name>-<suffix>` names what is generated). */
  readonly ownerName: string;
  /** `sensor` or `eventsource`. */
  readonly suffix: string;
  readonly namespace?: string;
  /** An existing account: nothing is generated, permissions are only recorded. */
  readonly serviceAccount?: IServiceAccountRef;
  /** Create the managed ServiceAccount up front (a sensor always names one), else with the first grant. */
  readonly eager: boolean;
}

/**
 * The service account of an Argo Events pod and a Role (and a ClusterRole for cluster-scoped
 * resources) holding exactly the verbs it calls, one rule per resource, created when first
 * needed. With an existing account, nothing is generated and `permissions` says what it must
 * allow. @internal
 */
export class RoleGrants extends Construct {
  private readonly managed: boolean;
  private readonly granted = new Map<string, { permission: SensorPermission; verbs: Set<string> }>();
  private account?: IServiceAccountRef;
  /** Roles by namespace (`''`: the owner's). */
  private readonly roles = new Map<string, KubeRole>();
  private clusterRole?: KubeRole;

  constructor(scope: Construct, id: string, private readonly grantsProps: RoleGrantsProps) {
    super(scope, constructId(scope, id));
    this.managed = !grantsProps.serviceAccount;
    this.account = grantsProps.serviceAccount ?? (grantsProps.eager ? this.newServiceAccount('ServiceAccount', this.generatedName) : undefined);
  }

  /** The service account of the pod: given, generated, or none yet (no permission needed so far). */
  public get serviceAccount(): IServiceAccountRef | undefined {
    return this.account;
  }

  /** Every permission needed so far, one entry per resource, verbs in a stable order. */
  public get permissions(): SensorPermission[] {
    return [...this.granted.values()].map(g => ({ ...g.permission, verbs: sortVerbs(g.verbs) }));
  }

  /** Records permissions and, for a managed service account, grants them. */
  public grant(permissions: readonly SensorPermission[]): void {
    markChanged();
    for (const p of permissions) {
      const namespace = p.clusterScoped || p.namespace === this.grantsProps.namespace ? undefined : p.namespace;
      const key = `${p.clusterScoped ? 'cluster' : `ns:${namespace ?? ''}`}/${p.apiGroup}/${p.resource}`;
      const permission: SensorPermission = {
        apiGroup: p.apiGroup, resource: p.resource, verbs: [], ...(p.clusterScoped ? { clusterScoped: true } : {}), ...(namespace !== undefined ? { namespace } : {}),
      };
      const entry = this.granted.get(key) ?? { permission, verbs: new Set<string>() };
      this.granted.set(key, entry);
      p.verbs.forEach(v => entry.verbs.add(v));
      if (!this.managed || p.verbs.length === 0) continue;
      this.account ??= this.newServiceAccount('ServiceAccount', this.generatedName);
      if (p.clusterScoped) this.ensureClusterRole();
      else this.ensureRole(namespace);
    }
  }

  /** Problems with the generated RBAC, as messages. */
  public check(): string[] {
    const elsewhere = [...this.roles.keys()].filter(ns => ns !== '');
    if (elsewhere.length && !this.grantsProps.namespace) {
      return [`a permission in namespace ${elsewhere.map(ns => `"${ns}"`).join(', ')} is granted by a RoleBinding there, whose ServiceAccount subject must name the account's namespace, `
        + `and the ${this.grantsProps.suffix === 'sensor' ? 'sensor' : 'event source'} has none: the binding would name an account of that namespace instead. Set the namespace of the chart or of the object (metadata.namespace).`];
    }
    if (this.clusterRole && !this.grantsProps.namespace) {
      const owner = this.grantsProps.suffix === 'sensor' ? { who: 'a trigger needs', what: 'sensor' } : { who: 'the event source needs', what: 'event source' };
      return [`${owner.who} a cluster-scoped permission, granted by a ClusterRoleBinding whose ServiceAccount subject must name a namespace, and the ${owner.what} has none; `
        + `Kubernetes rejects the binding. Set the namespace of the chart or of the ${owner.what} (metadata.namespace).`];
    }
    return [];
  }

  /** A ServiceAccount in the owner's namespace, mounting its token (the pod calls the API). */
  protected newServiceAccount(id: string, name: string): KubeServiceAccount {
    return new KubeServiceAccount(this, id, { metadata: { name, namespace: this.grantsProps.namespace }, automountServiceAccountToken: true });
  }

  private get generatedName(): string {
    return `${this.grantsProps.ownerName}-${this.grantsProps.suffix}`;
  }

  private ensureRole(namespace: string | undefined): void {
    const key = namespace ?? '';
    if (this.roles.has(key)) return;
    const metadata = { name: this.generatedName, namespace: namespace ?? this.grantsProps.namespace };
    const suffix = namespace === undefined ? '' : `-${namespace}`;
    this.roles.set(key, new KubeRole(this, `Role${suffix}`, { metadata, rules: Lazy.any({ produce: () => this.rules(false, namespace) }) }));
    new KubeRoleBinding(this, `RoleBinding${suffix}`, { metadata, roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: metadata.name }, subjects: [this.subject()] });
  }

  private ensureClusterRole(): void {
    if (this.clusterRole) return;
    const ns = this.grantsProps.namespace;
    const name = ns ? `${ns}-${this.generatedName}` : this.generatedName;
    this.clusterRole = new KubeRole(this, 'ClusterRole', { cluster: true, metadata: { name }, rules: Lazy.any({ produce: () => this.rules(true) }) });
    new KubeRoleBinding(this, 'ClusterRoleBinding', {
      cluster: true, metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name }, subjects: [this.subject()],
    });
  }

  /** The granted permissions of one scope as rules. */
  private rules(clusterScoped: boolean, namespace?: string): KubePolicyRule[] {
    return this.permissions.filter(p => !!p.clusterScoped === clusterScoped && (clusterScoped || p.namespace === namespace))
      .map(p => ({ apiGroups: [p.apiGroup], resources: [p.resource], verbs: p.verbs }));
  }

  /** The managed ServiceAccount as a binding subject. */
  private subject(): KubeServiceAccountSubject {
    const account = this.account!;
    return { apiGroup: '', kind: 'ServiceAccount', name: account.name, namespace: namespaceOf(account) };
  }
}

function sortVerbs(verbs: Set<string>): string[] {
  return [...verbs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(verb: string): number {
  const i = VERB_ORDER.indexOf(verb);
  return i < 0 ? VERB_ORDER.length : i;
}
