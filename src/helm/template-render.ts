import { isGoSpace, TemplateAction, templateActions, TemplateSyntaxError } from './template-actions';

/**
 * A template with its literal actions rendered as Helm renders them: each `{{ "x" }}` or {{`x`}}
 * replaced by its text, comments removed, trim markers applied. Other actions are left as written
 * (`unrendered`): only Helm can evaluate them.
 */
export interface RenderedTemplate {
  readonly text: string;
  /** Actions left in the text as written, in order. */
  readonly unrendered: readonly TemplateAction[];
  /** Where Helm stops parsing the template (it then renders nothing). */
  readonly error?: TemplateSyntaxError;
  /** Offset in the template of an offset of `text` (inside a rendered literal: the literal's `{{`). */
  originalOffset(offset: number): number;
}

/** A piece of the rendered text: copied from `from` in the template, or an action's output. */
interface Segment {
  readonly at: number;
  readonly from: number;
  readonly copied: boolean;
}

/**
 * Renders the literal actions of a template. When every action is a literal or a comment (as in
 * a chart cdk8s-argo writes: helmEscape() output only), the text is exactly what Helm renders.
 */
export function renderTemplate(template: string): RenderedTemplate {
  const scan = templateActions(template);
  if (!scan.actions.length) return { text: template, unrendered: [], error: scan.error, originalOffset: offset => offset };
  const segments: Segment[] = [];
  const unrendered: TemplateAction[] = [];
  let text = '';
  let pos = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    segments.push({ at: text.length, from, copied: true });
    text += template.slice(from, to);
  };
  for (const action of scan.actions) {
    if (action.kind === 'other') {
      unrendered.push(action);
      copy(pos, action.end);
      pos = action.end;
      continue;
    }
    let before = action.start;
    if (action.trimBefore) while (before > pos && isGoSpace(template[before - 1])) before--;
    copy(pos, before);
    if (action.kind === 'literal' && action.value) {
      segments.push({ at: text.length, from: action.start, copied: false });
      text += action.value;
    }
    pos = action.end;
    if (action.trimAfter) while (pos < template.length && isGoSpace(template[pos])) pos++;
  }
  // After a syntax error Helm renders nothing; the rest is kept as written for the messages.
  copy(pos, template.length);
  return { text, unrendered, error: scan.error, originalOffset: offset => originalOffset(segments, offset, template.length) };
}

function originalOffset(segments: readonly Segment[], offset: number, length: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0 || offset < segments[0].at) return Math.min(offset, length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  return s.copied ? Math.min(s.from + (offset - s.at), length) : s.from;
}
