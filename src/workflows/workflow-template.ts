import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { ImportedWorkflowTemplate, ImportedWorkflowTemplateOptions } from './imported-workflow-template';
import { RunArguments, WorkflowSpecProps } from './workflow-spec-props';
import { WorkflowTemplateBase } from './workflow-template-base';

/** Props of a WorkflowTemplate. */
export interface WorkflowTemplateProps extends WorkflowSpecProps, RunArguments {}

/**
 * A WorkflowTemplate: a library of templates other workflows call by `templateRef` (pass its
 * template objects to steps and tasks), and a workflow definition runs and sensors submit by object.
 */
export class WorkflowTemplate extends WorkflowTemplateBase {
  /** A WorkflowTemplate that lives only in the cluster. */
  public static fromName(scope: Construct, id: string, name: string, options?: ImportedWorkflowTemplateOptions): ImportedWorkflowTemplate {
    return new ImportedWorkflowTemplate(scope, id, name, false, options);
  }

  /** The L1 object. */
  public readonly apiObject: l1.ArgoWorkflowTemplate;
  /** False: a namespaced template. */
  public readonly clusterScope = false;

  constructor(scope: Construct, id: string, props: WorkflowTemplateProps = {}) {
    super(scope, id, props);
    this.apiObject = new WorkflowTemplateObject(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderWorkflowSpec(props.arguments)) }),
    });
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }

  /** `metadata.namespace`, if set. */
  public get namespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }
}

/** The L1 object of a WorkflowTemplate: its manifest with the overrides of the constructs applied (`addOverride`). */
class WorkflowTemplateObject extends l1.ArgoWorkflowTemplate {
  constructor(private readonly host: WorkflowTemplate, id: string, props: l1.ArgoWorkflowTemplateProps) {
    super(host, id, props);
  }

  protected override render(): { readonly spec?: unknown } {
    const manifest = super.render();
    this.host._applyOverrides(manifest);
    return manifest;
  }
}
