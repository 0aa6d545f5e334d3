import { taskDependencies } from '../lint/rules/workflows/dag';
import { asArray, CallSite, isObject, stepsOf, str, tasksOf, TemplateSite, workflowModel, WorkflowModel } from '../lint/rules/workflows/model';
import { localBase, refKind, resolveTemplateRef, resolveWorkflowTemplateRef } from '../lint/rules/workflows/references';
import { Manifest } from '../lint/types';
import { hasTemplateTag } from '../lint/util/template-variables';
import { GraphBuilder } from './builder';
import { ArgoGraphEdgeKind, ArgoGraphNodeKind } from './model';
import { joinPath } from './paths';
import { templateDetails, templateProperties } from './template-summary';
import { addProperty, listText, nonEmpty } from './text';

/** A workflow spec drawn as a node, with a node per template. */
export interface DrawnWorkflow {
  readonly model: WorkflowModel;
  readonly id: string;
  readonly manifestIndex: number;
  /** Path of the object inside its manifest: `''`, or a trigger's `...source.resource`. */
  readonly basePath: string;
  readonly templates: Map<TemplateSite, string>;
}

/** Workflow specs drawn so far, by model (to resolve calls into them). */
export type WorkflowRegistry = Map<WorkflowModel, DrawnWorkflow>;

const GROUP_KINDS: { readonly [kind: string]: ArgoGraphNodeKind } = {
  Workflow: 'Workflow', WorkflowTemplate: 'WorkflowTemplate', ClusterWorkflowTemplate: 'ClusterWorkflowTemplate', CronWorkflow: 'CronWorkflow',
};

/**
 * Adds the node of a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow and a
 * node per template. `object` is the manifest itself or an object embedded in it at `basePath`
 * (a Workflow a sensor trigger creates); `namespace` is where it runs.
 */
export function drawWorkflowNodes(builder: GraphBuilder, registry: WorkflowRegistry, manifestIndex: number, object: Manifest,
  basePath = '', extra: { readonly details?: readonly string[]; readonly namespace?: string } = {}): DrawnWorkflow | undefined {
  const model = workflowModel(object);
  if (!model) return undefined;
  const kind = GROUP_KINDS[model.site.kind];
  const namespace = kind === 'ClusterWorkflowTemplate' ? undefined : object.metadata?.namespace ?? extra.namespace;
  const name = objectName(object);
  const source = { manifestIndex, path: basePath };
  const init = { kind, name, namespace, source, details: [...(extra.details ?? []), ...workflowDetails(model)], properties: workflowProperties(model) };
  const id = basePath === '' ? builder.addObject(init) : builder.addNode(init);
  const drawn: DrawnWorkflow = { model, id, manifestIndex, basePath, templates: new Map() };
  const spec = model.site.spec;
  for (const site of model.templates) {
    const templateName = site.inlineOf ? `${site.inlineOf.owner?.name ?? '?'}.${str(site.inlineOf.call.name) ?? '?'}` : site.name ?? '(unnamed)';
    const roles = [
      ...(site.inlineOf ? ['inline'] : []),
      ...(!site.inlineOf && site.name !== undefined && site.name === spec.entrypoint ? ['entrypoint'] : []),
      ...(!site.inlineOf && site.name !== undefined && site.name === spec.onExit ? ['exit handler'] : []),
    ];
    drawn.templates.set(site, builder.addNode({
      kind: 'Template', name: templateName, parent: id, roles,
      details: templateDetails(site), properties: templateProperties(site),
      source: { manifestIndex, path: joinPath(basePath, site.path) },
    }));
  }
  registry.set(model, drawn);
  return drawn;
}

/** Adds the edges of a drawn workflow: the template it runs, entrypoint, exit handler, hooks, calls (and steps/tasks when expanded). */
export function drawWorkflowEdges(builder: GraphBuilder, registry: WorkflowRegistry, drawn: DrawnWorkflow, expand: boolean): void {
  const { model } = drawn;
  const spec = model.site.spec;
  const at = (path: string) => ({ manifestIndex: drawn.manifestIndex, path: joinPath(drawn.basePath, path) });
  const specPath = (field: string) => joinPath(model.site.path, field);

  if (!model.site.isTemplateKind && isObject(spec.workflowTemplateRef)) {
    const resolved = resolveWorkflowTemplateRef(builder.index, model.site.manifest, spec.workflowTemplateRef);
    if (resolved.status === 'ok') {
      builder.addEdge(drawn.id, registry.get(resolved.target)!.id, 'runs', { source: at(specPath('workflowTemplateRef')) });
    } else if (resolved.status === 'missing-object') {
      const target = builder.addMissing(resolved.kind as ArgoGraphNodeKind, resolved.name, namespaceFor(resolved.kind, model));
      builder.addEdge(drawn.id, target, 'runs', { missing: true, source: at(specPath('workflowTemplateRef')) });
    }
  }
  const base = localBase(model, builder.index);
  const baseDrawn = base ? registry.get(base) : undefined;
  const local = (name: string, role?: string): { id: string; missing: boolean } | undefined => {
    if (!base || !baseDrawn || hasTemplateTag(name)) return undefined;
    const site = base.byName.get(name);
    if (site) {
      const id = baseDrawn.templates.get(site)!;
      if (role && baseDrawn === drawn) addRole(builder, id, role);
      return { id, missing: false };
    }
    return { id: builder.addNode({ kind: 'Template', name, parent: baseDrawn.id, missing: true, roles: role ? [role] : [], details: ['not defined'] }), missing: true };
  };
  for (const [field, kind, role] of [['entrypoint', 'entrypoint', 'entrypoint'], ['onExit', 'exit', 'exit handler']] as const) {
    const name = nonEmpty(spec[field]);
    const target = name ? local(name, role) : undefined;
    if (target) builder.addEdge(drawn.id, target.id, kind, { missing: target.missing, source: at(specPath(field)) });
  }

  const callers = new Map<CallSite, string>();
  if (expand) addExpandedCalls(builder, drawn, callers);
  for (const call of model.calls) {
    const from = call.hookOf ? callers.get(call.hookOf) ?? ownerId(drawn, call) : callers.get(call) ?? ownerId(drawn, call);
    const kind: ArgoGraphEdgeKind = call.kind === 'hook' ? (call.hookName === 'exit' ? 'exit' : 'hook') : 'calls';
    const role = call.kind === 'hook' ? (call.hookName === 'exit' ? 'exit handler' : `hook ${call.hookName}`) : undefined;
    const hookLabel = call.kind === 'hook' && call.hookName !== 'exit' ? `hook ${call.hookName}` : undefined;
    drawCall(builder, registry, drawn, call, from, kind, hookLabel, role, local);
    const stepExit = nonEmpty(call.call.onExit);
    if (stepExit) {
      const target = local(stepExit);
      if (target) builder.addEdge(from, target.id, 'exit', { missing: target.missing, source: at(joinPath(call.path, 'onExit')) });
    }
  }
}

function drawCall(builder: GraphBuilder, registry: WorkflowRegistry, drawn: DrawnWorkflow, call: CallSite, from: string, kind: ArgoGraphEdgeKind,
  label: string | undefined, role: string | undefined, local: (name: string, role?: string) => { id: string; missing: boolean } | undefined): void {
  const c = call.call;
  const at = (path: string) => ({ manifestIndex: drawn.manifestIndex, path: joinPath(drawn.basePath, path) });
  if (isObject(c.inline)) {
    const inline = drawn.model.inlineTemplates.get(call);
    const target = inline ? drawn.templates.get(inline) : undefined;
    if (target) builder.addEdge(from, target, kind, { label, source: at(joinPath(call.path, 'inline')) });
    return;
  }
  if (isObject(c.templateRef)) {
    const refPath = at(joinPath(call.path, 'templateRef'));
    const r = resolveTemplateRef(builder.index, drawn.model.site.manifest, c.templateRef);
    const refLabel = label ?? 'templateRef';
    if (r.status === 'ok' && r.template) {
      const target = registry.get(r.target)?.templates.get(r.template);
      if (target) {
        if (role) addRole(builder, target, role);
        builder.addEdge(from, target, kind, { label: refLabel, source: refPath });
      }
    } else if (r.status === 'missing-object' || r.status === 'missing-template') {
      const group = r.status === 'missing-object' ? builder.addMissing(r.kind as ArgoGraphNodeKind, r.name, namespaceFor(r.kind, drawn.model)) : registry.get(r.target)!.id;
      const details = r.status === 'missing-template' ? ['not defined'] : [];
      const template = builder.addNode({ kind: 'Template', name: str(c.templateRef.template) ?? '?', parent: group, missing: true, details });
      builder.addEdge(from, template, kind, { label: refLabel, missing: true, source: refPath });
    }
    return;
  }
  const name = nonEmpty(c.template);
  const target = name ? local(name, role) : undefined;
  if (target) builder.addEdge(from, target.id, kind, { label, missing: target.missing, source: at(joinPath(call.path, 'template')) });
}

/** Step and task nodes of steps/DAG templates, with the order between them; records which node makes each call. */
function addExpandedCalls(builder: GraphBuilder, drawn: DrawnWorkflow, callers: Map<CallSite, string>): void {
  for (const [site, templateId] of drawn.templates) {
    const at = (path: string) => ({ manifestIndex: drawn.manifestIndex, path: joinPath(drawn.basePath, path) });
    if (site.type === 'steps') {
      const groups: string[][] = [];
      for (const step of stepsOf(site)) {
        const id = builder.addNode({ kind: 'Step', name: callName(step), parent: templateId, details: callDetails(step), properties: callProperties(step), source: at(step.path) });
        callers.set(step, id);
        (groups[step.groupIndex ?? 0] ??= []).push(id);
      }
      const present = groups.filter(Boolean);
      present[0]?.forEach(id => builder.addEdge(templateId, id, 'contains'));
      for (let g = 1; g < present.length; g++) {
        for (const before of present[g - 1]) for (const after of present[g]) builder.addEdge(before, after, 'then');
      }
    } else if (site.type === 'dag') {
      const tasks = tasksOf(site);
      const byName = new Map<string, string>();
      for (const task of tasks) {
        const id = builder.addNode({ kind: 'Task', name: callName(task), parent: templateId, details: callDetails(task), properties: callProperties(task), source: at(task.path) });
        callers.set(task, id);
        if (!byName.has(callName(task))) byName.set(callName(task), id);
      }
      for (const task of tasks) {
        const id = callers.get(task)!;
        const dependencies = taskDependencies(task.call).filter(d => byName.has(d));
        if (dependencies.length === 0) builder.addEdge(templateId, id, 'contains');
        const depends = nonEmpty(task.call.depends);
        for (const d of dependencies) builder.addEdge(byName.get(d)!, id, 'then', { label: depends && depends !== d ? depends : undefined });
      }
    }
  }
}

function callName(call: CallSite): string {
  return str(call.call.name) ?? '(unnamed)';
}

function callDetails(call: CallSite): string[] {
  const c = call.call;
  const runs = isObject(c.templateRef) ? `${str(c.templateRef.name) ?? '?'}/${str(c.templateRef.template) ?? '?'}` : isObject(c.inline) ? 'inline' : str(c.template) ?? '?';
  const lines = [`runs ${runs}`];
  const when = nonEmpty(c.when);
  if (when) lines.push(`when ${when}`);
  if (c.withItems || c.withParam || c.withSequence) lines.push('loop');
  return lines;
}

function callProperties(call: CallSite): [string, string][] {
  const props: [string, string][] = [];
  const c = call.call;
  addProperty(props, 'template', c.template);
  if (isObject(c.templateRef)) addProperty(props, 'templateRef', `${c.templateRef.name}/${c.templateRef.template}${c.templateRef.clusterScope ? ' (cluster)' : ''}`);
  addProperty(props, 'when', c.when);
  addProperty(props, 'depends', c.depends);
  addProperty(props, 'dependencies', Array.isArray(c.dependencies) ? c.dependencies.join(', ') : undefined);
  addProperty(props, 'withParam', c.withParam);
  addProperty(props, 'withItems', c.withItems);
  addProperty(props, 'withSequence', c.withSequence);
  addProperty(props, 'arguments', asArray(c.arguments?.parameters).map(p => `${p?.name}=${p?.value !== undefined ? p.value : isObject(p?.valueFrom) ? JSON.stringify(p.valueFrom) : ''}`).join(', ') || undefined);
  return props;
}

/** The node a call hangs on: its template (for a workflow-level hook, the workflow). */
function ownerId(drawn: DrawnWorkflow, call: CallSite): string {
  const owner = call.owner ?? call.hookOf?.owner;
  return (owner && drawn.templates.get(owner)) ?? drawn.id;
}

function addRole(builder: GraphBuilder, id: string, role: string): void {
  const node = builder.node(id);
  if (node && !node.roles.includes(role)) node.roles.push(role);
}

function namespaceFor(kind: string, model: WorkflowModel): string | undefined {
  return kind === 'ClusterWorkflowTemplate' ? undefined : model.site.manifest.metadata?.namespace;
}

/** metadata.name, else `generateName*`. */
export function objectName(object: Manifest): string {
  return nonEmpty(object.metadata?.name) ?? (nonEmpty(object.metadata?.generateName) ? `${object.metadata!.generateName}*` : '(unnamed)');
}

function workflowDetails(model: WorkflowModel): string[] {
  const spec = model.site.spec;
  const manifest = model.site.manifest;
  const lines: string[] = [];
  if (model.site.kind === 'CronWorkflow') {
    const schedules = [...asArray(manifest.spec?.schedules), ...(typeof manifest.spec?.schedule === 'string' ? [manifest.spec.schedule] : [])].filter(s => typeof s === 'string');
    lines.push(`${listText(schedules, 3) || 'no schedule'} · ${nonEmpty(manifest.spec?.timezone) ?? 'controller time zone'}`);
    const policy = [nonEmpty(manifest.spec?.concurrencyPolicy), manifest.spec?.suspend === true ? 'suspended' : undefined].filter(Boolean);
    if (policy.length) lines.push(policy.join(' · '));
  }
  const parameters = asArray(spec.arguments?.parameters).map(p => str(p?.name)).filter((n): n is string => !!n);
  if (parameters.length) lines.push(`parameters: ${listText(parameters)}`);
  return lines;
}

function workflowProperties(model: WorkflowModel): [string, string][] {
  const spec = model.site.spec;
  const manifest = model.site.manifest;
  const props: [string, string][] = [];
  addProperty(props, 'kind', model.site.kind);
  addProperty(props, 'name', manifest.metadata?.name);
  addProperty(props, 'generateName', manifest.metadata?.generateName);
  addProperty(props, 'namespace', manifest.metadata?.namespace);
  if (model.site.kind === 'CronWorkflow') {
    addProperty(props, 'schedules', asArray(manifest.spec?.schedules).join(', ') || manifest.spec?.schedule);
    addProperty(props, 'timezone', manifest.spec?.timezone);
    addProperty(props, 'concurrencyPolicy', manifest.spec?.concurrencyPolicy);
    addProperty(props, 'startingDeadlineSeconds', manifest.spec?.startingDeadlineSeconds);
    addProperty(props, 'suspend', manifest.spec?.suspend);
  }
  addProperty(props, 'entrypoint', spec.entrypoint);
  addProperty(props, 'onExit', spec.onExit);
  addProperty(props, 'serviceAccountName', spec.serviceAccountName);
  if (isObject(spec.workflowTemplateRef)) addProperty(props, 'workflowTemplateRef', `${refKind(spec.workflowTemplateRef)} ${spec.workflowTemplateRef.name}`);
  addProperty(props, 'parameters', asArray(spec.arguments?.parameters).map(p => `${p?.name}${p?.value !== undefined ? `=${p.value}` : ''}`).join(', ') || undefined);
  addProperty(props, 'templates', String(model.topLevel.length));
  return props;
}
