import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ITemplate } from './template-ref';
import { WorkflowVolume } from './volumes';
import { IWorkflowTemplate } from './workflow-template-ref';
import { PodSecurity } from '../core/pod-security';
import { PodSecurityProps } from './security-context';

/** Marks the objects that hold templates (the brand `isTemplateHost` checks for untyped callers). */
export const TEMPLATE_HOST: unique symbol = Symbol.for('cdk8s-argo.TemplateHost');

/**
 * What a template needs from the object holding it: a Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate or CronWorkflow (`WorkflowSpecBase` implements it). Templates are
 * created in its scope (`new ContainerTemplate(workflow, 'id', props)` or `addContainerTemplate`)
 * and are its templates in the order they were created.
 */
export interface ITemplateHost extends IConstruct {
  /** Brand of a template host. */
  readonly [TEMPLATE_HOST]: true;
  /** The API object whose manifest holds the templates. */
  readonly apiObject: ApiObject;
  /** `Kind/name` of that manifest as findings print it (`Kind/prefix*` when it is named by generateName). */
  readonly objectLabel: string;
  /** Field path of the templates list, e.g. `spec.templates` (`spec.workflowSpec.templates` in a CronWorkflow). */
  readonly templatesPath: string;
  /** The templates created in this scope, in order. */
  readonly templates: readonly ITemplate[];
  /** Workflow-level volumes: a template declares the volumes it mounts only when they are not among these. */
  readonly volumes: readonly WorkflowVolume[];
  /**
   * This object as a WorkflowTemplate other workflows call through `templateRef`.
   * @default - none: a Workflow or CronWorkflow, whose templates only it can call
   */
  readonly asWorkflowTemplate?: IWorkflowTemplate;
  /**
   * The WorkflowTemplate this object runs through `workflowTemplateRef` (its templates are then called by name).
   * @default - none: it runs its own templates
   */
  readonly runsWorkflowTemplate?: IWorkflowTemplate;
  /** The Pod Security level of the templates' pods, unless a template sets its own (`podSecurity`). */
  readonly podSecurity: PodSecurity;
  /**
   * The pod security context every pod gets (`spec.securityContext`). A template with a
   * securityContext of its own replaces it in Argo, so a template secured by default renders it too.
   * @default - none
   */
  readonly podSecurityContext?: PodSecurityProps;
}

/** True for an object holding templates (for callers without types: JavaScript, casts). */
export function isTemplateHost(value: unknown): value is ITemplateHost {
  return typeof value === 'object' && value !== null && (value as Partial<ITemplateHost>)[TEMPLATE_HOST] === true;
}
