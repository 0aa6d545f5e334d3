/** The connectives of a boolean expression. */
export type Connective = 'and' | 'or';

/** What a sub-expression is rendered under: a connective, a negation, or nothing (the whole expression). */
export type RenderContext = Connective | 'not' | undefined;

type Node<L> =
  | { readonly kind: 'leaf'; readonly leaf: L }
  | { readonly kind: Connective; readonly children: readonly BooleanExpression<L>[] }
  | { readonly kind: 'not'; readonly child: BooleanExpression<L> };

const OPERATORS: { readonly [c in Connective]: string } = { and: ' && ', or: ' || ' };

/**
 * An and/or/not tree over leaves of one kind: the building block of `Condition` (workflow `when`
 * and expressions), `Depends` (DAG task dependencies) and `TriggerCondition` (sensor trigger
 * conditions). They differ in their leaves and in how a leaf is written; the connectives
 * (`&&`, `||`, `!`) and the parentheses are the same for all: a group is parenthesized under a
 * negation or under the other connective, never under its own (`a && b && c`, `(a && b) || c`).
 * @internal
 */
export class BooleanExpression<L> {
  /** An expression of one leaf. */
  public static leaf<L>(leaf: L): BooleanExpression<L> {
    return new BooleanExpression<L>({ kind: 'leaf', leaf });
  }

  /**
   * All (`and`) or any (`or`) of the parts; one part is returned as it is.
   * @param empty the error message when there is no part
   */
  public static join<L>(connective: Connective, parts: readonly BooleanExpression<L>[], empty: string): BooleanExpression<L> {
    if (parts.length === 0) throw new Error(empty);
    if (parts.length === 1) return parts[0];
    return new BooleanExpression<L>({ kind: connective, children: parts });
  }

  private constructor(private readonly node: Node<L>) {}

  /** The negation of this expression. */
  public not(): BooleanExpression<L> {
    return new BooleanExpression<L>({ kind: 'not', child: this });
  }

  /** Every leaf, left to right. */
  public get leaves(): L[] {
    const n = this.node;
    switch (n.kind) {
      case 'leaf': return [n.leaf];
      case 'not': return n.child.leaves;
      default: return n.children.flatMap(c => c.leaves);
    }
  }

  /**
   * The expression as text.
   * @param leaf writes one leaf; it is told what the leaf sits under, to parenthesize itself when needed
   */
  public render(leaf: (leaf: L, context: RenderContext) => string, context: RenderContext = undefined): string {
    const n = this.node;
    switch (n.kind) {
      case 'leaf': return leaf(n.leaf, context);
      case 'not': return `!${n.child.render(leaf, 'not')}`;
      default: {
        const body = n.children.map(c => c.render(leaf, n.kind)).join(OPERATORS[n.kind]);
        return context !== undefined && context !== n.kind ? `(${body})` : body;
      }
    }
  }
}
