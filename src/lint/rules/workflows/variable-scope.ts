import { ManifestIndex } from '../../types';
import { perManifestOfRun } from '../../util/manifest-memo';
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
  /** Keys `{{workflow.labels.<key>}}` resolves (the controller's workflowDefaults may add more); 'any' when a referenced WorkflowTemplate is not in the set. */
  readonly labels: NameSet;
  readonly annotations: NameSet;
  /** Keys set somewhere Argo does not take them from for this workflow (e.g. a WorkflowTemplate's own metadata), with where. */
  readonly misplaced: { readonly labels: ReadonlyMap<string, string>; readonly annotations: ReadonlyMap<string, string> };
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

/** The workflow-level variables of a spec (made once per spec: util/manifest-memo.ts). */
export function workflowScope(model: WorkflowModel, index: ManifestIndex): WorkflowScope {
  return scopeOf(model, index);
}

const scopeOf = perManifestOfRun(computeWorkflowScope);

function computeWorkflowScope(model: WorkflowModel, index: ManifestIndex): WorkflowScope {
  const { spec, isTemplateKind, manifest } = model.site;
  let parameters: NameSet = isTemplateKind ? 'any' : new Set(paramNames(spec.arguments));
  let hasExitHandler = Boolean(str(spec.onExit));
  const related: WorkflowModel[] = [model];
  let unknownRelated = false;
  const meta = metadataScope(model);
  if (isObject(spec.workflowTemplateRef) && !isTemplateKind) {
    const ref = resolveWorkflowTemplateRef(index, manifest, spec.workflowTemplateRef);
    if (ref.status === 'ok') {
      if (parameters !== 'any') parameters = new Set([...parameters, ...paramNames(ref.target.site.spec.arguments)]);
      hasExitHandler ||= Boolean(str(ref.target.site.spec.onExit));
      related.push(ref.target);
      addWorkflowMetadata(meta, ref.target.site.spec.workflowMetadata);
      addMisplaced(meta, ref.target.site.manifest.metadata, `{A_KEY} of ${ref.kind} "${ref.name}" itself (its metadata.{KEYS}), which Argo does not copy to the workflows it runs (its spec.workflowMetadata.{KEYS} does)`);
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
    labels: unknownRelated ? 'any' : meta.labels,
    annotations: unknownRelated ? 'any' : meta.annotations,
    misplaced: { labels: meta.misplacedLabels, annotations: meta.misplacedAnnotations },
  };
}

/**
 * The scope a template of another WorkflowTemplate is validated in when a workflow calls it with
 * templateRef: the workflow's own, with that WorkflowTemplate's labels and annotations (its
 * metadata and spec.workflowMetadata) known to be out of reach.
 */
export function scopeForTemplateRef(wf: WorkflowScope, target: WorkflowModel): WorkflowScope {
  const name = `${target.site.kind} "${target.site.manifest.metadata?.name ?? ''}"`;
  const labels = new Map(wf.misplaced.labels);
  const annotations = new Map(wf.misplaced.annotations);
  const add = (into: Map<string, string>, known: NameSet, keys: string[], where: string) => {
    for (const k of keys) if (known !== 'any' && !known.has(k) && !into.has(k)) into.set(k, where);
  };
  const workflowMetadata = target.site.spec.workflowMetadata;
  const viaMetadata = (key: string) => `set by the spec.workflowMetadata of ${name}, which applies only to workflows run through its workflowTemplateRef, `
    + `not to a template called with templateRef (${key}s come from the workflow that runs it)`;
  add(labels, wf.labels, [...keysOf(workflowMetadata?.labels), ...keysOf(workflowMetadata?.labelsFrom)], viaMetadata('label'));
  add(annotations, wf.annotations, keysOf(workflowMetadata?.annotations), viaMetadata('annotation'));
  add(labels, wf.labels, keysOf(target.site.manifest.metadata?.labels), `a label of ${name} itself, which Argo does not copy to the workflows that run its templates`);
  add(annotations, wf.annotations, keysOf(target.site.manifest.metadata?.annotations), `an annotation of ${name} itself, which Argo does not copy to the workflows that run its templates`);
  return { ...wf, misplaced: { labels, annotations } };
}

interface MetadataScope {
  readonly labels: Set<string>;
  readonly annotations: Set<string>;
  readonly misplacedLabels: Map<string, string>;
  readonly misplacedAnnotations: Map<string, string>;
}

/** Labels Argo puts on a workflow created from a CronWorkflow (workflow/common/convert.go), and the scheduled-time annotation. */
const CRON_LABELS = ['workflows.argoproj.io/cron-workflow'];
const CRON_PROPAGATED_LABELS = ['workflows.argoproj.io/controller-instanceid', 'workflows.argoproj.io/creator',
  'workflows.argoproj.io/creator-email', 'workflows.argoproj.io/creator-preferred-username'];
const CRON_ANNOTATIONS = ['workflows.argoproj.io/scheduled-time'];

/** The labels and annotations a workflow spec is validated with (validate.go: the object's, spec.workflowMetadata's). */
function metadataScope(model: WorkflowModel): MetadataScope {
  const { manifest, spec, kind } = model.site;
  const meta: MetadataScope = { labels: new Set(), annotations: new Set(), misplacedLabels: new Map(), misplacedAnnotations: new Map() };
  if (kind === 'CronWorkflow') {
    CRON_LABELS.forEach(k => meta.labels.add(k));
    CRON_ANNOTATIONS.forEach(k => meta.annotations.add(k));
    const own = manifest.metadata?.labels;
    for (const k of CRON_PROPAGATED_LABELS) if (isObject(own) && k in own) meta.labels.add(k);
    addWorkflowMetadata(meta, manifest.spec?.workflowMetadata);
    addMisplaced(meta, manifest.metadata, '{A_KEY} of the CronWorkflow itself (metadata.{KEYS}), which Argo does not copy to the workflows it creates (spec.workflowMetadata.{KEYS} does)');
  } else {
    for (const k of keysOf(manifest.metadata?.labels)) meta.labels.add(k);
    for (const k of keysOf(manifest.metadata?.annotations)) meta.annotations.add(k);
  }
  addWorkflowMetadata(meta, spec.workflowMetadata);
  return meta;
}

function addWorkflowMetadata(meta: MetadataScope, workflowMetadata: unknown): void {
  if (!isObject(workflowMetadata)) return;
  for (const k of [...keysOf(workflowMetadata.labels), ...keysOf(workflowMetadata.labelsFrom)]) meta.labels.add(k);
  for (const k of keysOf(workflowMetadata.annotations)) meta.annotations.add(k);
}

/** Records keys of `metadata` that do not reach the workflow, unless they are set where they do. `where` has {A_KEY} ("a label") and {KEYS} ("labels") placeholders. */
function addMisplaced(meta: MetadataScope, metadata: any, where: string): void {
  for (const [field, known, misplaced, key] of [['labels', meta.labels, meta.misplacedLabels, 'a label'], ['annotations', meta.annotations, meta.misplacedAnnotations, 'an annotation']] as const) {
    for (const k of keysOf(metadata?.[field])) {
      if (!known.has(k) && !misplaced.has(k)) misplaced.set(k, where.replace(/\{KEYS\}/g, field).replace('{A_KEY}', key));
    }
  }
}

function keysOf(map: unknown): string[] {
  return isObject(map) ? Object.keys(map) : [];
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
 * Calls `visit` with every simple (non-expression) `{{...}}` reference in the strings of a value,
 * in order: the variable (`inputs.parameters.x`), the reference as written, and where it sits
 * below the value (keys and list indexes; the array is reused: copy what you keep). `skip` leaves
 * out keys of the top-level object.
 */
export function forEachTag(value: unknown, skip: ReadonlySet<string> | undefined,
  visit: (tag: string, raw: string, segments: readonly (string | number)[]) => void): void {
  const segments: (string | number)[] = [];
  const walk = (v: unknown, top: boolean) => {
    if (typeof v === 'string') {
      for (const tag of templateTags(v)) if (!tag.expression) visit(tag.name, tag.raw, segments);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        segments.push(i);
        walk(v[i], false);
        segments.pop();
      }
    } else if (isObject(v)) {
      // for...in with an own-property test lists what Object.keys lists, without an array per object.
      for (const key in v) {
        if (!hasOwn.call(v, key) || (top && skip?.has(key))) continue;
        segments.push(key);
        walk(v[key], false);
        segments.pop();
      }
    }
  };
  walk(value, true);
}

const hasOwn = Object.prototype.hasOwnProperty;
