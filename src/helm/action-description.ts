import { isGoSpace, TemplateAction } from './template-actions';

/**
 * First names of Argo's variables ({{workflow.name}}, {{inputs.parameters.x}}, {{item}}...).
 * Helm has no function of these names, so it refuses a template holding one unescaped.
 */
const ARGO_ROOTS = new Set(['workflow', 'inputs', 'outputs', 'steps', 'tasks', 'item', 'pod', 'retries', 'lastRetry', 'cronworkflow', 'node']);

/** How Helm takes an action that is neither a literal nor a comment. */
export type UnrenderedKind =
  /** An Argo expression or variable Helm refuses ("function "workflow" not defined"). */
  | 'argo'
  /** Helm's own template code (`{{ .Values.x }}`, `{{- include ... }}`): only Helm can render it. */
  | 'helm';

/** Whether an unrendered action is Argo's (Helm refuses the chart) or Helm's own code. */
export function unrenderedKind(action: TemplateAction): UnrenderedKind {
  const body = trimGo(action.body);
  if (body.startsWith('=')) return 'argo';
  const root = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.|$)/.exec(body);
  return root && ARGO_ROOTS.has(root[1]) ? 'argo' : 'helm';
}

/** Helm's own error for an Argo action, as `helm template` prints it. */
export function helmErrorFor(action: TemplateAction): string {
  const body = trimGo(action.body);
  if (body.startsWith('=')) return 'unexpected "=" in command';
  const root = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body);
  return root ? `function "${root[0]}" not defined` : 'invalid syntax';
}

/** True when Helm's error message is its refusal of one of Argo's expressions. */
export function refusesArgo(helmError: string): boolean {
  if (helmError.includes('unexpected "=" in command')) return true;
  const name = /function "([^"]+)" not defined/.exec(helmError);
  return name !== null && ARGO_ROOTS.has(name[1]);
}

/** One sentence on an action left unrendered: what it is and what Helm does with it. */
export function describeUnrenderedAction(action: TemplateAction): string {
  const text = excerpt(action);
  if (unrenderedKind(action) === 'argo') {
    return `"${text}" is an Argo expression, which Helm reads as its own template action: Helm refuses the chart (${helmErrorFor(action)})`;
  }
  return `"${text}" is a Helm template action, which only Helm can render`;
}

/** The action as written, shortened. */
export function excerpt(action: TemplateAction): string {
  const text = `{{${action.trimBefore ? '- ' : ''}${action.body}${action.trimAfter ? ' -' : ''}}}`;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function trimGo(body: string): string {
  let from = 0;
  let to = body.length;
  while (from < to && isGoSpace(body[from])) from++;
  while (to > from && isGoSpace(body[to - 1])) to--;
  return body.slice(from, to);
}
