import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { ImportedWorkflowTemplate, ImportedWorkflowTemplateOptions } from './imported-workflow-template';
import { WorkflowSpecProps } from './workflow-spec-props';
import { WorkflowTemplateBase } from './workflow-template-base';

/** Props of a WorkflowTemplate. */
export interface WorkflowTemplateProps extends WorkflowSpecProps {}

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
    this.apiObject = new l1.ArgoWorkflowTemplate(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderWorkflowSpec()) }),
    });
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }

  /** `metadata.namespace`, if set. */
  public get namespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }
}
