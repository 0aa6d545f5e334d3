/** True when `path` is `base` or a field below it (`spec.templates[0]` covers `spec.templates[0].name`). */
export function pathCovers(base: string, path: string): boolean {
  if (base === '') return true;
  if (!path.startsWith(base)) return false;
  const next = path.charAt(base.length);
  return next === '' || next === '.' || next === '[';
}

/** `base` with a relative path appended (`''` stays `base`). */
export function joinPath(base: string, relative: string): string {
  if (!base) return relative;
  if (!relative) return base;
  return relative.startsWith('[') ? base + relative : `${base}.${relative}`;
}
