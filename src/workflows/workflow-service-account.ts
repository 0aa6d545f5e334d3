import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeRole, KubeRoleBinding, KubeServiceAccount, RBAC_GROUP } from '../core/kube-objects';
import { ISecretRef, IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { constructId } from '../core/construct-id';

/**
 * What Argo's executor (the `wait` container, Argo Workflows 3.4+) needs from the Kubernetes API
 * in every workflow pod: it records each node's outputs as a WorkflowTaskResult.
 */
export const WORKFLOW_EXECUTOR_PERMISSION = {
  apiGroup: 'argoproj.io',
  resource: 'workflowtaskresults',
  verbs: ['create', 'patch'],
} as const;

/** The Role granting `WORKFLOW_EXECUTOR_PERMISSION`. @internal */
export function newExecutorRole(scope: Construct, id: string, metadata: ApiObjectMetadata): KubeRole {
  const { apiGroup, resource, verbs } = WORKFLOW_EXECUTOR_PERMISSION;
  return new KubeRole(scope, id, { metadata, rules: [{ apiGroups: [apiGroup], resources: [resource], verbs: [...verbs] }] });
}

/** Props of a `WorkflowServiceAccount`. */
export interface WorkflowServiceAccountProps {
  /**
   * Metadata of the ServiceAccount (name, namespace, labels, annotations).
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Mount the account's API token into pods (`automountServiceAccountToken`): Argo's executor
   * calls the API with it.
   * @default true
   */
  readonly automountToken?: boolean;
  /**
   * Secrets pods of this account pull images with (`imagePullSecrets`). Add more with `addImagePullSecret()`.
   * @default - none
   */
  readonly imagePullSecrets?: ISecretRef[];
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
 *
 * It is also what cdk8s-plus (any major) takes as a ServiceAccount: a Deployment's
 * `serviceAccount`, a subject of `role.bind(account)`.
 */
export class WorkflowServiceAccount extends Construct implements IServiceAccountRef {
  /** `ServiceAccount`. */
  public readonly kind = 'ServiceAccount';
  /** `v1`. */
  public readonly apiVersion = 'v1';
  /** The core API group, `''`. */
  public readonly apiGroup = '';
  /** `serviceaccounts`, the resource RBAC rules name. */
  public readonly resourceType = 'serviceaccounts';
  /** The ServiceAccount object. */
  public readonly apiObject: ApiObject;
  /** True when this construct granted the executor permission to the account. */
  public readonly hasExecutorRbac: boolean;
  private readonly pullSecrets: ISecretRef[] = [];

  constructor(scope: Construct, id: string, props: WorkflowServiceAccountProps = {}) {
    super(scope, constructId(scope, id));
    this.apiObject = new KubeServiceAccount(this, 'Resource', {
      metadata: props.metadata,
      automountServiceAccountToken: props.automountToken ?? true,
      imagePullSecrets: Lazy.any({ produce: () => (this.pullSecrets.length ? this.pullSecrets.map(s => ({ name: s.name })) : undefined) }),
    });
    for (const secret of props.imagePullSecrets ?? []) this.addImagePullSecret(secret);
    this.hasExecutorRbac = props.executorRbac ?? true;
    if (this.hasExecutorRbac) {
      const metadata = { name: `${this.name}-executor`, namespace: props.metadata?.namespace };
      newExecutorRole(this, 'ExecutorRole', metadata);
      new KubeRoleBinding(this, 'ExecutorRoleBinding', {
        metadata,
        roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: metadata.name },
        subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: this.name, namespace: this.namespace }],
      });
    }
  }

  /** `metadata.name` of the ServiceAccount. */
  public get name(): string {
    return this.apiObject.name;
  }

  /** `metadata.namespace`, if set (the chart's namespace by default). */
  public get namespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }

  /** Metadata of the ServiceAccount (add labels and annotations here). */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The account as a RoleBinding subject, in its namespace. */
  public toSubjectConfiguration(): { readonly apiGroup: string; readonly kind: string; readonly name: string; readonly namespace?: string } {
    return { apiGroup: this.apiGroup, kind: this.kind, name: this.name, namespace: this.namespace };
  }

  /** Lets pods of this account pull images with the credentials in `secret`. */
  public addImagePullSecret(secret: ISecretRef): void {
    expectKind(secret, 'Secret', `${this.node.path}: imagePullSecrets`);
    markChanged();
    if (!this.pullSecrets.includes(secret)) this.pullSecrets.push(secret);
  }
}
