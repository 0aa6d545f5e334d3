import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { ArgoVariable, collectVariables } from './argo-variable';
import { OutputArtifact } from './artifacts';
import { argumentValues, CallArguments, checkCall, isInline, refuseArgumentMaps, renderArguments, renderCallTarget } from './call';
import { Condition } from './condition';
import { EXIT_HOOK, LifecycleHook, LifecycleHookOptions, renderHooks } from './hooks';
import { IInvocation } from './invocation-ref';
import { Loop } from './loop';
import { NodeVariable } from './node-variable';
import { OverridePath, Overrides } from './overrides';
import { OutputParameter } from './parameters';
import { Template } from './template';
import { ITemplate } from './template-ref';
import { constructId } from '../core/construct-id';

/** Keep going when the called template fails or errors (`continueOn`). */
export interface ContinueOnProps {
  /**
   * Continue when the node fails.
   * @default false
   */
  readonly failed?: boolean;
  /**
   * Continue when the node errors.
   * @default false
   */
  readonly error?: boolean;
}

/** How a step or DAG task calls its template. */
export interface InvocationOptions extends CallArguments {
  /**
   * Run only when this holds, e.g. `flip.result.eq('heads')` or
   * `WorkflowVariables.status.ne(WorkflowPhase.SUCCEEDED)`.
   * @default - always
   */
  readonly when?: Condition<'global' | 'inputs' | 'node'>;
  /**
   * Run once per item: `Loop.items([...])`, `Loop.fromParameter(step.result)`, `Loop.sequence({...})`.
   * @default - once
   */
  readonly loop?: Loop;
  /**
   * Keep going when the node fails or errors.
   * @default - the parent fails
   */
  readonly continueOn?: ContinueOnProps;
}

/**
 * @internal Clear errors for untyped callers (JavaScript, `as any`) instead of a crash at synth;
 * called before the step or task is created.
 */
export function checkShapes(path: string, template: unknown, options: InvocationOptions): void {
  if (typeof template !== 'object' || template === null || typeof (template as ITemplate).name !== 'string') {
    throw new Error(`${path}: the template must be a template object (got ${JSON.stringify(template)}): pass what addContainerTemplate()/addStepsTemplate()... returned, or WorkflowTemplate.fromName(...).template(name).`);
  }
  if (options.when !== undefined && !(options.when instanceof Condition)) {
    throw new Error(`${path}: when must be a Condition (got ${JSON.stringify(options.when)}): build it from typed values, e.g. step.result.eq('heads'), or wrap hand-written text in Condition.raw('...').`);
  }
  refuseArgumentMaps(path, options);
  if (options.loop !== undefined && !(options.loop instanceof Loop)) {
    throw new Error(`${path}: loop must be Loop.items([...]), Loop.fromParameter(...) or Loop.sequence({...}).`);
  }
}

/** Base of steps and DAG tasks: a call of a template from a steps or DAG template. */
export abstract class Invocation extends Construct implements IInvocation {
  /** Step or task name (`^[a-zA-Z0-9][-a-zA-Z0-9]*$`, rule W3). */
  public readonly name: string;
  /** The called template. */
  public readonly template: ITemplate;
  /** How it is called. */
  public readonly options: InvocationOptions;
  /** The steps or DAG template this node belongs to. */
  public readonly parentTemplate: Template;
  /** `step` or `task`, for messages. */
  public abstract readonly kindLabel: 'step' | 'task';

  private readonly hooks: LifecycleHook[] = [];
  private readonly overrides = new Overrides(() => this.node.path);

  constructor(scope: Template, name: string, template: ITemplate, options: InvocationOptions = {}) {
    super(scope, constructId(scope, name, 'a step or task name'));
    markChanged();
    this.name = name;
    this.template = template;
    this.options = options;
    this.parentTemplate = scope;
    if (isInline(template)) template._inlineIn(this);
    addArgoValidation(this, () => ({ apiObject: scope.spec.apiObject, fieldPath: this.fieldPath }), () => this.check());
  }

  /** Field path of this node in its manifest. */
  public abstract get fieldPath(): string;

  /** `{{<steps|tasks>.<name>.outputs.parameters.<p>}}`: an output parameter of the called template. */
  public output(parameter: OutputParameter): ArgoVariable<'node'> {
    return new NodeVariable([this.variablePrefix, this.name, 'outputs', 'parameters', parameter.name], this, parameter);
  }

  /** `{{<steps|tasks>.<name>.outputs.artifacts.<a>}}`: an output artifact, to pass as an artifact argument. */
  public outputArtifact(artifact: OutputArtifact): ArgoVariable<'node'> {
    return new NodeVariable([this.variablePrefix, this.name, 'outputs', 'artifacts', artifact.name], this, artifact);
  }

  /** `{{...outputs.result}}`: stdout of a container or script template (or a loop's JSON list). */
  public get result(): ArgoVariable<'node'> { return this.node_('outputs', 'result'); }
  /** `{{...exitCode}}`: exit code of the main container. */
  public get exitCode(): ArgoVariable<'node'> { return this.node_('exitCode'); }
  /** `{{...status}}`: the node phase (compare with `NodePhase`). */
  public get status(): ArgoVariable<'node'> { return this.node_('status'); }
  /** `{{...id}}`: the node id. */
  public get id(): ArgoVariable<'node'> { return this.node_('id'); }
  /** `{{...ip}}`: the pod IP (daemoned templates). */
  public get ip(): ArgoVariable<'node'> { return this.node_('ip'); }
  /** `{{...startedAt}}`. */
  public get startedAt(): ArgoVariable<'node'> { return this.node_('startedAt'); }
  /** `{{...finishedAt}}`. */
  public get finishedAt(): ArgoVariable<'node'> { return this.node_('finishedAt'); }
  /** `{{...hostNodeName}}`: the Kubernetes node that ran the pod. */
  public get hostNodeName(): ArgoVariable<'node'> { return this.node_('hostNodeName'); }
  /** `{{...outputs.parameters}}`: every output parameter as JSON (loops aggregate them). */
  public get outputParametersJson(): ArgoVariable<'node'> { return this.node_('outputs', 'parameters'); }

  /**
   * Adds a lifecycle hook: `template` runs when `options.expression` becomes true
   * (e.g. `this.status.eq(NodePhase.RUNNING)`). Hooks other than `exit` need an expression (rule W39).
   */
  public addHook(name: string, template: ITemplate, options: LifecycleHookOptions = {}): LifecycleHook {
    refuseArgumentMaps(`${this.node.path}: hook "${name}"`, options);
    markChanged();
    const hook = new LifecycleHook(name, template, options);
    this.hooks.push(hook);
    return hook;
  }

  /**
   * Escape hatch: sets a field of this step or task in the manifest, with Argo's field names,
   * e.g. `addOverride('continueOn.error', true)`; `undefined` removes a field. Applied wherever the
   * node is when the manifest renders.
   */
  public addOverride(path: OverridePath, value: unknown): void {
    this.overrides.add(path, value);
  }

  /** @internal */
  public _applyOverrides(node: unknown): void {
    const inline = typeof node === 'object' && node !== null ? (node as { readonly inline?: unknown }).inline : undefined;
    if (isInline(this.template) && typeof inline === 'object' && inline !== null) this.template._applyOverrides(inline as { readonly [field: string]: unknown });
    this.overrides.apply(node);
  }

  /** Runs `template` when this node exits, whatever its outcome (the `exit` hook). */
  public addExitHook(template: ITemplate, options: Omit<LifecycleHookOptions, 'expression'> = {}): LifecycleHook {
    return this.addHook(EXIT_HOOK, template, options);
  }

  /** @internal Values that may hold typed variables, except hooks (which may read this node). */
  public get _callValues(): unknown[] {
    const o = this.options;
    return [argumentValues(o.arguments), o.when, o.loop?._variables];
  }

  /** @internal Values of the hooks. */
  public get _hookValues(): unknown[] {
    return this.hooks.map(h => h._values);
  }

  /** @internal Fields shared by steps and tasks. */
  protected _renderCall(): l1.WorkflowStep {
    const o = this.options;
    const spec = this.parentTemplate.spec;
    return {
      name: this.name,
      ...renderCallTarget(spec, this.template),
      arguments: renderArguments(o.arguments),
      when: o.when?._render('when'),
      ...(o.loop?._fields ?? {}),
      continueOn: o.continueOn ? { failed: o.continueOn.failed, error: o.continueOn.error } : undefined,
      hooks: renderHooks(spec, this.hooks),
    };
  }

  /** Checks of this node; subclasses add ordering checks. */
  protected check(): string[] {
    const spec = this.parentTemplate.spec;
    const errors = checkCall(spec, this.template, this.options.arguments).map(p => this.error(`${this.kindLabel} "${this.name}" ${p.message}`, p.subPath));
    for (const p of this.options.when?._problems('when') ?? []) errors.push(this.error(`${this.kindLabel} "${this.name}": ${p}`, '.when'));
    this.hooks.forEach(h => errors.push(...h._check(spec).map(p => this.error(p.message, p.subPath))));
    for (const v of collectVariables([this._callValues, this._hookValues])) {
      const problem = v instanceof NodeVariable ? v._validate() : undefined;
      if (problem) errors.push(this.error(problem));
    }
    return errors;
  }

  /** The other nodes of the same template whose outputs this node reads through typed variables (not counting its hooks). */
  protected readNodes(): IInvocation[] {
    const out: IInvocation[] = [];
    for (const v of collectVariables(this._callValues)) {
      if (!(v instanceof NodeVariable)) continue;
      const node = v.invocation;
      if (node !== this && node.parentTemplate === this.parentTemplate && !out.includes(node)) out.push(node);
    }
    return out;
  }

  /** A validation message naming the manifest and field. */
  protected error(message: string, subPath = ''): string {
    return `${this.parentTemplate.spec.objectLabel}: ${this.fieldPath}${subPath}: ${message}`;
  }

  /** `steps` or `tasks`: how variables of this node start. */
  private get variablePrefix(): string {
    return `${this.kindLabel}s`;
  }

  private node_(...rest: string[]): ArgoVariable<'node'> {
    return new NodeVariable([this.variablePrefix, this.name, ...rest], this);
  }
}
