import { K8sAffinity, K8sToleration } from '../../imports/kubernetes';
import { IConfigMapRef, IServiceAccountRef } from '../core/object-refs';
import { ArgoText } from './argo-variable';
import { ArtifactLocation } from './artifact-location';
import { ArgoDuration } from './duration';
import { MetadataProps } from './metadata-props';
import { RetryStrategyProps } from './retry-strategy';
import { PodSecurityProps } from './security-context';
import { SynchronizationProps } from './synchronization';
import { TemplateInput, TemplateOutput } from './template-ref';
import { WorkflowVolume } from './volumes';

/** Cache a template's outputs by its inputs (`memoize`). */
export interface MemoizeProps {
  /** Cache key, usually built from input parameters. */
  readonly key: ArgoText;
  /** ConfigMap storing the cache (created by Argo if missing). */
  readonly cache: IConfigMapRef;
  /** Entries older than this are ignored, e.g. `"1h"`. */
  readonly maxAge: ArgoDuration;
}

/** Settings every template type takes. */
export interface TemplateProps {
  /**
   * Template name (`^[a-zA-Z0-9][-a-zA-Z0-9]*$`, rule W3).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Input parameters and artifacts, by object. Add more with `addInput()`/`addInputParameter()`.
   * @default - none
   */
  readonly inputs?: TemplateInput[];
  /**
   * Output parameters and artifacts, by object. Add more with `addOutput()`.
   * @default - none
   */
  readonly outputs?: TemplateOutput[];
  /**
   * Retry this template on failure.
   * @default - no retries (or the workflow's templateDefaults)
   */
  readonly retryStrategy?: RetryStrategyProps;
  /**
   * Labels and annotations of the template's pods.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
  /**
   * Node selector of the template's pods.
   * @default - the workflow's
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Tolerations of the template's pods.
   * @default - the workflow's
   */
  readonly tolerations?: K8sToleration[];
  /**
   * Affinity of the template's pods.
   * @default - the workflow's
   */
  readonly affinity?: K8sAffinity;
  /**
   * Service account of the template's pods.
   * @default - the workflow's
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Pod security context (user, group, fsGroup, seccomp...) of the template's pods.
   * @default - the workflow's
   */
  readonly securityContext?: PodSecurityProps;
  /**
   * Volumes of this template's pods (mounted volumes not declared anywhere are added here).
   * @default - none
   */
  readonly volumes?: WorkflowVolume[];
  /**
   * Mutexes and semaphores held while the template runs.
   * @default - none
   */
  readonly synchronization?: SynchronizationProps;
  /**
   * Pod priority class.
   * @default - none
   */
  readonly priorityClassName?: string;
  /**
   * Strategic merge patch applied to the pod spec (YAML or JSON text).
   * @default - none
   */
  readonly podSpecPatch?: string;
  /**
   * Cache outputs by key.
   * @default - not memoized
   */
  readonly memoize?: MemoizeProps;
  /**
   * Where Argo archives this template's logs and outputs.
   * @default - the workflow's artifact repository
   */
  readonly archiveLocation?: ArtifactLocation;
}

/**
 * Settings of leaf templates (container, script, resource, suspend, HTTP, containerSet): Argo
 * rejects them on steps and DAG templates (rules W11, W13), so those props do not offer them.
 */
export interface LeafTemplateProps extends TemplateProps {
  /**
   * Fail the node after this duration, e.g. `Duration.minutes(5)` or `"30s"` (rule W13).
   * @default - no timeout
   */
  readonly timeout?: ArgoDuration;
  /**
   * Fail the node after this many seconds of running: an integer >= 0 or a variable (rule W12).
   * @default - no deadline
   */
  readonly activeDeadlineSeconds?: number | string;
}
