/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `a / b`, formatted with two decimals and an `x`. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

/** Seconds with two decimals, from milliseconds. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Megabytes with no decimals, from megabytes. */
export function megabytes(mb: number): string {
  return `${Math.round(mb)} MB`;
}

/** Every value of a series, for the "runs" column: `1.23, 1.31, 1.29`. */
export function series(values: readonly number[], format: (v: number) => string): string {
  return values.map(format).join(', ');
}

/** Milliseconds as seconds without unit, for run lists. */
export function secondsBare(ms: number): string {
  return (ms / 1000).toFixed(2);
}
