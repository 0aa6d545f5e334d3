import { childPath } from '../../path';
import { Manifest, Rule, RuleContext } from '../../types';
import { perManifest } from '../../util/manifest-memo';

/** Kinds whose spec is (or holds) an Argo workflow spec. */
export const WORKFLOW_KINDS: readonly string[] = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];

/** Template types; a template must set exactly one of them. */
export const TEMPLATE_TYPES = ['container', 'containerSet', 'steps', 'script', 'resource', 'dag', 'suspend', 'data', 'http', 'plugin'] as const;
export type TemplateType = typeof TEMPLATE_TYPES[number];

/** Types Argo calls "leaf": they run something themselves (everything but steps, dag and suspend). */
const LEAF_TYPES: ReadonlySet<string> = new Set(['container', 'containerSet', 'script', 'resource', 'data', 'http', 'plugin']);

/** A workflow spec: `spec` of a Workflow/WorkflowTemplate/ClusterWorkflowTemplate, `spec.workflowSpec` of a CronWorkflow. */
export interface WorkflowSpecSite {
  readonly manifest: Manifest;
  readonly kind: string;
  readonly spec: any;
  readonly path: string;
  /** WorkflowTemplate or ClusterWorkflowTemplate: a library others call, validated without arguments. */
  readonly isTemplateKind: boolean;
}

/** One template, top-level (`spec.templates[i]`) or inline in a step/task. */
export interface TemplateSite {
  readonly template: any;
  readonly path: string;
  readonly name?: string;
  /** Template type keys present on the template. */
  readonly types: readonly TemplateType[];
  /** The type, when exactly one is set. */
  readonly type?: TemplateType;
  /** The step or task carrying this template in `inline`. */
  readonly inlineOf?: CallSite;
  /** The top-level template this one is (part of). */
  readonly topLevel: TemplateSite;
}

/** Something that calls a template: a step, a DAG task or a lifecycle hook. */
export interface CallSite {
  readonly kind: 'step' | 'task' | 'hook';
  readonly call: any;
  readonly path: string;
  /** The steps/dag template holding the step or task; for a hook, the template of the step/task it hangs on. */
  readonly owner?: TemplateSite;
  /** Index of the step group (steps only). */
  readonly groupIndex?: number;
  /** Hook name (`exit`, `running`...), hooks only. */
  readonly hookName?: string;
  /** The step or task a hook hangs on; undefined for workflow-level hooks. */
  readonly hookOf?: CallSite;
}

/** A workflow spec with its templates and calls walked once. */
export interface WorkflowModel {
  readonly site: WorkflowSpecSite;
  /** Top-level and inline templates, in document order. */
  readonly templates: readonly TemplateSite[];
  readonly topLevel: readonly TemplateSite[];
  /** Top-level templates by name (first wins). */
  readonly byName: ReadonlyMap<string, TemplateSite>;
  /** Steps, DAG tasks and hooks, in document order. */
  readonly calls: readonly CallSite[];
  /** Inline templates by the step/task carrying them. */
  readonly inlineTemplates: ReadonlyMap<CallSite, TemplateSite>;
}

const modelOf = perManifest((manifest: object): WorkflowModel | undefined => {
  const site = workflowSpecSite(manifest as Manifest);
  return site ? buildModel(site) : undefined;
});

/** The workflow model of a manifest of one of the WORKFLOW_KINDS (made once per manifest: util/manifest-memo.ts). */
export function workflowModel(manifest: Manifest): WorkflowModel | undefined {
  return isObject(manifest) ? modelOf(manifest) : undefined;
}

/** Where the workflow spec of a manifest lives, if it has one. */
export function workflowSpecSite(manifest: Manifest): WorkflowSpecSite | undefined {
  const kind = manifest?.kind;
  if (typeof kind !== 'string' || !WORKFLOW_KINDS.includes(kind)) return undefined;
  const spec = kind === 'CronWorkflow' ? manifest.spec?.workflowSpec : manifest.spec;
  if (!isObject(spec)) return undefined;
  return {
    manifest,
    kind,
    spec,
    path: kind === 'CronWorkflow' ? 'spec.workflowSpec' : 'spec',
    isTemplateKind: kind === 'WorkflowTemplate' || kind === 'ClusterWorkflowTemplate',
  };
}

function buildModel(site: WorkflowSpecSite): WorkflowModel {
  const templates: TemplateSite[] = [];
  const topLevel: TemplateSite[] = [];
  const calls: CallSite[] = [];
  const byName = new Map<string, TemplateSite>();
  const inlineTemplates = new Map<CallSite, TemplateSite>();

  const visitTemplate = (template: any, path: string, inlineOf: CallSite | undefined, top: TemplateSite | undefined): TemplateSite => {
    const types = TEMPLATE_TYPES.filter(t => template[t] !== undefined && template[t] !== null);
    // A plain field (not a getter): the analyses read it for every template of every workflow that runs it.
    const self: { -readonly [K in keyof TemplateSite]: TemplateSite[K] } = {
      template, path, types, inlineOf,
      name: typeof template.name === 'string' ? template.name : undefined,
      type: types.length === 1 ? types[0] : undefined,
      topLevel: top as TemplateSite,
    };
    if (!top) self.topLevel = self;
    templates.push(self);
    for (const call of stepsOf(self)) visitCall(call, self.topLevel);
    for (const call of tasksOf(self)) visitCall(call, self.topLevel);
    return self;
  };

  const visitCall = (call: CallSite, top: TemplateSite) => {
    calls.push(call);
    for (const hook of hooksOf(call.call, call.path, call.owner, call)) calls.push(hook);
    if (isObject(call.call.inline)) inlineTemplates.set(call, visitTemplate(call.call.inline, childPath(call.path, 'inline'), call, top));
  };

  asArray(site.spec.templates).forEach((template, i) => {
    if (!isObject(template)) return;
    const t = visitTemplate(template, childPath(site.path, 'templates', i), undefined, undefined);
    topLevel.push(t);
    if (t.name !== undefined && !byName.has(t.name)) byName.set(t.name, t);
  });
  for (const hook of hooksOf(site.spec, site.path, undefined, undefined)) calls.push(hook);
  return { site, templates, topLevel, byName, calls, inlineTemplates };
}

/** The steps of a steps template, with their group index (the same objects as in WorkflowModel.calls). */
export const stepsOf: (t: TemplateSite) => readonly CallSite[] = perManifest(collectSteps);

/** The tasks of a DAG template (the same objects as in WorkflowModel.calls). */
export const tasksOf: (t: TemplateSite) => readonly CallSite[] = perManifest(collectTasks);

function collectSteps(t: TemplateSite): CallSite[] {
  const out: CallSite[] = [];
  asArray(t.template.steps).forEach((group, g) => {
    asArray(group).forEach((step, i) => {
      if (isObject(step)) out.push({ kind: 'step', call: step, path: childPath(t.path, 'steps', g, i), owner: t, groupIndex: g });
    });
  });
  return out;
}

function collectTasks(t: TemplateSite): CallSite[] {
  const out: CallSite[] = [];
  asArray(t.template.dag?.tasks).forEach((task, i) => {
    if (isObject(task)) out.push({ kind: 'task', call: task, path: childPath(t.path, 'dag', 'tasks', i), owner: t });
  });
  return out;
}

function hooksOf(holder: any, path: string, owner: TemplateSite | undefined, hookOf: CallSite | undefined): CallSite[] {
  if (!isObject(holder?.hooks)) return [];
  return Object.entries(holder.hooks)
    .filter(([, hook]) => isObject(hook))
    .map(([name, hook]) => ({ kind: 'hook' as const, call: hook, path: childPath(path, 'hooks', name), owner, hookName: name, hookOf }));
}

/** True for container, containerSet, script, resource, data, http and plugin templates. */
export function isLeaf(t: TemplateSite): boolean {
  return t.type !== undefined && LEAF_TYPES.has(t.type);
}

/** A rule over each workflow spec of the four workflow kinds. */
export function workflowRule(id: string, description: string, check: (model: WorkflowModel, ctx: RuleContext) => void): Rule {
  return {
    id,
    description,
    kinds: WORKFLOW_KINDS,
    check(ctx) {
      const model = workflowModel(ctx.manifest);
      if (model) check(model, ctx);
    },
  };
}

/** A human name for a template in messages: `template "main"` or `the inline template`. */
export function describeTemplate(t: TemplateSite): string {
  return t.inlineOf ? `the inline template of ${describeCall(t.inlineOf)}` : `template "${t.name ?? '<unnamed>'}"`;
}

/** A human name for a call in messages: `step "a"`, `task "b"`, `hook "running"`. */
export function describeCall(c: CallSite): string {
  if (c.kind === 'hook') return `hook "${c.hookName}"`;
  return `${c.kind} "${typeof c.call.name === 'string' ? c.call.name : '<unnamed>'}"`;
}

export function isObject(value: unknown): value is { [key: string]: any } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** A string field, or undefined when absent/not a string. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
