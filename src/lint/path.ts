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
