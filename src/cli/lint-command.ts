import { lintDetailed } from '../lint/engine';
import { inlineSuppressionsOf } from '../lint/load';
import { LintCommand } from './args';
import { readManifestFiles, StreamReader } from './files';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { Output, useColor } from './output';
import { buildReport, exitCode, formatSummary, LintReport } from './report';
import { packageVersion } from '../package-root';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './report';
export { Output } from './output';

/**
 * Runs `cdk8s-argo lint`: reads the files, lints every manifest together (with the suppressions
 * of --disable, of the files' comments and of the annotations) and prints the report in the
 * chosen format. Returns the exit code: 2 when some input could not be read (everything readable
 * is still linted and reported), else 1 on errors or too many warnings, else 0.
 */
export function runLint(command: LintCommand, output: Output, readStdin?: StreamReader): number {
  const input = readManifestFiles(command.paths, readStdin, command.helm);
  const result = lintDetailed(input.manifests.map(m => m.manifest), {
    ...command.options,
    suppressions: [...command.options.suppressions ?? [], ...inlineSuppressionsOf(input.manifests)],
  });
  const report = buildReport(result, input.manifests, input, command);
  const code = exitCode(report);
  writeReport(report, command, output, code);
  return code;
}

function writeReport(report: LintReport, command: LintCommand, output: Output, code: number): void {
  switch (command.format) {
    case 'json':
      output.out(formatJson(report));
      return;
    case 'sarif':
      output.out(formatSarif(report, { version: packageVersion(), exitCode: code }));
      output.err(`${formatSummary(report)}\n`);
      return;
    case 'github':
      output.out(formatGithub(report));
      return;
    case 'junit':
      output.out(formatJunit(report));
      output.err(`${formatSummary(report)}\n`);
      return;
    case 'text': {
      const text = formatText(report, {
        out: useColor(command.color, output.isTerminal?.out ?? false),
        err: useColor(command.color, output.isTerminal?.err ?? false),
      });
      for (const line of text.err.slice(0, -1)) output.err(`${line}\n`);
      if (text.out.length) output.out(`${text.out.join('\n')}\n`);
      output.err(`${text.err[text.err.length - 1]}\n`);
    }
  }
}
