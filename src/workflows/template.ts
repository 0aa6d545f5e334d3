import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { K8sHostAlias } from '../../imports/kubernetes';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addArgoValidation, ValidationScope } from '../core/validation';
import { setDefined } from '../core/without-undefined';
import { ArgoText, ArgoVariable, collectVariables, renderText } from './argo-variable';
import { renderResources, resourceProblems } from './container-resources';
import { InputArtifact, InputArtifactOptions, OutputArtifact, OutputArtifactOptions } from './artifacts';
import { renderDuration } from './duration';
import { expectMetrics, renderMetrics } from './metrics';
import { OverridePath, Overrides } from './overrides';
import { NodeVariable } from './node-variable';
import { InputParameter, OutputParameter, OutputParameterOptions, ParameterOptions } from './parameters';
import { checkRetryStrategy, renderRetryStrategy, retryStrategyProblems } from './retry-strategy';
import { PodSecurityProps, renderPodSecurity, securityProblems } from './security-context';
import { renderSynchronization } from './synchronization';
import { isTemplateHost, ITemplateHost } from './template-host';
import { LeafTemplateProps, PodHostAlias } from './template-props';
import { ITemplate, TemplateInput, TemplateOutput } from './template-ref';
import { WorkflowVolume } from './volumes';
import { IWorkflowTemplate } from './workflow-template-ref';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { PodSecurity, podSecurityPromises, securedPod, WORKFLOW_POD_USER } from '../core/pod-security';

/** @internal */
export function renderHostAliases(aliases: readonly PodHostAlias[] | undefined): K8sHostAlias[] | undefined {
  return aliases?.length ? aliases.map(a => ({ ip: a.ip, hostnames: a.hostnames })) : undefined;
}

/** The step or task an inline template is rendered in. */
export interface InlineCaller {
  /** Its field path, e.g. `spec.templates[0].steps[0][0]`. */
  readonly fieldPath: string;
  /** `step` or `task`, for messages. */
  readonly kindLabel: string;
  /** Its name. */
  readonly name: string;
}

/** The display-name annotation the Argo UI reads. */
export const DISPLAY_NAME_ANNOTATION = 'workflows.argoproj.io/display-name';

/**
 * The fields only some template types have: what `renderBody()` renders. The base class renders
 * every other field (name, inputs, outputs, limits, pod settings...), so a template type cannot change them.
 */
export type TemplateBody = Partial<Pick<l1.Template,
  'container' | 'script' | 'resource' | 'suspend' | 'http' | 'containerSet' | 'steps' | 'dag'
  | 'daemon' | 'sidecars' | 'initContainers' | 'parallelism' | 'failFast' | 'data' | 'plugin'>>;

/**
 * Base of every template construct. A template belongs to the workflow (or WorkflowTemplate,
 * CronWorkflow...) it is created in and owns `spec.templates[i]` there: validation errors in that
 * part of the manifest are reported on it. The base renders the fields every template has; a
 * template type renders its own fields in `renderBody()` and adds its checks in `check()`.
 */
export abstract class Template extends Construct implements ITemplate {
  /** The template name. */
  public readonly name: string;
  /** The Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow holding this template. */
  public readonly spec: ITemplateHost;
  /** True: templates in the app declare their inputs and outputs. */
  public readonly interfaceKnown = true;

  private readonly _inputs: TemplateInput[] = [];
  private readonly _outputs: TemplateOutput[] = [];
  private readonly _volumes: WorkflowVolume[] = [];
  private _serviceAccount?: IServiceAccountRef;
  private readonly overrides = new Overrides(() => this.node.path);
  private inlineCaller?: InlineCaller;

  /**
   * @param baseProps the fields every template type has; the limits of `LeafTemplateProps` are
   * offered by the leaf types' props only (Argo rejects them on steps and DAG templates, rules W11, W13)
   */
  constructor(scope: ITemplateHost, id: string, private readonly baseProps: LeafTemplateProps = {}) {
    if (!isTemplateHost(scope)) {
      throw new Error(`a template must be added to a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow; ${(scope as Construct).node.path} is none of these`);
    }
    expectMetrics(baseProps.metrics, `${scope.node.path}/${id}`);
    const name = baseProps.name ?? id;
    if (!baseProps.inline && scope.templates.some(t => t.name === name)) {
      throw new Error(`${scope.node.path}: a template named "${name}" already exists: Argo requires unique template names (rule W3). Give the new template another id or name.`);
    }
    super(scope, constructId(scope, id));
    markChanged();
    this.spec = scope;
    this.name = name;
    this._serviceAccount = expectKind(baseProps.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    expectKind(baseProps.memoize?.cache, 'ConfigMap', `${this.node.path}: memoize.cache`);
    expectKind(baseProps.executorServiceAccount, 'ServiceAccount', `${this.node.path}: executorServiceAccount`);
    for (const i of baseProps.inputs ?? []) this.addInput(i);
    for (const o of baseProps.outputs ?? []) this.addOutput(o);
    this._volumes.push(...(baseProps.volumes ?? []));
    checkInteger(this, 'activeDeadlineSeconds', baseProps.activeDeadlineSeconds, {}, true);
    checkRetryStrategy(this, 'retryStrategy', baseProps.retryStrategy);
    addArgoValidation(this, () => ({ apiObject: this.spec.apiObject, fieldPath: this.fieldPath, promises: this.podSecurityPromises() }), () => this.check());
  }

  /** The WorkflowTemplate or ClusterWorkflowTemplate holding this template, if it is one. */
  public get workflowTemplate(): IWorkflowTemplate | undefined {
    return this.spec.asWorkflowTemplate;
  }

  /** The ServiceAccount this template's pods run as, if the template sets one (else the workflow's). */
  public get serviceAccount(): IServiceAccountRef | undefined {
    return this._serviceAccount;
  }

  /** Field path of this template in its manifest, e.g. `spec.templates[2]` (`....steps[0][0].inline` when inline). */
  public get fieldPath(): string {
    if (this.isInline) return this.inlineCaller ? `${this.inlineCaller.fieldPath}.inline` : `${this.spec.templatesPath}`;
    return `${this.spec.templatesPath}[${this.spec.templates.indexOf(this)}]`;
  }

  /** True for a template rendered inside the step or task that calls it (`inline` prop). */
  public get isInline(): boolean {
    return this.baseProps.inline === true;
  }

  /** @internal Records the step or task an inline template is rendered in; a second caller is refused at once. */
  public _inlineIn(caller: InlineCaller): void {
    if (this.inlineCaller && this.inlineCaller !== caller) {
      throw new Error(`${this.node.path}: inline template "${this.name}" is already rendered inside ${this.inlineCaller.kindLabel} "${this.inlineCaller.name}": `
        + `an inline template belongs to the one step or task that calls it. Call it from there only, or drop inline: true to share it.`);
    }
    this.inlineCaller = caller;
  }

  /** Declared input parameters. */
  public get inputParameters(): InputParameter[] {
    return this._inputs.filter((i): i is InputParameter => i instanceof InputParameter);
  }

  /** Declared input artifacts. */
  public get inputArtifacts(): InputArtifact[] {
    return this._inputs.filter((i): i is InputArtifact => i instanceof InputArtifact);
  }

  /** Declared output parameters. */
  public get outputParameters(): OutputParameter[] {
    return this._outputs.filter((o): o is OutputParameter => o instanceof OutputParameter);
  }

  /** Declared output artifacts. */
  public get outputArtifacts(): OutputArtifact[] {
    return this._outputs.filter((o): o is OutputArtifact => o instanceof OutputArtifact);
  }

  /** Declares an input parameter or artifact object. */
  public addInput(input: TemplateInput): void {
    markChanged();
    if (!this._inputs.includes(input)) this._inputs.push(input);
  }

  /** Creates and declares an input parameter; use the returned object in this template's fields. */
  public addInputParameter(name: string, options?: ParameterOptions): InputParameter {
    const p = new InputParameter(name, options);
    this.addInput(p);
    return p;
  }

  /** Creates and declares an input artifact. */
  public addInputArtifact(name: string, options?: InputArtifactOptions): InputArtifact {
    const a = new InputArtifact(name, options);
    this.addInput(a);
    return a;
  }

  /** Declares an output parameter or artifact object. */
  public addOutput(output: TemplateOutput): void {
    markChanged();
    if (!this._outputs.includes(output)) this._outputs.push(output);
  }

  /** Creates and declares an output parameter. */
  public addOutputParameter(name: string, options?: OutputParameterOptions): OutputParameter {
    const p = new OutputParameter(name, options);
    this.addOutput(p);
    return p;
  }

  /** Creates and declares an output artifact. */
  public addOutputArtifact(name: string, options?: OutputArtifactOptions): OutputArtifact {
    const a = new OutputArtifact(name, options);
    this.addOutput(a);
    return a;
  }

  /** Adds a volume to this template's pods. */
  public addVolume(volume: WorkflowVolume): void {
    markChanged();
    if (!this._volumes.includes(volume)) this._volumes.push(volume);
  }

  /**
   * Escape hatch: sets a field of this template in the manifest, with Argo's field names, e.g.
   * `addOverride('container.readinessProbe.periodSeconds', 5)`; `undefined` removes a field.
   * Applied to this template wherever it sits in `spec.templates` when the manifest renders (a
   * template added before it does not shift it), and checked by the schema like the rest.
   */
  public addOverride(path: OverridePath, value: unknown): void {
    this.overrides.add(path, value);
  }

  /** @internal Applies this template's overrides, and those of its parts (containers, steps, tasks), to its manifest JSON. */
  public _applyOverrides(template: { readonly [field: string]: unknown }): void {
    this.applyPartOverrides(template);
    this.overrides.apply(template);
  }

  /** @internal The L1 template: the fields every template has, and the type's own fields. */
  public _render(): l1.Template {
    const p = this.baseProps;
    const volumes = this.templateVolumes();
    const annotations = { ...renderAnnotations(p.annotations), ...(p.displayName !== undefined ? { [DISPLAY_NAME_ANNOTATION]: renderText(p.displayName) } : {}) };
    const archive = p.archiveLocation || p.archiveLogs !== undefined ? { ...(p.archiveLocation?._location ?? {}), archiveLogs: p.archiveLogs } : undefined;
    // Field by field, only those that are set (see setDefined).
    const t = this.renderBody() as { [field: string]: unknown };
    setDefined(t, 'name', this.name);
    setDefined(t, 'inputs', renderIo(this.inputParameters.map(i => i._render()), this.inputArtifacts.map(i => i._render())));
    setDefined(t, 'outputs', renderIo(this.outputParameters.map(o => o._render()), this.outputArtifacts.map(o => o._render())));
    setDefined(t, 'retryStrategy', renderRetryStrategy(p.retryStrategy));
    setDefined(t, 'timeout', renderDuration(p.timeout));
    setDefined(t, 'activeDeadlineSeconds', p.activeDeadlineSeconds);
    setDefined(t, 'metadata', p.podMetadata ? { labels: p.podMetadata.labels, annotations: p.podMetadata.annotations } : undefined);
    setDefined(t, 'nodeSelector', p.nodeSelector);
    setDefined(t, 'tolerations', p.tolerations);
    setDefined(t, 'affinity', p.affinity);
    setDefined(t, 'serviceAccountName', this._serviceAccount?.name);
    setDefined(t, 'securityContext', this.renderPodSecurityContext());
    // A claim template has no volume to render here: check() reports it.
    setDefined(t, 'volumes', volumes.some(v => v._volume) ? volumes.flatMap(v => (v._volume ? [v._volume] : [])) : undefined);
    setDefined(t, 'synchronization', renderSynchronization(p.synchronization));
    setDefined(t, 'priorityClassName', p.priorityClassName);
    setDefined(t, 'podSpecPatch', renderText(p.podSpecPatch));
    setDefined(t, 'memoize', p.memoize ? { key: renderText(p.memoize.key), maxAge: renderDuration(p.memoize.maxAge)!, cache: { configMap: { name: p.memoize.cache.name } } } : undefined);
    setDefined(t, 'archiveLocation', archive);
    setDefined(t, 'annotations', Object.keys(annotations).length ? annotations : undefined);
    setDefined(t, 'metrics', renderMetrics(p.metrics));
    setDefined(t, 'automountServiceAccountToken', p.automountServiceAccountToken);
    setDefined(t, 'executor', p.executorServiceAccount ? { serviceAccountName: p.executorServiceAccount.name } : undefined);
    setDefined(t, 'hostAliases', renderHostAliases(p.hostAliases));
    setDefined(t, 'schedulerName', p.schedulerName);
    setDefined(t, 'podResources', renderResources(p.podResources));
    setDefined(t, 'resourceClaims', p.resourceClaims?.length ? p.resourceClaims.map(c => ({ ...c })) : undefined);
    setDefined(t, 'pendingTimeout', renderDuration(p.pendingTimeout));
    return t as l1.Template;
  }

  /** The overrides of this template's parts (containers, steps, tasks), applied to its manifest JSON: none here. */
  protected applyPartOverrides(_template: { readonly [field: string]: unknown }): void {
    return;
  }

  /**
   * Runs the template's pods as `serviceAccount` unless the props named one: for templates whose
   * work needs a given identity (e.g. the IAM role of their artifacts).
   */
  protected setDefaultServiceAccount(serviceAccount: IServiceAccountRef): void {
    markChanged();
    this._serviceAccount ??= expectKind(serviceAccount, 'ServiceAccount', `${this.node.path}: service account`);
  }

  /** The fields of this template type (`container`, `steps`, `dag`...). */
  protected abstract renderBody(): TemplateBody;

  /**
   * The Pod Security level this template's pod is rendered at (see `PodSecurity`), or undefined
   * for a template without a pod of its own to secure (steps, DAG, suspend, resource, HTTP).
   */
  protected podSecurityLevel(): PodSecurity | undefined {
    return undefined;
  }

  private podSecurityPromises(): ValidationScope['promises'] {
    const level = this.podSecurityLevel();
    return level === undefined ? undefined : podSecurityPromises(level);
  }

  /**
   * The pod's security context. Secured by default, it is rendered on the template with the
   * workflow's settings in it: Argo takes a template's securityContext instead of the workflow's.
   */
  private renderPodSecurityContext(): l1.Template['securityContext'] {
    const level = this.podSecurityLevel();
    const own = this.baseProps.securityContext;
    if (level !== PodSecurity.RESTRICTED) return renderPodSecurity(own);
    const workflow = this.spec.podSecurityContext;
    return securedPod(level, renderPodSecurity(workflow && own ? mergedSecurity(workflow, own) : own ?? workflow), WORKFLOW_POD_USER);
  }

  /** The volumes declared on this template: given, added, and mounted but declared nowhere else. */
  protected templateVolumes(): WorkflowVolume[] {
    return [...this._volumes, ...this.undeclaredMountedVolumes()];
  }

  /** Values of this template's own fields that may hold typed variables (checked at synth). */
  protected abstract usedValues(): unknown[];

  /** @internal Volumes mounted by this template's containers. */
  public _mountedVolumes(): WorkflowVolume[] {
    return [];
  }

  /** @internal Every typed variable this template reads (its fields, and the calls of its steps or tasks). */
  public _variables(): ArgoVariable[] {
    return collectVariables(this.valuesRead());
  }

  /**
   * @internal True when this template reads `variable`: as an object, or written in text
   * (`{{workflow.parameters.x}}`, or `workflow.parameters.x` in an expression).
   */
  public _reads(variable: ArgoVariable): boolean {
    const values = this.valuesRead();
    return collectVariables(values).some(v => v.path === variable.path) || mentions(values, variable.path, 0);
  }

  private valuesRead(): unknown[] {
    const p = this.baseProps;
    return [...this.usedValues(), p.memoize, p.annotations, p.displayName, p.podSpecPatch, p.metrics?.map(m => m._values), ...this._inputs.map(i => i.options),
      ...this._outputs.map(o => o.options), ...this.outputParameters.map(o => o.options.valueFrom?._variables)];
  }

  /** Checks that types cannot express, read from the objects; messages name the field and the fix. */
  protected check(): string[] {
    const errors: string[] = [];
    const p = this.baseProps;
    for (const v of this._variables()) {
      const problem = this.checkVariable(v);
      if (problem) errors.push(this.error(problem));
    }
    for (const x of securityProblems(p.securityContext)) errors.push(this.error(x.message, x.subPath));
    for (const x of retryStrategyProblems(p.retryStrategy)) errors.push(this.error(x.message, x.subPath));
    for (const x of resourceProblems(p.podResources)) errors.push(this.error(x.message, x.subPath.replace(/^\.resources/, '.podResources')));
    p.metrics?.forEach((m, i) => m._problems().forEach(x => errors.push(this.error(`metric "${m.name}": ${x}`, `.metrics.prometheus[${i}].when`))));
    if (this.isInline && !this.inlineCaller) {
      errors.push(this.error('is an inline template that no step or task calls: Argo would never run it, and an inline template has no name to call it by. Call it from one step or task, or drop inline: true.'));
    }
    for (const vol of this._volumes) {
      if (vol.isClaimTemplate) errors.push(this.error(`volume "${vol.name}" is a claim template: Argo only accepts claim templates in the workflow's spec.volumeClaimTemplates. Declare it on the workflow (volumes prop or addVolume()) instead of the template.`));
    }
    return errors;
  }

  /**
   * Why a variable cannot be read in this template, or undefined when it can. Only what the rule
   * engine cannot see is reported here: reading an object that has the same name as one this
   * template owns (a name check passes, but the value comes from elsewhere). Plain unknown names
   * are reported by rule W31.
   */
  protected checkVariable(v: ArgoVariable): string | undefined {
    if ((v instanceof InputParameter || v instanceof InputArtifact) && !this._inputs.includes(v)) {
      const kind = v instanceof InputParameter ? 'parameter' : 'artifact';
      const same = this._inputs.find(i => i.name === v.name && (i instanceof InputParameter) === (v instanceof InputParameter));
      if (same) {
        return `reads input ${kind} "${v.name}" through an ${v.constructor.name} object it does not declare; it declares another object with that name, so Argo substitutes that one's value. Use the object in this template's inputs.`;
      }
    }
    if (v instanceof NodeVariable && !this.canRead(v) && this.ownsNodeNamed(v.invocation.name)) {
      const node = v.invocation;
      return `reads ${v} from ${node.kindLabel} "${node.name}" of ${node.parentTemplate.node.path}, but a node of this template has that name: Argo resolves it to this template's node. Read the output of a step or task of this template.`;
    }
    return undefined;
  }

  /** True when a step or task of this template has that name. */
  protected ownsNodeNamed(_name: string): boolean {
    return false;
  }

  /** Steps and DAG templates can read their own steps'/tasks' outputs. */
  protected canRead(_v: NodeVariable): boolean {
    return false;
  }

  /** A validation message naming the manifest and field, as rule findings do. */
  protected error(message: string, subPath = ''): string {
    return `${this.spec.objectLabel}: ${this.fieldPath}${subPath}: ${message}`;
  }

  private undeclaredMountedVolumes(): WorkflowVolume[] {
    const mounted = this._mountedVolumes();
    if (!mounted.length) return mounted;
    const declared = new Set<string>([...this.spec.volumes, ...this._volumes].map(v => v.name));
    const out: WorkflowVolume[] = [];
    for (const v of mounted) {
      if (!declared.has(v.name) && !v.isClaimTemplate) {
        declared.add(v.name);
        out.push(v);
      }
    }
    return out;
  }
}

/** @internal Annotations or labels whose values may hold variables. */
export function renderAnnotations(map: { readonly [key: string]: ArgoText } | undefined): { [key: string]: string } | undefined {
  return map ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, renderText(v)])) : undefined;
}

/** The workflow's settings with the template's laid over them, field by field. */
function mergedSecurity(workflow: PodSecurityProps, own: PodSecurityProps): PodSecurityProps {
  const merged: { [field: string]: unknown } = { ...workflow };
  for (const [field, value] of Object.entries(own)) if (value !== undefined) merged[field] = value;
  return merged as PodSecurityProps;
}

function renderIo(parameters: l1.Parameter[], artifacts: l1.Artifact[]): { parameters?: l1.Parameter[]; artifacts?: l1.Artifact[] } | undefined {
  if (!parameters.length && !artifacts.length) return undefined;
  return { parameters: parameters.length ? parameters : undefined, artifacts: artifacts.length ? artifacts : undefined };
}

/** Whether text in `value` (a tree of props) names `path`, e.g. `workflow.parameters.x` (not `workflow.parameters.xy`). */
function mentions(value: unknown, path: string, depth: number): boolean {
  if (typeof value === 'string') {
    let at = value.indexOf(path);
    while (at >= 0) {
      if (!/[-\w]/.test(value.charAt(at + path.length))) return true;
      at = value.indexOf(path, at + 1);
    }
    return false;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  return Object.values(value).some(v => mentions(v, path, depth + 1));
}
