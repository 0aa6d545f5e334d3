import { Severity } from '../../types';
import { couldBeEqual, referenceParts } from '../../util/template-variables';
import { describeTemplate, isLeaf, TemplateSite } from './model';
import { inputNames, NameSet, NodeScope, VariableEnv, WorkflowScope } from './variable-scope';
import { perManifest } from '../../util/manifest-memo';

/** Why one `{{...}}` reference does not resolve where it is used. */
export interface VariableProblem {
  readonly ruleId: 'W28' | 'W31' | 'W32';
  readonly message: string;
  readonly severity?: Severity;
  /** `{{workflow.failures}}` in a WorkflowTemplate without onExit: decided across the linted set. */
  readonly needsExitHandler?: boolean;
}

/** Roots Argo checks; references starting otherwise (`{{item}}`, `{{retries}}`, `{{node.name}}`...) are never rejected. */
const CHECKED_ROOTS = ['item.', 'steps.', 'inputs.', 'outputs.', 'pod.', 'workflow.', 'tasks.'];
const WORKFLOW_KEYS = new Set(['name', 'namespace', 'uid', 'mainEntrypoint', 'serviceAccountName', 'priority', 'status', 'labels', 'annotations']);
const RUNTIME_PREFIXES = ['workflow.creationTimestamp', 'workflow.scheduledTime', 'workflow.duration'];
const REJECTED = 'Argo rejects the workflow';

const inputsOf: (t: TemplateSite) => ReturnType<typeof inputNames> = perManifest(inputNames);

function list(names: Iterable<string>): string {
  const all = [...names];
  return all.length ? all.join(', ') : 'none';
}

/** A reference split once: the same few references are checked in every template of every workflow. */
interface ParsedReference {
  /** The reference as messages quote it, braces included. */
  readonly ref: string;
  readonly parts: readonly string[];
  /** True when a part holding a nested reference is only known at run time (not a step or task named that way). */
  readonly runtime: boolean;
}

const PARSED_LIMIT = 20_000;
const parsed = new Map<string, ParsedReference>();

function parse(tag: string): ParsedReference {
  let reference = parsed.get(tag);
  if (!reference) {
    const parts = referenceParts(tag);
    const dynamic = parts.findIndex(p => p.includes('{{'));
    reference = { ref: `{{${tag}}}`, parts, runtime: dynamic >= 0 && !(dynamic === 1 && (parts[0] === 'steps' || parts[0] === 'tasks')) };
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(tag, reference);
  }
  return reference;
}

/** Checks one simple `{{...}}` reference (trimmed, without braces) against its scope. */
export function checkVariable(tag: string, env: VariableEnv, wf: WorkflowScope, isTemplateKind: boolean): VariableProblem | undefined {
  if (!CHECKED_ROOTS.some(root => tag.startsWith(root))) return undefined;
  const { ref, parts, runtime } = parse(tag);
  if (runtime) return undefined;
  switch (parts[0]) {
    case 'outputs':
    case 'pod':
      return undefined; // self-reference in metrics / pod name: resolved at run time
    case 'inputs': return checkInput(tag, parts, ref, env);
    case 'item': return checkItem(parts, ref, env);
    case 'steps': return checkNode(parts, ref, env.steps, 'steps');
    case 'tasks': return checkNode(parts, ref, env.tasks, 'tasks');
    default: return checkWorkflow(tag, parts, ref, wf, isTemplateKind);
  }
}

function checkInput(tag: string, parts: readonly string[], ref: string, env: VariableEnv): VariableProblem | undefined {
  const t = env.template;
  const names = inputsOf(t);
  const what = describeTemplate(t);
  // The JSON list of the inputs: Argo substitutes it in every template, even one without inputs ("[]").
  if (tag === 'inputs.parameters') return undefined;
  if (parts[1] === 'parameters' && parts.length === 3) {
    if (names.parameters.has(parts[2]) || env.extraInputs?.has(parts[2])) return undefined;
    return w31(`${ref} names no input parameter of ${what} (declared: ${list(names.parameters)}): ${REJECTED} ("failed to resolve ${ref}"). `
      + `Declare "${parts[2]}" under inputs.parameters or fix the name.`);
  }
  if (parts[1] === 'artifacts' && (parts.length === 3 || (parts.length === 4 && parts[3] === 'path'))) {
    if (!names.artifacts.has(parts[2])) {
      return w31(`${ref} names no input artifact of ${what} (declared: ${list(names.artifacts)}): ${REJECTED} ("failed to resolve ${ref}"). `
        + `Declare "${parts[2]}" under inputs.artifacts or fix the name.`);
    }
    if (parts.length === 4 && !isLeaf(t)) {
      return w31(`${ref} is the path of an artifact inside a container, but ${what} runs no container: ${REJECTED}. Read the path in the template that uses the artifact.`);
    }
    return undefined;
  }
  return w31(`${ref} is not an input variable (use inputs.parameters.<name>, inputs.artifacts.<name> or inputs.artifacts.<name>.path): ${REJECTED} ("failed to resolve ${ref}").`);
}

function checkItem(parts: readonly string[], ref: string, env: VariableEnv): VariableProblem | undefined {
  if (env.item === 'any') return undefined;
  if (env.item === 'none') {
    return w31(`${ref} is only set for a step or task that loops (withItems, withParam or withSequence), and this one does not: `
      + `${REJECTED} ("failed to resolve ${ref}"). Add a loop, or pass the value in as an argument of the looping step.`);
  }
  if (env.item.has(parts[1])) return undefined;
  return w31(`${ref} names key "${parts[1]}", which no withItems entry has (keys: ${list(env.item)}): ${REJECTED} ("failed to resolve ${ref}"). `
    + 'Fix the key or add it to the items.');
}

function checkNode(parts: readonly string[], ref: string, scope: NodeScope | undefined, kind: 'steps' | 'tasks'): VariableProblem | undefined {
  const noun = kind === 'steps' ? 'step' : 'task';
  if (parts[1] === 'name' && parts.length === 2) return undefined; // the current step/task name, set at run time
  if (!scope) {
    return w31(`${ref} reads a ${noun}, but ${kind}.* variables only resolve inside a ${kind === 'steps' ? 'steps' : 'DAG'} template: `
      + `${REJECTED} ("failed to resolve ${ref}"). Pass the value in as an input parameter from the ${noun} that runs this template.`);
  }
  const name = parts[1];
  if (!scope.all.has(name)) {
    // Built from a variable (Argo substitutes it first): unknown unless no step/task name could match it.
    if (name.includes('{{') && [...scope.all.keys()].some(n => couldBeEqual(name, n))) return undefined;
    return { ruleId: kind === 'tasks' && scope.current !== undefined ? 'W28' : 'W31',
      message: `${ref} names no ${noun} "${name}" of this template (${kind}: ${list(scope.all.keys())}): ${REJECTED} ("failed to resolve ${ref}"). Fix the ${noun} name.` };
  }
  if (!scope.visible(name)) {
    if (kind === 'tasks') {
      return { ruleId: 'W28', message: `task "${scope.current}" reads ${ref} but does not depend on "${name}": Argo leaves the expression unresolved `
        + `(or fails the task). Add "${name}" to ${scope.current}'s depends (or dependencies).` };
    }
    return w31(`step "${scope.current}" reads ${ref}, but step "${name}" runs in the same step group or a later one: `
      + `Argo cannot resolve it when "${scope.current}" starts and fails the step. Move "${name}" to an earlier step group.`);
  }
  const called = scope.all.get(name);
  if (called && parts[2] === 'outputs' && parts.length === 5 && (parts[3] === 'parameters' || parts[3] === 'artifacts')) {
    const outputs: unknown[] = Array.isArray(called.template.outputs?.[parts[3]]) ? called.template.outputs[parts[3]] : [];
    const declared = new Set(outputs.map((o: any) => o?.name).filter((n): n is string => typeof n === "string"));
    if (!declared.has(parts[4])) {
      const what = parts[3] === 'parameters' ? 'output parameter' : 'output artifact';
      return { ruleId: 'W31',
        message: `${ref} reads ${what} "${parts[4]}" of ${noun} "${name}", but ${describeTemplate(called)} declares no such output (declared: ${list(declared)}): `
          + `${REJECTED} ("failed to resolve ${ref}"). Fix the name or declare the output.` };
    }
  }
  return undefined;
}

function checkWorkflow(tag: string, parts: readonly string[], ref: string, wf: WorkflowScope, isTemplateKind: boolean): VariableProblem | undefined {
  if (RUNTIME_PREFIXES.some(p => tag.startsWith(p))) return undefined;
  const key = parts[1];
  if (parts.length === 2 && WORKFLOW_KEYS.has(key)) return undefined;
  if (key === 'labels' || key === 'annotations') return checkMetadata(parts, ref, key, wf, isTemplateKind);
  if (key === 'parameters') return checkWorkflowParameter(tag, parts, ref, wf.parameters);
  if (key === 'outputs' && parts.length >= 4 && (parts[2] === 'parameters' || parts[2] === 'artifacts')) {
    const names = parts[2] === 'parameters' ? wf.globalParameters : wf.globalArtifacts;
    const name = parts.slice(3).join('.');
    if (names === 'any' || names.has(name)) return undefined;
    return {
      ruleId: 'W32',
      severity: isTemplateKind ? 'warning' : 'error',
      message: `${ref} needs a template output with globalName "${name}", and no template this spec runs sets one `
        + `(globalNames: ${list(names)}): ${isTemplateKind ? 'unless every workflow that uses this template lifts it, ' : ''}`
        + `${REJECTED} ("failed to resolve ${ref}"). Set globalName: ${name} on the ${parts[2] === 'parameters' ? 'output parameter' : 'output artifact'} that produces it.`,
    };
  }
  if (tag === 'workflow.failures') {
    if (wf.hasExitHandler) return undefined;
    if (isTemplateKind) return { ruleId: 'W32', message: '', needsExitHandler: true };
    return { ruleId: 'W32', message: `${ref} is only set while the exit handler runs, and this workflow has no spec.onExit: `
      + `${REJECTED} ("failed to resolve ${ref}"). Set spec.onExit to the template that reports failures, or remove the reference.` };
  }
  return { ruleId: 'W32', message: `${ref} is not an Argo workflow variable: ${REJECTED} ("failed to resolve ${ref}"). `
    + 'Known: workflow.name, namespace, uid, serviceAccountName, mainEntrypoint, priority, status, duration, creationTimestamp, scheduledTime, '
    + 'parameters.<name>, labels.<key>, annotations.<key>, outputs.parameters.<globalName>, outputs.artifacts.<globalName>, failures (exit handler only).' };
}

function checkMetadata(parts: readonly string[], ref: string, key: 'labels' | 'annotations', wf: WorkflowScope, isTemplateKind: boolean): VariableProblem | undefined {
  if (parts.length === 2 || (parts.length === 3 && parts[2] === 'json')) return undefined; // all of them, as JSON
  const name = parts.slice(2).join('.');
  const known = wf[key];
  if (known === 'any' || known.has(name)) return undefined;
  const what = key === 'labels' ? 'label' : 'annotation';
  const misplaced = wf.misplaced[key].get(name);
  if (misplaced) {
    return w32(`${ref} reads ${what} "${name}", which is ${misplaced}: ${REJECTED} ("failed to resolve ${ref}"). `
      + `Set it under this workflow's metadata.${key} or spec.workflowMetadata.${key}.`);
  }
  const owner = isTemplateKind ? 'Argo rejects the template' : REJECTED;
  return {
    ruleId: 'W32',
    severity: 'warning',
    message: `${ref} reads ${what} "${name}", which this ${isTemplateKind ? 'template' : 'workflow'} does not set (${key}: ${list(known)}): `
      + `${owner} ("failed to resolve ${ref}") unless the controller's workflowDefaults set it. Set it under metadata.${key} or spec.workflowMetadata.${key}.`,
  };
}

function checkWorkflowParameter(tag: string, parts: readonly string[], ref: string, names: NameSet): VariableProblem | undefined {
  if (names === 'any') return undefined;
  if (tag === 'workflow.parameters' || tag === 'workflow.parameters.json') {
    if (names.size) return undefined;
    return w32(`${ref} lists the workflow parameters, but spec.arguments.parameters is empty: ${REJECTED} ("failed to resolve ${ref}"). Declare parameters or drop the reference.`);
  }
  const name = parts.slice(2).join('.');
  if (names.has(name)) return undefined;
  return w32(`${ref} names no workflow parameter (spec.arguments.parameters: ${list(names)}): ${REJECTED} ("failed to resolve ${ref}"). `
    + `Declare "${name}" under spec.arguments.parameters or fix the name.`);
}

function w31(message: string): VariableProblem {
  return { ruleId: 'W31', message };
}

function w32(message: string): VariableProblem {
  return { ruleId: 'W32', message };
}
