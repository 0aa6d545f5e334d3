import { createHash } from 'crypto';
import { isAbsolute, relative, sep } from 'path';
import { pathToFileURL } from 'url';
import { STDIN_NAME } from '../files';
import { oneLine, LintReport, LocatedFinding, LocatedSuppressedFinding, shownCommandLine, shownFindings } from '../report';
import { INPUT_RULE_ID, ruleCatalog } from '../rule-catalog';

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 (`--format sarif`), as code scanning (GitHub, GitLab, Azure DevOps) reads it: one
 * run, the rules with their descriptions, a result per finding with its physical location (file
 * relative to the working directory, line, column) and its logical one (object and field path),
 * suppressed findings with their justification, unreadable input as INPUT results.
 */
export function formatSarif(report: LintReport, tool: { readonly version: string; readonly exitCode: number; readonly cwd?: string }): string {
  const cwd = tool.cwd ?? process.cwd();
  const rules = ruleCatalog();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const result = (f: LocatedFinding) => ({
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: f.severity,
    message: { text: `${f.object}: ${f.path || '(object)'}: ${oneLine(f.message)}` },
    locations: [{
      physicalLocation: { artifactLocation: artifact(f.file, cwd), region: { startLine: f.line, startColumn: f.column } },
      logicalLocations: [{ name: f.path || f.object, fullyQualifiedName: f.path ? `${f.object}:${f.path}` : f.object, kind: 'object' }],
    }],
    partialFingerprints: { 'cdk8s-argo/v1': fingerprint(f.file, f.ruleId, f.object, f.path) },
  });
  const suppressed = (s: LocatedSuppressedFinding) => ({
    ...result(s),
    suppressions: [{ kind: s.origin.startsWith('annotation') || s.origin.startsWith('the comment') ? 'inSource' : 'external', justification: `${s.reason} (${s.origin})` }],
  });
  const results = [
    ...report.inputErrors.map(p => ({
      ruleId: INPUT_RULE_ID,
      ruleIndex: ruleIndex.get(INPUT_RULE_ID),
      level: 'error',
      message: { text: oneLine(p.message) },
      locations: [{ physicalLocation: { artifactLocation: artifact(p.file, cwd), ...(p.line ? { region: { startLine: p.line, ...(p.column ? { startColumn: p.column } : {}) } } : {}) } }],
    })),
    ...shownFindings(report).map(result),
    ...report.suppressed.map(suppressed),
    ...shownCommandLine(report).map(f => ({ ruleId: f.ruleId, ruleIndex: ruleIndex.get(f.ruleId), level: f.severity, message: { text: oneLine(f.message) } })),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-argo',
          version: tool.version,
          informationUri: 'https://www.npmjs.com/package/cdk8s-argo',
          rules: rules.map(r => ({ id: r.id, shortDescription: { text: r.description }, fullDescription: { text: r.description } })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : `${cwd}${sep}`).href } },
      invocations: [{ executionSuccessful: true, exitCode: tool.exitCode }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A file as SARIF locates it: relative to the working directory when below it, else a file URI. */
function artifact(file: string, cwd: string): { readonly uri: string; readonly uriBaseId?: string } {
  if (file === STDIN_NAME) return { uri: 'stdin' };
  const absolute = isAbsolute(file) ? file : `${cwd}${sep}${file}`;
  const rel = relative(cwd, absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(absolute).href };
}

/** Stable across edits that move lines: the file, the rule, the object and the field. */
function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
