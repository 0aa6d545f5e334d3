import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { K8sAffinity, K8sToleration } from '../../imports/kubernetes';
import { IConfigMapRef, ISecretRef, IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { CallArguments, renderArguments } from './call';
import { ContainerSetTemplate, ContainerSetTemplateProps } from './container-set-template';
import { ContainerSpec, ContainerSpecProps, ContainerTemplate, ContainerTemplateProps, ScriptTemplate, ScriptTemplateProps } from './container-template';
import { DagTemplate, DagTemplateProps } from './dag-template';
import { ArgoText, Condition, collectVariables, renderText } from './expressions';
import { EXIT_HOOK, LifecycleHook, LifecycleHookOptions, renderHooks } from './hooks';
import { HttpTemplate, HttpTemplateProps } from './http-template';
import { WorkflowParameter, WorkflowParameterOptions } from './parameters';
import {
  ArgoDuration, MetadataProps, PodGcProps, RetryStrategyProps, SynchronizationProps, TtlStrategyProps,
  renderDuration, renderPodGc, renderRetryStrategy, renderSynchronization,
} from './policies';
import { ResourceTemplate, ResourceTemplateProps } from './resource-template';
import { PodSecurityProps, renderPodSecurity, securityProblems } from './security-context';
import { StepsTemplate, StepsTemplateProps } from './steps-template';
import { SuspendTemplate, SuspendTemplateProps } from './suspend-template';
import { ITemplate, Template } from './template';
import { WorkflowVolume } from './volumes';
import { IWorkflowTemplate } from './workflow-template-ref';

/** Defaults applied by Argo to every template of the workflow (`templateDefaults`). */
export interface TemplateDefaultsProps {
  /**
   * Container defaults (image, env, envFrom, resources...) merged into container and script templates.
   * @default - none
   */
  readonly container?: ContainerSpecProps;
  /**
   * Default retry strategy.
   * @default - none
   */
  readonly retryStrategy?: RetryStrategyProps;
  /**
   * Default timeout of leaf templates.
   * @default - none
   */
  readonly timeout?: ArgoDuration;
  /**
   * Default deadline of leaf templates, in seconds.
   * @default - none
   */
  readonly activeDeadlineSeconds?: number | string;
  /**
   * Default pod labels and annotations.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
}

/** Workflow metadata set on each run (`workflowMetadata`). */
export interface WorkflowMetadataProps extends MetadataProps {
  /**
   * Labels computed at run time from expressions.
   * @default - none
   */
  readonly labelsFrom?: { [key: string]: Condition | ArgoText };
}

/** Where Argo stores artifacts: a key of an artifact-repositories ConfigMap. */
export interface ArtifactRepositoryRefProps {
  /** The ConfigMap holding repository definitions. */
  readonly configMap: IConfigMapRef;
  /**
   * The key in it.
   * @default - the ConfigMap's default-repository annotation
   */
  readonly key?: string;
}

/** Workflow-level settings shared by Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow. */
export interface WorkflowSpecProps {
  /**
   * Object metadata (name, namespace, labels, annotations).
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Service account of the workflow's pods.
   * @default - the namespace's default service account
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Defaults for every template.
   * @default - none
   */
  readonly templateDefaults?: TemplateDefaultsProps;
  /**
   * Retry strategy of the whole workflow (each template may set its own).
   * @default - none
   */
  readonly retryStrategy?: RetryStrategyProps;
  /**
   * Fail the workflow after this many seconds.
   * @default - no deadline
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Maximum number of pods running at once.
   * @default - unlimited
   */
  readonly parallelism?: number;
  /**
   * Mutexes and semaphores held by the whole workflow.
   * @default - none
   */
  readonly synchronization?: SynchronizationProps;
  /**
   * When pods are deleted.
   * @default - kept
   */
  readonly podGc?: PodGcProps;
  /**
   * When finished workflows are deleted.
   * @default - kept
   */
  readonly ttlStrategy?: TtlStrategyProps;
  /**
   * Volumes shared by every template (add more with `addVolume()`).
   * @default - none
   */
  readonly volumes?: WorkflowVolume[];
  /**
   * Labels and annotations of every pod.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
  /**
   * Node selector of every pod.
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Tolerations of every pod.
   * @default - none
   */
  readonly tolerations?: K8sToleration[];
  /**
   * Affinity of every pod.
   * @default - none
   */
  readonly affinity?: K8sAffinity;
  /**
   * Pod security context of every pod (user, group, fsGroup, seccomp...); a template's own replaces it.
   * @default - none
   */
  readonly securityContext?: PodSecurityProps;
  /**
   * Artifact repository to use.
   * @default - the controller's default repository
   */
  readonly artifactRepositoryRef?: ArtifactRepositoryRefProps;
  /**
   * Labels and annotations of each run.
   * @default - none
   */
  readonly workflowMetadata?: WorkflowMetadataProps;
  /**
   * Archive the logs of every pod as artifacts.
   * @default - the controller's setting
   */
  readonly archiveLogs?: boolean;
  /**
   * Secrets used to pull images.
   * @default - none
   */
  readonly imagePullSecrets?: ISecretRef[];
  /**
   * Priority class of every pod.
   * @default - none
   */
  readonly podPriorityClassName?: string;
}

/** Options of `setOnExit()`. */
export interface ExitHandlerOptions extends CallArguments {
  /**
   * Run the handler only when this holds, e.g. `WorkflowVariables.status.ne(WorkflowPhase.SUCCEEDED)`.
   * Argo has no `when` on templates, so a steps template (named `wrapperName`) is generated whose
   * single step carries the condition.
   * @default - always
   */
  readonly when?: Condition;
  /**
   * Name of the generated wrapper steps template (when one is needed).
   * @default 'exit-handler'
   */
  readonly wrapperName?: string;
}

/**
 * Base of the constructs holding a workflow spec: Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate and CronWorkflow. Templates are added with `addXxxTemplate()` and
 * referenced by object everywhere else.
 */
export abstract class WorkflowSpecBase extends Construct {
  /** The L1 API object. */
  public abstract readonly apiObject: ApiObject;

  private readonly _templates: Template[] = [];
  private readonly _parameters: WorkflowParameter[] = [];
  private readonly _volumes: WorkflowVolume[] = [];
  private readonly _hooks: LifecycleHook[] = [];
  private _entrypoint?: ITemplate;
  private _onExit?: ITemplate;

  constructor(scope: Construct, id: string, private readonly specProps: WorkflowSpecProps = {}) {
    super(scope, id);
    expectKind(specProps.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    expectKind(specProps.artifactRepositoryRef?.configMap, 'ConfigMap', `${this.node.path}: artifactRepositoryRef.configMap`);
    specProps.imagePullSecrets?.forEach((s, i) => expectKind(s, 'Secret', `${this.node.path}: imagePullSecrets[${i}]`));
    this._volumes.push(...(specProps.volumes ?? []));
    this.node.addValidation({ validate: () => this.validateSpec() });
  }

  /** Templates of this spec, in order. */
  public get templates(): readonly Template[] {
    return this._templates;
  }

  /** Workflow-level parameters (`spec.arguments.parameters`), in order. */
  public get parameters(): readonly WorkflowParameter[] {
    return this._parameters;
  }

  /** Workflow-level volumes. */
  public get volumes(): readonly WorkflowVolume[] {
    return this._volumes;
  }

  /** The entrypoint template, if set. */
  public get entrypoint(): ITemplate | undefined {
    return this._entrypoint;
  }

  /** The exit handler template, if set. */
  public get onExit(): ITemplate | undefined {
    return this._onExit;
  }

  /**
   * Declares a workflow parameter (`spec.arguments.parameters[]`) and returns it; it renders
   * `{{workflow.parameters.<name>}}` wherever used.
   */
  public addArgument(name: string, options: WorkflowParameterOptions = {}): WorkflowParameter {
    const p = new WorkflowParameter(name, options, this);
    this._parameters.push(p);
    return p;
  }

  /** Adds a workflow-level volume. */
  public addVolume(volume: WorkflowVolume): void {
    if (!this._volumes.includes(volume)) this._volumes.push(volume);
  }

  /** Sets the template a run starts with (a template of this spec). */
  public setEntrypoint(template: ITemplate): void {
    this._entrypoint = template;
  }

  /**
   * Sets the exit handler (`onExit`), run when the workflow ends. A template of this spec is
   * named directly; a template of a WorkflowTemplate (e.g. a shared notifier), or any handler with
   * a `when` or arguments, is called from a generated steps template, the way Argo supports
   * conditional exit handlers. Returns the template named by `onExit`.
   */
  public setOnExit(template: ITemplate, options: ExitHandlerOptions = {}): ITemplate {
    const direct = this._isLocal(template) && !options.when && !options.parameters && !options.artifacts;
    if (direct) {
      this._onExit = template;
      return template;
    }
    const wrapper = this.addStepsTemplate(options.wrapperName ?? 'exit-handler');
    wrapper.addStep(template.name, template, { when: options.when, parameters: options.parameters, artifacts: options.artifacts });
    this._onExit = wrapper;
    return wrapper;
  }

  /**
   * Adds a workflow-level lifecycle hook: `template` runs when `options.expression` becomes true
   * (e.g. `WorkflowVariables.status.eq(WorkflowPhase.RUNNING)`); hooks other than `exit` need one (rule W39).
   */
  public addHook(name: string, template: ITemplate, options: LifecycleHookOptions = {}): LifecycleHook {
    const hook = new LifecycleHook(name, template, options);
    this._hooks.push(hook);
    return hook;
  }

  /** Adds the `exit` lifecycle hook (like onExit, but may call a template of a WorkflowTemplate directly). */
  public addExitHook(template: ITemplate, options: Omit<LifecycleHookOptions, 'expression'> = {}): LifecycleHook {
    return this.addHook(EXIT_HOOK, template, options);
  }

  /** Adds a template running one container. */
  public addContainerTemplate(id: string, props: ContainerTemplateProps = {}): ContainerTemplate {
    return new ContainerTemplate(this, id, props);
  }

  /** Adds a template running a script. */
  public addScriptTemplate(id: string, props: ScriptTemplateProps): ScriptTemplate {
    return new ScriptTemplate(this, id, props);
  }

  /** Adds a template acting on a Kubernetes object. */
  public addResourceTemplate(id: string, props: ResourceTemplateProps): ResourceTemplate {
    return new ResourceTemplate(this, id, props);
  }

  /** Adds a template that pauses the workflow. */
  public addSuspendTemplate(id: string, props: SuspendTemplateProps = {}): SuspendTemplate {
    return new SuspendTemplate(this, id, props);
  }

  /** Adds a template sending an HTTP request. */
  public addHttpTemplate(id: string, props: HttpTemplateProps): HttpTemplate {
    return new HttpTemplate(this, id, props);
  }

  /** Adds a steps template (sequential groups of parallel steps). */
  public addStepsTemplate(id: string, props: StepsTemplateProps = {}): StepsTemplate {
    return new StepsTemplate(this, id, props);
  }

  /** Adds a DAG template. */
  public addDagTemplate(id: string, props: DagTemplateProps = {}): DagTemplate {
    return new DagTemplate(this, id, props);
  }

  /** Adds a template running several containers in one pod. */
  public addContainerSetTemplate(id: string, props: ContainerSetTemplateProps = {}): ContainerSetTemplate {
    return new ContainerSetTemplate(this, id, props);
  }

  /** @internal Registers a template constructed in this scope. */
  public _registerTemplate(template: Template): void {
    if (this._templates.some(t => t.name === template.name)) {
      throw new Error(`${this.node.path}: a template named "${template.name}" already exists: Argo requires unique template names (rule W3). Give the new template another id or name.`);
    }
    this._templates.push(template);
  }

  /** @internal Field path of the templates list, e.g. `spec.templates`. */
  public abstract get _templatesPath(): string;

  /** @internal */
  public _templateFieldPath(template: Template): string {
    return `${this._templatesPath}[${this._templates.indexOf(template)}]`;
  }

  /** @internal This spec as a WorkflowTemplate others can reference, if it is one. */
  public _asWorkflowTemplate(): IWorkflowTemplate | undefined {
    return undefined;
  }

  /** @internal The WorkflowTemplate this spec runs through workflowTemplateRef, if any. */
  public _runsWorkflowTemplate(): IWorkflowTemplate | undefined {
    return undefined;
  }

  /** @internal True when `template` is named directly (`template: name`) from this spec. */
  public _isLocal(template: ITemplate): boolean {
    if (template instanceof Template && template.spec === this) return true;
    const runs = this._runsWorkflowTemplate();
    return runs !== undefined && template.workflowTemplate === runs;
  }

  /** @internal `Kind/name` of the manifest, as findings print it. */
  public _objectLabel(): string {
    const generateName = this._generateName();
    return `${this.apiObject.kind}/${generateName ? `${generateName}*` : this.apiObject.name}`;
  }

  /** @internal The generateName used instead of a name (one-off Workflows). */
  public _generateName(): string | undefined {
    return undefined;
  }

  /** The entrypoint emitted when none was set: none (Workflow and CronWorkflow override). */
  protected defaultEntrypoint(): ITemplate | undefined {
    return undefined;
  }

  /** @internal The L1 workflow spec. */
  public _renderWorkflowSpec(extra: { workflowTemplateRef?: l1.WorkflowTemplateRef; argumentValues?: CallArguments } = {}): l1.WorkflowSpec {
    const p = this.specProps;
    const entrypoint = this._entrypoint ?? this.defaultEntrypoint();
    const params = this._parameters.map(x => x._render());
    const values = renderArguments(extra.argumentValues ?? {});
    const argParams = [...params, ...(values?.parameters ?? [])];
    const claims = this.claimTemplates();
    const plain = this._volumes.filter(v => !v.isClaimTemplate);
    const wm = p.workflowMetadata;
    return {
      entrypoint: entrypoint?.name,
      arguments: argParams.length || values?.artifacts ? { parameters: argParams.length ? argParams : undefined, artifacts: values?.artifacts } : undefined,
      serviceAccountName: p.serviceAccount?.name,
      templateDefaults: renderTemplateDefaults(p.templateDefaults),
      onExit: this._onExit?.name,
      hooks: renderHooks(this, this._hooks),
      retryStrategy: renderRetryStrategy(p.retryStrategy),
      activeDeadlineSeconds: p.activeDeadlineSeconds,
      parallelism: p.parallelism,
      synchronization: renderSynchronization(p.synchronization),
      podGc: renderPodGc(p.podGc),
      ttlStrategy: p.ttlStrategy,
      volumes: plain.length ? plain.map(v => v._volume!) : undefined,
      volumeClaimTemplates: claims.length ? claims.map(v => v._claimTemplate!) : undefined,
      podMetadata: p.podMetadata ? { labels: p.podMetadata.labels, annotations: p.podMetadata.annotations } : undefined,
      nodeSelector: p.nodeSelector,
      tolerations: p.tolerations,
      affinity: p.affinity,
      securityContext: renderPodSecurity(p.securityContext),
      artifactRepositoryRef: p.artifactRepositoryRef ? { configMap: p.artifactRepositoryRef.configMap.name, key: p.artifactRepositoryRef.key } : undefined,
      workflowMetadata: wm ? {
        labels: wm.labels,
        annotations: wm.annotations,
        labelsFrom: wm.labelsFrom ? Object.fromEntries(Object.entries(wm.labelsFrom).map(([k, e]) => [k, { expression: e instanceof Condition ? e.renderExpression() : renderText(e) }])) : undefined,
      } : undefined,
      archiveLogs: p.archiveLogs,
      imagePullSecrets: p.imagePullSecrets?.map(s => ({ name: s.name })),
      podPriorityClassName: p.podPriorityClassName,
      workflowTemplateRef: extra.workflowTemplateRef,
      templates: this._templates.length ? this._templates.map(t => t._render()) : undefined,
    };
  }

  /** Object checks of the spec itself. */
  protected validateSpec(): string[] {
    const errors: string[] = [];
    const where = (field: string, message: string) => `${this._objectLabel()}: ${this._templatesPath.replace(/\.templates$/, '')}.${field}: ${message}`;
    const spec = this._templatesPath.replace(/\.templates$/, '');
    for (const p of securityProblems(this.specProps.securityContext)) errors.push(`${this._objectLabel()}: ${spec}${p.subPath}: ${p.message}`);
    const defaults = this.specProps.templateDefaults?.container;
    for (const p of defaults ? new ContainerSpec(defaults)._problems() : []) {
      errors.push(`${this._objectLabel()}: ${spec}.templateDefaults.container${p.subPath}: ${p.message}`);
    }
    const entry = this._entrypoint;
    if (entry && !this._isLocal(entry)) {
      errors.push(where('entrypoint', `names template "${entry.name}", which is not a template of this object: Argo only starts from its own templates (rule W6). Use setEntrypoint() with a template added here, or call the other one from a step.`));
    }
    for (const h of this._hooks) errors.push(...h._check(this).map(p => where(p.subPath.substring(1), p.message)));
    for (const v of collectVariables([this._hooks.map(h => h._values), this._parameters.map(x => x.options)])) {
      const source = v._source as any;
      if (source?._invocationKind) errors.push(where('arguments', `reads ${v}, an output of ${source.kindLabel} "${source.name}": workflow-level fields cannot read step or task outputs. Export the value with a globalName and read its .global variable instead.`));
    }
    return errors;
  }

  /** Checks the `parameters` prop (values for a run WorkflowTemplate's parameters). */
  protected checkArgumentValues(wt: IWorkflowTemplate | undefined, values: { [name: string]: unknown } | undefined): string[] {
    const errors: string[] = [];
    const at = `${this._objectLabel()}: ${this._templatesPath.replace(/\.templates$/, '')}.arguments.parameters`;
    Object.keys(values ?? {}).forEach((name, i) => {
      if (!wt) {
        errors.push(`${at}[${i}]: the parameters prop gives values to the parameters of a workflowTemplate, and this object runs none. Declare its own parameters with addArgument(name, { value }).`);
      } else if (wt.parameters.length && !wt.parameters.some(p => p.name === name)) {
        errors.push(`${at}[${i}]: passes "${name}" but WorkflowTemplate "${wt.name}" declares no such parameter (declared: ${wt.parameters.map(p => p.name).join(', ')}): Argo ignores it. Key values by the template's parameter objects: { [param.name]: value }.`);
      }
    });
    return errors;
  }

  private claimTemplates(): WorkflowVolume[] {
    const out = this._volumes.filter(v => v.isClaimTemplate);
    for (const t of this._templates) {
      for (const v of t._mountedVolumes()) if (v.isClaimTemplate && !out.includes(v)) out.push(v);
    }
    return out;
  }
}

function renderTemplateDefaults(d: TemplateDefaultsProps | undefined): l1.Template | undefined {
  if (!d) return undefined;
  let container: l1.Template['container'];
  if (d.container) {
    const { name: _n, ...rest } = new ContainerSpec(d.container).render();
    container = rest as l1.Template['container'];
  }
  return {
    container,
    retryStrategy: renderRetryStrategy(d.retryStrategy),
    timeout: renderDuration(d.timeout),
    activeDeadlineSeconds: d.activeDeadlineSeconds,
    metadata: d.podMetadata ? { labels: d.podMetadata.labels, annotations: d.podMetadata.annotations } : undefined,
  };
}
