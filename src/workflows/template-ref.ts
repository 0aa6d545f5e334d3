import { InputArtifact, OutputArtifact } from './artifacts';
import { InputParameter, OutputParameter } from './parameters';
import { IWorkflowTemplate } from './workflow-template-ref';

/**
 * A template a step, task, hook or exit handler can run: one added to a workflow in the app, or
 * one of a WorkflowTemplate that lives only in the cluster (`WorkflowTemplate.fromName(...).template(...)`).
 */
export interface ITemplate {
  /** The template name (`spec.templates[].name`). */
  readonly name: string;
  /**
   * The WorkflowTemplate or ClusterWorkflowTemplate holding it, so other workflows call it
   * through `templateRef`.
   * @default - none: a template of a Workflow or CronWorkflow, callable only from there
   */
  readonly workflowTemplate?: IWorkflowTemplate;
  /** Declared input parameters. */
  readonly inputParameters: readonly InputParameter[];
  /** Declared input artifacts. */
  readonly inputArtifacts: readonly InputArtifact[];
  /** Declared output parameters. */
  readonly outputParameters: readonly OutputParameter[];
  /** Declared output artifacts. */
  readonly outputArtifacts: readonly OutputArtifact[];
  /** False when inputs and outputs are unknown (a template that lives only in the cluster): calls are not checked against them. */
  readonly interfaceKnown: boolean;
}

/** Anything declarable in a template's `inputs`. */
export type TemplateInput = InputParameter | InputArtifact;
/** Anything declarable in a template's `outputs`. */
export type TemplateOutput = OutputParameter | OutputArtifact;
