import { Rule } from '../../types';
import { isSubstituted } from '../../util/substitution';

/** Where a `{{` opens that no `}}` closes (fasttemplate's parse, util/template), or -1. */
export function unclosedTagAt(text: string): number {
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return -1;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return start;
    from = end + 2;
  }
}

/** Field names from the root down to a Workflow's spec that a Sensor trigger creates inline (list indexes left out). */
const INLINE_WORKFLOW_SPEC = ['spec', 'triggers', 'template', '*', 'source', 'resource', 'spec'];

/**
 * W45: no `{{` without its `}}` in a workflow spec. Argo substitutes variables through
 * fasttemplate over the JSON of the spec and of each template, and fasttemplate refuses a
 * start tag without an end tag: the workflow is rejected on submission ("Cannot find end
 * tag"). Also in the spec of a Workflow a Sensor creates inline.
 */
export const W45_UNCLOSED_TAGS: Rule = {
  id: 'W45',
  description: 'No "{{" without its closing "}}" in a workflow spec (Argo refuses the workflow)',
  kinds: ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'Sensor'],
  check(ctx) {
    const kind = ctx.manifest.kind;
    ctx.onWalk(at => {
      const { fields } = at;
      if (!substituted(kind, fields)) return within(kind, fields);
      if (typeof at.value !== 'string') return true;
      const start = unclosedTagAt(at.value);
      // A Sensor's inline resource is substituted only when it is a Workflows kind.
      if (start < 0 || !isSubstituted(ctx.manifest, at.path)) return true;
      const context = at.value.slice(start, start + 30);
      ctx.report(at.path, `"${context}${at.value.length > start + 30 ? '...' : ''}" opens "{{" without a closing "}}": Argo's template engine refuses the workflow `
        + '("Cannot find end tag=\\"}}\\""), because it substitutes variables over the whole template. Close the variable, or move the literal text '
        + '(e.g. a script\'s own templates) into an artifact or a ConfigMap the step reads.');
      return true;
    });
  },
};

/** True when the value at these fields is inside a spec Argo substitutes. */
function substituted(kind: string | undefined, fields: readonly string[]): boolean {
  if (kind === 'CronWorkflow') return fields[0] === 'spec' && fields[1] === 'workflowSpec';
  if (kind !== 'Sensor') return fields[0] === 'spec';
  if (fields.length < INLINE_WORKFLOW_SPEC.length) return false;
  return INLINE_WORKFLOW_SPEC.every((f, i) => matches(f, fields[i]));
}

/** Whether to walk below a value that is not substituted: only on the way to a part that is. */
function within(kind: string | undefined, fields: readonly string[]): boolean {
  if (fields.length === 0) return true;
  if (kind === 'CronWorkflow') return fields.length === 1 && fields[0] === 'spec';
  if (kind !== 'Sensor') return false;
  return fields.length < INLINE_WORKFLOW_SPEC.length && fields.every((f, i) => matches(INLINE_WORKFLOW_SPEC[i], f));
}

function matches(expected: string, field: string): boolean {
  return expected === '*' ? field === 'k8s' || field === 'argoWorkflow' : field === expected;
}
