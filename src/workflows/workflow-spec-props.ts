import { ApiObjectMetadata } from 'cdk8s';
import { K8sAffinity, K8sToleration } from '../../imports/kubernetes';
import { IConfigMapRef, ISecretRef, IServiceAccountRef } from '../core/object-refs';
import { ArgoText, ArgoVariable } from './argo-variable';
import { ArtifactGcProps } from './artifacts';
import { CallArgument, CallArguments } from './call';
import { Condition } from './condition';
import { ComputeResources, PodResourceClaim } from './container-resources';
import { ContainerSpecProps } from './container-template';
import { ArgoDuration } from './duration';
import { MetadataProps } from './metadata-props';
import { WorkflowMetric } from './metrics';
import { PodGcProps } from './pod-gc';
import { RetryStrategyProps } from './retry-strategy';
import { PodSecurityProps } from './security-context';
import { SynchronizationProps } from './synchronization';
import { PodHostAlias } from './template-props';
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
   * Labels computed at run time from expr-lang expressions over workflow variables: a variable
   * (`param` renders `workflow.parameters.<name>`), an `argoExpr` (`sprig.upper(...)`), or expr-lang text.
   * @default - none
   */
  readonly labelsFrom?: { [key: string]: ArgoVariable<'global'> | string };
}

/** Where Argo stores artifacts: a key of an artifact-repositories ConfigMap. */
export interface ArtifactRepositoryRefProps {
  /**
   * The ConfigMap holding repository definitions.
   * @default - the namespace's `artifact-repositories` ConfigMap
   */
  readonly configMap?: IConfigMapRef;
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
  /**
   * Priority of the workflow among the controller's queued workflows (`{{workflow.priority}}`).
   * @default - 0
   */
  readonly priority?: number;
  /**
   * Prometheus metrics emitted for the workflow (read `WorkflowVariables.duration`, `.status`).
   * @default - none
   */
  readonly metrics?: WorkflowMetric[];
  /**
   * When Argo deletes the workflow's output artifacts (each artifact may override it).
   * @default - never
   */
  readonly artifactGc?: WorkflowArtifactGcProps;
  /**
   * When Argo deletes the PersistentVolumeClaims of `volumeClaimTemplates`.
   * @default - VolumeClaimGcStrategy.ON_WORKFLOW_SUCCESS
   */
  readonly volumeClaimGc?: VolumeClaimGcStrategy;
  /**
   * DNS settings of every pod.
   * @default - the cluster's
   */
  readonly dnsConfig?: DnsConfigProps;
  /**
   * DNS policy of every pod, e.g. `ClusterFirstWithHostNet` with `hostNetwork`.
   * @default - ClusterFirst
   */
  readonly dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /**
   * Run every pod in the node's network namespace.
   * @default false
   */
  readonly hostNetwork?: boolean;
  /**
   * Extra `/etc/hosts` entries of every pod.
   * @default - none
   */
  readonly hostAliases?: PodHostAlias[];
  /**
   * Mount the service account token into every pod.
   * @default - Kubernetes' default (true)
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Service account of Argo's executor (the `wait` and `init` containers).
   * @default - the pod's service account
   */
  readonly executorServiceAccount?: IServiceAccountRef;
  /**
   * A PodDisruptionBudget Argo creates for the workflow's pods while it runs.
   * @default - none
   */
  readonly podDisruptionBudget?: PodDisruptionBudgetProps;
  /**
   * Pod-level requests and limits of every pod (a template's own replace them).
   * @default - none
   */
  readonly podResources?: ComputeResources;
  /**
   * Dynamic resource allocation claims of every pod.
   * @default - none
   */
  readonly resourceClaims?: PodResourceClaim[];
  /**
   * Strategic merge patch applied to every pod spec (YAML or JSON text).
   * @default - none
   */
  readonly podSpecPatch?: ArgoText;
  /**
   * Scheduler of every pod.
   * @default - the default scheduler
   */
  readonly schedulerName?: string;
}

/** When Argo deletes the PVCs it created from `volumeClaimTemplates`. */
export enum VolumeClaimGcStrategy {
  /** When the workflow completes, whatever its outcome. */
  ON_WORKFLOW_COMPLETION = 'OnWorkflowCompletion',
  /** When the workflow succeeds (failed runs keep them for inspection). */
  ON_WORKFLOW_SUCCESS = 'OnWorkflowSuccess',
}

/** Garbage collection of a workflow's output artifacts. */
export interface WorkflowArtifactGcProps extends ArtifactGcProps {
  /**
   * Strategic merge patch applied to the pods that delete the artifacts.
   * @default - none
   */
  readonly podSpecPatch?: ArgoText;
  /**
   * Remove the workflow's finalizer even if deleting artifacts failed.
   * @default false
   */
  readonly forceFinalizerRemoval?: boolean;
}

/** DNS settings of a pod. */
export interface DnsConfigProps {
  /**
   * Name servers.
   * @default - none
   */
  readonly nameservers?: string[];
  /**
   * Search domains.
   * @default - none
   */
  readonly searches?: string[];
  /**
   * Resolver options, e.g. `{ ndots: '2' }` (an option without value: `{ 'edns0': undefined }`).
   * @default - none
   */
  readonly options?: { [name: string]: string | undefined };
}

/** The PodDisruptionBudget of a workflow's pods: give one of minAvailable and maxUnavailable. */
export interface PodDisruptionBudgetProps {
  /**
   * Pods that must stay available (a number or a percentage).
   * @default - none
   */
  readonly minAvailable?: number | string;
  /**
   * Pods that may be disrupted (a number or a percentage).
   * @default - none
   */
  readonly maxUnavailable?: number | string;
}

/** What a Workflow or CronWorkflow passes to the workflow it runs (`spec.arguments`). */
export interface RunArguments {
  /**
   * Values for the parameters of the WorkflowTemplate it runs (`[size.set('grande')]`), or for
   * the inputs of its entrypoint (`[kubectl.from(ArtifactLocation.http({ url }))]`), each made
   * from the parameter or input object. Declare the workflow's own parameters with `addArgument()`.
   * @default - none
   */
  readonly arguments?: CallArgument[];
}

/** Options of `setOnExit()`. */
export interface ExitHandlerOptions extends CallArguments {
  /**
   * Run the handler only when this holds, e.g. `WorkflowVariables.status.ne(WorkflowPhase.SUCCEEDED)`.
   * Argo has no `when` on templates, so a steps template (named `wrapperName`) is generated whose
   * single step carries the condition.
   * @default - always
   */
  readonly when?: Condition<'global' | 'inputs' | 'node'>;
  /**
   * Name of the generated wrapper steps template (when one is needed).
   * @default 'exit-handler'
   */
  readonly wrapperName?: string;
}
