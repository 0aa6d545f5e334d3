import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { expectKind } from '../core/ref-inspection';
import { markChanged, revision } from '../core/revision';
import { addConstructCheck } from '../core/validation';
import { ArgoExpression, ArgoVariable, collectVariables, renderText } from './argo-variable';
import { ArtifactArgument, renderArtifactGc } from './artifacts';
import { renderResources, resourceProblems } from './container-resources';
import { DataTemplate, DataTemplateProps } from './data-template';
import { ExecutorPlugin, ExecutorPluginProps } from './executor-plugin';
import { expectMetrics, renderMetrics } from './metrics';
import { OverridePath, Overrides } from './overrides';
import { PluginTemplate, PluginTemplateProps } from './plugin-template';
import { argumentPaths, CallArgument, callsByName, refuseArgumentMaps, renderArguments } from './call';
import { ContainerSetTemplate, ContainerSetTemplateProps } from './container-set-template';
import { ContainerSpec, ContainerTemplate, ContainerTemplateProps, ScriptTemplate, ScriptTemplateProps } from './container-template';
import { DagTemplate, DagTemplateProps } from './dag-template';
import { renderDuration } from './duration';
import { EXIT_HOOK, LifecycleHook, LifecycleHookOptions, renderHooks } from './hooks';
import { HttpTemplate, HttpTemplateProps } from './http-template';
import { NodeVariable } from './node-variable';
import { InputParameter, ParameterArgument, WorkflowParameter, WorkflowParameterOptions } from './parameters';
import { renderPodGc } from './pod-gc';
import { ResourceTemplate, ResourceTemplateProps } from './resource-template';
import { checkRetryStrategy, renderRetryStrategy, retryStrategyProblems } from './retry-strategy';
import { checkTtlStrategy } from './ttl-strategy';
import { PodSecurityProps, renderPodSecurity, securityProblems } from './security-context';
import { StepsTemplate, StepsTemplateProps } from './steps-template';
import { SuspendTemplate, SuspendTemplateProps } from './suspend-template';
import { renderSynchronization } from './synchronization';
import { renderHostAliases, Template } from './template';
import { ITemplateHost, TEMPLATE_HOST } from './template-host';
import { ITemplate } from './template-ref';
import { WorkflowVolume } from './volumes';
import { DnsConfigProps, ExitHandlerOptions, TemplateDefaultsProps, WorkflowSpecProps } from './workflow-spec-props';
import { IWorkflowParameter, IWorkflowTemplate } from './workflow-template-ref';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { checkLevel, DEFAULT_POD_SECURITY, PodSecurity } from '../core/pod-security';

/**
 * Base of the constructs holding a workflow spec: Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate and CronWorkflow. Templates are added with `addXxxTemplate()` and
 * referenced by object everywhere else; this is the host they are created in (`ITemplateHost`).
 */
export abstract class WorkflowSpecBase extends Construct implements ITemplateHost {
  /** Brand of a template host. */
  public readonly [TEMPLATE_HOST] = true as const;
  /** The L1 API object. */
  public abstract readonly apiObject: ApiObject;

  private readonly _parameters: WorkflowParameter[] = [];
  /** The Template children, as of a library revision (every construct of the library bumps it when created). */
  private templatesAt?: { readonly revision: number; readonly list: readonly Template[] };
  private readonly _volumes: WorkflowVolume[] = [];
  private readonly _hooks: LifecycleHook[] = [];
  private _entrypoint?: ITemplate;
  private _onExit?: ITemplate;
  private readonly _plugins: ExecutorPlugin[] = [];
  private readonly overrides = new Overrides(() => this.node.path);

  constructor(scope: Construct, id: string, private readonly specProps: WorkflowSpecProps = {}) {
    super(scope, constructId(scope, id));
    markChanged();
    expectKind(specProps.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    expectKind(specProps.artifactRepositoryRef?.configMap, 'ConfigMap', `${this.node.path}: artifactRepositoryRef.configMap`);
    expectKind(specProps.executorServiceAccount, 'ServiceAccount', `${this.node.path}: executorServiceAccount`);
    expectMetrics(specProps.metrics, this.node.path);
    specProps.imagePullSecrets?.forEach((s, i) => expectKind(s, 'Secret', `${this.node.path}: imagePullSecrets[${i}]`));
    this._volumes.push(...(specProps.volumes ?? []));
    checkInteger(this, 'parallelism', specProps.parallelism);
    checkInteger(this, 'activeDeadlineSeconds', specProps.activeDeadlineSeconds);
    checkInteger(this, 'templateDefaults.activeDeadlineSeconds', specProps.templateDefaults?.activeDeadlineSeconds, {}, true);
    checkRetryStrategy(this, 'retryStrategy', specProps.retryStrategy);
    checkRetryStrategy(this, 'templateDefaults.retryStrategy', specProps.templateDefaults?.retryStrategy);
    checkTtlStrategy(this, specProps.ttlStrategy);
    checkLevel(this, specProps.podSecurity);
    addConstructCheck(this, () => this.check());
  }

  /** The Pod Security level of the templates' pods, unless a template sets its own. */
  public get podSecurity(): PodSecurity {
    return this.specProps.podSecurity ?? DEFAULT_POD_SECURITY;
  }

  /** The workflow's pod security context (`securityContext` prop), if any. */
  public get podSecurityContext(): PodSecurityProps | undefined {
    return this.specProps.securityContext;
  }

  /** Templates of this spec, in the order they were created. */
  public get templates(): readonly Template[] {
    const at = revision();
    if (this.templatesAt?.revision !== at) this.templatesAt = { revision: at, list: this.node.children.filter((c): c is Template => c instanceof Template && !c.isInline) };
    return this.templatesAt.list;
  }

  /** Field path of the templates list in the manifest. */
  public get templatesPath(): string {
    return 'spec.templates';
  }

  /** `Kind/name` of the manifest, as findings print it. */
  public get objectLabel(): string {
    return `${this.apiObject.kind}/${this.apiObject.name}`;
  }

  /** This spec as a WorkflowTemplate others reference through templateRef: none (WorkflowTemplates are). */
  public get asWorkflowTemplate(): IWorkflowTemplate | undefined {
    return undefined;
  }

  /** The WorkflowTemplate this spec runs through workflowTemplateRef: none (Workflows and CronWorkflows may). */
  public get runsWorkflowTemplate(): IWorkflowTemplate | undefined {
    return undefined;
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
    markChanged();
    const p = new WorkflowParameter(name, options);
    this._parameters.push(p);
    return p;
  }

  /** Adds a workflow-level volume. */
  public addVolume(volume: WorkflowVolume): void {
    markChanged();
    if (!this._volumes.includes(volume)) this._volumes.push(volume);
  }

  /** Sets the template a run starts with (a template of this spec). */
  public setEntrypoint(template: ITemplate): void {
    markChanged();
    this._entrypoint = template;
  }

  /**
   * Sets the exit handler (`onExit`), run when the workflow ends. A template of this spec is
   * named directly; a template of a WorkflowTemplate (e.g. a shared notifier), or any handler with
   * a `when` or arguments, is called from a generated steps template, the way Argo supports
   * conditional exit handlers. Returns the template named by `onExit`.
   */
  public setOnExit(template: ITemplate, options: ExitHandlerOptions = {}): ITemplate {
    refuseArgumentMaps(`${this.node.path}: exit handler`, options);
    markChanged();
    const direct = callsByName(this, template) && !options.when && !options.arguments?.length;
    if (direct) {
      this._onExit = template;
      return template;
    }
    const wrapper = this.addStepsTemplate(options.wrapperName ?? 'exit-handler');
    wrapper.addStep(template.name, template, { when: options.when, arguments: options.arguments });
    this._onExit = wrapper;
    return wrapper;
  }

  /**
   * Adds a workflow-level lifecycle hook: `template` runs when `options.expression` becomes true
   * (e.g. `WorkflowVariables.status.eq(WorkflowPhase.RUNNING)`); hooks other than `exit` need one (rule W39).
   */
  public addHook(name: string, template: ITemplate, options: LifecycleHookOptions = {}): LifecycleHook {
    refuseArgumentMaps(`${this.node.path}: hook "${name}"`, options);
    markChanged();
    const hook = new LifecycleHook(name, template, options);
    this._hooks.push(hook);
    return hook;
  }

  /** Adds the `exit` lifecycle hook (like onExit, but may call a template of a WorkflowTemplate directly). */
  public addExitHook(template: ITemplate, options: Omit<LifecycleHookOptions, 'expression'> = {}): LifecycleHook {
    return this.addHook(EXIT_HOOK, template, options);
  }

  /**
   * Adds an executor plugin for this workflow only (`spec.executorPlugins`): a sidecar of Argo's
   * agent pod that runs the workflow's plugin templates (`addPluginTemplate`). Rule W41 checks it.
   */
  public addExecutorPlugin(name: string, props: ExecutorPluginProps): ExecutorPlugin {
    markChanged();
    const plugin = new ExecutorPlugin(name, props);
    this._plugins.push(plugin);
    return plugin;
  }

  /**
   * @internal True when a template here reads `{{workflow.parameters.<name>}}`: a run or an event
   * binding may supply a parameter the template reads without declaring it.
   */
  public _readsParameter(name: string): boolean {
    const parameter = new WorkflowParameter(name);
    return this.templates.some(t => t._reads(parameter));
  }

  /** The executor plugins of this workflow, in order. */
  public get executorPlugins(): readonly ExecutorPlugin[] {
    return this._plugins;
  }

  /**
   * Escape hatch: sets a field of the workflow spec (`spec`, or `spec.workflowSpec` of a
   * CronWorkflow) in the manifest, with Argo's field names, e.g. `addOverride('hostNetwork', true)`;
   * `undefined` removes a field. Prefer a template's, step's or container's own `addOverride()`
   * for their fields: those follow the part wherever it renders.
   */
  public addOverride(path: OverridePath, value: unknown): void {
    this.overrides.add(path, value);
  }

  /**
   * @internal The manifest with the overrides of this spec, its templates and their parts
   * applied; the kind classes call it on every render.
   */
  public _applyOverrides(manifest: { readonly spec?: unknown }): void {
    const spec = this.templatesPath === 'spec.templates' ? manifest.spec : childOf(manifest.spec, 'workflowSpec');
    const templates = childOf(spec, 'templates');
    this.templates.forEach((t, i) => {
      const rendered = Array.isArray(templates) ? templates[i] : undefined;
      if (typeof rendered === 'object' && rendered !== null) t._applyOverrides(rendered);
    });
    this.overrides.apply(spec);
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

  /** Adds a template transforming data (listing artifacts, filtering) without a container of its own. */
  public addDataTemplate(id: string, props: DataTemplateProps): DataTemplate {
    return new DataTemplate(this, id, props);
  }

  /** Adds a template run by an executor plugin. */
  public addPluginTemplate(id: string, props: PluginTemplateProps): PluginTemplate {
    return new PluginTemplate(this, id, props);
  }

  /** Adds a template running several containers in one pod. */
  public addContainerSetTemplate(id: string, props: ContainerSetTemplateProps = {}): ContainerSetTemplate {
    return new ContainerSetTemplate(this, id, props);
  }

  /** The entrypoint emitted when none was set: none (Workflow and CronWorkflow override). */
  protected defaultEntrypoint(): ITemplate | undefined {
    return undefined;
  }

  /** The L1 workflow spec; `runArguments` are values for the parameters of the WorkflowTemplate it runs or its entrypoint's inputs. */
  protected renderWorkflowSpec(runArguments?: readonly CallArgument[]): l1.WorkflowSpec {
    const p = this.specProps;
    const entrypoint = this._entrypoint ?? this.defaultEntrypoint();
    const params = this._parameters.map(x => x._render());
    const values = renderArguments(runArguments);
    const argParams = [...params, ...(values?.parameters ?? [])];
    const claims = this.claimTemplates();
    const plain = this._volumes.filter(v => !v.isClaimTemplate);
    const wm = p.workflowMetadata;
    const runs = this.runsWorkflowTemplate;
    const templates = this.templates;
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
      artifactRepositoryRef: p.artifactRepositoryRef ? { configMap: p.artifactRepositoryRef.configMap?.name, key: p.artifactRepositoryRef.key } : undefined,
      workflowMetadata: wm ? {
        labels: wm.labels,
        annotations: wm.annotations,
        labelsFrom: wm.labelsFrom ? Object.fromEntries(Object.entries(wm.labelsFrom).map(([k, e]) => [k, { expression: labelExpression(e) }])) : undefined,
      } : undefined,
      archiveLogs: p.archiveLogs,
      imagePullSecrets: p.imagePullSecrets?.map(s => ({ name: s.name })),
      podPriorityClassName: p.podPriorityClassName,
      priority: p.priority,
      metrics: renderMetrics(p.metrics),
      artifactGc: p.artifactGc ? {
        ...renderArtifactGc(p.artifactGc, this.node.path), podSpecPatch: renderText(p.artifactGc.podSpecPatch), forceFinalizerRemoval: p.artifactGc.forceFinalizerRemoval,
      } : undefined,
      volumeClaimGc: p.volumeClaimGc ? { strategy: p.volumeClaimGc } : undefined,
      dnsConfig: renderDnsConfig(p.dnsConfig),
      dnsPolicy: p.dnsPolicy,
      hostNetwork: p.hostNetwork,
      hostAliases: renderHostAliases(p.hostAliases),
      automountServiceAccountToken: p.automountServiceAccountToken,
      executor: p.executorServiceAccount ? { serviceAccountName: p.executorServiceAccount.name } : undefined,
      executorPlugins: this._plugins.length ? this._plugins.map(x => x._render()) : undefined,
      podDisruptionBudget: p.podDisruptionBudget ? { minAvailable: p.podDisruptionBudget.minAvailable, maxUnavailable: p.podDisruptionBudget.maxUnavailable } : undefined,
      podResources: renderResources(p.podResources),
      resourceClaims: p.resourceClaims?.length ? p.resourceClaims.map(c => ({ ...c })) : undefined,
      podSpecPatch: renderText(p.podSpecPatch),
      schedulerName: p.schedulerName,
      workflowTemplateRef: runs ? { name: runs.name, clusterScope: runs.clusterScope ? true : undefined } : undefined,
      templates: templates.length ? templates.map(t => t._render()) : undefined,
    };
  }

  /** Checks of the spec itself (what types and rules cannot see). */
  protected check(): string[] {
    const errors: string[] = [];
    const spec = this.templatesPath.replace(/\.templates$/, '');
    const where = (field: string, message: string) => `${this.objectLabel}: ${spec}.${field}: ${message}`;
    for (const p of securityProblems(this.specProps.securityContext)) errors.push(`${this.objectLabel}: ${spec}${p.subPath}: ${p.message}`);
    const defaults = this.specProps.templateDefaults?.container;
    for (const p of defaults ? new ContainerSpec(defaults)._problems() : []) {
      errors.push(`${this.objectLabel}: ${spec}.templateDefaults.container${p.subPath}: ${p.message}`);
    }
    const entry = this._entrypoint;
    for (const [field, t] of [['entrypoint', entry], ['onExit', this._onExit]] as const) {
      if (t instanceof Template && t.isInline) errors.push(where(field, `names inline template "${t.name}": Argo names templates of spec.templates here, and an inline template has no name. Drop inline: true from it.`));
    }
    if (entry && !callsByName(this, entry) && !(entry instanceof Template && entry.isInline)) {
      errors.push(where('entrypoint', `names template "${entry.name}", which is not a template of this object: Argo only starts from its own templates (rule W6). Use setEntrypoint() with a template added here, or call the other one from a step.`));
    }
    for (const h of this._hooks) errors.push(...h._check(this).map(p => where(p.subPath.substring(1), p.message)));
    for (const p of retryStrategyProblems(this.specProps.retryStrategy)) errors.push(where(p.subPath.substring(1), p.message));
    for (const p of resourceProblems(this.specProps.podResources)) errors.push(where(`podResources${p.subPath.replace(/^\.resources/, '')}`, p.message));
    this.specProps.metrics?.forEach((m, i) => m._problems().forEach(x => errors.push(where(`metrics.prometheus[${i}].when`, `metric "${m.name}": ${x}`))));
    this._plugins.forEach((plugin, i) => plugin._problems().forEach(x => errors.push(where(`executorPlugins[${i}].spec.sidecar.container${x.subPath}`, x.message))));
    for (const [key, e] of Object.entries(this.specProps.workflowMetadata?.labelsFrom ?? {})) {
      const bad = typeof e === 'string' ? [] : e.scopes.filter(s => s !== 'global');
      if (bad.length) {
        errors.push(where(`workflowMetadata.labelsFrom.${key}.expression`, `reads ${e}, which Argo does not bind when it sets the workflow's labels (only workflow variables, workflow.*, are): the label is not set. Use a workflow variable.`));
      }
    }
    for (const v of collectVariables([this._hooks.map(h => h._values), this._parameters.map(x => x.options)])) {
      if (v instanceof NodeVariable) {
        errors.push(where('arguments', `reads ${v}, an output of ${v.invocation.kindLabel} "${v.invocation.name}": workflow-level fields cannot read step or task outputs. Export the value with a globalName and read its .global variable instead.`));
      }
    }
    return errors;
  }

  /** Checks the `arguments` prop: values for a run WorkflowTemplate's parameters, or for the entrypoint's inputs. */
  protected checkArgumentValues(args: readonly CallArgument[] | undefined): string[] {
    const errors: string[] = [];
    const list = args ?? [];
    const paths = argumentPaths(list);
    const at = (i: number) => `${this.objectLabel}: ${this.templatesPath.replace(/\.templates$/, '')}.arguments${paths[i]}`;
    const wt = this.runsWorkflowTemplate;
    const entry = this._entrypoint ?? this.defaultEntrypoint();
    list.forEach((arg, i) => {
      if (!(arg instanceof ParameterArgument) && !(arg instanceof ArtifactArgument)) {
        errors.push(`${at(i)}: ${JSON.stringify(arg)} is not an argument: make it from the parameter or input object, e.g. size.set('grande').`);
        return;
      }
      const target = arg instanceof ParameterArgument ? arg.parameter : arg.artifact;
      if (target instanceof WorkflowParameter) {
        if (!wt) {
          errors.push(`${at(i)}: gives a value to workflow parameter "${target.name}", and this object runs no WorkflowTemplate. Declare its own parameters with addArgument(name, { value }).`);
        } else {
          const problem = undeclaredParameterProblem(wt, target);
          if (problem) errors.push(`${at(i)}: gives a value to ${problem}`);
        }
        return;
      }
      const inputs: readonly unknown[] = target instanceof InputParameter ? entry?.inputParameters ?? [] : entry?.inputArtifacts ?? [];
      if (!entry || !entry.interfaceKnown || inputs.includes(target)) return;
      errors.push(`${at(i)}: gives a value to input "${target.name}", which the entrypoint template "${entry.name}" does not declare: Argo passes spec.arguments to the entrypoint's inputs by name. Use an input object of the entrypoint.`);
    });
    return errors;
  }

  private claimTemplates(): WorkflowVolume[] {
    const out = this._volumes.filter(v => v.isClaimTemplate);
    for (const t of this.node.children) {
      if (t instanceof Template) for (const v of t._mountedVolumes()) if (v.isClaimTemplate && !out.includes(v)) out.push(v);
    }
    return out;
  }
}

function childOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as { readonly [k: string]: unknown })[key] : undefined;
}

function renderDnsConfig(d: DnsConfigProps | undefined): l1.WorkflowSpec['dnsConfig'] {
  if (!d) return undefined;
  const options = Object.entries(d.options ?? {}).map(([name, value]) => ({ name, value }));
  return { nameservers: d.nameservers, searches: d.searches, options: options.length ? options : undefined };
}

/** A labelsFrom expression: expr-lang text, so a variable is written as a name and an expression as its text. */
function labelExpression(e: ArgoVariable | string): string {
  if (typeof e === 'string') return e;
  return e instanceof ArgoExpression ? e.text : e.expr;
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

/**
 * @internal Why `wt` would not read a value given to `parameter` (a run's or an event binding's
 * argument), or undefined: it declares the parameter, or one of its templates reads it undeclared.
 */
export function undeclaredParameterProblem(wt: IWorkflowTemplate, parameter: IWorkflowParameter): string | undefined {
  if (wt.parameters.includes(parameter)) return undefined;
  if (wt instanceof WorkflowSpecBase && wt._readsParameter(parameter.name)) return undefined;
  const names = wt.parameters.map(p => p.name);
  const kind = wt.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  const fix = wt instanceof WorkflowSpecBase
    ? 'Use one of the template\'s parameter objects (template.parameters), or declare this one there (template.addArgument(name)).'
    : 'Use one of the parameter objects of WorkflowTemplate.fromName(...), or list the parameter in its parameters option if the template reads it.';
  return `a parameter "${parameter.name}" that ${kind} "${wt.name}" neither declares (${names.length ? `declared: ${names.join(', ')}` : 'it declares none'}) nor reads: the workflow would ignore it. ${fix}`;
}
