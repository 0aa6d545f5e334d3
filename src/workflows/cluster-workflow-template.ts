import { JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { ImportedWorkflowTemplate, ImportedWorkflowTemplateOptions } from './imported-workflow-template';
import { RunArguments, WorkflowSpecProps } from './workflow-spec-props';
import { WorkflowTemplateBase } from './workflow-template-base';

/** Props of a ClusterWorkflowTemplate. */
export interface ClusterWorkflowTemplateProps extends WorkflowSpecProps, RunArguments {}

/**
 * A ClusterWorkflowTemplate: like a WorkflowTemplate, usable from every namespace; references to
 * it carry `clusterScope: true`. Cluster-scoped, so it has no namespace (a chart namespace is dropped).
 */
export class ClusterWorkflowTemplate extends WorkflowTemplateBase {
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

  constructor(scope: Construct, id: string, props: ClusterWorkflowTemplateProps = {}) {
    super(scope, id, props);
    this.apiObject = new ClusterWorkflowTemplateObject(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderWorkflowSpec(props.arguments)) }),
    });
    if (this.apiObject.metadata.namespace !== undefined) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }
}

/** The L1 object of a ClusterWorkflowTemplate: its manifest with the overrides of the constructs applied (`addOverride`). */
class ClusterWorkflowTemplateObject extends l1.ArgoClusterWorkflowTemplate {
  constructor(private readonly host: ClusterWorkflowTemplate, id: string, props: l1.ArgoClusterWorkflowTemplateProps) {
    super(host, id, props);
  }

  protected override render(): { readonly spec?: unknown } {
    const manifest = super.render();
    this.host._applyOverrides(manifest);
    return manifest;
  }
}
