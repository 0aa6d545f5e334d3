import { describeObject } from '../lint/engine';
import { InputProblem, LoadedManifest, SkippedDocument } from '../lint/load';
import { SUPPRESSION_RULE_ID } from '../lint/suppression';
import { Finding, LintResult, Severity, Suppression } from '../lint/types';

/** One finding with where it is in the files. */
export interface LocatedFinding extends Finding {
  readonly file: string;
  /** 1-based line of the field (or of its nearest ancestor present in the file). */
  readonly line: number;
  /** 1-based column of that line where the field's key (or list item) starts. */
  readonly column: number;
}

/** A finding a suppression silenced, located. */
export interface LocatedSuppressedFinding extends LocatedFinding {
  readonly reason: string;
  /** Where the suppression was written (`--disable`, `the comment at line 12`, `annotation ...`). */
  readonly origin: string;
}

/** A finding about the command line itself (a `--disable` that silenced nothing). */
export interface CommandLineFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** One object read, for formats that list what passed too (JUnit). */
export interface LintedObject {
  readonly file: string;
  readonly object: string;
  readonly line: number;
}

/** Everything one lint run produced, as the output formats see it. */
export interface LintReport {
  readonly files: readonly string[];
  readonly objects: readonly LintedObject[];
  /** Findings to report (warnings included even with --quiet: formats leave them out then). */
  readonly findings: readonly LocatedFinding[];
  readonly suppressed: readonly LocatedSuppressedFinding[];
  readonly commandLine: readonly CommandLineFinding[];
  readonly inputErrors: readonly InputProblem[];
  readonly skipped: readonly SkippedDocument[];
  readonly quiet: boolean;
  readonly maxWarnings?: number;
}

/** Counts for the summary line and the machine-readable formats. */
export interface ReportSummary {
  readonly files: number;
  readonly manifests: number;
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
  readonly inputErrors: number;
  readonly skipped: number;
  /** More warnings than --max-warnings allows. */
  readonly tooManyWarnings: boolean;
}

/** Exit codes of `cdk8s-argo lint`. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Builds the report of a run: findings located in the files, suppressions explained. */
export function buildReport(result: LintResult, loaded: readonly LoadedManifest[], input: { readonly files: readonly string[]; readonly problems: readonly InputProblem[]; readonly skipped: readonly SkippedDocument[] }, flags: { readonly quiet: boolean; readonly maxWarnings?: number }): LintReport {
  const locate = (f: Finding): LocatedFinding => {
    const source = loaded[f.manifestIndex];
    const at = source.position(f.path);
    return { ...f, file: source.source.file, line: at.line, column: at.column };
  };
  return {
    files: input.files,
    objects: loaded.map(m => ({ file: m.source.file, object: describeObject(m.manifest), line: m.source.line })),
    findings: byPosition(result.findings.map(locate)),
    suppressed: result.suppressed.map(s => ({ ...locate(s.finding), reason: s.reason, origin: s.suppression.origin })),
    commandLine: result.unused.filter(s => s.manifestIndex === undefined).map(unusedCommandLine),
    inputErrors: input.problems,
    skipped: input.skipped,
    quiet: flags.quiet,
    maxWarnings: flags.maxWarnings,
  };
}

/** Findings in the order of the files and lines they point at. */
function byPosition(findings: LocatedFinding[]): LocatedFinding[] {
  return findings.sort((a, b) => a.manifestIndex - b.manifestIndex || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function unusedCommandLine(s: Suppression): CommandLineFinding {
  return { ruleId: SUPPRESSION_RULE_ID, severity: 'warning', message: `${s.origin} "${s.directive}" silenced nothing: no finding of ${s.directive.split(/\s--\s|\s--$/)[0].trim()} in any file. Remove it.` };
}

/** Findings the formats show: errors, and warnings unless --quiet. */
export function shownFindings(report: LintReport): readonly LocatedFinding[] {
  return report.quiet ? report.findings.filter(f => f.severity === 'error') : report.findings;
}

/** Command-line findings the formats show. */
export function shownCommandLine(report: LintReport): readonly CommandLineFinding[] {
  return report.quiet ? report.commandLine.filter(f => f.severity === 'error') : report.commandLine;
}

export function summarize(report: LintReport): ReportSummary {
  const all = [...report.findings, ...report.commandLine];
  const warnings = all.filter(f => f.severity === 'warning').length;
  return {
    files: report.files.length,
    manifests: report.objects.length,
    errors: all.length - warnings,
    warnings,
    suppressed: report.suppressed.length,
    inputErrors: report.inputErrors.length,
    skipped: report.skipped.length,
    tooManyWarnings: report.maxWarnings !== undefined && warnings > report.maxWarnings,
  };
}

/** 2 when some input could not be read, else 1 on errors or too many warnings, else 0. */
export function exitCode(report: LintReport): number {
  const s = summarize(report);
  if (s.inputErrors) return EXIT_USAGE;
  return s.errors > 0 || s.tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** `2 errors, 1 warning in 5 manifests (3 files)`, and what else happened. */
export function formatSummary(report: LintReport): string {
  const s = summarize(report);
  const parts = [`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.manifests, 'manifest')} (${plural(s.files, 'file')})`];
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`);
  if (report.quiet && s.warnings) parts.push(`warnings not shown (--quiet)`);
  if (s.tooManyWarnings) parts.push(`more warnings than --max-warnings ${report.maxWarnings} allows`);
  if (s.inputErrors) parts.push(`${plural(s.inputErrors, 'input error')} (unreadable input is not linted)`);
  return parts.join('; ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A message on one line (rules may wrap theirs). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
