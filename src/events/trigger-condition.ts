import { IConstruct } from 'constructs';
import { BooleanExpression } from '../core/boolean-expression';

/** A sensor dependency as conditions name it (`SensorDependency` is one). */
export interface IConditionDependency extends IConstruct {
  /** Name of the dependency in the sensor. */
  readonly name: string;
}

/** A dependency or a condition: what condition builders take. */
export type ConditionOperand = IConditionDependency | TriggerCondition;

/**
 * When a trigger fires, as a boolean expression over the sensor's dependencies
 * (`(a && b) || c`), built from dependency objects so it cannot name an unknown one.
 * Without conditions a trigger fires once every dependency has an event.
 */
export class TriggerCondition {
  /** Fires when the dependency has an event. */
  public static on(dependency: IConditionDependency): TriggerCondition {
    return new TriggerCondition(BooleanExpression.leaf(dependency));
  }

  /** Fires when every operand holds (`&&`). */
  public static and(...operands: ConditionOperand[]): TriggerCondition {
    return new TriggerCondition(BooleanExpression.join('and', operands.map(expressionOf), 'a condition needs at least one dependency (got none for "&&")'));
  }

  /** Fires when any operand holds (`||`). */
  public static or(...operands: ConditionOperand[]): TriggerCondition {
    return new TriggerCondition(BooleanExpression.join('or', operands.map(expressionOf), 'a condition needs at least one dependency (got none for "||")'));
  }

  /** @internal */
  public readonly _expression: BooleanExpression<IConditionDependency>;

  private constructor(expression: BooleanExpression<IConditionDependency>) {
    this._expression = expression;
  }

  /** Every dependency the condition reads. */
  public get dependencies(): readonly IConditionDependency[] {
    return this._expression.leaves;
  }

  /** This and the operands. */
  public and(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.and(this, ...operands);
  }

  /** This or the operands. */
  public or(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.or(this, ...operands);
  }

  /** The expression as Argo Events reads it, e.g. `(a && b) || c`. */
  public render(): string {
    return this._expression.render(d => d.name);
  }
}

function expressionOf(operand: ConditionOperand): BooleanExpression<IConditionDependency> {
  return operand instanceof TriggerCondition ? operand._expression : BooleanExpression.leaf(operand);
}
