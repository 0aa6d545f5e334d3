import { Condition, IArgoVariable } from './condition';

/**
 * A literal usable where Argo compares or passes a value: strings, numbers, booleans, or a typed
 * variable (rendered `{{...}}`).
 */
export type ArgoInput = string | number | boolean | ArgoVariable;

/** Text that may be a literal or a typed Argo variable. Variables also interpolate in template literals. */
export type ArgoText = string | ArgoVariable;

const BARE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An Argo variable as an object, e.g. `{{workflow.status}}` or `{{steps.gen.outputs.result}}`.
 * Use it in any text field (it renders `{{path}}`, also inside template literals), compare it to
 * build a `when` condition, or use `expr` inside `{{=...}}` expressions and hook expressions.
 * Obtain variables from the catalogue (`WorkflowVariables`, `TemplateVariables`...) or from the
 * objects that own them (parameters, steps, tasks); `ArgoVariable.of()` is the string escape hatch.
 */
export class ArgoVariable implements IArgoVariable {
  /**
   * A variable from its dotted path, e.g. `ArgoVariable.of('workflow.name')`. Prefer the typed
   * catalogue: a misspelled path is only caught by validation (rules W31/W32).
   */
  public static of(path: string): ArgoVariable {
    return new ArgoVariable(path.split('.'));
  }

  /** @internal */
  constructor(
    /** The path segments, e.g. `['steps', 'gen', 'outputs', 'result']`. */
    public readonly segments: readonly string[]) {}

  /** Dotted path as Argo writes it inside `{{...}}`, e.g. `steps.gen.outputs.result`. */
  public get path(): string {
    return this.segments.join('.');
  }

  /**
   * The variable in expr-lang syntax (`{{=...}}`, lifecycle hook and stop expressions), with
   * segments that are not identifiers in brackets: `steps["step-1"].status`.
   */
  public get expr(): string {
    return this.segments.map((s, i) => (BARE_SEGMENT.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`)).join('');
  }

  /** `{{path}}`: the text Argo substitutes at run time. */
  public toString(): string {
    return `{{${this.path}}}`;
  }

  /** `this == value`. */
  public eq(value: ArgoInput): Condition {
    return Condition.compare(this, '==', value);
  }

  /** `this != value`. */
  public ne(value: ArgoInput): Condition {
    return Condition.compare(this, '!=', value);
  }

  /** `this > value`. */
  public gt(value: ArgoInput): Condition {
    return Condition.compare(this, '>', value);
  }

  /** `this >= value`. */
  public ge(value: ArgoInput): Condition {
    return Condition.compare(this, '>=', value);
  }

  /** `this < value`. */
  public lt(value: ArgoInput): Condition {
    return Condition.compare(this, '<', value);
  }

  /** `this <= value`. */
  public le(value: ArgoInput): Condition {
    return Condition.compare(this, '<=', value);
  }

  /** Regular expression match (`=~` in `when`, `matches` in expr-lang). */
  public matches(regex: string): Condition {
    return Condition.compare(this, '=~', regex);
  }
}

/**
 * An Argo expression template, `{{=...}}` (expr-lang): a value computed at run time, usable in
 * any text field and in conditions. Build it with the `argoExpr` tag so that variables are
 * written in expr-lang syntax: argoExpr`sprig.upper(${message})` renders
 * `{{=sprig.upper(inputs.parameters.message)}}`.
 */
export class ArgoExpression extends ArgoVariable {
  /** An expression from expr-lang text, e.g. `ArgoExpression.of('asInt(inputs.parameters.n) + 1')`. */
  public static of(text: string): ArgoExpression {
    return new ArgoExpression(text, []);
  }

  /** @internal */
  constructor(public readonly text: string, public readonly reads: readonly ArgoVariable[]) {
    super([]);
  }

  /** Dotted path: not a plain variable, so the expression text. */
  public get path(): string {
    return `=${this.text}`;
  }

  /** The expression in expr-lang, parenthesized so it composes. */
  public get expr(): string {
    return `(${this.text})`;
  }

  /** `{{=text}}`. */
  public toString(): string {
    return `{{=${this.text}}}`;
  }
}

/**
 * Tag for `{{=...}}` expression templates: interpolated variables are written in expr-lang
 * (`inputs.parameters["my-param"]`), other values as they are.
 */
export function argoExpr(strings: TemplateStringsArray, ...values: (ArgoVariable | string | number | boolean)[]): ArgoExpression {
  let text = strings[0];
  values.forEach((v, i) => {
    text += (v instanceof ArgoVariable ? v.expr : String(v)) + strings[i + 1];
  });
  return new ArgoExpression(text, values.filter((v): v is ArgoVariable => v instanceof ArgoVariable));
}

/** Renders text that may be a typed variable. */
export function renderText(value: ArgoText): string;
export function renderText(value: ArgoText | undefined): string | undefined;
export function renderText(value: ArgoText | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** Renders a parameter value: Argo parameter values are strings. */
export function renderInput(value: ArgoInput): string {
  return String(value);
}

/**
 * Every typed variable inside a value (plain objects, arrays, conditions, expressions), each once,
 * in the order met. Used by the constructs to check that the objects a template reads belong to it.
 */
export function collectVariables(value: unknown): ArgoVariable[] {
  const out: ArgoVariable[] = [];
  collect(value, out, 0);
  return out;
}

/** Props are trees of plain data: deeper than this is a cycle (which cdk8s could not render either). */
const MAX_DEPTH = 64;

function collect(value: unknown, out: ArgoVariable[], depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (value instanceof ArgoVariable) {
    add(value, out);
    if (value instanceof ArgoExpression) for (const read of value.reads) add(read, out);
  } else if (value instanceof Condition) {
    for (const v of value.variables) if (v instanceof ArgoVariable) add(v, out);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in value) collect((value as { readonly [key: string]: unknown })[key], out, depth + 1);
  }
}

function add(variable: ArgoVariable, out: ArgoVariable[]): void {
  if (!out.includes(variable)) out.push(variable);
}
