/** One `{{...}}` reference found in a string, as Argo's template engine (fasttemplate) splits it. */
export interface TemplateTag {
  /** Text between the braces, trimmed: `inputs.parameters.message`, or for an expression the text after `=`. */
  readonly name: string;
  /** True for `{{=expr}}`: an expr-lang expression, which Argo evaluates at run time and never checks up front. */
  readonly expression: boolean;
  /** The reference exactly as written, braces included. */
  readonly raw: string;
}

const NO_TAGS: readonly TemplateTag[] = Object.freeze([]);
const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly TemplateTag[]>();

/**
 * The `{{...}}` references of a string, in order. Like Argo, a tag runs from `{{` to the next
 * `}}`; an unclosed `{{` ends the scan. Results are cached: the same strings are seen by several
 * rules and on every synth.
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

/** Replaces every complete `{{...}}` reference with `replacement` (e.g. to check what is left). */
export function replaceTemplateTags(text: string, replacement: string): string {
  const tags = templateTags(text);
  if (!tags.length) return text;
  let out = text;
  for (const tag of tags) out = out.split(tag.raw).join(replacement);
  return out;
}
