import type { SensorDependency } from './sensor-dependency';

/** A dependency or a condition: what condition builders take. */
export type ConditionOperand = SensorDependency | TriggerCondition;

/**
 * When a trigger fires, as a boolean expression over the sensor's dependencies
 * (`(a && b) || c`), built from dependency objects so it cannot name an unknown one.
 * Without conditions a trigger fires once every dependency has an event.
 */
export class TriggerCondition {
  /** Fires when the dependency has an event. */
  public static of(dependency: SensorDependency): TriggerCondition {
    return new TriggerCondition([dependency], () => dependency.name, false);
  }

  /** Fires when every operand holds. */
  public static all(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.join('&&', operands);
  }

  /** Fires when any operand holds. */
  public static any(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.join('||', operands);
  }

  private static join(op: string, operands: ConditionOperand[]): TriggerCondition {
    if (operands.length === 0) throw new Error(`a condition needs at least one dependency (got none for "${op}")`);
    const parts = operands.map(o => (o instanceof TriggerCondition ? o : TriggerCondition.of(o)));
    if (parts.length === 1) return parts[0];
    return new TriggerCondition(parts.flatMap(p => p.dependencies),
      () => parts.map(p => (p.compound ? `(${p.render()})` : p.render())).join(` ${op} `), true);
  }

  private constructor(
    /** Every dependency the condition reads. */
    public readonly dependencies: readonly SensorDependency[],
    private readonly text: () => string,
    private readonly compound: boolean) {}

  /** This and the operands. */
  public and(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.all(this, ...operands);
  }

  /** This or the operands. */
  public or(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.any(this, ...operands);
  }

  /** The expression as Argo Events reads it, e.g. `(a && b) || c`. */
  public render(): string {
    return this.text();
  }
}
