import * as l1 from '../../imports/argo-workflows';
import { IConfigMapRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { ArgoExpression, ArgoInput, ArgoText, ArgoVariable, renderInput, renderText } from './argo-variable';
import { Condition } from './condition';
import { IWorkflowParameter } from './workflow-template-ref';

/** Where a parameter reads its value from a ConfigMap key. */
export interface ConfigMapKeySource {
  /** The ConfigMap. */
  readonly configMap: IConfigMapRef;
  /** The key in the ConfigMap. */
  readonly key: string;
  /**
   * Whether the ConfigMap or key may be missing.
   * @default - required
   */
  readonly optional?: boolean;
}

/** Options shared by workflow arguments and template inputs. */
export interface ParameterOptions {
  /**
   * The value. For a workflow argument it is what runs use unless the submitter overrides it; for a
   * template input it is fixed (callers cannot override it).
   * @default - none
   */
  readonly value?: ArgoText;
  /**
   * Value used when none is supplied.
   * @default - none: callers must supply one (rule W21)
   */
  readonly default?: string;
  /**
   * Allowed values.
   * @default - any value
   */
  readonly enum?: string[];
  /**
   * Human description shown by the Argo UI.
   * @default - none
   */
  readonly description?: string;
  /**
   * Read the value from a ConfigMap key instead.
   * @default - none
   */
  readonly fromConfigMap?: ConfigMapKeySource;
}

/** Options of a workflow-level argument (`spec.arguments.parameters[]`). */
export interface WorkflowParameterOptions extends ParameterOptions {}

function checkConfigMap(name: string, options: ParameterOptions): ParameterOptions {
  expectKind(options.fromConfigMap?.configMap, 'ConfigMap', `parameter "${name}": fromConfigMap`);
  return options;
}

function renderParameter(name: string, options: ParameterOptions): l1.Parameter {
  const cm = options.fromConfigMap;
  return {
    name,
    value: renderText(options.value),
    default: options.default,
    enum: options.enum,
    description: options.description,
    valueFrom: cm ? { configMapKeyRef: { name: cm.configMap.name, key: cm.key, optional: cm.optional } } : undefined,
  };
}

/**
 * A workflow-level parameter (`spec.arguments.parameters[]`). Renders
 * `{{workflow.parameters.<name>}}`; pass the object where the parameter is meant (a container
 * argument, a sensor's parameter mapping via `parameter.name`).
 */
export class WorkflowParameter extends ArgoVariable<'global'> implements IWorkflowParameter {
  /** The parameter name. */
  public readonly name: string;
  /** The options it was declared with. */
  public readonly options: WorkflowParameterOptions;

  /** @param name parameter name (`^[-a-zA-Z0-9_]+$`, rule W4) */
  constructor(name: string, options: WorkflowParameterOptions = {}) {
    super(['workflow', 'parameters', name]);
    this.name = name;
    this.options = checkConfigMap(name, options);
  }

  /**
   * The value of this parameter for a run of the WorkflowTemplate that declares it:
   * `new Workflow(this, 'run', { workflowTemplate, arguments: [size.set('grande')] })`.
   */
  public set(value: ArgoInput): ParameterArgument {
    return new ParameterArgument(this, value);
  }

  /** @internal */
  public _render(): l1.Parameter {
    return renderParameter(this.name, this.options);
  }
}

/**
 * An input parameter of a template (`inputs.parameters[]`). Renders
 * `{{inputs.parameters.<name>}}`. Declare it in the template's `inputs` and use the object in the
 * template's fields; callers pass values with `arguments: [input.set(value)]`.
 */
export class InputParameter extends ArgoVariable<'inputs'> {
  /** The parameter name. */
  public readonly name: string;
  /** The options it was declared with. */
  public readonly options: ParameterOptions;

  /** @param name parameter name (`^[-a-zA-Z0-9_]+$`, rule W4) */
  constructor(name: string, options: ParameterOptions = {}) {
    super(['inputs', 'parameters', name]);
    this.name = name;
    this.options = checkConfigMap(name, options);
  }

  /** The argument giving this input a value in a step, task, hook or workflow: `arguments: [message.set('hello')]`. */
  public set(value: ArgoInput): ParameterArgument {
    return new ParameterArgument(this, value);
  }

  /** True when a caller must supply a value (no value, default nor ConfigMap source). */
  public get required(): boolean {
    const o = this.options;
    return o.value === undefined && o.default === undefined && o.fromConfigMap === undefined;
  }

  /** @internal */
  public _render(): l1.Parameter {
    return renderParameter(this.name, this.options);
  }
}

/**
 * A value passed to a parameter of a called template or run WorkflowTemplate
 * (`arguments.parameters[]`): made by `parameter.set(value)`, so it always names a parameter that
 * exists.
 */
export class ParameterArgument {
  /** @internal */
  constructor(
    /** The parameter receiving the value. */
    public readonly parameter: InputParameter | WorkflowParameter,
    /** The value. */
    public readonly value: ArgoInput) {
    if (typeof value === 'object' && !(value instanceof ArgoVariable)) {
      throw new Error(`parameter "${parameter.name}": set() takes text, a number, a boolean or a typed variable (got ${JSON.stringify(value)}).`);
    }
  }

  /** @internal */
  public _render(): l1.Parameter {
    return { name: this.parameter.name, value: renderInput(this.value) };
  }
}

/** Where an output parameter takes its value from (one kind per parameter, rule W23). */
export class OutputSource {
  /** Contents of a file in the container (container and script templates). */
  public static fromPath(path: string): OutputSource {
    return new OutputSource({ path });
  }

  /** A JSONPath into the resource (resource templates), e.g. `{.metadata.name}`. */
  public static fromJsonPath(jsonPath: string): OutputSource {
    return new OutputSource({ jsonPath });
  }

  /** A jq filter over the resource (resource templates), e.g. `.`. */
  public static fromJqFilter(jqFilter: string): OutputSource {
    return new OutputSource({ jqFilter });
  }

  /** The output of a step or task (steps and DAG templates), e.g. `step.output(param)`. */
  public static fromParameter(parameter: ArgoVariable): OutputSource {
    return new OutputSource({ parameter: parameter.toString() }, [parameter]);
  }

  /**
   * An expr-lang expression (steps and DAG templates), e.g. picking the output of the branch that
   * ran: argoExpr`${flip.result} == "heads" ? ${heads.result} : ${tails.result}`.
   */
  public static fromExpression(expression: ArgoExpression<'global' | 'inputs' | 'node'> | Condition<'global' | 'inputs' | 'node'> | string): OutputSource {
    if (expression instanceof ArgoExpression) return new OutputSource({ expression: expression.text }, [...expression.reads]);
    if (expression instanceof Condition) return new OutputSource({ expression: expression._render('output') }, expression.variables.filter((v): v is ArgoVariable => v instanceof ArgoVariable));
    return new OutputSource({ expression });
  }

  /** Supplied by a user when resuming a suspend template. */
  public static supplied(): OutputSource {
    return new OutputSource({ supplied: {} });
  }

  /** A ConfigMap key. */
  public static fromConfigMap(source: ConfigMapKeySource): OutputSource {
    expectKind(source.configMap, 'ConfigMap', 'OutputSource.fromConfigMap()');
    return new OutputSource({ configMapKeyRef: { name: source.configMap.name, key: source.key, optional: source.optional } });
  }

  private constructor(
    /** @internal */ public readonly _valueFrom: l1.ValueFrom,
    /** @internal */ public readonly _variables: ArgoVariable[] = []) {}
}

/** Options of an output parameter. */
export interface OutputParameterOptions {
  /**
   * Where the value comes from.
   * @default - none: give `value` instead
   */
  readonly valueFrom?: OutputSource;
  /**
   * A fixed value (e.g. built from other variables).
   * @default - none: give `valueFrom` instead
   */
  readonly value?: ArgoText;
  /**
   * Value used when `valueFrom` cannot be read.
   * @default - the node fails instead
   */
  readonly default?: string;
  /**
   * Also export the value as a workflow output, `{{workflow.outputs.parameters.<globalName>}}`.
   * @default - not exported
   */
  readonly globalName?: string;
  /**
   * Human description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Allowed values (suspend templates).
   * @default - any value
   */
  readonly enum?: string[];
}

/**
 * An output parameter of a template (`outputs.parameters[]`). Read it from the step or task that
 * ran the template: `step.output(parameter)`.
 */
export class OutputParameter {
  /** The parameter name. */
  public readonly name: string;
  /** The options it was declared with. */
  public readonly options: OutputParameterOptions;

  /** @param name parameter name (`^[-a-zA-Z0-9_]+$`, rule W4) */
  constructor(name: string, options: OutputParameterOptions = {}) {
    this.name = name;
    this.options = options;
  }

  /**
   * `{{workflow.outputs.parameters.<globalName>}}`: the exported value, readable anywhere in the
   * workflow once the producing node ran. Throws if the parameter has no `globalName`.
   */
  public get global(): ArgoVariable<'global'> {
    if (!this.options.globalName) throw new Error(`output parameter "${this.name}" has no globalName: set globalName to read it as a workflow output`);
    return new ArgoVariable<'global'>(['workflow', 'outputs', 'parameters', this.options.globalName]);
  }

  /** `{{outputs.parameters.<name>.path}}`: the path of a `fromPath` parameter, inside the template that declares it. */
  public get pathVariable(): ArgoVariable<'inputs'> {
    return new ArgoVariable<'inputs'>(['outputs', 'parameters', this.name, 'path']);
  }

  /** @internal */
  public _render(): l1.Parameter {
    const o = this.options;
    const valueFrom = o.valueFrom || o.default !== undefined
      ? { ...(o.valueFrom?._valueFrom ?? {}), default: o.default } : undefined;
    return {
      name: this.name,
      value: renderText(o.value),
      valueFrom,
      globalName: o.globalName,
      description: o.description,
      enum: o.enum,
    };
  }
}
