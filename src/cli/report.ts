import { InputProblem, LoadedManifest, SkippedDocument } from '../lint/load';
import { Finding } from '../lint/types';

/** One finding with where it is in the files. */
export interface LocatedFinding extends Finding {
  readonly file: string;
  /** 1-based line of the field (or of its nearest ancestor present in the file). */
  readonly line: number;
}

/** Everything one lint run produced. */
export interface LintReport {
  readonly files: readonly string[];
  readonly manifests: number;
  readonly findings: readonly LocatedFinding[];
  readonly inputErrors: readonly InputProblem[];
  readonly skipped: readonly SkippedDocument[];
}

/** Attaches file and line to findings of `lint()` run over loaded manifests. */
export function locateFindings(findings: readonly Finding[], loaded: readonly LoadedManifest[]): LocatedFinding[] {
  return findings.map(f => {
    const source = loaded[f.manifestIndex];
    return { ...f, file: source.source.file, line: source.locate(f.path) };
  });
}

/** `file: Kind/name: field.path: error: message [RULE]`, one line per finding. */
export function formatFinding(f: LocatedFinding): string {
  return `${f.file}: ${f.object}: ${f.path || '(object)'}: ${f.severity}: ${oneLine(f.message)} [${f.ruleId}]`;
}

/** `file:line:column: error: message` for input that could not be read. */
export function formatInputError(p: InputProblem): string {
  const where = [p.file, p.line, p.column].filter(x => x !== undefined).join(':');
  return `${where}: error: ${oneLine(p.message)}`;
}

/** `file:line: note: ...` for a document left out. */
export function formatSkipped(s: SkippedDocument): string {
  return `${s.file}:${s.line}: note: document ${s.document + 1} skipped: ${s.reason}`;
}

/** Counts for the summary line and the JSON report. */
export function summarize(report: LintReport) {
  return {
    files: report.files.length,
    manifests: report.manifests,
    errors: report.findings.filter(f => f.severity === 'error').length,
    warnings: report.findings.filter(f => f.severity === 'warning').length,
    inputErrors: report.inputErrors.length,
    skipped: report.skipped.length,
  };
}

/** `2 errors, 1 warning in 5 manifests (3 files)`, plus unreadable input when there is some. */
export function formatSummary(report: LintReport): string {
  const s = summarize(report);
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  const input = s.inputErrors ? `; ${plural(s.inputErrors, 'input error')} (unreadable input is not linted)` : '';
  return `${parts.join(', ')} in ${plural(s.manifests, 'manifest')} (${plural(s.files, 'file')})${input}`;
}

/** The machine-readable report (`--format json`). */
export function toJsonReport(report: LintReport): object {
  return {
    summary: summarize(report),
    findings: report.findings.map(f => ({
      file: f.file, line: f.line, object: f.object, path: f.path, ruleId: f.ruleId, severity: f.severity, message: f.message,
    })),
    inputErrors: report.inputErrors,
    skipped: report.skipped,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
