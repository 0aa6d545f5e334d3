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
