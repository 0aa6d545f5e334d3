import { gExists, gGet, gParse, GResult, gValue } from './go/gjson';

/** `"grande" (a string)`, `12 (a number)`... */
export function describeValue(r: GResult): string {
  const kind = { String: 'a string', Number: 'a number', True: 'a boolean', False: 'a boolean', Null: 'null', JSON: r.raw.startsWith('[') ? 'an array' : 'an object' }[r.type];
  const raw = r.raw.length > 80 ? `${r.raw.slice(0, 77)}...` : r.raw;
  return r.type === 'Null' ? 'null' : `${raw} (${kind})`;
}

/** Where a missing path stops: `; body is a string, not an object`, or the keys the data has. */
export function describeMissing(payload: string, path: string): string {
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = parts.slice(0, i).join('.');
    let r: GResult;
    try {
      r = gGet(payload, prefix);
    } catch {
      return '';
    }
    if (!gExists(r)) continue;
    const next = parts[i];
    if (r.type === 'String') return `; ${prefix} is a string (${r.raw.length > 60 ? `${r.raw.slice(0, 57)}...` : r.raw}), not an object, so it has no "${next}"${/^"[{[]/.test(r.raw) ? ': the JSON was sent as a string (double-encoded or form-encoded)' : ''}`;
    if (r.type !== 'JSON') return `; ${prefix} is ${describeValue(r)}, which has no "${next}"`;
    const keys = r.raw.startsWith('{') ? Object.keys(gValue(r) as object) : [];
    return keys.length ? `; ${prefix} has ${keys.slice(0, 8).map(k => `"${k}"`).join(', ')}${keys.length > 8 ? ', ...' : ''}` : `; ${prefix} is ${r.raw.startsWith('[') ? 'an array' : 'an empty object'}`;
  }
  const root = gParse(payload);
  if (root.type !== 'JSON' || !root.raw.startsWith('{')) return '';
  const keys = Object.keys(gValue(root) as object);
  let hint = '';
  for (const wrapper of ['body', 'header', 'headers']) {
    try {
      if (keys.includes(wrapper) && gExists(gGet(payload, `${wrapper}.${path}`))) hint = `: did you mean ${wrapper}.${path}?`;
    } catch {
      // a path gjson cannot take after a prefix: no hint
    }
    if (hint) break;
  }
  return `; the event data has ${keys.slice(0, 8).map(k => `"${k}"`).join(', ')}${keys.length > 8 ? ', ...' : ''} at the top${hint}`;
}
