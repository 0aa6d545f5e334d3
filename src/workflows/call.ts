import * as l1 from '../../imports/argo-workflows';
import { ArgoInput, renderInput } from './argo-variable';
import { ArtifactArgument, renderArtifactArgument } from './artifacts';
import { Template } from './template';
import { ITemplateHost } from './template-host';
import { ITemplate } from './template-ref';

/** Values passed to a called template's inputs. */
export interface CallArguments {
  /**
   * Values of the template's input parameters, keyed by name; write the keys from the
   * parameter objects (`{ [message.name]: 'hello' }`). Checked against the template's inputs.
   * @default - none
   */
  readonly parameters?: { [name: string]: ArgoInput };
  /**
   * Input artifacts, keyed by name: another node's artifact (`step.outputArtifact(a)`) or a location.
   * @default - none
   */
  readonly artifacts?: { [name: string]: ArtifactArgument };
}

/** @internal True when a call from `host` names `template` directly (`template: name`): a template of its own, or of the WorkflowTemplate it runs. */
export function callsByName(host: ITemplateHost, template: ITemplate): boolean {
  if (host.templates.includes(template)) return true;
  const runs = host.runsWorkflowTemplate;
  return runs !== undefined && template.workflowTemplate === runs;
}

/** @internal How a caller in `host` names `template`: `template` when local, `templateRef` otherwise. */
export function renderTemplateReference(host: ITemplateHost, template: ITemplate): Pick<l1.WorkflowStep, 'template' | 'templateRef'> {
  if (callsByName(host, template) || !template.workflowTemplate) return { template: template.name };
  const wt = template.workflowTemplate;
  return { templateRef: { name: wt.name, template: template.name, clusterScope: wt.clusterScope ? true : undefined } };
}

/** @internal */
export function renderArguments(args: CallArguments): l1.Arguments | undefined {
  const parameters = Object.entries(args.parameters ?? {}).map(([name, value]) => ({ name, value: renderInput(value) }));
  const artifacts = Object.entries(args.artifacts ?? {}).map(([name, value]) => renderArtifactArgument(name, value));
  if (!parameters.length && !artifacts.length) return undefined;
  return { parameters: parameters.length ? parameters : undefined, artifacts: artifacts.length ? artifacts : undefined };
}

/** @internal A problem found by `checkCall`: a path below the caller's field path, and the message. */
export interface CallProblem {
  readonly subPath: string;
  readonly message: string;
}

/**
 * @internal Problems with calling `template` from `host` with `args` that the rules cannot see
 * (they only know names): a template of another Workflow, argument keys the template lacks.
 */
export function checkCall(host: ITemplateHost, template: ITemplate, args: CallArguments): CallProblem[] {
  const errors: CallProblem[] = [];
  const push = (subPath: string, message: string) => errors.push({ subPath, message });
  if (!callsByName(host, template) && !template.workflowTemplate) {
    const owner = template instanceof Template ? template.spec.node.path : 'another workflow';
    push('.template', `calls template "${template.name}" of ${owner}, which is a Workflow or CronWorkflow: other workflows cannot reach its templates (no templateRef exists for them). Move the template into a WorkflowTemplate or ClusterWorkflowTemplate, or add it to this workflow.`);
  }
  if (!template.interfaceKnown) return errors;
  const params = template.inputParameters.map(p => p.name);
  Object.keys(args.parameters ?? {}).forEach((name, i) => {
    if (!params.includes(name)) {
      push(`.arguments.parameters[${i}]`, `passes parameter "${name}" but template "${template.name}" declares no such input (${params.length ? `declared: ${params.join(', ')}` : 'it declares none'}): Argo ignores it. Key the value by the template's InputParameter object: { [input.name]: value }.`);
    }
  });
  const arts = template.inputArtifacts.map(a => a.name);
  Object.keys(args.artifacts ?? {}).forEach((name, i) => {
    if (!arts.includes(name)) {
      push(`.arguments.artifacts[${i}]`, `passes artifact "${name}" but template "${template.name}" declares no such input artifact (${arts.length ? `declared: ${arts.join(', ')}` : 'it declares none'}). Key it by the template's InputArtifact object.`);
    }
  });
  return errors;
}
