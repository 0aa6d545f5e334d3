import { childPath } from '../../path';
import { hasTemplateTag } from '../../util/template-variables';
import { isObject, str, workflowRule } from './model';
import { resolveWorkflowTemplateRef } from './references';

/** W6: a Workflow (or CronWorkflow) needs spec.entrypoint naming an existing template; optional on WorkflowTemplates. */
export const W6_ENTRYPOINT = workflowRule('W6',
  'a Workflow needs spec.entrypoint naming an existing template (optional on WorkflowTemplate)',
  (model, ctx) => {
    const { spec, path, isTemplateKind } = model.site;
    const entrypointPath = childPath(path, 'entrypoint');
    const own = str(spec.entrypoint);
    if (own && hasTemplateTag(own)) return;
    if (isObject(spec.workflowTemplateRef) && !isTemplateKind) {
      const ref = resolveWorkflowTemplateRef(ctx.index, ctx.manifest, spec.workflowTemplateRef);
      if (ref.status !== 'ok') return;
      const entrypoint = own || str(ref.target.site.spec.entrypoint);
      if (!entrypoint) {
        ctx.report(entrypointPath, `neither this workflow nor ${ref.kind} "${ref.name}" sets an entrypoint: Argo rejects the workflow `
          + '("spec.entrypoint is required"). Set spec.entrypoint here or in the referenced template.');
      } else if (!hasTemplateTag(entrypoint) && !ref.target.byName.has(entrypoint)) {
        ctx.report(entrypointPath, `entrypoint "${entrypoint}" is not a template of ${ref.kind} "${ref.name}": Argo rejects the workflow. `
          + `Use one of: ${[...ref.target.byName.keys()].join(', ') || '(none)'}.`);
      }
      return;
    }
    if (!own) {
      if (!isTemplateKind) {
        ctx.report(entrypointPath, 'spec.entrypoint is missing: Argo rejects the workflow ("spec.entrypoint is required"). '
          + 'Set it to the name of the template to run first.');
      }
      return;
    }
    if (!model.byName.has(own)) {
      ctx.report(entrypointPath, `entrypoint "${own}" names no template of this spec: Argo rejects the workflow `
        + `("template name '${own}' undefined"). Use one of: ${[...model.byName.keys()].join(', ') || '(none)'}.`);
    }
  });
