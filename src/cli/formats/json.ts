import { LintReport, shownCommandLine, shownFindings, summarize } from '../report';

/**
 * The machine-readable report (`--format json`): `summary`, `findings` (file, line, column,
 * object, path, ruleId, severity, message), `suppressed` (the same plus reason and origin),
 * `commandLine` (findings about the options, e.g. an unused --disable), `inputErrors`, `skipped`.
 */
export function formatJson(report: LintReport): string {
  const finding = (f: LintReport['findings'][number]) => ({
    file: f.file, line: f.line, column: f.column, object: f.object, path: f.path, ruleId: f.ruleId, severity: f.severity, message: f.message,
  });
  const { tooManyWarnings, ...summary } = summarize(report);
  return `${JSON.stringify({
    summary: { ...summary, maxWarnings: report.maxWarnings ?? null, tooManyWarnings },
    findings: shownFindings(report).map(finding),
    suppressed: report.suppressed.map(s => ({ ...finding(s), reason: s.reason, origin: s.origin })),
    commandLine: shownCommandLine(report),
    inputErrors: report.inputErrors,
    skipped: report.skipped,
  }, null, 2)}\n`;
}
