import { childPath } from '../../path';
import { ManifestIndex } from '../../types';
import { isObject, str, TemplateSite, WorkflowModel } from './model';
import { localBase, resolveTemplateRef } from './references';

/** A top-level template of another WorkflowTemplate that a workflow runs, and the field of the workflow that leads there. */
export interface ForeignTemplate {
  readonly template: TemplateSite;
  readonly model: WorkflowModel;
  /** Field path, in the running workflow, of the reference that leads to the template (first one found). */
  readonly via: string;
}

/**
 * The templates of other WorkflowTemplates a workflow runs: all those of its workflowTemplateRef
 * (validate.go checks every one of them in the workflow's scope), and those its templateRefs
 * reach, following their own local calls and templateRefs. Argo validates them with the
 * workflow's globals (parameters, labels, annotations), so a mismatch there rejects the workflow.
 */
export function foreignTemplates(model: WorkflowModel, index: ManifestIndex): ForeignTemplate[] {
  const out: ForeignTemplate[] = [];
  const seen = new Set<TemplateSite>();
  const queue: ForeignTemplate[] = [];
  const push = (template: TemplateSite | undefined, target: WorkflowModel, via: string) => {
    if (!template || target === model || seen.has(template)) return;
    seen.add(template);
    queue.push({ template, model: target, via });
  };
  const base = localBase(model, index);
  if (base && base !== model) {
    for (const t of base.topLevel) push(t, base, childPath(model.site.path, 'workflowTemplateRef'));
  }
  const follow = (from: WorkflowModel, top: TemplateSite | undefined, via: string | undefined) => {
    for (const call of from.calls) {
      if (top ? call.owner?.topLevel !== top : call.owner !== undefined) continue;
      const templateRef = call.call.templateRef;
      if (isObject(templateRef)) {
        const r = resolveTemplateRef(index, from.site.manifest, templateRef);
        if (r.status === 'ok' && r.template) push(r.template.topLevel, r.target, via ?? childPath(call.path, 'templateRef'));
      } else if (top && str(call.call.template)) {
        push(from.byName.get(call.call.template), from, via!);
      }
    }
  };
  follow(model, undefined, undefined);
  for (const t of model.topLevel) follow(model, t, undefined);
  while (queue.length) {
    const next = queue.shift()!;
    out.push(next);
    follow(next.model, next.template, next.via);
  }
  return out;
}
