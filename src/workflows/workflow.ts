import { JsonPatch, Lazy, Names } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { refuseArgumentMaps } from './call';
import { WorkflowSpecBase } from './workflow-spec';
import { RunArguments, WorkflowSpecProps } from './workflow-spec-props';
import { IWorkflowTemplate } from './workflow-template-ref';

/** Props of a one-off Workflow. */
export interface WorkflowProps extends WorkflowSpecProps, RunArguments {
  /**
   * Prefix of the generated name (`metadata.generateName`); ignored when `metadata.name` is set.
   * @default - the construct path as a DNS label, plus `-`
   */
  readonly generateName?: string;
  /**
   * Run this WorkflowTemplate (`workflowTemplateRef`) instead of templates of its own (rule W8);
   * `arguments` then gives values to its workflow parameters (`[param.set(value)]`).
   * @default - the workflow's own templates
   */
  readonly workflowTemplate?: IWorkflowTemplate;
  /**
   * Start the workflow suspended: nothing runs until `argo resume`.
   * @default false
   */
  readonly suspend?: boolean;
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
    refuseArgumentMaps(`${scope.node.path}/${id}`, props);
    super(scope, id, props);
    const named = props.metadata?.name !== undefined;
    this.generateName = named ? undefined : props.generateName ?? `${Names.toDnsLabel(this, { maxLen: 50 })}-`;
    this.apiObject = new WorkflowObject(this, 'Resource', {
      metadata: { ...props.metadata, ...(this.generateName ? { generateName: this.generateName } : {}) },
      spec: Lazy.any({ produce: () => withoutUndefined({ ...this.renderWorkflowSpec(props.arguments), suspend: props.suspend }) }),
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
    return [...super.check(), ...this.checkArgumentValues(this.props.arguments)];
  }
}

/** The L1 object of a Workflow: its manifest with the overrides of the constructs applied (`addOverride`). */
class WorkflowObject extends l1.ArgoWorkflow {
  constructor(private readonly host: Workflow, id: string, props: l1.ArgoWorkflowProps) {
    super(host, id, props);
  }

  protected override render(): { readonly spec?: unknown } {
    const manifest = super.render();
    this.host._applyOverrides(manifest);
    return manifest;
  }
}
