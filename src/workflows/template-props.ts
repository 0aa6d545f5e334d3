import { K8sAffinity, K8sToleration } from '../../imports/kubernetes';
import { IConfigMapRef, IServiceAccountRef } from '../core/object-refs';
import { ArgoText } from './argo-variable';
import { ArtifactLocation } from './artifact-location';
import { ComputeResources, PodResourceClaim } from './container-resources';
import { ArgoDuration } from './duration';
import { MetadataProps } from './metadata-props';
import { WorkflowMetric } from './metrics';
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
   * Render this template inside the one step or task that calls it (`inline`) instead of in
   * `spec.templates`. It must be called exactly once, by a step or task of the same object.
   * @default false
   */
  readonly inline?: boolean;
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
  readonly podSpecPatch?: ArgoText;
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
  /**
   * Archive the logs of this template's pods (`archiveLocation.archiveLogs`).
   * @default - the workflow's and controller's setting
   */
  readonly archiveLogs?: boolean;
  /**
   * Annotations of the template's node at run time (values may hold variables); the Argo UI
   * reads `workflows.argoproj.io/display-name` (see `displayName`).
   * @default - none
   */
  readonly annotations?: { [key: string]: ArgoText };
  /**
   * Name the Argo UI shows for the node (the `workflows.argoproj.io/display-name` annotation),
   * e.g. `` `os-${image}-${tag}` ``.
   * @default - the node name
   */
  readonly displayName?: ArgoText;
  /**
   * Prometheus metrics emitted for the template's node.
   * @default - none
   */
  readonly metrics?: WorkflowMetric[];
  /**
   * Mount the service account token into the template's pods.
   * @default - the workflow's setting, else Kubernetes' (true)
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Service account of Argo's executor (the `wait` and `init` containers) in the template's pods.
   * @default - the pod's service account
   */
  readonly executorServiceAccount?: IServiceAccountRef;
  /**
   * Extra `/etc/hosts` entries of the template's pods.
   * @default - none
   */
  readonly hostAliases?: PodHostAlias[];
  /**
   * Scheduler of the template's pods.
   * @default - the workflow's, else the default scheduler
   */
  readonly schedulerName?: string;
  /**
   * Pod-level resource requests and limits (shared by the pod's containers; Kubernetes 1.32+ with the PodLevelResources gate).
   * @default - the workflow's podResources, else none
   */
  readonly podResources?: ComputeResources;
  /**
   * Dynamic resource allocation claims of the template's pods; containers use them by name (`resources.claims`).
   * @default - the workflow's
   */
  readonly resourceClaims?: PodResourceClaim[];
}

/** An `/etc/hosts` entry. */
export interface PodHostAlias {
  /** The IP address. */
  readonly ip: string;
  /** Host names for it. */
  readonly hostnames: string[];
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
  /**
   * Fail the node when its pod stays pending longer than this (counted by the controller from the node's start).
   * @default - no limit
   */
  readonly pendingTimeout?: ArgoDuration;
}
