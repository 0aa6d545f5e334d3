import { hasTemplateTag } from '../../util/template-variables';
import { Manifest, ManifestIndex } from '../../types';
import { CallSite, isObject, str, TemplateSite, workflowModel, WorkflowModel } from './model';

/** Where a `templateRef` or `workflowTemplateRef` points, as far as the linted set tells. */
export type RefResolution =
  /** Name or template holds a `{{...}}` variable: only known at run time. */
  | { readonly status: 'dynamic' }
  /** `name` (or `template`, for templateRef) is missing. */
  | { readonly status: 'incomplete'; readonly missing: readonly string[] }
  /** The WorkflowTemplate/ClusterWorkflowTemplate is not in the linted set. */
  | { readonly status: 'missing-object'; readonly kind: string; readonly name: string }
  /** The object is there but has no template of that name. */
  | { readonly status: 'missing-template'; readonly kind: string; readonly name: string; readonly template: string; readonly target: WorkflowModel }
  | { readonly status: 'ok'; readonly kind: string; readonly name: string; readonly target: WorkflowModel; readonly template?: TemplateSite };

/** Kind a reference with this `clusterScope` points at. */
export function refKind(ref: any): string {
  return ref?.clusterScope === true ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
}

/** Resolves `workflowTemplateRef` (or any `{name, clusterScope}`) from a manifest against the linted set. */
export function resolveWorkflowTemplateRef(index: ManifestIndex, caller: Manifest, ref: any): RefResolution {
  const name = str(ref?.name);
  if (!name) return { status: 'incomplete', missing: ['name'] };
  if (hasTemplateTag(name)) return { status: 'dynamic' };
  const kind = refKind(ref);
  const target = index.find(kind, name, caller.metadata?.namespace);
  const model = target ? workflowModel(target) : undefined;
  return model ? { status: 'ok', kind, name, target: model } : { status: 'missing-object', kind, name };
}

/** Resolves a `templateRef` (`{name, template, clusterScope}`) from a manifest against the linted set. */
export function resolveTemplateRef(index: ManifestIndex, caller: Manifest, ref: any): RefResolution {
  const name = str(ref?.name);
  const template = str(ref?.template);
  const missing = [...(name ? [] : ['name']), ...(template ? [] : ['template'])];
  if (missing.length) return { status: 'incomplete', missing };
  const object = resolveWorkflowTemplateRef(index, caller, ref);
  if (object.status !== 'ok') return object;
  if (hasTemplateTag(template)) return { status: 'dynamic' };
  const site = object.target.byName.get(template!);
  return site
    ? { ...object, template: site }
    : { status: 'missing-template', kind: object.kind, name: object.name, template: template!, target: object.target };
}

/**
 * The model whose templates local names (`template: x`, `onExit`, `entrypoint`) resolve in: the
 * spec itself, or for a Workflow run through `workflowTemplateRef` the referenced template when
 * it is in the set. Undefined when that cannot be known.
 */
export function localBase(model: WorkflowModel, index: ManifestIndex): WorkflowModel | undefined {
  const ref = model.site.spec.workflowTemplateRef;
  if (!isObject(ref) || model.topLevel.length) return model;
  const resolved = resolveWorkflowTemplateRef(index, model.site.manifest, ref);
  return resolved.status === 'ok' ? resolved.target : undefined;
}

/** What a call runs, when the linted set tells. */
export interface CalledTemplate {
  readonly template: TemplateSite;
  /** The spec the template belongs to (the caller's own, or a referenced WorkflowTemplate's). */
  readonly model: WorkflowModel;
}

/** The template a step/task/hook runs: inline, local by name, or through a resolvable templateRef. */
export function calledTemplate(model: WorkflowModel, index: ManifestIndex, call: CallSite): CalledTemplate | undefined {
  const c = call.call;
  if (isObject(c.inline)) {
    const inline = model.inlineTemplates.get(call);
    return inline ? { template: inline, model } : undefined;
  }
  if (isObject(c.templateRef)) {
    const r = resolveTemplateRef(index, model.site.manifest, c.templateRef);
    return r.status === 'ok' && r.template ? { template: r.template, model: r.target } : undefined;
  }
  const name = str(c.template);
  if (!name || hasTemplateTag(name)) return undefined;
  const base = localBase(model, index);
  const template = base?.byName.get(name);
  return template && base ? { template, model: base } : undefined;
}
