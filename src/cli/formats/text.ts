import { InputProblem, SkippedDocument } from '../../lint/load';
import { printable } from '../output';
import { CommandLineFinding, formatSummary, LintReport, LocatedFinding, oneLine, shownCommandLine, shownFindings } from '../report';

/** What the text format writes where: findings on stdout, the rest on stderr. */
export interface TextOutput {
  readonly out: string[];
  readonly err: string[];
}

const STYLE = {
  error: ['\u001b[1;31m', '\u001b[0m'],
  warning: ['\u001b[1;33m', '\u001b[0m'],
  note: ['\u001b[36m', '\u001b[0m'],
  dim: ['\u001b[2m', '\u001b[0m'],
  bold: ['\u001b[1m', '\u001b[0m'],
} as const;

type Paint = (style: keyof typeof STYLE, text: string) => string;

const painter = (color: boolean): Paint => (style, text) => (color ? `${STYLE[style][0]}${text}${STYLE[style][1]}` : text);

/**
 * `file:line:col: severity: Kind/name: field.path: message [RULE]`, one line per finding (the form
 * compilers use, which editors and CI problem matchers read); input errors, skipped documents and
 * the summary on stderr.
 */
export function formatText(report: LintReport, color: { readonly out: boolean; readonly err: boolean }): TextOutput {
  const out = painter(color.out);
  const err = painter(color.err);
  return {
    out: [...shownFindings(report).map(f => textFinding(f, out)), ...shownCommandLine(report).map(f => textCommandLine(f, out))],
    err: [
      ...report.inputErrors.map(p => textInputError(p, err)),
      ...report.skipped.map(s => textSkipped(s, err)),
      formatSummary(report),
    ],
  };
}

export function textFinding(f: LocatedFinding, paint: Paint = painter(false)): string {
  return `${paint('bold', `${printable(f.file)}:${f.line}:${f.column}:`)} ${paint(f.severity, f.severity)}: ${printable(f.object)}: ${printable(f.path || '(object)')}: `
    + `${printable(oneLine(f.message))} ${paint('dim', `[${f.ruleId}]`)}`;
}

function textCommandLine(f: CommandLineFinding, paint: Paint): string {
  return `${paint('bold', 'cdk8s-argo lint:')} ${paint(f.severity, f.severity)}: ${printable(oneLine(f.message))} ${paint('dim', `[${f.ruleId}]`)}`;
}

/** `file:line:column: error: message` for input that could not be read. */
export function textInputError(p: InputProblem, paint: Paint = painter(false)): string {
  const where = [printable(p.file), p.line, p.column].filter(x => x !== undefined).join(':');
  return `${paint('bold', `${where}:`)} ${paint('error', 'error')}: ${printable(oneLine(p.message))}`;
}

/** `file:line: note: ...` for a document left out. */
export function textSkipped(s: SkippedDocument, paint: Paint = painter(false)): string {
  return `${paint('bold', `${printable(s.file)}:${s.line}:`)} ${paint('note', 'note')}: document ${s.document + 1} skipped: ${s.reason}`;
}
