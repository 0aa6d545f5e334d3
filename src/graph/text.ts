/** `a, b, c` with at most `max` items, then `+n more`. */
export function listText(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} +${items.length - max} more`;
}

/** A scalar as one line of text (objects as compact JSON), or undefined when absent. */
export function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Pushes `[key, text]` when the value is present. */
export function addProperty(properties: [string, string][], key: string, value: unknown): void {
  const text = scalarText(value);
  if (text !== undefined && text !== '') properties.push([key, text]);
}

/** The string, or undefined when it is not a non-empty string. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
