/**
 * What an escaped `{{` is written as: a Go raw string holding `{{`, which Helm renders back to
 * `{{`. A raw string rather than `{{ "{{" }}`: its characters ({, }, `) are written as they are
 * in every YAML scalar style, where a double-quoted scalar would turn `"` into `\"` and break
 * the action. Helm (Go text/template) starts an action at `{{` only, so `}}` needs no escape.
 */
export const ESCAPED_LEFT_DELIMITER = '{{`{{`}}';

/**
 * `text` as a Helm template that renders to exactly `text`: every `{{` becomes {{`{{`}}. The text
 * between the escapes holds no `{{` (the scan takes the leftmost `{{` first), so Helm sees no
 * other action, and no trim marker or comment can follow an escape's `{{`.
 */
export function helmEscape(text: string): string {
  const first = text.indexOf('{{');
  if (first < 0) return text;
  let out = '';
  let from = 0;
  for (let at = first; at >= 0; at = text.indexOf('{{', from)) {
    out += text.slice(from, at) + ESCAPED_LEFT_DELIMITER;
    from = at + 2;
  }
  return out + text.slice(from);
}
