import { childPath } from '../../path';
import { asArray, isObject, workflowRule } from './model';
import { resolveWorkflowTemplateRef } from './references';

/**
 * W8: a Workflow run through `workflowTemplateRef` carries no templates of its own, and the
 * reference names a WorkflowTemplate/ClusterWorkflowTemplate (missing from the set: a warning,
 * an error with strictRefs).
 */
export const W8_WORKFLOW_TEMPLATE_REF = workflowRule('W8',
  'a Workflow with workflowTemplateRef must not also carry templates; the reference must resolve',
  (model, ctx) => {
    const { spec, path, isTemplateKind } = model.site;
    const ref = spec.workflowTemplateRef;
    if (!isObject(ref) || isTemplateKind) return;
    const refPath = childPath(path, 'workflowTemplateRef');
    if (asArray(spec.templates).length) {
      ctx.report(childPath(path, 'templates'), 'the workflow sets both workflowTemplateRef and templates: Argo rejects it '
        + '("Templates is invalid field in spec if workflow referred WorkflowTemplate reference"). '
        + 'Remove templates (put them in the referenced WorkflowTemplate) or drop workflowTemplateRef.');
    }
    const resolved = resolveWorkflowTemplateRef(ctx.index, ctx.manifest, ref);
    if (resolved.status === 'incomplete') {
      ctx.report(childPath(refPath, 'name'), 'workflowTemplateRef has no name: Argo cannot find the template to run and rejects the workflow. '
        + 'Set workflowTemplateRef.name.');
    } else if (resolved.status === 'missing-object') {
      ctx.reportMissingReference(refPath, resolved.kind, resolved.name,
        `If it does not exist when the workflow is submitted, Argo rejects the workflow${resolved.kind === 'WorkflowTemplate' ? ' (set clusterScope: true for a ClusterWorkflowTemplate)' : ''}`);
    }
  });
