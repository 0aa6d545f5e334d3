import { BooleanExpression, RenderContext } from '../core/boolean-expression';

/** A typed Argo variable as conditions read it (`ArgoVariable` is one). */
export interface IArgoVariable {
  /** The variable in expr-lang syntax, e.g. `steps["flip"].outputs.result`. */
  readonly expr: string;
  /** `{{path}}`, the govaluate form. */
  toString(): string;
}

/** What a comparison compares: a literal (string, number, boolean) or a typed variable. */
export type ComparisonOperand = string | number | boolean | IArgoVariable;

/** Comparison operators of conditions. */
export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | '=~';

type Leaf =
  | { readonly kind: 'compare'; readonly left: ComparisonOperand; readonly op: ComparisonOperator; readonly right: ComparisonOperand }
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
  public static compare(left: ComparisonOperand, op: ComparisonOperator, right: ComparisonOperand): Condition {
    return new Condition(BooleanExpression.leaf<Leaf>({ kind: 'compare', left, op, right }));
  }

  /** All of the conditions (`&&`). */
  public static and(...conditions: Condition[]): Condition {
    return new Condition(BooleanExpression.join('and', conditions.map(c => c.expression), 'Condition.and() needs at least one condition'));
  }

  /** Any of the conditions (`||`). */
  public static or(...conditions: Condition[]): Condition {
    return new Condition(BooleanExpression.join('or', conditions.map(c => c.expression), 'Condition.or() needs at least one condition'));
  }

  /** Negation (`!`). */
  public static not(condition: Condition): Condition {
    return new Condition(condition.expression.not());
  }

  /**
   * A govaluate `when` expression written by hand (after `{{...}}` substitution), e.g.
   * `'{{steps.a.outputs.result}} > 5'`. Only usable in `when` fields.
   */
  public static raw(text: string): Condition {
    return new Condition(BooleanExpression.leaf<Leaf>({ kind: 'raw', text }));
  }

  /**
   * An expr-lang expression written by hand, e.g.
   * `'cronworkflow.lastScheduledTime == nil'`. In `when` fields it renders as `{{=text}}`.
   */
  public static expr(text: string): Condition {
    return new Condition(BooleanExpression.leaf<Leaf>({ kind: 'expr', text }));
  }

  private constructor(private readonly expression: BooleanExpression<Leaf>) {}

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

  /** Every typed variable the condition compares. */
  public get variables(): IArgoVariable[] {
    return this.expression.leaves.flatMap(l => (l.kind === 'compare' ? [l.left, l.right].filter(isVariable) : []));
  }

  /** Rendering for `when` fields (steps, tasks). */
  public renderWhen(): string {
    const kinds = new Set(this.expression.leaves.map(l => l.kind));
    if (kinds.has('expr')) {
      if (kinds.has('raw')) throw new Error('a condition cannot mix Condition.raw (govaluate) and Condition.expr (expr-lang) parts');
      return `{{=${this.renderExpression()}}}`;
    }
    return this.expression.render(govaluate);
  }

  /** Rendering in expr-lang, for lifecycle hooks, CronWorkflow `when`/stopStrategy and retry expressions. */
  public renderExpression(): string {
    return this.expression.render(exprLang);
  }

  /** `{{=expression}}`: rendering for fields that only take Argo expression templates (CronWorkflow `when`). */
  public renderExpressionTemplate(): string {
    return `{{=${this.renderExpression()}}}`;
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
    case 'raw': return wrap(leaf.text, context !== undefined);
    case 'expr': throw new Error('unreachable');
  }
}

/** A leaf in expr-lang. */
function exprLang(leaf: Leaf, context: RenderContext): string {
  switch (leaf.kind) {
    case 'compare': {
      const op = leaf.op === '=~' ? 'matches' : leaf.op;
      return wrap(`${exprOperand(leaf.left)} ${op} ${exprOperand(leaf.right)}`, context === 'not');
    }
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

function exprOperand(v: ComparisonOperand): string {
  if (isVariable(v)) return v.expr;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}
