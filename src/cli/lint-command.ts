import { lint } from '../lint/engine';
import { LintCommand } from './args';
import { readManifestFiles } from './files';
import { formatFinding, formatInputError, formatSkipped, formatSummary, LintReport, locateFindings, toJsonReport } from './report';

/** Where the command writes (process streams in the CLI, buffers in tests). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes of `cdk8s-argo lint`. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * Runs `cdk8s-argo lint`: reads the files, lints every manifest together and prints findings.
 * Returns the exit code: 2 when some input could not be read, else 1 when errors were found, else 0.
 */
export function runLint(command: LintCommand, output: Output, readStdin?: () => string): number {
  const input = readManifestFiles(command.paths, readStdin);
  const findings = lint(input.manifests.map(m => m.manifest), command.options);
  const report: LintReport = {
    files: input.files,
    manifests: input.manifests.length,
    findings: locateFindings(findings, input.manifests),
    inputErrors: input.problems,
    skipped: input.skipped,
  };
  if (command.format === 'json') {
    output.out(`${JSON.stringify(toJsonReport(report), null, 2)}\n`);
  } else {
    for (const problem of report.inputErrors) output.err(`${formatInputError(problem)}\n`);
    for (const skipped of report.skipped) output.err(`${formatSkipped(skipped)}\n`);
    for (const finding of report.findings) output.out(`${formatFinding(finding)}\n`);
    output.err(`${formatSummary(report)}\n`);
  }
  if (report.inputErrors.length) return EXIT_USAGE;
  return report.findings.some(f => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
