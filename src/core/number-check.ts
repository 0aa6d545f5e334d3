import { IConstruct } from 'constructs';

/** What a numeric prop must be, besides a finite integer. */
export interface IntegerRange {
  /** Smallest value accepted. */
  readonly min?: number;
  /** Largest value accepted. */
  readonly max?: number;
  /** What Kubernetes or Argo does with a value out of range, e.g. `Argo Events runs one pod for any value below 1`. */
  readonly outOfRange?: string;
}

/**
 * Checks a prop that Kubernetes or Argo decodes as an integer, where the construct takes it:
 * a number, finite (JSON has no NaN or Infinity; cdk8s writes `.nan` and `.inf`, which kubectl
 * refuses), whole, and inside `range` when given. Throws naming the construct path and the
 * field (or the factory, for values made without a scope). Strings (variables such as `{{inputs.parameters.n}}`) and undefined are left to the rules.
 * Ranges the full CRDs set (parallelism >= 1, startingDeadlineSeconds >= 0) are left to the
 * synth-time CRD check, which a cluster with Argo's minimal CRDs can turn off (`Lint.configure`).
 * @internal
 */
export function checkInteger(where: IConstruct | string, field: string, value: unknown, range: IntegerRange = {}, allowString = false): void {
  if (value === undefined || (allowString && typeof value === 'string')) return;
  const fail = (problem: string, fix: string) => {
    throw new Error(`${typeof where === 'string' ? where : `[${where.node.path}]`} ${field}: ${problem}. ${fix}`);
  };
  if (typeof value !== 'number') {
    fail(`must be a number, got ${describe(value)}: Kubernetes and Argo decode ${field} as an integer and refuse the manifest`,
      allowString ? 'Pass a number, or a string holding an integer or a {{...}} variable.' : 'Pass a number.');
    return;
  }
  if (!Number.isFinite(value)) {
    fail(`is ${value}: JSON has no NaN or Infinity (cdk8s would write ${Number.isNaN(value) ? '".nan"' : '".inf"'}), so kubectl refuses the manifest`,
      'Compute a finite value (a NaN usually comes from parsing a missing setting).');
  }
  if (!Number.isInteger(value)) {
    fail(`is ${value}, not an integer: Kubernetes and Argo decode ${field} as an integer, so kubectl apply refuses a fraction`, `Round it, e.g. to ${Math.round(value)}.`);
  }
  const { min, max } = range;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const bounds = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
    fail(`is ${value}${range.outOfRange ? `: ${range.outOfRange}` : ''}`, `Give an integer ${bounds}.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value;
}
