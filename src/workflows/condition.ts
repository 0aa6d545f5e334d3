import { BooleanExpression, RenderContext } from '../core/boolean-expression';
import { SCOPE_LABELS, VariableScope } from './variable-scope';

/** The type of an Argo variable's value where expressions read it (Argo binds almost all as strings). */
export type VariableValueType = 'string' | 'int' | 'float' | 'json' | 'time' | 'artifact';

/** A typed Argo variable as conditions read it (`ArgoVariable` is one). */
export interface IArgoVariable<S extends VariableScope = VariableScope> {
  /** The variable in expr-lang syntax, e.g. `steps["flip"].outputs.result`. */
  readonly expr: string;
  /** The scopes the variable is read from (one for a variable; those of its parts for an expression). */
  readonly scopes: readonly S[];
  /**
   * How Argo binds its value in expressions: compared with a number, a `string` (or `float`)
   * variable is converted with `asInt()`/`asFloat()` in expr-lang, an `int` is compared as it is.
   */
  readonly valueType: VariableValueType;
  /** True for an expression (`{{=...}}`): only expr-lang can hold it. */
  readonly isExpression: boolean;
  /** `{{path}}`, the form Argo substitutes. */
  toString(): string;
}

/** What a comparison compares: a literal (string, number, boolean) or a typed variable. */
export type ComparisonOperand = string | number | boolean | IArgoVariable;

/** The scopes of what a condition or comparison reads (`never` for literals). */
export type ScopeOf<T> = T extends IArgoVariable<infer S> ? S : T extends Condition<infer S> ? S : never;

/** Comparison operators of conditions. */
export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | 'contains';

type Leaf =
  | { readonly kind: 'compare'; readonly left: ComparisonOperand; readonly op: ComparisonOperator; readonly right: ComparisonOperand }
  | { readonly kind: 'literal'; readonly value: boolean }
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'expr'; readonly text: string };

/**
 * The fields that hold a condition, each with its dialect: which scopes it may read, and which of
 * them are names of the expression (the others Argo substitutes as text before evaluating it).
 * @internal
 */
export type ConditionField = 'when' | 'hook' | 'retry' | 'http' | 'cron' | 'output' | 'metric';

interface FieldDialect {
  readonly label: string;
  /** govaluate after `{{...}}` substitution (`{{=...}}` on request), or expr-lang. */
  readonly syntax: 'when' | 'expr';
  readonly allowed: readonly VariableScope[];
  /** Scopes bound as names of the expr-lang expression; the other allowed scopes are substituted as `{{...}}`. */
  readonly names: readonly VariableScope[];
}

const TEMPLATE_SCOPES: readonly VariableScope[] = ['global', 'inputs', 'node'];
const DIALECTS: { readonly [f in ConditionField]: FieldDialect } = {
  when: { label: 'a when condition', syntax: 'when', allowed: TEMPLATE_SCOPES, names: TEMPLATE_SCOPES },
  metric: { label: 'a metric\'s when', syntax: 'when', allowed: ['metric', 'global', 'inputs'], names: ['metric', 'global', 'inputs'] },
  hook: { label: 'a lifecycle hook expression', syntax: 'expr', allowed: TEMPLATE_SCOPES, names: TEMPLATE_SCOPES },
  output: { label: 'an output expression', syntax: 'expr', allowed: TEMPLATE_SCOPES, names: TEMPLATE_SCOPES },
  retry: { label: 'retryStrategy.expression', syntax: 'expr', allowed: ['retry', 'global', 'inputs'], names: ['retry'] },
  http: { label: 'an HTTP successCondition', syntax: 'expr', allowed: ['http', 'global', 'inputs'], names: ['http'] },
  cron: { label: 'a CronWorkflow when/stopStrategy expression', syntax: 'expr', allowed: ['cron'], names: ['cron'] },
};

/**
 * A boolean condition built from typed values: a step or task `when`, a lifecycle hook
 * expression, a CronWorkflow `when` or stop expression, a retry expression, an HTTP success
 * condition. `S` is the union of the scopes of the variables it reads: each field accepts the
 * scopes Argo binds there, so e.g. a retry expression reading a step's output does not compile.
 *
 * Each field renders the condition in its own dialect:
 * - `when` (steps, tasks, exit handlers): govaluate over substituted text
 *   (`{{steps.flip.outputs.result}} == heads`), or `{{=...}}` (expr-lang) when a part needs it or
 *   `asExpressionTemplate()` asks for it;
 * - hooks, output expressions: expr-lang (`steps["flip"].outputs.result == "heads"`);
 * - `retryStrategy.expression`, HTTP `successCondition`: expr-lang over `lastRetry.*`/`retries`
 *   (`response.*`), with the template's inputs and workflow variables substituted as text first
 *   (`{{inputs.parameters.safe}} == true`), the way Argo evaluates them;
 * - CronWorkflow `when` and `stopStrategy`: expr-lang over `cronworkflow.*`.
 * In expr-lang a string variable compared with a number is converted (`asInt(lastRetry.exitCode) > 1`)
 * and compared with a boolean as its text (`== "true"`): Argo binds variables as strings.
 */
export class Condition<S extends VariableScope = VariableScope> {
  /** `left op right`; usually written `variable.eq(value)` and friends. */
  public static compare<L extends ComparisonOperand, R extends ComparisonOperand>(left: L, op: ComparisonOperator, right: R): Condition<ScopeOf<L> | ScopeOf<R>> {
    return new Condition<ScopeOf<L> | ScopeOf<R>>(BooleanExpression.leaf<Leaf>({ kind: 'compare', left, op, right }));
  }

  /** All of the conditions (`&&`). */
  public static and<C extends Condition[]>(...conditions: C): Condition<ScopeOf<C[number]>> {
    return Condition.join<ScopeOf<C[number]>>('and', conditions);
  }

  /** Any of the conditions (`||`). */
  public static or<C extends Condition[]>(...conditions: C): Condition<ScopeOf<C[number]>> {
    return Condition.join<ScopeOf<C[number]>>('or', conditions);
  }

  /** Negation (`!`). */
  public static not<T extends VariableScope>(condition: Condition<T>): Condition<T> {
    return new Condition<T>(condition.expression.not(), condition.expressionTemplate);
  }

  /**
   * A constant condition, `true` or `false` in every dialect: e.g. `when: Condition.of(false)`
   * skips a step or task (its dependents see it Skipped).
   */
  public static of(value: boolean): Condition<never> {
    if (typeof value !== 'boolean') throw new Error(`Condition.of() takes true or false (got ${JSON.stringify(value)}): compare a variable instead, e.g. step.result.eq('heads')`);
    return new Condition<never>(BooleanExpression.leaf<Leaf>({ kind: 'literal', value }));
  }

  /**
   * A govaluate `when` expression written by hand (after `{{...}}` substitution), e.g.
   * `'{{steps.a.outputs.result}} > 5'`. Only usable in `when` fields; not checked by the types.
   */
  public static raw(text: string): Condition<never> {
    return new Condition<never>(BooleanExpression.leaf<Leaf>({ kind: 'raw', text }));
  }

  /**
   * An expr-lang expression written by hand, e.g. `'cronworkflow.lastScheduledTime == nil'`.
   * In `when` fields it renders as `{{=text}}`. Not checked by the types: prefer typed comparisons.
   */
  public static expr(text: string): Condition<never> {
    return new Condition<never>(BooleanExpression.leaf<Leaf>({ kind: 'expr', text }));
  }

  private static join<T extends VariableScope>(connective: 'and' | 'or', conditions: readonly Condition[]): Condition<T> {
    return new Condition<T>(BooleanExpression.join(connective, conditions.map(c => c.expression), `Condition.${connective}() needs at least one condition`),
      conditions.some(c => c.expressionTemplate));
  }

  /** The scopes of the variables this condition reads. */
  public readonly scopes: readonly S[];

  private constructor(private readonly expression: BooleanExpression<Leaf>, private readonly expressionTemplate = false) {
    const scopes: S[] = [];
    for (const v of this.variables) for (const s of v.scopes) if (!scopes.includes(s as S)) scopes.push(s as S);
    this.scopes = scopes;
  }

  /** This and the others (`&&`). */
  public and<C extends Condition[]>(...others: C): Condition<S | ScopeOf<C[number]>> {
    return Condition.join<S | ScopeOf<C[number]>>('and', [this, ...others]);
  }

  /** This or the others (`||`). */
  public or<C extends Condition[]>(...others: C): Condition<S | ScopeOf<C[number]>> {
    return Condition.join<S | ScopeOf<C[number]>>('or', [this, ...others]);
  }

  /** The negation of this condition. */
  public not(): Condition<S> {
    return Condition.not(this);
  }

  /**
   * The same condition, rendered in `when` fields as an expression template (`{{=...}}`,
   * expr-lang) instead of govaluate: `{{=inputs.parameters["should-print"] == "true"}}`.
   */
  public asExpressionTemplate(): Condition<S> {
    return new Condition<S>(this.expression, true);
  }

  /** Every typed variable the condition compares. */
  public get variables(): IArgoVariable[] {
    return this.expression.leaves.flatMap(l => (l.kind === 'compare' ? [l.left, l.right].filter(isVariable) : []));
  }

  /** Rendering for `when` fields (steps, tasks). */
  public renderWhen(): string {
    return this._render('when');
  }

  /** Rendering in expr-lang with every variable as a name, e.g. for lifecycle hooks. */
  public renderExpression(): string {
    return this._render('hook');
  }

  /** `{{=expression}}`: rendering for fields that only take Argo expression templates (CronWorkflow `when`). */
  public renderExpressionTemplate(): string {
    return `{{=${this._render('cron')}}}`;
  }

  /** @internal The condition in the dialect of `field`. */
  public _render(field: ConditionField): string {
    const dialect = DIALECTS[field];
    if (dialect.syntax === 'when') {
      const kinds = new Set(this.expression.leaves.map(l => l.kind));
      const needsExpr = this.expressionTemplate || kinds.has('expr') || this.variables.some(v => v.isExpression)
        || this.expression.leaves.some(l => l.kind === 'compare' && l.op === 'contains');
      if (!needsExpr) return this.expression.render(govaluate);
      if (kinds.has('raw')) throw new Error('a condition cannot mix Condition.raw (govaluate) and expr-lang parts (Condition.expr, argoExpr, asExpressionTemplate())');
      return `{{=${this.expression.render((l, c) => exprLang(l, c, undefined))}}}`;
    }
    return this.expression.render((l, c) => exprLang(l, c, dialect.names));
  }

  /**
   * @internal Why this condition cannot be used in `field`: the variables it reads that Argo does
   * not bind there (for callers past the types: `ArgoVariable.of()`, JavaScript), and hand-written
   * govaluate in an expr-lang field.
   */
  public _problems(field: ConditionField): string[] {
    const dialect = DIALECTS[field];
    const out: string[] = [];
    for (const v of this.variables) {
      const bad = v.scopes.filter(s => !dialect.allowed.includes(s));
      if (bad.length) {
        out.push(`${dialect.label} reads ${v} (${bad.map(s => SCOPE_LABELS[s]).join(', ')}), which Argo does not bind there, so the expression fails at run time. `
          + `It can read ${dialect.allowed.map(s => SCOPE_LABELS[s]).join(', ')}.`);
      }
    }
    if (dialect.syntax === 'expr' && this.expression.leaves.some(l => l.kind === 'raw')) {
      out.push(`${dialect.label} is expr-lang, and Condition.raw() is a govaluate 'when' expression: use typed comparisons or Condition.expr().`);
    }
    return out;
  }
}

function isVariable(v: ComparisonOperand): v is IArgoVariable {
  return typeof v === 'object';
}

function wrap(text: string, parens: boolean): string {
  return parens ? `(${text})` : text;
}

/** A leaf in govaluate; comparisons bind tighter than && and ||, so only a negation wraps them. */
function govaluate(leaf: Leaf, context: RenderContext): string {
  switch (leaf.kind) {
    case 'compare': {
      const quote = !bareLiteral(leaf.left) || !bareLiteral(leaf.right);
      return wrap(`${govaluateOperand(leaf.left, quote)} ${leaf.op} ${govaluateOperand(leaf.right, quote)}`, context === 'not');
    }
    case 'literal': return String(leaf.value);
    case 'raw': return wrap(leaf.text, context !== undefined);
    case 'expr': throw new Error('unreachable');
  }
}

/**
 * A leaf in expr-lang. `names`: the scopes bound as names (undefined: all); a variable of another
 * scope is substituted by Argo as text before evaluation, so it is written `{{...}}` (quoted when
 * compared with a string).
 */
function exprLang(leaf: Leaf, context: RenderContext, names: readonly VariableScope[] | undefined): string {
  switch (leaf.kind) {
    case 'compare': {
      const op = leaf.op === '=~' ? 'matches' : leaf.op;
      const left = exprOperand(leaf.left, leaf.right, op, names);
      const right = exprOperand(leaf.right, leaf.left, op, names);
      return wrap(`${left} ${op} ${right}`, context === 'not');
    }
    case 'literal': return String(leaf.value);
    case 'expr': return wrap(leaf.text, context !== undefined);
    case 'raw': throw new Error(`Condition.raw("${leaf.text}") is a govaluate 'when' expression and cannot be used where Argo expects expr-lang (hooks, CronWorkflow when/stopStrategy, retry expressions); use Condition.expr() or typed comparisons`);
  }
}

/** A literal that govaluate reads as intended without quotes (Argo turns bare words into strings). */
function bareLiteral(v: ComparisonOperand): boolean {
  if (typeof v !== 'string') return true;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^-?[0-9]+(\.[0-9]+)?$/.test(v);
}

function govaluateOperand(v: ComparisonOperand, quote: boolean): string {
  const text = String(v);
  return quote && typeof v !== 'number' && typeof v !== 'boolean' ? `'${text}'` : text;
}

/** True when the variable is substituted as text rather than bound as a name. */
function substituted(v: IArgoVariable, names: readonly VariableScope[] | undefined): boolean {
  return names !== undefined && !v.isExpression && v.scopes.length > 0 && !v.scopes.some(s => names.includes(s));
}

function exprOperand(v: ComparisonOperand, other: ComparisonOperand, op: string, names: readonly VariableScope[] | undefined): string {
  if (isVariable(v)) {
    if (substituted(v, names)) {
      // Argo splices the value into the text: bare next to a number, a boolean or a native int, quoted otherwise.
      const numeric = typeof other === 'number' || typeof other === 'boolean' || (isVariable(other) && other.valueType === 'int');
      return numeric ? v.toString() : JSON.stringify(v.toString());
    }
    if (typeof other === 'number' && op !== 'matches' && op !== 'contains' && (v.valueType === 'string' || v.valueType === 'float')) {
      // Argo binds variables as strings: converted, they compare as numbers (a string > 1 is an error in expr-lang).
      const fn = v.valueType === 'float' || !Number.isInteger(other) ? 'asFloat' : 'asInt';
      return `${fn}(${v.expr})`;
    }
    return v.expr;
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean' && isVariable(other) && !substituted(other, names) && other.valueType === 'string') {
    // a string variable holds "true"/"false": compare the text, not the boolean
    return JSON.stringify(String(v));
  }
  return String(v);
}
