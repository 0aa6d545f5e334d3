import { Manifest, ManifestIndex } from '../../types';
import { CallSite, isObject, str, TemplateSite, workflowModel, WorkflowModel } from './model';
import { localBase, resolveTemplateRef } from './references';
import { perManifest } from '../../util/manifest-memo';

/** Top-level templates (by manifest, by name) reached from exit handlers and from workflow entrypoints. */
export interface TemplateReach {
  /** Reached from some workflow spec's `onExit` (or `hooks.exit`), through local names and templateRefs. */
  readonly fromExit: ReadonlyMap<Manifest, ReadonlySet<string>>;
  /** Reached from the entrypoint of a Workflow or CronWorkflow of the set. */
  readonly fromRun: ReadonlyMap<Manifest, ReadonlySet<string>>;
}

const reachByIndex = new WeakMap<ManifestIndex, TemplateReach>();

/** Which templates of the linted set run inside an exit handler or a workflow run (computed once per lint). */
export function templateReach(index: ManifestIndex): TemplateReach {
  let reach = reachByIndex.get(index);
  if (!reach) {
    reach = computeReach(index);
    reachByIndex.set(index, reach);
  }
  return reach;
}

function computeReach(index: ManifestIndex): TemplateReach {
  const exitRoots: [WorkflowModel, string][] = [];
  const runRoots: [WorkflowModel, string][] = [];
  for (const manifest of index.all) {
    const model = workflowModel(manifest);
    if (!model) continue;
    const base = localBase(model, index);
    if (!base) continue;
    const { spec } = model.site;
    const onExit = str(spec.onExit) ?? (model !== base ? str(base.site.spec.onExit) : undefined);
    if (onExit) exitRoots.push([base, onExit]);
    for (const [hookName, hook] of Object.entries(spec.hooks ?? {})) {
      const roots = hookName === 'exit' ? exitRoots : runRoots;
      const template = isObject(hook) ? str(hook.template) : undefined;
      if (template) roots.push([base, template]);
      const templateRef = isObject(hook) ? hook.templateRef : undefined;
      if (templateRef) {
        const r = resolveTemplateRef(index, manifest, templateRef);
        if (r.status === 'ok' && r.template?.name) roots.push([r.target, r.template.name]);
      }
    }
    if (!model.site.isTemplateKind) {
      const entrypoint = str(spec.entrypoint) ?? str(base.site.spec.entrypoint);
      if (entrypoint) runRoots.push([base, entrypoint]);
    }
  }
  return { fromExit: walk(index, exitRoots), fromRun: walk(index, runRoots) };
}

function walk(index: ManifestIndex, roots: [WorkflowModel, string][]): Map<Manifest, Set<string>> {
  const seen = new Map<Manifest, Set<string>>();
  const queue = [...roots];
  while (queue.length) {
    const [model, name] = queue.pop()!;
    const names = seen.get(model.site.manifest) ?? new Set<string>();
    seen.set(model.site.manifest, names);
    if (names.has(name)) continue;
    names.add(name);
    const template = model.byName.get(name);
    if (!template) continue;
    for (const call of callsOf(model, template)) {
      const c = call.call;
      for (const local of [str(c.template), str(c.onExit)]) {
        if (local) queue.push([model, local]);
      }
      if (c.templateRef) {
        const r = resolveTemplateRef(index, model.site.manifest, c.templateRef);
        if (r.status === 'ok' && r.template?.name) queue.push([r.target, r.template.name]);
      }
    }
  }
  return seen;
}

function callsOf(model: WorkflowModel, template: TemplateSite): CallSite[] {
  return callsByTemplate(model).get(template) ?? [];
}

const callsByTemplate = perManifest((model: WorkflowModel): ReadonlyMap<TemplateSite, CallSite[]> => {
  const map = new Map<TemplateSite, CallSite[]>();
  for (const call of model.calls) {
    if (!call.owner) continue;
    const list = map.get(call.owner.topLevel) ?? [];
    list.push(call);
    map.set(call.owner.topLevel, list);
  }
  return map;
});
