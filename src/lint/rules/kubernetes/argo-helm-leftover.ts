import { renderTemplate } from '../../../helm/template-render';
import { Rule } from '../../types';

/** Go-template actions Helm uses and Argo never does (Argo tags are `{{name.path}}` or `{{=expr}}`). */
const HELM_ACTION = /\{\{-?\s*(?:[.$`]|-|(?:include|toYaml|toJson|template|tpl|if|else|end|range|with|define|quote|squote|default|required|nindent|indent|printf|print|lower|upper|trim|now|date|htmlDate|htmlDateInZone|b64enc|b64dec|lookup)\b)|\s-\}\}/;
/** Argo Events fields that are Go templates themselves: there only Helm's own objects give Helm away. */
const GO_TEMPLATE_FIELDS = new Set(['dataTemplate', 'contextTemplate', 'template']);
/**
 * Containers: their command, args, script source and env values are handed to a program, which
 * may take Go templates of its own (`kubectl get pods -o go-template="{{range .items}}..."`,
 * `docker inspect --format '{{.Id}}'`). Argo leaves `{{...}}` it does not know alone there, so
 * here too only Helm's own objects give Helm away.
 */
const CONTAINER_FIELDS = new Set(['container', 'script', 'containers', 'initContainers', 'sidecars', 'ephemeralContainers']);
const HELM_ONLY = /\{\{-?\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$\.|`|include\b|toYaml\b|tpl\b)/;
/** What YAML makes of an unquoted `{{ .Values.x }}`: a map whose key is the `{ .Values.x }` text. */
const HELM_KEY = /^\{\s*-?\s*[.$]/;
const OPENING_BRACE = 0x7b;

/**
 * ARGO-HELM-LEFTOVER: Helm/Go-template syntax left in a manifest (`{{ .Values.x }}`,
 * `{{- include ... }}`, the backtick escape `{{`...`}}`). Helm renders it away; anything else
 * applies it as literal text, and Argo fails to resolve it as one of its own `{{...}}` tags.
 */
export const ARGO_HELM_LEFTOVER: Rule = {
  id: 'ARGO-HELM-LEFTOVER',
  description: 'No unrendered Helm template syntax ({{ .Values... }}, {{- ... }}, {{`...`}}) in manifests',
  check(ctx) {
    ctx.onWalk(at => {
      const { value, key } = at;
      // Every key is visited with its value: a key that is "{ .Values.x }" text sits there.
      if (typeof key === 'string' && key.charCodeAt(0) === OPENING_BRACE && HELM_KEY.test(key)) {
        ctx.report(at.path, `the key "${key}" is an unquoted Helm expression that YAML read as a nested mapping: the field holds a map instead of the value Helm would have put there. ${FIX}`);
      }
      // Both patterns need "{{" or "-}}": most strings hold neither.
      if (typeof value !== 'string' || (!value.includes('{{') && !value.includes('-}}'))) return true;
      const toolTemplate = (typeof key === 'string' && GO_TEMPLATE_FIELDS.has(key)) || at.fields.some(f => CONTAINER_FIELDS.has(f));
      const match = (toolTemplate ? HELM_ONLY : HELM_ACTION).exec(value);
      if (match) ctx.report(at.path, `"${excerpt(value, match.index)}" ${escapeOf(value) ?? 'is Helm template syntax'} that was never rendered: ${consequence(String(ctx.manifest.kind))} ${FIX}`);
      return true;
    });
  },
};

const FIX = 'Render the chart (helm template / helm install) and apply its output, or replace the expression with the value it stands for.';

/**
 * For text whose Helm actions are all escapes (literal text such as {{`{{workflow.name}}`}}): what
 * Helm renders it to, which is what the author meant Argo to see.
 */
function escapeOf(value: string): string | undefined {
  const rendered = renderTemplate(value);
  if (rendered.error || rendered.unrendered.length || rendered.text === value) return undefined;
  return `is Helm's escape of "${excerpt(rendered.text, 0)}" (the text Helm renders it to)`;
}

function consequence(kind: string): string {
  const argo = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'].includes(kind);
  return argo ? 'Argo reads {{...}} as one of its own variables and fails the workflow ("failed to resolve").' : 'it is applied as literal text.';
}

function excerpt(value: string, index: number): string {
  const start = Math.max(0, index - 10);
  const text = value.slice(start, index + 50);
  return (start > 0 ? '...' : '') + text + (index + 50 < value.length ? '...' : '');
}
