import { TriggerParameter, TriggerParameterSource, TriggerTemplate } from '../../imports/argo-events';
import { IServiceAccountRef } from '../core/object-refs';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { EventField } from './event-field';
import { HttpTriggerOptions, KafkaTriggerOptions, SlackTriggerOptions, TemplateAction } from './message-trigger-actions';
import { KubernetesAction, KubernetesTriggerOptions, WorkflowOperation, WorkflowOperationAction, WorkflowOperationTarget } from './resource-trigger-actions';
import { SubmitWorkflowAction, SubmitWorkflowOptions, WorkflowManifest } from './workflow-trigger-actions';

/** Options of a log trigger. */
export interface LogTriggerOptions {
  /**
   * Log at most one event per interval.
   * @default - every event
   */
  readonly intervalSeconds?: number;
}

/** A permission a trigger needs on the Kubernetes API, granted to the sensor's service account. */
export interface SensorPermission {
  /** API group (`''` for the core group, `argoproj.io`...). */
  readonly apiGroup: string;
  /** Resource (plural), e.g. `workflows`. */
  readonly resource: string;
  /** Verbs, e.g. `create`; never `*`. */
  readonly verbs: readonly string[];
  /**
   * True for a cluster-scoped resource (granted through a ClusterRole).
   * @default false
   */
  readonly clusterScoped?: boolean;
}

/** Turns an event field into the `src` of a trigger parameter (the sensor resolves the dependency). */
export type FieldResolver = (field: EventField) => TriggerParameterSource;

/** The action part of a trigger template: everything except name and conditions. */
export type TriggerActionTemplate = Omit<TriggerTemplate, 'name' | 'conditions' | 'conditionsReset'>;

/** What a trigger action needs from the sensor it is added to. @internal */
export interface TriggerBindContext {
  /** `metadata.name` of the sensor. */
  readonly sensorName: string;
  /** `metadata.namespace` of the sensor, if set. */
  readonly sensorNamespace?: string;
  /** Path of the trigger in the manifest, for messages (`spec.triggers[0].template`). */
  readonly path: string;
  /** True when the trigger has a Kubernetes label policy (the sensor then reads the resource). */
  readonly hasResourcePolicy: boolean;
  /** Grants the sensor's service account permissions. */
  grant(permissions: readonly SensorPermission[]): void;
  /** Service account submitted workflows run as when they name none; undefined when the sensor manages no workflow RBAC. */
  defaultWorkflowServiceAccount(): string | undefined;
  /** Lets a service account write workflowtaskresults (the Argo executor's requirement). */
  grantExecutor(serviceAccount: string | IServiceAccountRef): void;
}

/** An action bound to one trigger of one sensor. @internal */
export interface BoundTriggerAction {
  /** Every event field the action reads (the sensor checks they resolve). */
  readonly fields: readonly EventField[];
  /** Renders the action part of the trigger template. */
  render(resolve: FieldResolver): TriggerActionTemplate;
  /** Trigger-level parameters the action adds (dest paths into the template it renders). */
  readonly triggerParameters?: (resolve: FieldResolver) => TriggerParameter[];
  /** Problems in the action's configuration, as messages (path relative to the trigger template). */
  validate(): string[];
}

/**
 * What a trigger does: submit a workflow, create a Kubernetes object, call a URL, post to Slack
 * or Kafka... Create one with the static factories of `TriggerAction`.
 */
export abstract class TriggerAction {
  /**
   * Submit a workflow from a WorkflowTemplate (or ClusterWorkflowTemplate) construct or
   * reference, mapping event fields onto its parameters by parameter object.
   * The sensor gets create/list on workflows and get on the template kind.
   */
  public static submitWorkflow(template: IWorkflowTemplate, options: SubmitWorkflowOptions = {}): TriggerAction {
    return SubmitWorkflowAction.fromTemplate(template, options);
  }

  /** Submit a workflow written in full (templates inline); parameters are matched by name in `spec.arguments`. */
  public static submitWorkflowSpec(workflow: WorkflowManifest, options: SubmitWorkflowOptions = {}): TriggerAction {
    return SubmitWorkflowAction.fromManifest(workflow, options);
  }

  /** Run an argo CLI operation (resume, stop, submit-from...) on a named workflow, template or cron workflow. */
  public static workflowOperation(operation: WorkflowOperation, target: WorkflowOperationTarget): TriggerAction {
    return new WorkflowOperationAction(operation, target);
  }

  /** Create, update, patch or delete a Kubernetes object; the sensor gets exactly those verbs on its resource. */
  public static kubernetes(options: KubernetesTriggerOptions): TriggerAction {
    return new KubernetesAction(options);
  }

  /** Send an HTTP request. */
  public static http(options: HttpTriggerOptions): TriggerAction {
    return TemplateAction.http(options);
  }

  /** Post a Slack message. */
  public static slack(options: SlackTriggerOptions): TriggerAction {
    return TemplateAction.slack(options);
  }

  /** Publish a Kafka message. */
  public static kafka(options: KafkaTriggerOptions): TriggerAction {
    return TemplateAction.kafka(options);
  }

  /** Log the event (for debugging). */
  public static log(options: LogTriggerOptions = {}): TriggerAction {
    return TemplateAction.custom({ log: { intervalSeconds: options.intervalSeconds } }, []);
  }

  /**
   * Any trigger kind (Lambda, NATS, Pulsar, Azure, email, custom...) with the generated types.
   * Give the permissions it needs on the Kubernetes API, if any; none are guessed.
   */
  public static fromTemplate(template: TriggerActionTemplate, permissions: readonly SensorPermission[] = []): TriggerAction {
    return TemplateAction.custom(template, permissions);
  }

  /** @internal */
  public abstract _bind(ctx: TriggerBindContext): BoundTriggerAction;
}
