import type { IServiceAccountRef } from '../core/object-refs';

/**
 * A workflow-level parameter (`spec.arguments.parameters[]`) of a WorkflowTemplate, as an object:
 * pass it where a parameter is meant instead of its name.
 */
export interface IWorkflowParameter {
  /** The parameter name, `spec.arguments.parameters[].name`. */
  readonly name: string;
}

/**
 * A WorkflowTemplate or ClusterWorkflowTemplate that workflows can run through
 * `workflowTemplateRef` or `templateRef`: one defined in the app, or one that lives only in
 * the cluster (`WorkflowTemplate.fromName`).
 */
export interface IWorkflowTemplate {
  /** `metadata.name` of the template object. */
  readonly name: string;
  /**
   * `metadata.namespace`, if the template sets one.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
  /** True for a ClusterWorkflowTemplate (references need `clusterScope: true`). */
  readonly clusterScope: boolean;
  /**
   * `spec.serviceAccountName` of the template, if set.
   * @default - none
   */
  readonly serviceAccountName?: string;
  /**
   * The ServiceAccount object behind `serviceAccountName`, when the app defines or imports it.
   * @default - none
   */
  readonly serviceAccount?: IServiceAccountRef;
  /** Workflow-level parameters (`spec.arguments.parameters`), in declaration order. */
  readonly parameters: readonly IWorkflowParameter[];
}
