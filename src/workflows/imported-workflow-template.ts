import { Construct } from 'constructs';
import { InputArtifact, OutputArtifact } from './artifacts';
import { InputParameter, OutputParameter, WorkflowParameter } from './parameters';
import { ITemplate, TemplateInput, TemplateOutput } from './template-ref';
import { IWorkflowTemplate } from './workflow-template-ref';
import { constructId } from '../core/construct-id';

/** Options of `WorkflowTemplate.fromName()` / `ClusterWorkflowTemplate.fromName()`. */
export interface ImportedWorkflowTemplateOptions {
  /**
   * Namespace of the WorkflowTemplate (ignored for ClusterWorkflowTemplates).
   * @default - the namespace of whoever references it
   */
  readonly namespace?: string;
  /**
   * Names of its workflow parameters (`spec.arguments.parameters`), so runs and sensors can pass
   * values by object (`template.parameter('size')`).
   * @default - none known
   */
  readonly parameters?: string[];
  /**
   * Its `spec.serviceAccountName`, if it sets one.
   * @default - none
   */
  readonly serviceAccountName?: string;
}

/** What is known about a template of an imported WorkflowTemplate. */
export interface ImportedTemplateOptions {
  /**
   * Its inputs; when given, calls are checked against them.
   * @default - unknown: calls are not checked
   */
  readonly inputs?: TemplateInput[];
  /**
   * Its outputs, so callers can read them by object.
   * @default - none known
   */
  readonly outputs?: TemplateOutput[];
}

/** A template of a WorkflowTemplate that lives only in the cluster; calls use `templateRef`. */
export class ImportedTemplate implements ITemplate {
  /** Input parameters, as declared in the options. */
  public readonly inputParameters: readonly InputParameter[];
  /** Input artifacts, as declared in the options. */
  public readonly inputArtifacts: readonly InputArtifact[];
  /** Output parameters, as declared in the options. */
  public readonly outputParameters: readonly OutputParameter[];
  /** Output artifacts, as declared in the options. */
  public readonly outputArtifacts: readonly OutputArtifact[];
  /** True when the options declared the inputs. */
  public readonly interfaceKnown: boolean;

  /** @internal */
  constructor(public readonly name: string, public readonly workflowTemplate: IWorkflowTemplate, options: ImportedTemplateOptions = {}) {
    const inputs = options.inputs ?? [];
    const outputs = options.outputs ?? [];
    this.inputParameters = inputs.filter((i): i is InputParameter => i instanceof InputParameter);
    this.inputArtifacts = inputs.filter((i): i is InputArtifact => i instanceof InputArtifact);
    this.outputParameters = outputs.filter((o): o is OutputParameter => o instanceof OutputParameter);
    this.outputArtifacts = outputs.filter((o): o is OutputArtifact => o instanceof OutputArtifact);
    this.interfaceKnown = options.inputs !== undefined;
  }
}

/**
 * A WorkflowTemplate or ClusterWorkflowTemplate that lives only in the cluster. Workflows run it
 * (`workflowTemplate` prop), steps call its templates (`template(name)`), sensors submit it.
 * The linter warns when the set of linted manifests does not contain it.
 */
export class ImportedWorkflowTemplate extends Construct implements IWorkflowTemplate {
  /** `metadata.name`. */
  public readonly name: string;
  /** `metadata.namespace`, if given. */
  public readonly namespace?: string;
  /** True for a ClusterWorkflowTemplate. */
  public readonly clusterScope: boolean;
  /** Its service account, if given. */
  public readonly serviceAccountName?: string;
  /** Its workflow parameters, as given in the options. */
  public readonly parameters: readonly WorkflowParameter[];

  /** @internal */
  constructor(scope: Construct, id: string, name: string, clusterScope: boolean, options: ImportedWorkflowTemplateOptions = {}) {
    super(scope, constructId(scope, id));
    this.name = name;
    this.clusterScope = clusterScope;
    this.namespace = clusterScope ? undefined : options.namespace;
    this.serviceAccountName = options.serviceAccountName;
    this.parameters = (options.parameters ?? []).map(p => new WorkflowParameter(p));
  }

  /** One of its workflow parameters, declared in the options. */
  public parameter(name: string): WorkflowParameter {
    const p = this.parameters.find(x => x.name === name);
    if (!p) throw new Error(`${this.node.path}: WorkflowTemplate "${this.name}" was imported without a parameter "${name}" (known: ${this.parameters.map(x => x.name).join(', ') || 'none'}). List it in the fromName() options' parameters.`);
    return p;
  }

  /** One of its templates, to call from a step, task, hook or exit handler. */
  public template(name: string, options?: ImportedTemplateOptions): ImportedTemplate {
    return new ImportedTemplate(name, this, options);
  }
}
