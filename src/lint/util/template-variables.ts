/** One `{{...}}` reference found in a string, as Argo's template engine (fasttemplate) splits it. */
export interface TemplateTag {
  /** Text between the braces, trimmed: `inputs.parameters.message`, or for an expression the text after `=`. */
  readonly name: string;
  /** True for `{{=expr}}`: an expr-lang expression, which Argo evaluates at run time and never checks up front. */
  readonly expression: boolean;
  /** The reference exactly as written, braces included. */
  readonly raw: string;
  /**
   * Set on the outer reference of a nested one, `{{steps.run-{{inputs.parameters.date}}.status}}`:
   * its name keeps the inner reference as written (`steps.run-{{inputs.parameters.date}}.status`).
   * The inner reference is listed on its own right after it.
   */
  readonly nested?: true;
}

const NO_TAGS: readonly TemplateTag[] = Object.freeze([]);
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly TemplateTag[]>();

/**
 * The `{{...}}` references of a string, in order. Like Argo, a tag runs from `{{` to the next
 * `}}`; an unclosed `{{` ends the scan. A tag holding another `{{` is nested: Argo substitutes the
 * innermost reference first (util/template simpleReplaceStrict) and reads what it wrote as a new
 * tag running to the next `}}`, so `{{steps.run-{{inputs.parameters.date}}.status}}` is the outer
 * reference `steps.run-{{inputs.parameters.date}}.status` followed by the inner
 * `inputs.parameters.date`. Results are cached: the same strings are seen by several rules and
 * on every synth.
 */
export function templateTags(text: string): readonly TemplateTag[] {
  if (typeof text !== 'string' || text.indexOf('{{') < 0) return NO_TAGS;
  const cached = cache.get(text);
  if (cached) return cached;
  const tags: TemplateTag[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) break;
    const inner = text.slice(start + 2, end);
    const expression = inner.startsWith('=');
    const nestedAt = expression ? -1 : inner.lastIndexOf('{{');
    const outerEnd = nestedAt >= 0 ? text.indexOf('}}', end + 2) : -1;
    if (outerEnd >= 0) {
      const innerName = inner.slice(nestedAt + 2).trim();
      const name = `${inner.slice(0, nestedAt)}{{${innerName}}}${text.slice(end + 2, outerEnd)}`.trim();
      tags.push({ name, expression: false, raw: text.slice(start, outerEnd + 2), nested: true });
      tags.push({ name: innerName, expression: false, raw: text.slice(start + 2 + nestedAt, end + 2) });
      from = outerEnd + 2;
      continue;
    }
    tags.push({ name: (expression ? inner.slice(1) : inner).trim(), expression, raw: text.slice(start, end + 2) });
    from = end + 2;
  }
  const result = tags.length ? Object.freeze(tags) : NO_TAGS;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** True when the string holds at least one complete `{{...}}` reference (simple or expression). */
export function hasTemplateTag(text: unknown): boolean {
  return typeof text === 'string' && templateTags(text).length > 0;
}

/**
 * Splits a reference at its dots, keeping nested `{{...}}` parts whole:
 * `steps.run-{{inputs.parameters.date}}.status` -> `['steps', 'run-{{inputs.parameters.date}}', 'status']`.
 */
export function referenceParts(name: string): string[] {
  if (!name.includes('{{')) return name.split('.');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < name.length; i++) {
    if (name.startsWith('{{', i)) {
      depth++;
      current += '{{';
      i++;
    } else if (name.startsWith('}}', i) && depth > 0) {
      depth--;
      current += '}}';
      i++;
    } else if (name[i] === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += name[i];
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Whether two texts holding `{{...}}` references could be equal once Argo substitutes them, each
 * reference standing for any text (a step named `run-{{inputs.parameters.date}}` and the reference
 * `{{steps.run-{{inputs.parameters.day}}.status}}` could be; `check-...` and `run-...` could not).
 */
export function couldBeEqual(a: string, b: string): boolean {
  const x = wildcards(a);
  const y = wildcards(b);
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (y.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === x.length) result = y.slice(j).every(c => c === ANY);
    else if (j === y.length) result = x.slice(i).every(c => c === ANY);
    else if (x[i] === ANY) result = match(i + 1, j) || match(i, j + 1);
    else if (y[j] === ANY) result = match(i, j + 1) || match(i + 1, j);
    else result = x[i] === y[j] && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

const ANY = Symbol('any');

function wildcards(text: string): (string | typeof ANY)[] {
  return replaceTemplateTags(text, '\u0000').split('').map(c => (c === '\u0000' ? ANY : c));
}

/** Replaces every complete `{{...}}` reference with `replacement` (e.g. to check what is left). */
export function replaceTemplateTags(text: string, replacement: string): string {
  const tags = templateTags(text);
  if (!tags.length) return text;
  let out = text;
  for (const tag of tags) out = out.split(tag.raw).join(replacement);
  return out;
}
