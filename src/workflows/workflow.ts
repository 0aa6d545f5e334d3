import { JsonPatch, Lazy, Names } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { CallArguments } from './call';
import { WorkflowSpecBase } from './workflow-spec';
import { WorkflowSpecProps } from './workflow-spec-props';
import { IWorkflowTemplate } from './workflow-template-ref';

/** Props of a one-off Workflow. */
export interface WorkflowProps extends WorkflowSpecProps, CallArguments {
  /**
   * Prefix of the generated name (`metadata.generateName`); ignored when `metadata.name` is set.
   * @default - the construct path as a DNS label, plus `-`
   */
  readonly generateName?: string;
  /**
   * Run this WorkflowTemplate (`workflowTemplateRef`) instead of templates of its own (rule W8);
   * `parameters` then gives values to its workflow parameters (`{ [param.name]: value }`).
   * @default - the workflow's own templates
   */
  readonly workflowTemplate?: IWorkflowTemplate;
}

/**
 * A one-off Workflow run (`argo submit`/`kubectl create`), named by `generateName` unless a name
 * is given. Either holds its own templates (entrypoint: `setEntrypoint()`, else the first template
 * added) or runs a WorkflowTemplate by object (`workflowTemplate`).
 */
export class Workflow extends WorkflowSpecBase {
  /** The L1 object. */
  public readonly apiObject: l1.ArgoWorkflow;
  private readonly generateName?: string;

  constructor(scope: Construct, id: string, private readonly props: WorkflowProps = {}) {
    super(scope, id, props);
    const named = props.metadata?.name !== undefined;
    this.generateName = named ? undefined : props.generateName ?? `${Names.toDnsLabel(this, { maxLen: 50 })}-`;
    this.apiObject = new l1.ArgoWorkflow(this, 'Resource', {
      metadata: { ...props.metadata, ...(this.generateName ? { generateName: this.generateName } : {}) },
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderWorkflowSpec({ parameters: props.parameters, artifacts: props.artifacts })) }),
    });
    if (!named) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/name'));
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }

  /** The WorkflowTemplate this workflow runs (`workflowTemplate` prop), if any. */
  public override get runsWorkflowTemplate(): IWorkflowTemplate | undefined {
    return this.props.workflowTemplate;
  }

  /** `Workflow/<generateName>*` for a workflow named by generateName. */
  public override get objectLabel(): string {
    return this.generateName ? `${this.apiObject.kind}/${this.generateName}*` : super.objectLabel;
  }

  protected defaultEntrypoint() {
    return this.props.workflowTemplate ? undefined : this.templates[0];
  }

  protected check(): string[] {
    return [...super.check(), ...this.checkArgumentValues(this.props.parameters)];
  }
}
