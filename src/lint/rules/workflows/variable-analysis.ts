import { childPath } from '../../path';
import { perManifest, perManifestOfRun } from '../../util/manifest-memo';
import { ManifestIndex, Severity } from '../../types';
import { dagGraph, isAncestor } from './dag';
import { CallSite, isObject, stepsOf, str, tasksOf, TemplateSite, WorkflowModel } from './model';
import { foreignTemplates } from './foreign-templates';
import { checkVariable } from './variable-check';
import { localBase } from './references';
import { inputNames, itemScope, namedCalls, NodeScope, scopeForTemplateRef, forEachTag, VariableEnv, WorkflowScope, workflowScope } from './variable-scope';

/** One unresolvable `{{...}}` reference, attributed to W28, W31 or W32. */
export interface VariableFinding {
  readonly ruleId: 'W28' | 'W31' | 'W32';
  readonly path: string;
  readonly message: string;
  readonly severity?: Severity;
  /** Set for `{{workflow.failures}}` in a WorkflowTemplate without onExit: the top-level template using it. */
  readonly exitHandlerOf?: TemplateSite;
}

const SKIP_IN_CALL: ReadonlySet<string> = new Set(['inline', 'hooks']);

/**
 * Every `{{...}}` reference of a workflow spec checked against what Argo puts in scope there:
 * the template's inputs, loop items, earlier step groups, DAG ancestors, workflow arguments and
 * globals. Computed once per spec (util/manifest-memo.ts); W28, W31 and W32 each report their share.
 */
export function variableFindings(model: WorkflowModel, index: ManifestIndex): readonly VariableFinding[] {
  return findingsOf(model, index);
}

const findingsOf = perManifestOfRun(analyze);

function analyze(model: WorkflowModel, index: ManifestIndex): VariableFinding[] {
  const wf = workflowScope(model, index);
  const out: VariableFinding[] = [];
  const reported = new Set<string>();
  const scan = (value: unknown, path: string, env: VariableEnv, skip?: ReadonlySet<string>) => {
    forEachTag(value, skip, (tag, raw, segments) => {
      const problem = checkVariable(tag, env, wf, model.site.isTemplateKind);
      if (!problem) return;
      const where = childPath(path, ...segments);
      const key = `${where}\u0000${raw}`;
      if (reported.has(key)) return;
      reported.add(key);
      out.push({ ruleId: problem.ruleId, path: where, message: problem.message, severity: problem.severity,
        exitHandlerOf: problem.needsExitHandler ? env.template.topLevel : undefined });
    });
  };

  if (!model.site.isTemplateKind) scanForeignTemplates(model, index, wf, out);
  for (const t of model.templates) {
    if (t.types.length !== 1) continue; // W9
    if (t.type === 'steps') scanSteps(model, index, t, scan);
    else if (t.type === 'dag') scanDag(model, index, t, scan);
    else {
      const looped = t.inlineOf ? itemScope(t.inlineOf.call) !== 'none' : false;
      // An inline template is expanded with its step's items at run time.
      scan(t.template, t.path, { template: t, item: looped ? 'any' : 'none' });
    }
  }
  return out;
}

type Scan = (value: unknown, path: string, env: VariableEnv, skip?: ReadonlySet<string>) => void;

/** `{{workflow.*}}` keys whose meaning depends on the workflow that runs a template. */
const CALLER_GLOBALS = ['workflow.parameters', 'workflow.labels', 'workflow.annotations'];

/**
 * Templates of other WorkflowTemplates run by this workflow read its parameters, labels and
 * annotations: Argo validates them in this workflow's scope and rejects the workflow (not the
 * template) when one does not resolve. Reported at the reference that leads there.
 */
function scanForeignTemplates(model: WorkflowModel, index: ManifestIndex, wf: WorkflowScope, out: VariableFinding[]): void {
  const reported = new Set<string>();
  const base = localBase(model, index);
  for (const foreign of foreignTemplates(model, index)) {
    const scope = foreign.model === base ? wf : scopeForTemplateRef(wf, foreign.model);
    for (const { site, tag, raw } of callerGlobalsOf(foreign.model, foreign.template)) {
      const problem = checkVariable(tag, { template: site, item: 'any' }, scope, false);
      const key = `${foreign.via}\u0000${raw}`;
      if (!problem || reported.has(key)) continue;
      reported.add(key);
      const owner = `template "${foreign.template.name ?? ''}" of ${foreign.model.site.kind} "${foreign.model.site.manifest.metadata?.name ?? ''}"`;
      out.push({ ruleId: problem.ruleId, path: foreign.via, severity: problem.severity,
        message: `${owner} runs in this workflow, and Argo checks it with this workflow's parameters, labels and annotations: ${problem.message}` });
    }
  }
}

/** A `{{workflow.parameters/labels/annotations...}}` reference inside a top-level template (or a template inlined in it). */
interface CallerGlobal {
  readonly site: TemplateSite;
  readonly tag: string;
  readonly raw: string;
}

const NO_CALLER_GLOBALS: readonly CallerGlobal[] = [];

/**
 * The caller-dependent globals a top-level template reads, found once per workflow spec: a
 * workflow that runs several of its templates checks them in its own scope, and most templates
 * read none.
 */
function callerGlobalsOf(model: WorkflowModel, top: TemplateSite): readonly CallerGlobal[] {
  return callerGlobalsByTop(model).get(top) ?? NO_CALLER_GLOBALS;
}

const callerGlobalsByTop = perManifest((model: WorkflowModel): ReadonlyMap<TemplateSite, readonly CallerGlobal[]> => {
  const found = new Map<TemplateSite, CallerGlobal[]>();
  // A top-level template's value holds the templates inlined in it.
  for (const site of model.topLevel) {
    const list: CallerGlobal[] = [];
    forEachTag(site.template, undefined, (tag, raw) => {
      if (tag.startsWith('workflow.') && CALLER_GLOBALS.some(prefix => tag === prefix || tag.startsWith(`${prefix}.`))) list.push({ site, tag, raw });
    });
    if (list.length) found.set(site, list);
  }
  return found;
});

function inlineInputs(model: WorkflowModel, call: CallSite): ReadonlySet<string> | undefined {
  const inline = model.inlineTemplates.get(call);
  return inline ? inputNames(inline).parameters : undefined;
}

function scanSteps(model: WorkflowModel, index: ManifestIndex, t: TemplateSite, scan: Scan): void {
  const steps = stepsOf(t);
  const all = namedCalls(model, index, steps);
  const groupOf = new Map<string, number>();
  for (const s of steps) {
    const name = str(s.call.name);
    if (name && !groupOf.has(name)) groupOf.set(name, s.groupIndex!);
  }
  for (const s of steps) {
    const current = str(s.call.name);
    const earlier = (name: string) => (groupOf.get(name) ?? Infinity) < s.groupIndex!;
    const stepsScope: NodeScope = { all, visible: earlier, current };
    const env: VariableEnv = { template: t, extraInputs: inlineInputs(model, s), item: itemScope(s.call), steps: stepsScope };
    scan(s.call, s.path, env, SKIP_IN_CALL);
    // A step's hooks run once the step has started or ended: they may read the step itself.
    const inHooks: NodeScope = { all, visible: name => name === current || earlier(name), current };
    if (isObject(s.call.hooks)) scan(s.call.hooks, childPath(s.path, 'hooks'), { ...env, steps: inHooks });
  }
  scan(t.template.outputs, childPath(t.path, 'outputs'), { template: t, item: 'none', steps: { all, visible: () => true } });
}

function scanDag(model: WorkflowModel, index: ManifestIndex, t: TemplateSite, scan: Scan): void {
  const tasks = tasksOf(t);
  const all = namedCalls(model, index, tasks);
  const graph = dagGraph(tasks);
  for (const task of tasks) {
    const current = str(task.call.name);
    const ancestor = (name: string) => current !== undefined && isAncestor(graph, current, name);
    const env: VariableEnv = { template: t, extraInputs: inlineInputs(model, task), item: itemScope(task.call),
      tasks: { all, visible: ancestor, current } };
    scan(task.call, task.path, env, SKIP_IN_CALL);
    if (isObject(task.call.hooks)) {
      scan(task.call.hooks, childPath(task.path, 'hooks'), { ...env, tasks: { all, visible: name => name === current || ancestor(name), current } });
    }
  }
  const everything: VariableEnv = { template: t, item: 'none', tasks: { all, visible: () => true } };
  scan(t.template.outputs, childPath(t.path, 'outputs'), everything);
  scan(t.template.dag?.target, childPath(t.path, 'dag', 'target'), everything);
}
