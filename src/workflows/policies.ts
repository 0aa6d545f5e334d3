import { Duration } from 'cdk8s';
import * as l1 from '../../imports/argo-workflows';
import { IConfigMapRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { Condition } from './expressions';

/**
 * A duration for Argo fields (`timeout`, backoff, suspend, podGC delay): a cdk8s `Duration`
 * (rendered in seconds, e.g. `30s`) or Argo's own string form (`"30s"`, `"2m"`, `"20"` meaning
 * seconds, or a `{{...}}` variable).
 */
export type ArgoDuration = Duration | string;

/** @internal */
export function renderDuration(d: ArgoDuration | undefined): string | undefined {
  if (d === undefined || typeof d === 'string') return d;
  return `${d.toSeconds()}s`;
}

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
   * Retry only while this expression holds (read `TemplateVariables.lastRetryExitCode`...).
   * @default - always
   */
  readonly expression?: Condition;
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

/** @internal */
export function renderRetryStrategy(r: RetryStrategyProps | undefined): l1.RetryStrategy | undefined {
  if (!r) return undefined;
  return {
    limit: r.limit,
    retryPolicy: r.retryPolicy,
    expression: r.expression?.renderExpression(),
    backoff: r.backoff ? {
      duration: renderDuration(r.backoff.duration),
      factor: r.backoff.factor,
      maxDuration: renderDuration(r.backoff.maxDuration),
      cap: renderDuration(r.backoff.cap),
    } : undefined,
    affinity: r.avoidPreviousNodes ? { nodeAntiAffinity: {} } : undefined,
  };
}

/** When Argo deletes the pods of a workflow (rule W38). */
export enum PodGcStrategy {
  /** Each pod when it completes. */
  ON_POD_COMPLETION = 'OnPodCompletion',
  /** Each pod when it succeeds. */
  ON_POD_SUCCESS = 'OnPodSuccess',
  /** All pods when the workflow completes. */
  ON_WORKFLOW_COMPLETION = 'OnWorkflowCompletion',
  /** All pods when the workflow succeeds. */
  ON_WORKFLOW_SUCCESS = 'OnWorkflowSuccess',
}

/** Pod garbage collection. */
export interface PodGcProps {
  /** When pods are deleted. */
  readonly strategy: PodGcStrategy;
  /**
   * Wait this long before deleting.
   * @default - immediately
   */
  readonly deleteDelayDuration?: ArgoDuration;
  /**
   * Only pods with these labels.
   * @default - all pods
   */
  readonly matchLabels?: { [key: string]: string };
}

/** @internal */
export function renderPodGc(p: PodGcProps | undefined): l1.PodGc | undefined {
  if (!p) return undefined;
  return { strategy: p.strategy, deleteDelayDuration: renderDuration(p.deleteDelayDuration), labelSelector: p.matchLabels ? { matchLabels: p.matchLabels } : undefined };
}

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

/** A mutex a workflow or template holds while it runs (`synchronization.mutexes`). */
export class WorkflowMutex {
  /**
   * A mutex by name, shared by every holder using that name.
   * @param namespace namespace of the mutex (default: the workflow's)
   */
  public static named(name: string, namespace?: string): WorkflowMutex {
    return new WorkflowMutex({ name, namespace });
  }

  /** A mutex stored in the controller's database (shared across clusters). */
  public static database(name: string): WorkflowMutex {
    return new WorkflowMutex({ name, database: true });
  }

  private constructor(/** @internal */ public readonly _mutex: l1.Mutex) {}
}

/** A semaphore a workflow or template acquires while it runs (`synchronization.semaphores`). */
export class WorkflowSemaphore {
  /** The limit is the value of a ConfigMap key. */
  public static fromConfigMap(configMap: IConfigMapRef, key: string): WorkflowSemaphore {
    expectKind(configMap, 'ConfigMap', 'WorkflowSemaphore.fromConfigMap()');
    return new WorkflowSemaphore({ configMapKeyRef: { name: configMap.name, key } });
  }

  /** A semaphore stored in the controller's database. */
  public static database(key: string): WorkflowSemaphore {
    return new WorkflowSemaphore({ database: { key } });
  }

  private constructor(/** @internal */ public readonly _semaphore: l1.SemaphoreRef) {}
}

/** Locks held while running; emitted with the plural fields valid in Argo 3.6+ and 4.x. */
export interface SynchronizationProps {
  /**
   * Mutexes to hold.
   * @default - none
   */
  readonly mutexes?: WorkflowMutex[];
  /**
   * Semaphores to acquire.
   * @default - none
   */
  readonly semaphores?: WorkflowSemaphore[];
}

/** @internal */
export function renderSynchronization(s: SynchronizationProps | undefined): l1.Synchronization | undefined {
  if (!s || (!s.mutexes?.length && !s.semaphores?.length)) return undefined;
  return { mutexes: s.mutexes?.map(m => m._mutex), semaphores: s.semaphores?.map(m => m._semaphore) };
}

/** Labels and annotations added to pods (or workflows). */
export interface MetadataProps {
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}
