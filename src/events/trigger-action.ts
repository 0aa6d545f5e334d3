import { Workflow } from '../workflows/workflow';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { awsLambdaAction, AwsLambdaTriggerOptions, azureEventHubsAction, AzureEventHubsTriggerOptions, azureServiceBusAction, AzureServiceBusTriggerOptions } from './cloud-triggers';
import { customAction, CustomTriggerOptions, openWhiskAction, OpenWhiskTriggerOptions } from './function-triggers';
import { httpAction, HttpTriggerOptions } from './http-trigger';
import { kafkaAction, KafkaTriggerOptions, natsAction, NatsTriggerOptions, pulsarAction, PulsarTriggerOptions } from './messaging-triggers';
import { emailAction, EmailTriggerOptions, slackAction, SlackTriggerOptions } from './notification-triggers';
import { KubernetesAction, KubernetesTriggerOptions, WorkflowOperation, WorkflowOperationAction, WorkflowOperationTarget } from './resource-trigger-actions';
import { TemplateAction } from './template-action';
import { ITriggerAction, SensorPermission, TriggerActionTemplate } from './trigger-binding';
import { TriggerResource } from './trigger-resource';
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
 * The trigger actions of Argo Events v1.9.11, typed (`ITriggerAction`s): submit or operate on
 * workflows, create Kubernetes objects, call HTTP, publish to Kafka, NATS or Pulsar, invoke AWS
 * Lambda, Azure Event Hubs or Service Bus, OpenWhisk, post to Slack, send an email, call a
 * custom trigger server, or log; `fromL1` takes any template of the generated types. Each
 * grants the sensor exactly what it calls on the Kubernetes API (only the workflow and
 * Kubernetes actions call it: the others' secrets are mounted in the sensor pod).
 */
export class TriggerAction {
  /**
   * Submit a workflow: from a WorkflowTemplate (or ClusterWorkflowTemplate) by reference, from
   * a `Workflow` construct of the sensor's `resourceScope` (inline, typed and checked), or from a
   * source read when the trigger fires (`TriggerResource.fromGit(...)`...). Event fields map onto
   * its parameters by object. The sensor gets create/list on workflows and get on the templates
   * the workflow references.
   */
  public static submitWorkflow(workflow: IWorkflowTemplate | Workflow | TriggerResource, options: SubmitWorkflowOptions = {}): ITriggerAction {
    if (workflow instanceof Workflow) return SubmitWorkflowAction.fromWorkflow(workflow, options);
    if (workflow instanceof TriggerResource) return SubmitWorkflowAction.fromResource(workflow, options);
    return SubmitWorkflowAction.fromTemplate(workflow, options);
  }

  /**
   * Submit a workflow written in full with the generated types; parameters are matched by name in
   * `spec.arguments`. Prefer a `Workflow` construct (`submitWorkflow(new Workflow(sensor.resourceScope, ...))`).
   */
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
    return httpAction(options);
  }

  /** Publish a Kafka message. */
  public static kafka(options: KafkaTriggerOptions): ITriggerAction {
    return kafkaAction(options);
  }

  /** Publish a NATS message. */
  public static nats(options: NatsTriggerOptions): ITriggerAction {
    return natsAction(options);
  }

  /** Publish an Apache Pulsar message. */
  public static pulsar(options: PulsarTriggerOptions): ITriggerAction {
    return pulsarAction(options);
  }

  /** Invoke an AWS Lambda function. */
  public static awsLambda(options: AwsLambdaTriggerOptions): ITriggerAction {
    return awsLambdaAction(options);
  }

  /** Send an event to Azure Event Hubs. */
  public static azureEventHubs(options: AzureEventHubsTriggerOptions): ITriggerAction {
    return azureEventHubsAction(options);
  }

  /** Send a message to an Azure Service Bus queue or topic. */
  public static azureServiceBus(options: AzureServiceBusTriggerOptions): ITriggerAction {
    return azureServiceBusAction(options);
  }

  /** Invoke an Apache OpenWhisk action. */
  public static openWhisk(options: OpenWhiskTriggerOptions): ITriggerAction {
    return openWhiskAction(options);
  }

  /** Post a Slack message. */
  public static slack(options: SlackTriggerOptions): ITriggerAction {
    return slackAction(options);
  }

  /** Send an email over SMTP. */
  public static email(options: EmailTriggerOptions): ITriggerAction {
    return emailAction(options);
  }

  /** Call a custom trigger server (gRPC). */
  public static custom(options: CustomTriggerOptions): ITriggerAction {
    return customAction(options);
  }

  /** Log the event (for debugging). */
  public static log(options: LogTriggerOptions = {}): ITriggerAction {
    checkInteger('TriggerAction.log():', 'intervalSeconds', options.intervalSeconds);
    return new TemplateAction({ fields: [], render: () => ({ log: { intervalSeconds: options.intervalSeconds } }) });
  }

  /**
   * Escape hatch: any trigger template written with the generated types. Give the permissions it
   * needs on the Kubernetes API, if any; none are guessed.
   */
  public static fromL1(template: TriggerActionTemplate, permissions: readonly SensorPermission[] = []): ITriggerAction {
    return new TemplateAction({ fields: [], render: () => template, permissions });
  }

  private constructor() {}
}
