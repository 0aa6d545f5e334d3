import { ApiObjectMetadata } from 'cdk8s';
import { EventsArtifactLocation, TriggerParameter } from '../../imports/argo-events';
import { ArgoWorkflow, WorkflowSpec } from '../../imports/argo-workflows';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { WorkflowParameter } from '../workflows/parameters';
import { Workflow } from '../workflows/workflow';
import { IWorkflowParameter, IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { argoCliArgPermissions } from './argo-cli-permissions';
import { EventField } from './event-field';
import { BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';
import { ResolvedResource, TriggerResource } from './trigger-resource';
import { expectInResourceScope, TriggerResourceScope } from './trigger-resource-scope';

const GROUP = 'argoproj.io';

/** An event field mapped onto a workflow parameter (the library computes the `dest` path). */
export interface WorkflowArgument {
  /** The workflow parameter, e.g. the object `template.addArgument('size')` returned. */
  readonly parameter: IWorkflowParameter;
  /** The event field whose value the parameter gets. */
  readonly from: EventField;
}

/** Options of a workflow submission. */
export interface SubmitWorkflowOptions {
  /**
   * Event fields mapped onto workflow parameters.
   * @default - none: the workflow's values apply
   */
  readonly arguments?: WorkflowArgument[];
  /**
   * Event fields written into the submitted workflow at paths you give (sjson syntax, e.g.
   * `spec.priority`); `parameters` (of the trigger options) write into the trigger instead.
   * @default - none
   */
  readonly resourceParameters?: TriggerParameterMapping[];
  /**
   * `metadata.generateName` of the submitted workflows.
   * @default - the template name (the Workflow's own, or the sensor name for a workflow spec) followed by `-`
   */
  readonly generateName?: string;
  /**
   * Labels of the submitted workflows (Argo Events adds its own sensor/trigger labels).
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Service account the workflows run as; it gets the executor permissions.
   * @default - the workflow's or template's service account, else one the sensor creates
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Extra arguments for `argo submit` (e.g. `--node-field-selector`).
   * @default - none
   */
  readonly cliArgs?: string[];
}

/** A full Workflow to submit, written with the generated types (prefer a `Workflow` construct in the sensor's `resourceScope`). */
export interface WorkflowManifest {
  /**
   * Metadata of the workflow (name or generateName, labels...).
   * @default - generateName from the options or the sensor name
   */
  readonly metadata?: ApiObjectMetadata;
  /** The workflow spec. */
  readonly spec: WorkflowSpec;
}

/** What is submitted, seen by the action. */
interface SubmitSource {
  readonly description: string;
  /** Names of the declared workflow parameters (read at synth: arguments may be added later); undefined when not known (a source read at run time). */
  parameterNames(): readonly string[] | undefined;
  /** True when the parameter object is one this workflow declares (or its template's). */
  declares?(parameter: IWorkflowParameter): boolean;
  /** True when the workflow references a template whose arguments the workflow declares itself. */
  readonly byReference: boolean;
  /** True when the submitted manifest carries its own name or generateName (no default is given). */
  readonly namesItself: boolean;
  readonly templateServiceAccount?: string | IServiceAccountRef;
  /** The trigger's source. */
  source(serviceAccountName: string | undefined, generateName: string | undefined, args: readonly WorkflowArgument[]): EventsArtifactLocation;
  /** The names of `spec.arguments.parameters` of the submitted manifest, in order, for the dest paths. */
  renderedParameterNames(args: readonly WorkflowArgument[]): readonly string[];
  readonly namespace?: string;
}

/** Submits a workflow: from a WorkflowTemplate, a Workflow construct, a full spec, or a source read at run time. @internal */
export class SubmitWorkflowAction implements ITriggerAction {
  /** From a WorkflowTemplate or ClusterWorkflowTemplate, by reference. */
  public static fromTemplate(template: IWorkflowTemplate, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    const manifest = (serviceAccountName: string | undefined, generateName: string | undefined, args: readonly WorkflowArgument[]) => ArgoWorkflow.manifest({
      metadata: { generateName: generateName ?? `${template.name}-`, labels: options.labels },
      spec: {
        workflowTemplateRef: { name: template.name, clusterScope: template.clusterScope || undefined },
        arguments: args.length ? { parameters: args.map(a => ({ name: a.parameter.name, value: '' })) } : undefined,
        serviceAccountName,
      },
    });
    const source: SubmitSource = {
      description: `${template.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} "${template.name}"`,
      parameterNames: () => template.parameters.map(p => p.name),
      declares: p => template.parameters.includes(p),
      byReference: true,
      namesItself: false,
      templateServiceAccount: template.serviceAccount ?? template.serviceAccountName,
      source: (sa, generateName, args) => ({ resource: manifest(sa, generateName, args) }),
      renderedParameterNames: args => args.map(a => a.parameter.name),
      namespace: template.namespace,
    };
    const permissions: SensorPermission[] = [template.clusterScope
      ? { apiGroup: GROUP, resource: 'clusterworkflowtemplates', verbs: ['get'], clusterScoped: true }
      : { apiGroup: GROUP, resource: 'workflowtemplates', verbs: ['get'] }];
    return new SubmitWorkflowAction(source, options, () => permissions);
  }

  /** From a Workflow construct of the sensor's resource scope. */
  public static fromWorkflow(workflow: Workflow, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    expectInResourceScope(workflow, 'TriggerAction.submitWorkflow()');
    const render = (sa: string | undefined, generateName: string | undefined) => withSubmitMetadata(workflow.apiObject.toJson(), sa, generateName, options.labels);
    const runs = () => workflow.runsWorkflowTemplate;
    const source: SubmitSource = {
      description: `Workflow ${workflow.objectLabel}`,
      parameterNames: () => [...workflow.parameters.map(p => p.name), ...(runs()?.parameters ?? []).map(p => p.name)],
      declares: p => workflow.parameters.includes(p as WorkflowParameter) || !!runs()?.parameters.includes(p),
      byReference: false,
      namesItself: true,
      // The account the Workflow runs as, as it renders it (the construct keeps it private): it gets the executor permissions.
      templateServiceAccount: workflow.apiObject.toJson().spec?.serviceAccountName,
      source: (sa, generateName) => ({ resource: render(sa, generateName) }),
      renderedParameterNames: () => parameterNamesOf(workflow.apiObject.toJson()),
      namespace: workflow.apiObject.metadata.namespace,
    };
    return new SubmitWorkflowAction(source, options, () => templateReadPermissions(workflow.apiObject.toJson()), undefined, workflow);
  }

  /** From a full workflow written with the generated types (its templates inline). */
  public static fromManifest(workflow: WorkflowManifest, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    const declared = workflow.spec.arguments?.parameters ?? [];
    const manifest = (sa: string | undefined, generateName: string | undefined) => ArgoWorkflow.manifest({
      metadata: {
        ...workflow.metadata,
        generateName: workflow.metadata?.name ? undefined : (workflow.metadata?.generateName ?? generateName),
        labels: workflow.metadata?.labels || options.labels ? { ...workflow.metadata?.labels, ...options.labels } : undefined,
      },
      spec: { ...workflow.spec, serviceAccountName: workflow.spec.serviceAccountName ?? sa },
    });
    const source: SubmitSource = {
      description: 'the workflow spec',
      parameterNames: () => declared.map(p => p.name),
      byReference: false,
      namesItself: false,
      templateServiceAccount: workflow.spec.serviceAccountName,
      source: (sa, generateName) => ({ resource: manifest(sa, generateName) }),
      renderedParameterNames: () => declared.map(p => p.name),
      namespace: workflow.metadata?.namespace,
    };
    return new SubmitWorkflowAction(source, options, () => templateReadPermissions(manifest(undefined, undefined)));
  }

  /** From a source read when the trigger fires (a ConfigMap key, git, a URL...). */
  public static fromResource(resource: TriggerResource, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    const r: ResolvedResource = resource._resolve();
    if (r.workflow) return SubmitWorkflowAction.fromWorkflow(r.workflow, options);
    const source: SubmitSource = {
      description: `the ${r.type.kind} of the trigger's source`,
      parameterNames: () => (r.manifest ? parameterNamesOf(r.manifest()) : undefined),
      byReference: false,
      namesItself: true,
      source: () => r.source(),
      renderedParameterNames: () => (r.manifest ? parameterNamesOf(r.manifest()) : []),
      namespace: r.type.namespace,
    };
    return new SubmitWorkflowAction(source, options, () => (r.manifest ? templateReadPermissions(r.manifest()) : []), r);
  }

  private constructor(
    private readonly source: SubmitSource,
    private readonly options: SubmitWorkflowOptions,
    private readonly readPermissions: () => SensorPermission[],
    private readonly resource?: ResolvedResource,
    private readonly workflow?: Workflow) {
    expectKind(options.serviceAccount, 'ServiceAccount', 'TriggerAction.submitWorkflow(): serviceAccount');
  }

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const verbs = ctx.hasResourcePolicy ? ['create', 'list', 'get'] : ['create', 'list'];
    const reads = this.readPermissions();
    // `argo submit -n <namespace>`: the workflow's namespace, when it names one other than the sensor's.
    const ns = this.source.byReference ? undefined : this.source.namespace;
    // The CLI validates against the WorkflowTemplates of the workflow's namespace, and calls the API there.
    const there = (p: SensorPermission): SensorPermission => (ns && !p.clusterScoped ? { ...p, namespace: ns } : p);
    ctx.grant([{ apiGroup: GROUP, resource: 'workflows', verbs }, ...reads, ...argoCliArgPermissions(this.options.cliArgs)].map(there));
    // Runs as: the trigger's account (set on the workflow), else the template's, else the sensor's default.
    let serviceAccountName: string | undefined;
    const runAs = this.options.serviceAccount ?? this.source.templateServiceAccount;
    if (this.options.serviceAccount) serviceAccountName = this.options.serviceAccount.name;
    if (runAs) ctx.grantExecutor(runAs, ns);
    else if (!this.resource) serviceAccountName = ctx.defaultWorkflowServiceAccount(ns);
    const args = this.options.arguments ?? [];
    if (this.workflow) TriggerResourceScope.assignParameters(this.workflow, args.map(a => a.parameter.name));
    const generateName = this.options.generateName ?? (this.source.byReference || this.source.namesItself ? undefined : `${ctx.sensorName}-`);
    return {
      fields: [...args.map(a => a.from), ...(this.options.resourceParameters ?? []).map(p => p.from)],
      checkedResource: this.workflow ? 'argoWorkflow.source.resource' : undefined,
      render: (resolve: FieldResolver): TriggerActionTemplate => ({
        argoWorkflow: {
          operation: 'submit',
          source: this.source.source(serviceAccountName, generateName, args),
          parameters: concat(args.length ? this.argumentParameters(args, resolve) : undefined, renderMappings(this.options.resourceParameters, resolve)),
          args: this.options.cliArgs,
        },
      }),
      check: () => [...this.validate(ctx), ...this.checkReads(ctx, reads), ...ctx.checkSecrets((this.resource?.secrets ?? []).filter(isDefined))],
    };
  }

  /** The templates the workflow references now, against those granted when the trigger was added. */
  private checkReads(ctx: TriggerBindContext, granted: readonly SensorPermission[]): string[] {
    const missing = this.readPermissions().filter(p => !granted.some(g => g.resource === p.resource));
    return missing.map(p => `${ctx.path}.argoWorkflow.source: the workflow now references ${p.resource} it did not when the trigger was added, so the sensor was granted no "get" on them `
      + 'and `argo submit` would fail. Add the trigger after the workflow is complete (its templates and references added).');
  }

  private argumentParameters(args: readonly WorkflowArgument[], resolve: FieldResolver): TriggerParameter[] {
    const names = this.source.renderedParameterNames(args);
    return args.map(a => ({ src: resolve(a.from), dest: `spec.arguments.parameters.${Math.max(0, names.indexOf(a.parameter.name))}.value` }));
  }

  private validate(ctx: TriggerBindContext): string[] {
    const errors: string[] = [];
    const seen = new Set<string>();
    const known = this.source.parameterNames();
    const at = `${ctx.path}.argoWorkflow.parameters`;
    for (const a of this.options.arguments ?? []) {
      const name = a.parameter.name;
      if (seen.has(name)) errors.push(`${at}: parameter "${name}" is mapped twice; the second value would overwrite the first. Map each parameter once.`);
      seen.add(name);
      if (known === undefined) {
        errors.push(`${at}: parameter "${name}" is mapped by object, but ${this.source.description} is read when the trigger fires, so its parameters are not known here `
          + 'and no dest path can be computed. Map the value with resourceParameters (dest spec.arguments.parameters.<index>.value) instead.');
      } else if (!known.includes(name)) {
        errors.push(`${at}: parameter "${name}" is not an argument of ${this.source.description} (its arguments: ${known.join(', ') || 'none'}); `
          + 'Argo would pass the value to a workflow that never reads it. Map a parameter the workflow declares (addArgument()), or declare it.');
      } else if (a.parameter instanceof WorkflowParameter && this.source.declares && !this.source.declares(a.parameter)) {
        errors.push(`${at}: the parameter object "${name}" was declared by another template, not by ${this.source.description}; `
          + 'the names match only by chance, so a rename on either side would silently break the mapping. Map the object the submitted workflow\'s addArgument() returned.');
      }
    }
    const ns = this.source.namespace;
    if (ns && ctx.sensorNamespace && ns !== ctx.sensorNamespace && this.source.byReference) {
      errors.push(`${ctx.path}.argoWorkflow.source: ${this.source.description} is in namespace "${ns}" but the sensor submits workflows into "${ctx.sensorNamespace}", `
        + 'where Argo would not find it. Define the sensor in the same namespace.');
    }
    return errors;
  }
}

/** The submitted workflow's metadata: the options' generateName and labels, and the default service account. */
function withSubmitMetadata(json: any, serviceAccountName: string | undefined, generateName: string | undefined, labels: { readonly [key: string]: string } | undefined): any {
  const metadata = { ...json.metadata };
  if (generateName) {
    delete metadata.name;
    metadata.generateName = generateName;
  }
  if (labels) metadata.labels = { ...metadata.labels, ...labels };
  const spec = serviceAccountName && json.spec?.serviceAccountName === undefined ? { ...json.spec, serviceAccountName } : json.spec;
  return { ...json, metadata, spec };
}

/** `spec.arguments.parameters[].name` of a workflow manifest, in order. */
function parameterNamesOf(manifest: { readonly [key: string]: any }): string[] {
  const list = manifest.spec?.arguments?.parameters;
  return Array.isArray(list) ? list.map((p: any) => String(p?.name)) : [];
}

/** `get` on the WorkflowTemplates a workflow refers to: `argo submit` validates against them. */
function templateReadPermissions(workflow: any): SensorPermission[] {
  let namespaced = false;
  let cluster = false;
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const key of ['templateRef', 'workflowTemplateRef']) {
      const ref = node[key];
      if (ref && typeof ref === 'object') {
        if (ref.clusterScope) cluster = true;
        else namespaced = true;
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(workflow.spec);
  return [
    ...(namespaced ? [{ apiGroup: GROUP, resource: 'workflowtemplates', verbs: ['get'] }] : []),
    ...(cluster ? [{ apiGroup: GROUP, resource: 'clusterworkflowtemplates', verbs: ['get'], clusterScoped: true }] : []),
  ];
}

function concat<T>(...lists: (T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap(l => l ?? []);
  return all.length ? all : undefined;
}

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}
