import { EventField } from './event-field';
import { BoundTriggerAction, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';
import { apiGroupOf, pluralResource } from './util';

/** Operations of a Kubernetes object trigger. */
export enum KubernetesOperation {
  /** Create the object (Argo's default). */
  CREATE = 'create',
  /** Update it (created when missing); reads it first. */
  UPDATE = 'update',
  /** Patch it (created when missing); reads it first. */
  PATCH = 'patch',
  /** Delete it; reads it first. */
  DELETE = 'delete',
}

/** API verbs the sensor's k8s trigger calls for each operation (pkg/sensors/triggers/standard-k8s). */
const K8S_VERBS: Record<KubernetesOperation, string[]> = {
  create: ['create'],
  update: ['get', 'create', 'update'],
  patch: ['get', 'create', 'patch'],
  delete: ['get', 'delete'],
};

/** Kinds Argo Events treats as cluster-scoped in k8s triggers. */
const CLUSTER_KINDS = new Set(['Namespace', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'Node']);

/** Options of a Kubernetes object trigger. */
export interface KubernetesTriggerOptions {
  /** The object as a manifest (`apiVersion`, `kind`, `metadata`, ...), e.g. from `KubePod.manifest()`. */
  readonly resource: { readonly apiVersion: string; readonly kind: string; readonly [key: string]: any };
  /**
   * What to do with it.
   * @default KubernetesOperation.CREATE
   */
  readonly operation?: KubernetesOperation;
  /**
   * Event fields written into the object (dest paths inside the manifest, e.g. `spec.containers.0.args.0`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
  /**
   * Patch strategy, for `PATCH` (e.g. `application/merge-patch+json`).
   * @default - merge patch
   */
  readonly patchStrategy?: string;
  /**
   * For `UPDATE`: fetch the live object rather than use the manifest as the base.
   * @default false
   */
  readonly liveObject?: boolean;
}

/** Creates, updates, patches or deletes a Kubernetes object. @internal */
export class KubernetesAction implements ITriggerAction {
  constructor(private readonly options: KubernetesTriggerOptions) {}

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const { resource } = this.options;
    const op = this.options.operation ?? KubernetesOperation.CREATE;
    const verbs = [...K8S_VERBS[op], ...(ctx.hasResourcePolicy || this.options.liveObject ? ['get'] : [])];
    ctx.grant([{ apiGroup: apiGroupOf(resource.apiVersion), resource: pluralResource(resource.kind), verbs, clusterScoped: CLUSTER_KINDS.has(resource.kind) }]);
    if (resource.kind === 'Workflow' && apiGroupOf(resource.apiVersion) === 'argoproj.io' && resource.spec?.serviceAccountName) {
      ctx.grantExecutor(resource.spec.serviceAccountName);
    }
    return {
      fields: (this.options.parameters ?? []).map(p => p.from),
      render: (resolve): TriggerActionTemplate => ({
        k8S: {
          operation: op,
          source: { resource },
          parameters: renderMappings(this.options.parameters, resolve),
          patchStrategy: this.options.patchStrategy,
          liveObject: this.options.liveObject,
        },
      }),
      check: () => [],
    };
  }
}

/** Operations on an existing workflow (or `submit-from` a template or cron workflow). */
export enum WorkflowOperation {
  /** `argo submit --from` a WorkflowTemplate or CronWorkflow. */
  SUBMIT_FROM = 'submit-from',
  /** `argo resubmit`. */
  RESUBMIT = 'resubmit',
  /** `argo resume`. */
  RESUME = 'resume',
  /** `argo retry` (deletes the failed pods). */
  RETRY = 'retry',
  /** `argo suspend`. */
  SUSPEND = 'suspend',
  /** `argo stop`. */
  STOP = 'stop',
  /** `argo terminate`. */
  TERMINATE = 'terminate',
}

/** What a workflow operation targets. */
export interface WorkflowOperationTarget {
  /**
   * Kind of the target: `Workflow`, or `WorkflowTemplate`/`CronWorkflow` for `SUBMIT_FROM`.
   * @default 'Workflow'
   */
  readonly kind?: 'Workflow' | 'WorkflowTemplate' | 'CronWorkflow';
  /** Name of the target, or the event field holding it. */
  readonly name: string | EventField;
  /**
   * Extra arguments for the argo CLI.
   * @default - none
   */
  readonly cliArgs?: string[];
}

/** Runs an argo CLI operation on a named workflow. @internal */
export class WorkflowOperationAction implements ITriggerAction {
  constructor(private readonly operation: WorkflowOperation, private readonly target: WorkflowOperationTarget) {}

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const kind = this.target.kind ?? 'Workflow';
    ctx.grant(operationPermissions(this.operation, kind));
    const nameField = this.target.name instanceof EventField ? this.target.name : undefined;
    return {
      fields: nameField ? [nameField] : [],
      render: (resolve): TriggerActionTemplate => ({
        argoWorkflow: {
          operation: this.operation,
          source: { resource: { apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name: nameField ? 'set-from-event' : this.target.name } } },
          parameters: nameField ? [{ src: resolve(nameField), dest: 'metadata.name' }] : undefined,
          args: this.target.cliArgs,
        },
      }),
      check: () => ((this.operation === WorkflowOperation.SUBMIT_FROM) === (kind === 'Workflow')
        ? [`${ctx.path}.argoWorkflow.source: operation "${this.operation}" does not apply to a ${kind}; Argo Events fails the trigger. `
          + 'Use SUBMIT_FROM with a WorkflowTemplate or CronWorkflow, and the other operations with a Workflow.']
        : []),
    };
  }
}

/** Verbs the argo CLI (kube mode, inside the sensor) calls, plus the sensor's read-back of the workflow. */
function operationPermissions(op: WorkflowOperation, kind: string): SensorPermission[] {
  const workflows = (verbs: string[]): SensorPermission => ({ apiGroup: 'argoproj.io', resource: 'workflows', verbs });
  switch (op) {
    case WorkflowOperation.SUBMIT_FROM:
      return [workflows(['create', 'get']), { apiGroup: 'argoproj.io', resource: kind === 'CronWorkflow' ? 'cronworkflows' : 'workflowtemplates', verbs: ['get'] }];
    case WorkflowOperation.RESUBMIT:
      return [workflows(['get', 'create'])];
    case WorkflowOperation.RETRY:
      return [workflows(['get', 'update']), { apiGroup: '', resource: 'pods', verbs: ['delete'] }];
    case WorkflowOperation.STOP:
    case WorkflowOperation.TERMINATE:
      return [workflows(['get', 'update', 'patch'])];
    default:
      return [workflows(['get', 'update'])];
  }
}
