import { ApiObjectMetadata } from 'cdk8s';
import { K8sAffinity, K8sToleration } from '../../imports/kubernetes';
import { IConfigMapRef, ISecretRef, IServiceAccountRef } from '../core/object-refs';
import { ArgoText } from './argo-variable';
import { CallArguments } from './call';
import { Condition } from './condition';
import { ContainerSpecProps } from './container-template';
import { ArgoDuration } from './duration';
import { MetadataProps } from './metadata-props';
import { PodGcProps } from './pod-gc';
import { RetryStrategyProps } from './retry-strategy';
import { PodSecurityProps } from './security-context';
import { SynchronizationProps } from './synchronization';
import { TtlStrategyProps } from './ttl-strategy';
import { WorkflowVolume } from './volumes';
import { PodSecurity } from '../core/pod-security';

/** Defaults applied by Argo to every template of the workflow (`templateDefaults`). */
export interface TemplateDefaultsProps {
  /**
   * Container defaults (image, env, envFrom, resources...) merged into container and script templates.
   * @default - none
   */
  readonly container?: ContainerSpecProps;
  /**
   * Default retry strategy.
   * @default - none
   */
  readonly retryStrategy?: RetryStrategyProps;
  /**
   * Default timeout of leaf templates.
   * @default - none
   */
  readonly timeout?: ArgoDuration;
  /**
   * Default deadline of leaf templates, in seconds.
   * @default - none
   */
  readonly activeDeadlineSeconds?: number | string;
  /**
   * Default pod labels and annotations.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
}

/** Workflow metadata set on each run (`workflowMetadata`). */
export interface WorkflowMetadataProps extends MetadataProps {
  /**
   * Labels computed at run time from expressions.
   * @default - none
   */
  readonly labelsFrom?: { [key: string]: Condition | ArgoText };
}

/** Where Argo stores artifacts: a key of an artifact-repositories ConfigMap. */
export interface ArtifactRepositoryRefProps {
  /** The ConfigMap holding repository definitions. */
  readonly configMap: IConfigMapRef;
  /**
   * The key in it.
   * @default - the ConfigMap's default-repository annotation
   */
  readonly key?: string;
}

/** Workflow-level settings shared by Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow. */
export interface WorkflowSpecProps {
  /**
   * Object metadata (name, namespace, labels, annotations).
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Service account of the workflow's pods.
   * @default - the namespace's default service account
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Defaults for every template.
   * @default - none
   */
  readonly templateDefaults?: TemplateDefaultsProps;
  /**
   * Retry strategy of the whole workflow (each template may set its own).
   * @default - none
   */
  readonly retryStrategy?: RetryStrategyProps;
  /**
   * Fail the workflow after this many seconds.
   * @default - no deadline
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Maximum number of pods running at once.
   * @default - unlimited
   */
  readonly parallelism?: number;
  /**
   * Mutexes and semaphores held by the whole workflow.
   * @default - none
   */
  readonly synchronization?: SynchronizationProps;
  /**
   * When pods are deleted.
   * @default - kept
   */
  readonly podGc?: PodGcProps;
  /**
   * When finished workflows are deleted.
   * @default - kept
   */
  readonly ttlStrategy?: TtlStrategyProps;
  /**
   * Volumes shared by every template (add more with `addVolume()`).
   * @default - none
   */
  readonly volumes?: WorkflowVolume[];
  /**
   * Labels and annotations of every pod.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
  /**
   * Node selector of every pod.
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Tolerations of every pod.
   * @default - none
   */
  readonly tolerations?: K8sToleration[];
  /**
   * Affinity of every pod.
   * @default - none
   */
  readonly affinity?: K8sAffinity;
  /**
   * Pod security context of every pod (user, group, fsGroup, seccomp...); a template's own replaces it.
   * @default - none
   */
  readonly securityContext?: PodSecurityProps;
  /**
   * Pod Security level of the pods of every template (a template may set its own): by default
   * each pod meets "restricted" (non-root user 8737 unless set, RuntimeDefault seccomp, no
   * privilege escalation, all capabilities dropped) and a setting that breaks it fails the synth.
   * Argo's own init and wait containers take their container settings from the controller's
   * executor configuration (see docs/security.md).
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
  /**
   * Artifact repository to use.
   * @default - the controller's default repository
   */
  readonly artifactRepositoryRef?: ArtifactRepositoryRefProps;
  /**
   * Labels and annotations of each run.
   * @default - none
   */
  readonly workflowMetadata?: WorkflowMetadataProps;
  /**
   * Archive the logs of every pod as artifacts.
   * @default - the controller's setting
   */
  readonly archiveLogs?: boolean;
  /**
   * Secrets used to pull images.
   * @default - none
   */
  readonly imagePullSecrets?: ISecretRef[];
  /**
   * Priority class of every pod.
   * @default - none
   */
  readonly podPriorityClassName?: string;
}

/** Options of `setOnExit()`. */
export interface ExitHandlerOptions extends CallArguments {
  /**
   * Run the handler only when this holds, e.g. `WorkflowVariables.status.ne(WorkflowPhase.SUCCEEDED)`.
   * Argo has no `when` on templates, so a steps template (named `wrapperName`) is generated whose
   * single step carries the condition.
   * @default - always
   */
  readonly when?: Condition;
  /**
   * Name of the generated wrapper steps template (when one is needed).
   * @default 'exit-handler'
   */
  readonly wrapperName?: string;
}
