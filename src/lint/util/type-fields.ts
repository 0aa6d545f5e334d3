/**
 * `apiVersion` or `kind` when a manifest key is one of them misspelled (`Kind`, `apiversion`,
 * `api_version`, `apiVersions`, `apiVerison`), else undefined.
 */
export function misspelledTypeField(key: string): 'apiVersion' | 'kind' | undefined {
  const folded = key.toLowerCase().replace(/[-_ ]/g, '');
  if (key !== 'kind' && (folded === 'kind' || folded === 'kinds')) return 'kind';
  if (key !== 'apiVersion' && (folded === 'apiversion' || folded === 'apiversions' || distance(folded, 'apiversion') <= 2)) return 'apiVersion';
  return undefined;
}

/** Optimal string alignment distance (edits and adjacent swaps), enough to catch typos. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        d[i][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
