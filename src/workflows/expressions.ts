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
export class ArgoVariable {
  /**
   * A variable from its dotted path, e.g. `ArgoVariable.of('workflow.name')`. Prefer the typed
   * catalogue: a misspelled path is only caught by validation (rules W31/W32).
   */
  public static of(path: string): ArgoVariable {
    return new ArgoVariable(path.split('.'));
  }

  /** The path segments, e.g. `['steps', 'gen', 'outputs', 'result']`. */
  public readonly segments: readonly string[];

  /** @internal the object this variable reads from (a step, a task, a template input...). */
  public readonly _source?: object;

  /** @internal */
  constructor(segments: readonly string[], source?: object) {
    this.segments = segments;
    this._source = source;
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

/** Comparison operators of conditions. */
export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~';

type Node =
  | { readonly kind: 'compare'; readonly left: ArgoInput; readonly op: ComparisonOperator; readonly right: ArgoInput }
  | { readonly kind: 'and' | 'or'; readonly children: readonly Condition[] }
  | { readonly kind: 'not'; readonly child: Condition }
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'expr'; readonly text: string };

/**
 * A boolean condition built from typed values: a step or task `when`, a lifecycle hook
 * expression, a CronWorkflow `when` or stop expression, a retry expression.
 *
 * In `when` fields a condition renders in Argo's govaluate form
 * (`{{steps.flip.outputs.result}} == heads`), or as `{{=...}}` when it contains an expr-lang part;
 * in expression fields (hooks, stopStrategy, retryStrategy.expression) it renders in expr-lang
 * (`steps["flip"].outputs.result == "heads"`).
 */
export class Condition {
  /** `left op right`; usually written `variable.eq(value)` and friends. */
  public static compare(left: ArgoInput, op: ComparisonOperator, right: ArgoInput): Condition {
    return new Condition({ kind: 'compare', left, op, right });
  }

  /** All of the conditions (`&&`). */
  public static and(...conditions: Condition[]): Condition {
    return Condition.group('and', conditions);
  }

  /** Any of the conditions (`||`). */
  public static or(...conditions: Condition[]): Condition {
    return Condition.group('or', conditions);
  }

  /** Negation (`!`). */
  public static not(condition: Condition): Condition {
    return new Condition({ kind: 'not', child: condition });
  }

  /**
   * A govaluate `when` expression written by hand (after `{{...}}` substitution), e.g.
   * `'{{steps.a.outputs.result}} > 5'`. Only usable in `when` fields.
   */
  public static raw(text: string): Condition {
    return new Condition({ kind: 'raw', text });
  }

  /**
   * An expr-lang expression written by hand, e.g.
   * `'cronworkflow.lastScheduledTime == nil'`. In `when` fields it renders as `{{=text}}`.
   */
  public static expr(text: string): Condition {
    return new Condition({ kind: 'expr', text });
  }

  private static group(kind: 'and' | 'or', conditions: Condition[]): Condition {
    if (conditions.length === 0) throw new Error(`Condition.${kind}() needs at least one condition`);
    if (conditions.length === 1) return conditions[0];
    return new Condition({ kind, children: conditions });
  }

  private constructor(private readonly node: Node) {}

  /** This and the others (`&&`). */
  public and(...others: Condition[]): Condition {
    return Condition.and(this, ...others);
  }

  /** This or the others (`||`). */
  public or(...others: Condition[]): Condition {
    return Condition.or(this, ...others);
  }

  /** The negation of this condition. */
  public not(): Condition {
    return Condition.not(this);
  }

  /** Every typed variable the condition reads. */
  public get variables(): ArgoVariable[] {
    const n = this.node;
    switch (n.kind) {
      case 'compare': return [n.left, n.right].filter((v): v is ArgoVariable => v instanceof ArgoVariable);
      case 'and': case 'or': return n.children.flatMap(c => c.variables);
      case 'not': return n.child.variables;
      default: return [];
    }
  }

  /** Rendering for `when` fields (steps, tasks). */
  public renderWhen(): string {
    if (this.has('expr')) {
      if (this.has('raw')) throw new Error('a condition cannot mix Condition.raw (govaluate) and Condition.expr (expr-lang) parts');
      return `{{=${this.renderExpression()}}}`;
    }
    return this.govaluate(undefined);
  }

  /** Rendering in expr-lang, for lifecycle hooks, CronWorkflow `when`/stopStrategy and retry expressions. */
  public renderExpression(): string {
    return this.exprLang(undefined);
  }

  /** `{{=expression}}`: rendering for fields that only take Argo expression templates (CronWorkflow `when`). */
  public renderExpressionTemplate(): string {
    return `{{=${this.renderExpression()}}}`;
  }

  /** True when some part is of that kind. */
  private has(kind: 'raw' | 'expr'): boolean {
    const n = this.node;
    if (n.kind === kind) return true;
    if (n.kind === 'and' || n.kind === 'or') return n.children.some(c => c.has(kind));
    if (n.kind === 'not') return n.child.has(kind);
    return false;
  }

  private govaluate(parent: Parent): string {
    const n = this.node;
    switch (n.kind) {
      case 'compare': {
        const quote = !bareLiteral(n.left) || !bareLiteral(n.right);
        return wrap(`${govaluateOperand(n.left, quote)} ${n.op} ${govaluateOperand(n.right, quote)}`, parent === 'not');
      }
      case 'and': case 'or':
        return wrap(n.children.map(c => c.govaluate(n.kind)).join(n.kind === 'and' ? ' && ' : ' || '), parent !== undefined && parent !== n.kind);
      case 'not': return `!${n.child.govaluate('not')}`;
      case 'raw': return wrap(n.text, parent !== undefined);
      case 'expr': throw new Error('unreachable');
    }
  }

  private exprLang(parent: Parent): string {
    const n = this.node;
    switch (n.kind) {
      case 'compare': {
        const op = n.op === '=~' ? 'matches' : n.op;
        return wrap(`${exprOperand(n.left)} ${op} ${exprOperand(n.right)}`, parent === 'not');
      }
      case 'and': case 'or':
        return wrap(n.children.map(c => c.exprLang(n.kind)).join(n.kind === 'and' ? ' && ' : ' || '), parent !== undefined && parent !== n.kind);
      case 'not': return `!${n.child.exprLang('not')}`;
      case 'expr': return wrap(n.text, parent !== undefined);
      case 'raw': throw new Error(`Condition.raw("${n.text}") is a govaluate 'when' expression and cannot be used where Argo expects expr-lang (hooks, CronWorkflow when/stopStrategy, retry expressions); use Condition.expr() or typed comparisons`);
    }
  }
}

/** The operator a sub-condition sits under (comparisons bind tighter than && and ||). */
type Parent = 'and' | 'or' | 'not' | undefined;

function wrap(text: string, parens: boolean): string {
  return parens ? `(${text})` : text;
}

/** A literal that govaluate reads as intended without quotes (Argo turns bare words into strings). */
function bareLiteral(v: ArgoInput): boolean {
  if (v instanceof ArgoVariable || typeof v !== 'string') return true;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^-?[0-9]+(\.[0-9]+)?$/.test(v);
}

function govaluateOperand(v: ArgoInput, quote: boolean): string {
  const text = String(v);
  return quote && typeof v !== 'number' && typeof v !== 'boolean' ? `'${text}'` : text;
}

function exprOperand(v: ArgoInput): string {
  if (v instanceof ArgoVariable) return v.expr;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/** Renders text that may be a typed variable. @internal */
export function renderText(value: ArgoText): string;
/** @internal */
export function renderText(value: ArgoText | undefined): string | undefined;
export function renderText(value: ArgoText | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** Renders a parameter value: Argo parameter values are strings. @internal */
export function renderInput(value: ArgoInput): string {
  return String(value);
}

/**
 * Every typed variable inside a value (plain objects, arrays, conditions). Used by the constructs
 * to check that the objects a template reads belong to it.
 */
export function collectVariables(value: unknown, out: ArgoVariable[] = [], seen = new Set<unknown>()): ArgoVariable[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof ArgoExpression) out.push(value, ...value.reads);
  else if (value instanceof ArgoVariable) out.push(value);
  else if (value instanceof Condition) out.push(...value.variables);
  else if (Array.isArray(value)) value.forEach(v => collectVariables(v, out, seen));
  else if (Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach(v => collectVariables(v, out, seen));
  return out;
}
