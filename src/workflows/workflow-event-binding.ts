import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { markChanged } from '../core/revision';
import { addArgoValidation, addConstructCheck } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { undeclaredParameterProblem } from './workflow-spec';
import { IWorkflowParameter, IWorkflowTemplate } from './workflow-template-ref';

/** A workflow parameter a binding fills from the event. */
export interface EventBindingArgument {
  /** The parameter of the submitted WorkflowTemplate, e.g. the object `template.addArgument('size')` returned. */
  readonly parameter: IWorkflowParameter;
  /**
   * An expr-lang expression over the event (`payload`, `metadata`, `discriminator`), e.g.
   * `payload.appellation`.
   */
  readonly fromEvent: string;
}

/** Props of a WorkflowEventBinding. */
export interface WorkflowEventBindingProps {
  /**
   * Object metadata.
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Which events submit a workflow: an expr-lang expression over `payload`, `metadata` (the
   * request headers, lower-cased) and `discriminator` (the last path segment of the event URL),
   * e.g. `payload.appellation != ""`.
   */
  readonly selector: string;
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) submitted. */
  readonly workflowTemplate: IWorkflowTemplate;
  /**
   * Workflow parameters filled from the event, by parameter object.
   * @default - none: the template's defaults apply
   */
  readonly arguments?: EventBindingArgument[];
}

/**
 * A WorkflowEventBinding: Argo Server submits `workflowTemplate` for each event posted to its
 * `/api/v1/events/<namespace>/<discriminator>` endpoint that matches `selector`, with parameters
 * taken from the event. (Argo Events' sensors are the other way to start workflows from events.)
 */
export class WorkflowEventBinding extends Construct {
  /** The L1 object. */
  public readonly apiObject: l1.ArgoWorkflowEventBinding;
  private readonly args: EventBindingArgument[];

  constructor(scope: Construct, id: string, private readonly props: WorkflowEventBindingProps) {
    super(scope, id);
    markChanged();
    this.args = [...(props.arguments ?? [])];
    this.apiObject = new l1.ArgoWorkflowEventBinding(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderSpec()) }),
    });
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
    addConstructCheck(this, () => this.check());
  }

  /** Fills a workflow parameter from the event. */
  public addArgument(argument: EventBindingArgument): void {
    markChanged();
    this.args.push(argument);
  }

  private renderSpec(): l1.WorkflowEventBindingSpec {
    const wt = this.props.workflowTemplate;
    return {
      event: { selector: this.props.selector },
      submit: {
        workflowTemplateRef: { name: wt.name, clusterScope: wt.clusterScope ? true : undefined },
        arguments: this.args.length ? { parameters: this.args.map(a => ({ name: a.parameter.name, valueFrom: { event: a.fromEvent } })) } : undefined,
      },
    };
  }

  private check(): string[] {
    const label = `${this.apiObject.kind}/${this.apiObject.name}`;
    const seen = new Set<string>();
    const errors: string[] = [];
    this.args.forEach((a, i) => {
      const problem = undeclaredParameterProblem(this.props.workflowTemplate, a.parameter);
      if (problem) errors.push(`${label}: spec.submit.arguments.parameters[${i}]: fills ${problem}`);
      if (seen.has(a.parameter.name)) {
        errors.push(`${label}: spec.submit.arguments.parameters[${i}]: fills parameter "${a.parameter.name}" twice: Argo uses the first. Fill each parameter once.`);
      }
      seen.add(a.parameter.name);
    });
    return errors;
  }
}
