import * as l1 from '../../imports/argo-workflows';
import { ArgoDuration, renderDuration } from './duration';

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
