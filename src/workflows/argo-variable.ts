import { ComparisonOperand, Condition, IArgoVariable, ScopeOf, VariableValueType } from './condition';
import { PathScope, scopeOfPath, VariableScope } from './variable-scope';

/**
 * A literal usable where Argo compares or passes a value: strings, numbers, booleans, or a typed
 * variable (rendered `{{...}}`).
 */
export type ArgoInput = string | number | boolean | ArgoVariable;

/** Text that may be a literal or a typed Argo variable. Variables also interpolate in template literals. */
export type ArgoText = string | ArgoVariable;

const BARE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Options of a variable made by the library's catalogue. @internal */
export interface VariableOptions<S extends VariableScope> {
  /** Its scope, when the path alone does not say (metric variables). */
  readonly scope?: S;
  /** How Argo binds its value in expressions. */
  readonly valueType?: VariableValueType;
}

/**
 * An Argo variable as an object, e.g. `{{workflow.status}}` or `{{steps.gen.outputs.result}}`.
 * Use it in any text field (it renders `{{path}}`, also inside template literals), compare it to
 * build a condition, or use `expr` inside `{{=...}}` expressions. `S` is its scope
 * (`VariableScope`): conditions carry the scopes they read, and each condition field accepts
 * only the scopes Argo binds there.
 * Obtain variables from the catalogue (`WorkflowVariables`, `TemplateVariables`...) or from the
 * objects that own them (parameters, steps, tasks); `ArgoVariable.of()` is the string escape hatch.
 */
export class ArgoVariable<S extends VariableScope = VariableScope> implements IArgoVariable<S> {
  /**
   * A variable from its dotted path, e.g. `ArgoVariable.of('workflow.name')`. Prefer the typed
   * catalogue: a misspelled path is only caught by validation (rules W31/W32). The scope is read
   * from a literal path (`lastRetry.status` is a retry variable).
   */
  public static of<P extends string>(path: P): ArgoVariable<PathScope<P>> {
    return new ArgoVariable<PathScope<P>>(path.split('.'));
  }

  /** The path segments, e.g. `['steps', 'gen', 'outputs', 'result']`. */
  public readonly segments: readonly string[];
  /** The scope of the variable (none for a path of no known root). */
  public readonly scopes: readonly S[];
  /** How Argo binds its value in expressions (`string` for nearly every variable). */
  public readonly valueType: VariableValueType;

  /** @internal */
  constructor(segments: readonly string[], options: VariableOptions<S> = {}) {
    this.segments = segments;
    const scope = options.scope ?? scopeOfPath(segments);
    // The scope read from the path is the one the type parameter names (PathScope mirrors scopeOfPath).
    this.scopes = scope === undefined ? [] : [scope as S];
    this.valueType = options.valueType ?? 'string';
  }

  /** False: a plain variable Argo substitutes. */
  public get isExpression(): boolean {
    return false;
  }

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
  public eq<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '==', value);
  }

  /** `this != value`. */
  public ne<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '!=', value);
  }

  /** `this > value` (a number converts the variable in expr-lang: `asInt(x) > 1`). */
  public gt<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '>', value);
  }

  /** `this >= value`. */
  public ge<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '>=', value);
  }

  /** `this < value`. */
  public lt<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '<', value);
  }

  /** `this <= value`. */
  public le<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, '<=', value);
  }

  /** Regular expression match (`=~` in `when`, `matches` in expr-lang). */
  public matches(regex: string): Condition<S> {
    return Condition.compare(this, '=~', regex);
  }

  /** Substring test (expr-lang `contains`; a `when` renders it as `{{=...}}`, govaluate has no such operator). */
  public contains<V extends ComparisonOperand>(value: V): Condition<S | ScopeOf<V>> {
    return Condition.compare(this, 'contains', value);
  }
}

/**
 * An Argo expression template, `{{=...}}` (expr-lang): a value computed at run time, usable in
 * any text field and in conditions. Build it with the `argoExpr` tag so that variables are
 * written in expr-lang syntax: argoExpr`sprig.upper(${message})` renders
 * `{{=sprig.upper(inputs.parameters.message)}}`.
 */
export class ArgoExpression<S extends VariableScope = VariableScope> extends ArgoVariable<S> {
  /** An expression from expr-lang text, e.g. `ArgoExpression.of('asInt(inputs.parameters.n) + 1')`. Not checked by the types. */
  public static of(text: string): ArgoExpression<never> {
    return new ArgoExpression<never>(text, []);
  }

  /** The scopes of the variables the expression reads. */
  public readonly scopes: readonly S[];

  /** @internal */
  constructor(public readonly text: string, public readonly reads: readonly ArgoVariable[]) {
    super([]);
    const scopes: S[] = [];
    for (const r of reads) for (const sc of r.scopes) if (!scopes.includes(sc as S)) scopes.push(sc as S);
    this.scopes = scopes;
  }

  /** True: only expr-lang can hold it. */
  public get isExpression(): boolean {
    return true;
  }

  /** Dotted path: not a plain variable, so the expression text. */
  public get path(): string {
    return `=${this.text}`;
  }

  /** The expression in expr-lang, parenthesized so it composes (unless it is one name or call, which binds tighter than any operator). */
  public get expr(): string {
    return bindsTightly(this.text) ? this.text : `(${this.text})`;
  }

  /** `{{=text}}`. */
  public toString(): string {
    return `{{=${this.text}}}`;
  }
}

/** True for a name path (`a.b["c"]`), optionally called once at the end (`f(x, y)`): nothing to parenthesize. */
function bindsTightly(text: string): boolean {
  const m = /^[A-Za-z_][\w.]*(?:\[(?:"[^"]*"|'[^']*'|\d+)\][\w.]*)*/.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  if (rest === '') return true;
  if (!rest.startsWith('(') || !rest.endsWith(')')) return false;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0 && i !== rest.length - 1) {
      return false;
    }
  }
  return depth === 0;
}

/**
 * Tag for `{{=...}}` expression templates: interpolated variables are written in expr-lang
 * (`inputs.parameters["my-param"]`), other values as they are.
 */
export function argoExpr<V extends (ArgoVariable | string | number | boolean)[]>(strings: TemplateStringsArray, ...values: V): ArgoExpression<ScopeOf<V[number]>> {
  let text = strings[0];
  values.forEach((v, i) => {
    text += (v instanceof ArgoVariable ? v.expr : String(v)) + strings[i + 1];
  });
  return new ArgoExpression<ScopeOf<V[number]>>(text, values.filter((v): v is ArgoVariable => v instanceof ArgoVariable));
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
