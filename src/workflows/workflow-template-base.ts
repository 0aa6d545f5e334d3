import { Construct } from 'constructs';
import { IServiceAccountRef } from '../core/object-refs';
import { WorkflowSpecBase } from './workflow-spec';
import { RunArguments, WorkflowSpecProps } from './workflow-spec-props';
import { IWorkflowTemplate } from './workflow-template-ref';

/** What WorkflowTemplate and ClusterWorkflowTemplate share: a template library others reference. */
export abstract class WorkflowTemplateBase extends WorkflowSpecBase implements IWorkflowTemplate {
  /** True for a ClusterWorkflowTemplate. */
  public abstract readonly clusterScope: boolean;
  /** `metadata.namespace`, if any. */
  public abstract readonly namespace?: string;

  constructor(scope: Construct, id: string, private readonly templateProps: WorkflowSpecProps & RunArguments) {
    super(scope, id, templateProps);
  }

  /** `metadata.name`. */
  public get name(): string {
    return this.apiObject.name;
  }

  /** The ServiceAccount workflows of this template run as, if set. */
  public get serviceAccount(): IServiceAccountRef | undefined {
    return this.templateProps.serviceAccount;
  }

  /** `spec.serviceAccountName`, if set. */
  public get serviceAccountName(): string | undefined {
    return this.templateProps.serviceAccount?.name;
  }

  protected check(): string[] {
    return [...super.check(), ...this.checkArgumentValues(this.templateProps.arguments)];
  }

  /** This template library, which other workflows call through templateRef. */
  public override get asWorkflowTemplate(): IWorkflowTemplate {
    return this;
  }
}
