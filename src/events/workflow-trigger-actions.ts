import { ApiObjectMetadata } from 'cdk8s';
import { TriggerParameter } from '../../imports/argo-events';
import { ArgoWorkflow, WorkflowSpec } from '../../imports/argo-workflows';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { WorkflowParameter } from '../workflows/parameters';
import { IWorkflowParameter, IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { EventField } from './event-field';
import { BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';

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
   * @default - none: the template's defaults apply
   */
  readonly arguments?: WorkflowArgument[];
  /**
   * `metadata.generateName` of the submitted workflows.
   * @default - the template name (or the sensor name for a workflow spec) followed by `-`
   */
  readonly generateName?: string;
  /**
   * Labels of the submitted workflows (Argo Events adds its own sensor/trigger labels).
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Service account the workflows run as; it gets the executor permissions.
   * @default - the template's service account, else one the sensor creates
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Extra arguments for `argo submit` (e.g. `--node-field-selector`).
   * @default - none
   */
  readonly cliArgs?: string[];
}

/** A full Workflow to submit, written with the generated types. */
export interface WorkflowManifest {
  /**
   * Metadata of the workflow (name or generateName, labels...).
   * @default - generateName from the options or the sensor name
   */
  readonly metadata?: ApiObjectMetadata;
  /** The workflow spec. */
  readonly spec: WorkflowSpec;
}

interface SubmitSource {
  readonly description: string;
  /** Names of the declared workflow parameters (read at synth: arguments may be added later). */
  parameterNames(): readonly string[];
  /** The declared parameter objects, when the source is a template object. */
  parameterObjects?(): readonly IWorkflowParameter[];
  /** True when the workflow references a template whose arguments the workflow declares itself. */
  readonly byReference: boolean;
  readonly templateServiceAccount?: string | IServiceAccountRef;
  manifest(serviceAccountName: string | undefined, generateName: string | undefined, args: readonly WorkflowArgument[]): any;
}

/** Submits a workflow from a WorkflowTemplate or a full spec. @internal */
export class SubmitWorkflowAction implements ITriggerAction {
  /** From a WorkflowTemplate or ClusterWorkflowTemplate, by reference. */
  public static fromTemplate(template: IWorkflowTemplate, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    const source: SubmitSource = {
      description: `${template.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} "${template.name}"`,
      parameterNames: () => template.parameters.map(p => p.name),
      parameterObjects: () => template.parameters,
      byReference: true,
      templateServiceAccount: template.serviceAccount ?? template.serviceAccountName,
      manifest: (serviceAccountName, generateName, args) => ArgoWorkflow.manifest({
        metadata: { generateName: generateName ?? `${template.name}-`, labels: options.labels },
        spec: {
          workflowTemplateRef: { name: template.name, clusterScope: template.clusterScope || undefined },
          arguments: args.length ? { parameters: args.map(a => ({ name: a.parameter.name, value: '' })) } : undefined,
          serviceAccountName,
        },
      }),
    };
    const permissions: SensorPermission[] = [template.clusterScope
      ? { apiGroup: GROUP, resource: 'clusterworkflowtemplates', verbs: ['get'], clusterScoped: true }
      : { apiGroup: GROUP, resource: 'workflowtemplates', verbs: ['get'] }];
    return new SubmitWorkflowAction(source, options, permissions, template.namespace);
  }

  /** From a full workflow (its templates inline). */
  public static fromManifest(workflow: WorkflowManifest, options: SubmitWorkflowOptions): SubmitWorkflowAction {
    const declared = workflow.spec.arguments?.parameters ?? [];
    const source: SubmitSource = {
      description: 'the workflow spec',
      parameterNames: () => declared.map(p => p.name),
      byReference: false,
      templateServiceAccount: workflow.spec.serviceAccountName,
      manifest: (serviceAccountName, generateName) => ArgoWorkflow.manifest({
        metadata: {
          ...workflow.metadata,
          generateName: workflow.metadata?.name ? undefined : (workflow.metadata?.generateName ?? generateName),
          labels: workflow.metadata?.labels || options.labels ? { ...workflow.metadata?.labels, ...options.labels } : undefined,
        },
        spec: { ...workflow.spec, serviceAccountName: workflow.spec.serviceAccountName ?? serviceAccountName },
      }),
    };
    return new SubmitWorkflowAction(source, options, templateReadPermissions(source.manifest(undefined, undefined, [])), workflow.metadata?.namespace);
  }

  private constructor(
    private readonly source: SubmitSource,
    private readonly options: SubmitWorkflowOptions,
    private readonly readPermissions: SensorPermission[],
    private readonly namespace: string | undefined) {
    expectKind(options.serviceAccount, 'ServiceAccount', 'TriggerAction.submitWorkflow(): serviceAccount');
  }

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    const verbs = ctx.hasResourcePolicy ? ['create', 'list', 'get'] : ['create', 'list'];
    ctx.grant([{ apiGroup: GROUP, resource: 'workflows', verbs }, ...this.readPermissions]);
    // Runs as: the trigger's account (set on the workflow), else the template's, else the sensor's default.
    let serviceAccountName: string | undefined;
    const runAs = this.options.serviceAccount ?? this.source.templateServiceAccount;
    if (this.options.serviceAccount) serviceAccountName = this.options.serviceAccount.name;
    if (runAs) ctx.grantExecutor(runAs);
    else serviceAccountName = ctx.defaultWorkflowServiceAccount();
    const args = this.options.arguments ?? [];
    const generateName = this.options.generateName ?? (this.source.byReference ? undefined : `${ctx.sensorName}-`);
    return {
      fields: args.map(a => a.from),
      render: (resolve: FieldResolver): TriggerActionTemplate => ({
        argoWorkflow: {
          operation: 'submit',
          source: { resource: this.source.manifest(serviceAccountName, generateName, args) },
          parameters: args.length ? this.parameters(args, resolve) : undefined,
          args: this.options.cliArgs,
        },
      }),
      check: () => this.validate(ctx),
    };
  }

  private parameters(args: readonly WorkflowArgument[], resolve: FieldResolver): TriggerParameter[] {
    // The template form declares exactly the mapped arguments, in order; a full spec keeps its own list.
    const names = this.source.byReference ? args.map(a => a.parameter.name) : this.source.parameterNames();
    return args.map(a => ({ src: resolve(a.from), dest: `spec.arguments.parameters.${Math.max(0, names.indexOf(a.parameter.name))}.value` }));
  }

  private validate(ctx: TriggerBindContext): string[] {
    const errors: string[] = [];
    const seen = new Set<string>();
    const known = this.source.parameterNames();
    for (const a of this.options.arguments ?? []) {
      const name = a.parameter.name;
      if (seen.has(name)) errors.push(`${ctx.path}.argoWorkflow.parameters: parameter "${name}" is mapped twice; the second value would overwrite the first. Map each parameter once.`);
      seen.add(name);
      if (!known.includes(name)) {
        errors.push(`${ctx.path}.argoWorkflow.parameters: parameter "${name}" is not an argument of ${this.source.description} (its arguments: ${known.join(', ') || 'none'}); `
          + 'Argo would pass the value to a workflow that never reads it. Map a parameter the template declares (template.addArgument()), or declare it.');
      } else if (a.parameter instanceof WorkflowParameter && this.source.parameterObjects && !this.source.parameterObjects().includes(a.parameter)) {
        errors.push(`${ctx.path}.argoWorkflow.parameters: the parameter object "${name}" was declared by another template, not by ${this.source.description}; `
          + 'the names match only by chance, so a rename on either side would silently break the mapping. Map the object the submitted template\'s addArgument() returned.');
      }
    }
    if (this.namespace && ctx.sensorNamespace && this.namespace !== ctx.sensorNamespace) {
      errors.push(`${ctx.path}.argoWorkflow.source: ${this.source.description} is in namespace "${this.namespace}" but the sensor submits workflows into "${ctx.sensorNamespace}", `
        + 'where Argo would not find it. Define the sensor in the same namespace.');
    }
    return errors;
  }
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
