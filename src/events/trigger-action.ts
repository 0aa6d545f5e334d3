import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { HttpTriggerOptions, KafkaTriggerOptions, SlackTriggerOptions, TemplateAction } from './message-trigger-actions';
import { KubernetesAction, KubernetesTriggerOptions, WorkflowOperation, WorkflowOperationAction, WorkflowOperationTarget } from './resource-trigger-actions';
import { ITriggerAction, SensorPermission, TriggerActionTemplate } from './trigger-binding';
import { SubmitWorkflowAction, SubmitWorkflowOptions, WorkflowManifest } from './workflow-trigger-actions';
import { checkInteger } from '../core/number-check';

/** Options of a log trigger. */
export interface LogTriggerOptions {
  /**
   * Log at most one event per interval.
   * @default - every event
   */
  readonly intervalSeconds?: number;
}

/**
 * The trigger actions this library knows (`ITriggerAction`s): submit a workflow, create a
 * Kubernetes object, call a URL, post to Slack or Kafka, log, or any other kind from the
 * generated types (`fromL1`).
 */
export class TriggerAction {
  /**
   * Submit a workflow from a WorkflowTemplate (or ClusterWorkflowTemplate) construct or
   * reference, mapping event fields onto its parameters by parameter object.
   * The sensor gets create/list on workflows and get on the template kind.
   */
  public static submitWorkflow(template: IWorkflowTemplate, options: SubmitWorkflowOptions = {}): ITriggerAction {
    return SubmitWorkflowAction.fromTemplate(template, options);
  }

  /** Submit a workflow written in full (templates inline); parameters are matched by name in `spec.arguments`. */
  public static submitWorkflowSpec(workflow: WorkflowManifest, options: SubmitWorkflowOptions = {}): ITriggerAction {
    return SubmitWorkflowAction.fromManifest(workflow, options);
  }

  /** Run an argo CLI operation (resume, stop, submit-from...) on a named workflow, template or cron workflow. */
  public static workflowOperation(operation: WorkflowOperation, target: WorkflowOperationTarget): ITriggerAction {
    return new WorkflowOperationAction(operation, target);
  }

  /** Create, update, patch or delete a Kubernetes object; the sensor gets exactly those verbs on its resource. */
  public static kubernetes(options: KubernetesTriggerOptions): ITriggerAction {
    return new KubernetesAction(options);
  }

  /** Send an HTTP request. */
  public static http(options: HttpTriggerOptions): ITriggerAction {
    return TemplateAction.http(options);
  }

  /** Post a Slack message. */
  public static slack(options: SlackTriggerOptions): ITriggerAction {
    return TemplateAction.slack(options);
  }

  /** Publish a Kafka message. */
  public static kafka(options: KafkaTriggerOptions): ITriggerAction {
    return TemplateAction.kafka(options);
  }

  /** Log the event (for debugging). */
  public static log(options: LogTriggerOptions = {}): ITriggerAction {
    checkInteger('TriggerAction.log():', 'intervalSeconds', options.intervalSeconds);
    return TemplateAction.custom({ log: { intervalSeconds: options.intervalSeconds } }, []);
  }

  /**
   * Any trigger kind (Lambda, NATS, Pulsar, Azure, email, custom...) with the generated types.
   * Give the permissions it needs on the Kubernetes API, if any; none are guessed.
   */
  public static fromL1(template: TriggerActionTemplate, permissions: readonly SensorPermission[] = []): ITriggerAction {
    return TemplateAction.custom(template, permissions);
  }

  private constructor() {}
}
