const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Joins field path segments the way findings print them: `spec.templates[0].steps[1][0]`,
 * map keys that are not identifiers quoted: `spec.webhook["my.event"]`.
 */
export function fieldPath(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (s === '') continue;
    else if (IDENTIFIER.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Appends segments to an existing path. */
export function childPath(base: string, ...segments: (string | number)[]): string {
  const tail = fieldPath(...segments);
  if (!base) return tail;
  if (!tail) return base;
  return tail.startsWith('[') ? base + tail : `${base}.${tail}`;
}

/**
 * Splits a field path as findings print it back into segments:
 * `spec.templates[0].steps[1][0]` -> `['spec', 'templates', 0, 'steps', 1, 0]`,
 * `spec.webhook["my.event"]` -> `['spec', 'webhook', 'my.event']`.
 */
export function parseFieldPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const token = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(path)) !== null) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]));
    else if (match[3] !== undefined) segments.push(match[3]);
  }
  return segments;
}
