import { JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-27';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { ImportedWorkflowTemplate, ImportedWorkflowTemplateOptions } from './imported-workflow-template';
import { WorkflowSpecBase, WorkflowSpecProps } from './workflow-spec';
import { IWorkflowTemplate } from './workflow-template-ref';

/** Props of a ClusterWorkflowTemplate. */
export interface ClusterWorkflowTemplateProps extends WorkflowSpecProps {}

/**
 * A ClusterWorkflowTemplate: like a WorkflowTemplate, usable from every namespace; references to
 * it carry `clusterScope: true`. Cluster-scoped, so it has no namespace (a chart namespace is dropped).
 */
export class ClusterWorkflowTemplate extends WorkflowSpecBase implements IWorkflowTemplate {
  /** A ClusterWorkflowTemplate that lives only in the cluster. */
  public static fromName(scope: Construct, id: string, name: string, options?: Omit<ImportedWorkflowTemplateOptions, 'namespace'>): ImportedWorkflowTemplate {
    return new ImportedWorkflowTemplate(scope, id, name, true, options);
  }

  /** The L1 object. */
  public readonly apiObject: l1.ArgoClusterWorkflowTemplate;
  /** True: references need `clusterScope: true`. */
  public readonly clusterScope = true;
  /** Always undefined: cluster-scoped. */
  public readonly namespace?: string = undefined;

  constructor(scope: Construct, id: string, private readonly props: ClusterWorkflowTemplateProps = {}) {
    super(scope, id, props);
    this.apiObject = new l1.ArgoClusterWorkflowTemplate(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._renderWorkflowSpec() }),
    });
    if (this.apiObject.metadata.namespace !== undefined) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }

  /** `metadata.name`. */
  public get name(): string {
    return this.apiObject.name;
  }

  /** The ServiceAccount workflows of this template run as, if set. */
  public get serviceAccount(): kplus.IServiceAccount | undefined {
    return this.props.serviceAccount;
  }

  /** `spec.serviceAccountName`, if set. */
  public get serviceAccountName(): string | undefined {
    return this.props.serviceAccount?.name;
  }

  /** @internal */
  public get _templatesPath(): string {
    return 'spec.templates';
  }

  /** @internal */
  public _asWorkflowTemplate(): IWorkflowTemplate {
    return this;
  }
}
