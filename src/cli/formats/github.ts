import { formatSummary, LintReport, oneLine, shownCommandLine, shownFindings } from '../report';
import { INPUT_RULE_ID } from '../rule-catalog';

/**
 * GitHub Actions workflow commands (`--format github`): `::error file=...,line=...,col=...,title=RULE::message`
 * per finding and per unreadable file, so findings show as annotations on the pull request.
 * Values are escaped as the runner requires, so a message cannot end the command early or
 * start another one.
 */
export function formatGithub(report: LintReport): string {
  const lines: string[] = [];
  for (const p of report.inputErrors) {
    lines.push(command('error', { file: p.file, line: p.line, col: p.column, title: INPUT_RULE_ID }, oneLine(p.message)));
  }
  for (const f of shownFindings(report)) {
    lines.push(command(f.severity, { file: f.file, line: f.line, col: f.column, title: `${f.ruleId} ${f.object}` }, `${f.path || '(object)'}: ${oneLine(f.message)}`));
  }
  for (const f of shownCommandLine(report)) lines.push(command(f.severity, { title: f.ruleId }, oneLine(f.message)));
  lines.push(`cdk8s-argo lint: ${formatSummary(report)}`);
  return `${lines.join('\n')}\n`;
}

function command(severity: string, properties: { readonly [name: string]: string | number | undefined }, message: string): string {
  const props = Object.entries(properties).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${severity}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
