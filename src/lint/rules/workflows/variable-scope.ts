import { childPath } from '../../path';
import { ManifestIndex } from '../../types';
import { templateTags } from '../../util/template-variables';
import { asArray, CallSite, isObject, str, TemplateSite, WorkflowModel } from './model';
import { calledTemplate, resolveTemplateRef, resolveWorkflowTemplateRef } from './references';

/** A set of names, or `'any'` when the linted set cannot tell (a reference outside the set, a variable name...). */
export type NameSet = ReadonlySet<string> | 'any';

/** What `{{workflow.*}}` may name in one workflow spec. */
export interface WorkflowScope {
  /** Names of spec.arguments.parameters (plus those of the referenced WorkflowTemplate); 'any' in WorkflowTemplates. */
  readonly parameters: NameSet;
  /** globalName of output parameters of templates this spec can run. */
  readonly globalParameters: NameSet;
  /** globalName of output artifacts of templates this spec can run. */
  readonly globalArtifacts: NameSet;
  /** Whether spec.onExit is set here or in the referenced WorkflowTemplate: `{{workflow.failures}}` is then in scope. */
  readonly hasExitHandler: boolean;
}

/** Step or task names visible from where a variable is read, with the template each runs (when known). */
export interface NodeScope {
  /** All steps/tasks of the template, with the template each runs when known. */
  readonly all: ReadonlyMap<string, TemplateSite | undefined>;
  /** Whether a step/task has finished (earlier step group, DAG ancestor) where the variable is read. */
  readonly visible: (name: string) => boolean;
  /** The step/task whose fields are read; undefined for template outputs and DAG targets. */
  readonly current?: string;
}

/** Everything a `{{...}}` may resolve against at one place of a template. */
export interface VariableEnv {
  /** The template whose inputs are in scope. */
  readonly template: TemplateSite;
  /** Extra input parameters in scope (an inline template's inputs, seen from its step). */
  readonly extraInputs?: ReadonlySet<string>;
  /** `{{item.*}}`: not in a loop, any key, or the keys of withItems maps. */
  readonly item: 'none' | 'any' | ReadonlySet<string>;
  readonly steps?: NodeScope;
  readonly tasks?: NodeScope;
}

const workflowScopes = new WeakMap<ManifestIndex, WeakMap<WorkflowModel, WorkflowScope>>();

/** The workflow-level variables of a spec (cached per lint run). */
export function workflowScope(model: WorkflowModel, index: ManifestIndex): WorkflowScope {
  let byModel = workflowScopes.get(index);
  if (!byModel) {
    byModel = new WeakMap();
    workflowScopes.set(index, byModel);
  }
  let scope = byModel.get(model);
  if (!scope) {
    scope = computeWorkflowScope(model, index);
    byModel.set(model, scope);
  }
  return scope;
}

function computeWorkflowScope(model: WorkflowModel, index: ManifestIndex): WorkflowScope {
  const { spec, isTemplateKind, manifest } = model.site;
  let parameters: NameSet = isTemplateKind ? 'any' : new Set(paramNames(spec.arguments));
  let hasExitHandler = Boolean(str(spec.onExit));
  const related: WorkflowModel[] = [model];
  let unknownRelated = false;
  if (isObject(spec.workflowTemplateRef) && !isTemplateKind) {
    const ref = resolveWorkflowTemplateRef(index, manifest, spec.workflowTemplateRef);
    if (ref.status === 'ok') {
      if (parameters !== 'any') parameters = new Set([...parameters, ...paramNames(ref.target.site.spec.arguments)]);
      hasExitHandler ||= Boolean(str(ref.target.site.spec.onExit));
      related.push(ref.target);
    } else {
      parameters = 'any';
      unknownRelated = true;
    }
  }
  // Templates reachable through templateRef can lift outputs to workflow.outputs too.
  const globalParameters = new Set<string>();
  const globalArtifacts = new Set<string>();
  let anyParameter = unknownRelated;
  let anyArtifact = unknownRelated;
  const seen = new Set<WorkflowModel>();
  while (related.length) {
    const m = related.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    for (const t of m.templates) {
      for (const p of asArray(t.template.outputs?.parameters)) {
        const g = str(p?.globalName);
        if (g) g.includes('{{') ? (anyParameter = true) : globalParameters.add(g);
      }
      for (const a of asArray(t.template.outputs?.artifacts)) {
        const g = str(a?.globalName);
        if (g) g.includes('{{') ? (anyArtifact = true) : globalArtifacts.add(g);
      }
    }
    for (const call of m.calls) {
      if (!isObject(call.call.templateRef)) continue;
      const r = resolveTemplateRef(index, m.site.manifest, call.call.templateRef);
      if (r.status === 'ok' || r.status === 'missing-template') related.push(r.target);
      else anyParameter = anyArtifact = true;
    }
  }
  return {
    parameters,
    globalParameters: anyParameter ? 'any' : globalParameters,
    globalArtifacts: anyArtifact ? 'any' : globalArtifacts,
    hasExitHandler,
  };
}

function paramNames(args: any): string[] {
  return asArray(args?.parameters).map(p => p?.name).filter((n): n is string => typeof n === 'string');
}

/** Steps or tasks by name, with the template each runs when the linted set tells. */
export function namedCalls(model: WorkflowModel, index: ManifestIndex, calls: readonly CallSite[]): Map<string, TemplateSite | undefined> {
  const all = new Map<string, TemplateSite | undefined>();
  for (const c of calls) {
    const name = str(c.call.name);
    if (name && !all.has(name)) all.set(name, calledTemplate(model, index, c)?.template);
  }
  return all;
}

/** The `{{item.*}}` keys a step or task provides. */
export function itemScope(call: any): VariableEnv['item'] {
  if ((typeof call?.withParam === 'string' && call.withParam !== '') || isObject(call?.withSequence)) return 'any';
  const items = asArray(call?.withItems);
  if (!items.length) return 'none';
  if (!items.every(isObject)) return 'any';
  return new Set(items.flatMap(i => Object.keys(i)));
}

/** Input parameter and artifact names of a template. */
export function inputNames(t: TemplateSite): { parameters: Set<string>; artifacts: Set<string> } {
  const names = (list: unknown) => new Set(asArray(list).map(p => p?.name).filter((n): n is string => typeof n === 'string'));
  return { parameters: names(t.template.inputs?.parameters), artifacts: names(t.template.inputs?.artifacts) };
}

/**
 * Calls `visit` for every simple (non-expression) `{{...}}` reference in the strings of a value,
 * with the field path where it appears. `skip` leaves out keys of the top-level object.
 */
export function forEachTag(value: unknown, basePath: string, visit: (tag: string, path: () => string, raw: string) => void, skip?: ReadonlySet<string>): void {
  const segments: (string | number)[] = [];
  const walk = (v: unknown, top: boolean) => {
    if (typeof v === 'string') {
      const tags = templateTags(v);
      if (!tags.length) return;
      const path = () => childPath(basePath, ...segments);
      for (const tag of tags) if (!tag.expression) visit(tag.name, path, tag.raw);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        segments.push(i);
        walk(v[i], false);
        segments.pop();
      }
    } else if (isObject(v)) {
      for (const key of Object.keys(v)) {
        if (top && skip?.has(key)) continue;
        segments.push(key);
        walk(v[key], false);
        segments.pop();
      }
    }
  };
  walk(value, true);
}
