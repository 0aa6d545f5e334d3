import * as l1 from '../../imports/argo-workflows';
import { Condition } from './condition';
import { ArgoDuration, renderDuration } from './duration';
import { IConstruct } from 'constructs';
import { checkInteger } from '../core/number-check';

/** Which failures a retryStrategy retries (rule W37). */
export enum RetryPolicy {
  /** Every failure and error. */
  ALWAYS = 'Always',
  /** Failed steps (non-zero exit) only. Argo's default. */
  ON_FAILURE = 'OnFailure',
  /** Errors (e.g. pod deleted) only. */
  ON_ERROR = 'OnError',
  /** Transient errors (matching the controller's transient pattern) only. */
  ON_TRANSIENT_ERROR = 'OnTransientError',
}

/** Backoff between retries. */
export interface RetryBackoff {
  /**
   * Wait before the first retry.
   * @default - no wait
   */
  readonly duration?: ArgoDuration;
  /**
   * Multiplier applied to the wait after each retry.
   * @default - constant wait
   */
  readonly factor?: number | string;
  /**
   * Longest total time spent retrying.
   * @default - unbounded
   */
  readonly maxDuration?: ArgoDuration;
  /**
   * Longest single wait.
   * @default - unbounded
   */
  readonly cap?: ArgoDuration;
}

/** How a template, or every template of a workflow, is retried. */
export interface RetryStrategyProps {
  /**
   * Maximum number of retries (a number, or a string such as `"10"` or a variable).
   * @default - unlimited
   */
  readonly limit?: number | string;
  /**
   * Which failures to retry.
   * @default RetryPolicy.ON_FAILURE
   */
  readonly retryPolicy?: RetryPolicy;
  /**
   * Retry only while this expression holds. It reads `TemplateVariables.retries` and
   * `lastRetry*` (bound by Argo while it decides), and the template's inputs and workflow variables
   * (substituted as text before): `Condition.and(TemplateVariables.lastRetryExitCode.gt(1), safe.eq(true))`
   * renders `asInt(lastRetry.exitCode) > 1 && {{inputs.parameters.safe}} == true`. Outputs of steps
   * and tasks are not in scope, so a condition reading them does not compile.
   * @default - always
   */
  readonly expression?: Condition<'retry' | 'inputs' | 'global'>;
  /**
   * Backoff between retries.
   * @default - none
   */
  readonly backoff?: RetryBackoff;
  /**
   * Avoid the nodes of previous attempts.
   * @default false
   */
  readonly avoidPreviousNodes?: boolean;
}

/** @internal What Argo would fail on at run time in a retry strategy (variables out of scope), with paths below it. */
export function retryStrategyProblems(r: RetryStrategyProps | undefined): { subPath: string; message: string }[] {
  return (r?.expression?._problems('retry') ?? []).map(message => ({ subPath: '.retryStrategy.expression', message }));
}

/** Checks the numbers of a retry strategy where the construct takes it (`field`: where it is, e.g. `retryStrategy`). @internal */
export function checkRetryStrategy(scope: IConstruct, field: string, r: RetryStrategyProps | undefined): void {
  checkInteger(scope, `${field}.limit`, r?.limit, {}, true);
  // Argo decodes backoff.factor as an int-or-string: a fraction or NaN is refused on apply.
  checkInteger(scope, `${field}.backoff.factor`, r?.backoff?.factor, {}, true);
}

/** @internal */
export function renderRetryStrategy(r: RetryStrategyProps | undefined): l1.RetryStrategy | undefined {
  if (!r) return undefined;
  return {
    limit: r.limit,
    retryPolicy: r.retryPolicy,
    expression: r.expression?._render('retry'),
    backoff: r.backoff ? {
      duration: renderDuration(r.backoff.duration),
      factor: r.backoff.factor,
      maxDuration: renderDuration(r.backoff.maxDuration),
      cap: renderDuration(r.backoff.cap),
    } : undefined,
    affinity: r.avoidPreviousNodes ? { nodeAntiAffinity: {} } : undefined,
  };
}
