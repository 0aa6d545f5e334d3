import { GovaluateExpression } from './go/govaluate';

/** A trigger's dependency expression, compiled as the sensor compiles it. */
export interface DependencyExpression {
  /** The expression (`conditions`, or every dependency joined with `&&`). */
  readonly text: string;
  /** Dependency names it reads, unique, in order. */
  readonly names: readonly string[];
  /** True when the expression has `&` (the bus then keeps events until it holds). */
  readonly requiresAnd: boolean;
  /** Evaluates with the dependencies received so far. */
  holds(received: ReadonlySet<string>): boolean;
}

/**
 * The dependency expression of a trigger (pkg/sensors/listener.go getDependencyExpression):
 * `template.conditions` when set, else all dependencies joined by `&&`; `-` in names escaped
 * for govaluate. Throws when govaluate cannot compile it, or when it names a dependency the
 * sensor does not have (the sensor then never runs the trigger).
 */
export function dependencyExpression(conditions: string | undefined, dependencies: readonly string[]): DependencyExpression {
  const text = conditions && conditions.trim() !== '' ? conditions : dependencies.join('&&');
  const compiled = new GovaluateExpression(text.replace(/-/g, '\\-'));
  const names = [...new Set(compiled.vars())];
  const unknown = names.filter(n => !dependencies.includes(n));
  if (unknown.length) {
    throw new Error(`the conditions name ${unknown.map(n => `"${n}"`).join(', ')}, which ${unknown.length > 1 ? 'are not dependencies' : 'is not a dependency'} of the sensor: it logs "Dependency expression and dependency list do not match" and never runs the trigger`);
  }
  return {
    text,
    names,
    requiresAnd: text.includes('&'),
    holds(received: ReadonlySet<string>): boolean {
      const parameters: { [name: string]: boolean } = {};
      for (const n of names) parameters[n] = received.has(n);
      return compiled.evaluate(parameters) === true;
    },
  };
}
