import { EventsArtifactLocation, TriggerParameter } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { Workflow } from '../workflows/workflow';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { argoCliArgPermissions } from './argo-cli-permissions';
import { EventField } from './event-field';
import { BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';
import { KubernetesManifest, ResolvedResource, TriggerResource } from './trigger-resource';
import { TriggerResourceScope } from './trigger-resource-scope';
import { apiGroupOf, pluralResource } from './util';
import { WorkflowArgument } from './workflow-trigger-actions';

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

/** The resources Argo Events v1.9.11's k8s trigger calls without a namespace (`clusterResources` of pkg/sensors/triggers/standard-k8s). */
const ARGO_CLUSTER_RESOURCES = new Set(['namespaces', 'nodes']);

/**
 * Cluster-scoped kinds of Kubernetes and Argo that Argo Events nevertheless calls in a namespace
 * (the sensor's, when the object names none): the API server answers 404 on that path, so such a
 * trigger fails every time it fires.
 */
const OTHER_CLUSTER_KINDS = new Set([
  'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'RuntimeClass',
  'CSIDriver', 'CSINode', 'VolumeAttachment', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'APIService', 'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration', 'ClusterWorkflowTemplate',
]);

/** How a PATCH is applied (the content type Argo Events sends). */
export enum KubernetesPatchStrategy {
  /** JSON merge patch (RFC 7386). */
  MERGE = 'application/merge-patch+json',
  /** Strategic merge patch (built-in kinds only). */
  STRATEGIC_MERGE = 'application/strategic-merge-patch+json',
  /** JSON patch (RFC 6902). */
  JSON = 'application/json-patch+json',
  /** Server-side apply. */
  APPLY = 'application/apply-patch+yaml',
}

/** Options of a Kubernetes object trigger. */
export interface KubernetesTriggerOptions {
  /**
   * The object: `TriggerResource.fromObject(construct)` for one defined in the sensor's
   * `resourceScope` (a Workflow, a cdk8s-plus Job), a manifest (`TriggerResource.of(...)`, or the
   * manifest itself), or a source read when the trigger fires (`fromConfigMap`, `fromGit`...).
   */
  readonly resource: TriggerResource | KubernetesManifest;
  /**
   * What to do with it.
   * @default KubernetesOperation.CREATE
   */
  readonly operation?: KubernetesOperation;
  /**
   * Event fields mapped onto the parameters of a Workflow construct (the library computes the dest paths).
   * @default - none
   */
  readonly arguments?: WorkflowArgument[];
  /**
   * Event fields written into the object (dest paths inside the manifest, e.g. `spec.containers.0.args.0`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
  /**
   * Patch strategy, for `PATCH`.
   * @default - Argo Events' default (merge patch)
   */
  readonly patchStrategy?: KubernetesPatchStrategy;
  /**
   * For `UPDATE`: fetch the live object rather than use the manifest as the base.
   * @default false
   */
  readonly liveObject?: boolean;
}

/** Creates, updates, patches or deletes a Kubernetes object. @internal */
export class KubernetesAction implements ITriggerAction {
  private readonly resource: ResolvedResource;

  constructor(private readonly options: KubernetesTriggerOptions) {
    this.resource = (options.resource instanceof TriggerResource ? options.resource : TriggerResource.of(options.resource))._resolve();
  }

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const { type, workflow } = this.resource;
    const op = this.options.operation ?? KubernetesOperation.CREATE;
    const verbs = [...K8S_VERBS[op], ...(ctx.hasResourcePolicy || this.options.liveObject ? ['get'] : [])];
    const resource = pluralResource(type.kind);
    const cluster = ARGO_CLUSTER_RESOURCES.has(resource);
    const unreachable = OTHER_CLUSTER_KINDS.has(type.kind);
    if (!unreachable) {
      ctx.grant([{
        apiGroup: apiGroupOf(type.apiVersion), resource, verbs,
        ...(cluster ? { clusterScoped: true } : type.namespace ? { namespace: type.namespace } : {}),
      }]);
    }
    const manifest = this.resource.manifest?.();
    const runAs = type.kind === 'Workflow' && apiGroupOf(type.apiVersion) === 'argoproj.io' ? manifest?.spec?.serviceAccountName : undefined;
    if (typeof runAs === 'string') ctx.grantExecutor(runAs, type.namespace);
    // A Workflow construct created naming no account runs as the sensor's workflow account, as a submitted one does (an update or patch keeps the live one's).
    const defaultAccount = workflow && op === KubernetesOperation.CREATE && runAs === undefined ? ctx.defaultWorkflowServiceAccount(type.namespace) : undefined;
    const args = this.options.arguments ?? [];
    if (workflow) TriggerResourceScope.assignParameters(workflow, args.map(a => a.parameter.name));
    return {
      fields: [...args.map(a => a.from), ...(this.options.parameters ?? []).map(p => p.from)],
      checkedResource: this.resource.checkedAsConstruct ? 'k8s.source.resource' : undefined,
      render: (resolve): TriggerActionTemplate => ({
        k8S: {
          operation: op,
          source: defaultAccount ? withServiceAccount(this.resource.source(), defaultAccount) : this.resource.source(),
          parameters: concat(args.length ? this.argumentParameters(args, resolve) : undefined, renderMappings(this.options.parameters, resolve)),
          patchStrategy: this.options.patchStrategy,
          liveObject: this.options.liveObject,
        },
      }),
      check: () => [
        ...(unreachable ? [`${ctx.path}.k8s.source: a ${type.kind} is cluster-scoped, but Argo Events v1.9.11's Kubernetes trigger calls only namespaces and nodes without a namespace `
          + `(standard-k8s.go): it would ${op} the ${type.kind} under /namespaces/${type.namespace ?? ctx.sensorNamespace ?? '<sensor namespace>'}/, which the API server answers with 404, so the trigger fails every time. `
          + 'Create it from a workflow instead (TriggerAction.submitWorkflow of a Workflow whose resource template applies it).'] : []),
        ...this.checkLiveObject(ctx, op, cluster, manifest),
        ...(args.length && !workflow ? [`${ctx.path}.k8s.parameters: arguments map onto the parameters of a Workflow construct, and the resource is a ${type.kind} given otherwise; `
          + 'no dest path can be computed. Map the values with parameters (dest paths into the object) instead.'] : []),
        ...(workflow ? checkArguments(workflow, args, `${ctx.path}.k8s.parameters`) : []),
        ...ctx.checkSecrets(this.resource.secrets.filter((x): x is SecretKeyRef => x !== undefined)),
      ],
    };
  }

  /** Argo Events fetches the live object by the manifest's name and namespace (FetchResource of standard-k8s.go), and fails without them. */
  private checkLiveObject(ctx: TriggerBindContext, op: KubernetesOperation, cluster: boolean, manifest: { readonly [key: string]: any } | undefined): string[] {
    if (!this.options.liveObject || op !== KubernetesOperation.UPDATE || !manifest) return [];
    const missing = [...(manifest.metadata?.name ? [] : ['metadata.name']), ...(manifest.metadata?.namespace || cluster ? [] : ['metadata.namespace'])];
    return missing.length ? [`${ctx.path}.k8s.liveObject: Argo Events fetches the live object by the manifest's name and namespace, and the manifest has no ${missing.join(' and no ')}; `
      + 'the trigger would fail every time ("resource name/namespace must be specified for fetching live object"). Name the object (and its namespace) in the manifest.'] : [];
  }

  private argumentParameters(args: readonly WorkflowArgument[], resolve: FieldResolver): TriggerParameter[] {
    const names: string[] = (this.resource.manifest?.().spec?.arguments?.parameters ?? []).map((p: { name?: string }) => p.name);
    return args.map(a => ({ src: resolve(a.from), dest: `spec.arguments.parameters.${Math.max(0, names.indexOf(a.parameter.name))}.value` }));
  }
}

/** The source's manifest running as `serviceAccountName`. */
function withServiceAccount(source: EventsArtifactLocation, serviceAccountName: string): EventsArtifactLocation {
  const resource = source.resource as { readonly spec?: object } | undefined;
  return resource ? { ...source, resource: { ...resource, spec: { ...resource.spec, serviceAccountName } } } : source;
}

/** Arguments a Workflow construct does not declare, or mapped twice. */
function checkArguments(workflow: Workflow, args: readonly WorkflowArgument[], at: string): string[] {
  const errors: string[] = [];
  const declared = [...workflow.parameters, ...(workflow.runsWorkflowTemplate?.parameters ?? [])];
  const seen = new Set<string>();
  for (const a of args) {
    if (seen.has(a.parameter.name)) errors.push(`${at}: parameter "${a.parameter.name}" is mapped twice; the second value would overwrite the first. Map each parameter once.`);
    seen.add(a.parameter.name);
    if (!declared.includes(a.parameter)) {
      errors.push(`${at}: parameter "${a.parameter.name}" is not declared by ${workflow.objectLabel} (its arguments: ${declared.map(p => p.name).join(', ') || 'none'}); `
        + 'Argo would not find it in the created workflow. Map a parameter object its addArgument() returned.');
    }
  }
  return errors;
}

function concat<T>(...lists: (T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap(l => l ?? []);
  return all.length ? all : undefined;
}

/** Operations on an existing workflow (or `submit-from` a template or cron workflow). */
export enum WorkflowOperation {
  /**
   * `argo submit --from` a WorkflowTemplate or CronWorkflow. Argo Events v1.9.11 reports it failed
   * after the workflow is created (so no retryStrategy or deadLetter is accepted with it); for a
   * WorkflowTemplate, `TriggerAction.submitWorkflow(template)` does the same and reports success.
   */
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
  /**
   * The WorkflowTemplates and ClusterWorkflowTemplates the operated workflows reference
   * (`workflowTemplateRef`, `templateRef`): `argo resubmit` and `argo submit --from` validate the
   * new workflow against them, so the sensor is granted `get` on them.
   * @default - none: a workflow referencing one fails to resubmit with "forbidden"
   */
  readonly templates?: readonly IWorkflowTemplate[];
}

/**
 * After `argo submit --from`, Argo Events v1.9.11 reads back the workflow named like the template
 * or cron workflow (argo-workflow.go: `Get(name)` for every operation but submit), which does not
 * exist: the trigger is reported failed although the workflow was created.
 */
const SUBMIT_FROM_FAILS = 'Argo Events v1.9.11 reports a submit-from failed after it created the workflow (it then reads back a workflow named like the template, which does not exist)';

/** Runs an argo CLI operation on a named workflow. @internal */
export class WorkflowOperationAction implements ITriggerAction {
  constructor(private readonly operation: WorkflowOperation, private readonly target: WorkflowOperationTarget) {}

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const kind = this.target.kind ?? 'Workflow';
    const validates = this.operation === WorkflowOperation.RESUBMIT || this.operation === WorkflowOperation.SUBMIT_FROM;
    const templateReads: SensorPermission[] = validates ? (this.target.templates ?? []).map(t => (t.clusterScope
      ? { apiGroup: 'argoproj.io', resource: 'clusterworkflowtemplates', verbs: ['get'], clusterScoped: true }
      : { apiGroup: 'argoproj.io', resource: 'workflowtemplates', verbs: ['get'] })) : [];
    ctx.grant([...operationPermissions(this.operation, kind, this.target.cliArgs ?? []), ...argoCliArgPermissions(this.target.cliArgs), ...templateReads]);
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
      failsAfterRunning: this.operation === WorkflowOperation.SUBMIT_FROM ? SUBMIT_FROM_FAILS : undefined,
      check: () => ((this.operation === WorkflowOperation.SUBMIT_FROM) === (kind === 'Workflow')
        ? [`${ctx.path}.argoWorkflow.source: operation "${this.operation}" does not apply to a ${kind}; Argo Events fails the trigger. `
          + 'Use SUBMIT_FROM with a WorkflowTemplate or CronWorkflow, and the other operations with a Workflow.']
        : []),
    };
  }
}

/**
 * Verbs the argo CLI (kube mode, inside the sensor) calls for the operation (argo v3.7.9's
 * workflow server and workflow/util), plus the sensor's read-back of the workflow (`get`).
 */
function operationPermissions(op: WorkflowOperation, kind: string, args: readonly string[]): SensorPermission[] {
  const workflows = (verbs: string[]): SensorPermission => ({ apiGroup: 'argoproj.io', resource: 'workflows', verbs });
  switch (op) {
    case WorkflowOperation.SUBMIT_FROM:
      return [workflows(['create', 'get']), { apiGroup: 'argoproj.io', resource: kind === 'CronWorkflow' ? 'cronworkflows' : 'workflowtemplates', verbs: ['get'] }];
    case WorkflowOperation.RESUBMIT:
      return [workflows(['get', 'create'])];
    case WorkflowOperation.RETRY:
      return [workflows(['get', 'update']), { apiGroup: '', resource: 'pods', verbs: ['delete'] }];
    case WorkflowOperation.STOP:
      // A merge patch of spec.shutdown; with a message or a node selector, an update of the nodes first.
      return [workflows(args.some(a => /^--(message|node-field-selector)(=|$)/.test(a)) ? ['get', 'update', 'patch'] : ['get', 'patch'])];
    case WorkflowOperation.TERMINATE:
      return [workflows(['get', 'patch'])];
    default:
      // resume and suspend: get, then update (of the suspended nodes or spec.suspend).
      return [workflows(['get', 'update'])];
  }
}
