import { IConstruct } from 'constructs';
import { checkInteger } from '../core/number-check';

/** How long a finished workflow is kept. */
export interface TtlStrategyProps {
  /**
   * Delete this long after completion, whatever the outcome.
   * @default - kept
   */
  readonly secondsAfterCompletion?: number;
  /**
   * Delete this long after success.
   * @default - kept
   */
  readonly secondsAfterSuccess?: number;
  /**
   * Delete this long after failure.
   * @default - kept
   */
  readonly secondsAfterFailure?: number;
}

/** Checks the seconds of a TTL strategy where the workflow takes it. @internal */
export function checkTtlStrategy(scope: IConstruct, t: TtlStrategyProps | undefined): void {
  for (const field of ['secondsAfterCompletion', 'secondsAfterSuccess', 'secondsAfterFailure'] as const) {
    checkInteger(scope, `ttlStrategy.${field}`, t?.[field]);
  }
}
