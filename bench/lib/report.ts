/** One target of issue #8: what was measured against what was asked. */
export interface TargetResult {
  readonly name: string;
  readonly measured: string;
  readonly target: string;
  readonly pass: boolean;
}

/** What a benchmark section contributes to BENCHMARKS.md. */
export interface SectionReport {
  readonly title: string;
  /** Markdown body: how it was measured, tables, notes. */
  readonly body: string;
  readonly targets: readonly TargetResult[];
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function verdict(pass: boolean): string {
  return pass ? 'pass' : '**miss**';
}
