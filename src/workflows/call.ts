import * as l1 from '../../imports/argo-workflows';
import { ArtifactArgument, InputArtifact } from './artifacts';
import { InputParameter, ParameterArgument, WorkflowParameter } from './parameters';
import { Template } from './template';
import { ITemplateHost } from './template-host';
import { ITemplate } from './template-ref';

/**
 * A value for one input of the called template, made from the input object itself, so that its
 * name cannot be wrong: `message.set('hello')` (a parameter), `art.from(step.outputArtifact(a))`
 * (an artifact).
 */
export type CallArgument = ParameterArgument | ArtifactArgument;

/** Values passed to a called template's inputs. */
export interface CallArguments {
  /**
   * Values of the template's inputs, each made from the input object:
   * `[message.set('hello'), data.from(producer.outputArtifact(out), { subPath: 'a.txt' })]`.
   * Checked against the template's inputs at synth.
   * @default - none
   */
  readonly arguments?: CallArgument[];
}

/**
 * @internal Clear errors for untyped callers (JavaScript, `as any`) still using the name-keyed
 * maps this package took before arguments were objects: `parameters: { [input.name]: value }`
 * and `artifacts: { [name]: source }` would otherwise be ignored without a word.
 */
export function refuseArgumentMaps(path: string, props: object): void {
  const given = props as { readonly parameters?: unknown; readonly artifacts?: unknown; readonly arguments?: unknown };
  for (const [key, example] of [['parameters', 'message.set(\'hello\')'], ['artifacts', 'data.from(step.outputArtifact(out))']] as const) {
    if (given[key] !== undefined) {
      throw new Error(`${path}: ${key} keyed by name is no longer taken (got ${JSON.stringify(Object.keys(Object(given[key])))}): pass arguments made from the input objects instead, `
        + `e.g. arguments: [${example}], so that a wrong name cannot compile.`);
    }
  }
  if (given.arguments !== undefined && !Array.isArray(given.arguments)) {
    throw new Error(`${path}: arguments must be a list made from the input objects, e.g. [message.set('hello')] (got ${JSON.stringify(given.arguments)}).`);
  }
}

/** @internal True when a call from `host` names `template` directly (`template: name`): a template of its own, or of the WorkflowTemplate it runs. */
export function callsByName(host: ITemplateHost, template: ITemplate): boolean {
  if (host.templates.includes(template)) return true;
  const runs = host.runsWorkflowTemplate;
  return runs !== undefined && template.workflowTemplate === runs;
}

/** @internal True for a template rendered inside the step or task that calls it. */
export function isInline(template: ITemplate): template is Template {
  return template instanceof Template && template.isInline;
}

/** @internal How a step or task in `host` names `template`: `template` when local, `templateRef` otherwise, or the template itself (`inline`). */
export function renderCallTarget(host: ITemplateHost, template: ITemplate): Pick<l1.WorkflowStep, 'template' | 'templateRef' | 'inline'> {
  if (isInline(template)) {
    const { name: _name, ...inline } = template._render();
    return { inline };
  }
  return renderTemplateReference(host, template);
}

/** @internal How a caller in `host` names `template`: `template` when local, `templateRef` otherwise. */
export function renderTemplateReference(host: ITemplateHost, template: ITemplate): Pick<l1.WorkflowStep, 'template' | 'templateRef'> {
  if (callsByName(host, template) || !template.workflowTemplate) return { template: template.name };
  const wt = template.workflowTemplate;
  return { templateRef: { name: wt.name, template: template.name, clusterScope: wt.clusterScope ? true : undefined } };
}

/** @internal */
export function renderArguments(args: readonly CallArgument[] | undefined): l1.Arguments | undefined {
  const parameters = (args ?? []).filter((a): a is ParameterArgument => a instanceof ParameterArgument).map(a => a._render());
  const artifacts = (args ?? []).filter((a): a is ArtifactArgument => a instanceof ArtifactArgument).map(a => a._render());
  if (!parameters.length && !artifacts.length) return undefined;
  return { parameters: parameters.length ? parameters : undefined, artifacts: artifacts.length ? artifacts : undefined };
}

/** @internal The field path of each argument below `arguments`: `.parameters[i]` or `.artifacts[j]`, in the order given. */
export function argumentPaths(args: readonly CallArgument[]): string[] {
  let p = 0;
  let a = 0;
  return args.map(x => (x instanceof ParameterArgument ? `.parameters[${p++}]` : `.artifacts[${a++}]`));
}

/** @internal Values of arguments that may hold typed variables. */
export function argumentValues(args: readonly CallArgument[] | undefined): unknown[] {
  return (args ?? []).map(a => (a instanceof ParameterArgument ? a.value : a._values));
}

/** @internal A problem found by `checkCall`: a path below the caller's field path, and the message. */
export interface CallProblem {
  readonly subPath: string;
  readonly message: string;
}

/**
 * @internal Problems with calling `template` from `host` with `args` that the rules cannot see
 * (they only know names): a template of another Workflow, arguments for inputs of another template.
 */
export function checkCall(host: ITemplateHost, template: ITemplate, args: readonly CallArgument[] | undefined): CallProblem[] {
  const errors: CallProblem[] = [];
  const push = (subPath: string, message: string) => errors.push({ subPath, message });
  if (isInline(template)) {
    if (template.spec !== host) push('.inline', `calls inline template "${template.name}" of ${template.spec.node.path}: an inline template is rendered in a step or task of its own object. Create the step there, or drop inline: true.`);
  } else if (!callsByName(host, template) && !template.workflowTemplate) {
    const owner = template instanceof Template ? template.spec.node.path : 'another workflow';
    push('.template', `calls template "${template.name}" of ${owner}, which is a Workflow or CronWorkflow: other workflows cannot reach its templates (no templateRef exists for them). Move the template into a WorkflowTemplate or ClusterWorkflowTemplate, or add it to this workflow.`);
  }
  const list = args ?? [];
  const paths = argumentPaths(list);
  const seen = new Set<unknown>();
  list.forEach((arg, i) => {
    const at = `.arguments${paths[i]}`;
    if (!(arg instanceof ParameterArgument) && !(arg instanceof ArtifactArgument)) {
      push(at, `passes ${JSON.stringify(arg)}, which is not an argument: make each from the input object, e.g. message.set('hello') or data.from(step.outputArtifact(out)).`);
      return;
    }
    const input = arg instanceof ParameterArgument ? arg.parameter : arg.artifact;
    const kind = arg instanceof ParameterArgument ? 'parameter' : 'artifact';
    if (seen.has(input)) push(at, `passes input ${kind} "${input.name}" twice: Argo uses the first value. Pass each input once.`);
    seen.add(input);
    if (input instanceof WorkflowParameter) {
      push(at, `passes workflow parameter "${input.name}" to template "${template.name}": a call fills the template's inputs, not workflow parameters. Pass a value for one of its InputParameter objects (input.set(value)).`);
      return;
    }
    if (!template.interfaceKnown) return;
    const declared: readonly (InputParameter | InputArtifact)[] = arg instanceof ParameterArgument ? template.inputParameters : template.inputArtifacts;
    if (declared.includes(input)) return;
    const names = declared.map(d => d.name);
    const same = names.includes(input.name);
    push(at, same
      ? `passes input ${kind} "${input.name}" through an object template "${template.name}" does not declare (it declares another "${input.name}", which Argo fills instead). Make the argument from the called template's own input object.`
      : `passes input ${kind} "${input.name}", which template "${template.name}" does not declare (${names.length ? `declared: ${names.join(', ')}` : 'it declares none'}): Argo ignores it. Make the argument from one of the called template's input objects.`);
  });
  return errors;
}
