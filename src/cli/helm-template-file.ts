import { describeUnrenderedAction, unrenderedKind } from '../helm/action-description';
import { chartOfTemplate } from '../helm/helm-mode';
import { LineIndex } from '../helm/line-index';
import { renderTemplate } from '../helm/template-render';
import { InputProblem, LoadedManifest, parseManifests, ParseResult, SourcePosition } from '../lint/load';

/**
 * How a file is read: `chart`, a template of a Helm chart (Helm renders it: every action must
 * be rendered, escapes included); `shaped`, text with Helm's own syntax outside a chart (its
 * escapes are rendered, the rest is left as written); undefined, as it is.
 */
export type TemplateReading = 'chart' | 'shaped';

/** Syntax only Helm templates have: Helm's objects, variables, includes, comments, trim markers. */
const HELM_ONLY_SYNTAX = /\{\{-?\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$|include\b|tpl\b|toYaml\b|define\b|template\b|\/\*)|\{\{-\s|\s-\}\}/;

/**
 * Whether to read a file as a Helm template: always (`helm` true, the switch CDK8S_ARGO_HELM
 * for the plugin), never (false), or as found: a file in a chart's templates/ folder is a
 * template; elsewhere, text holding Helm's own syntax is Helm-shaped.
 */
export function templateReading(file: string, text: string, helm: boolean | undefined): TemplateReading | undefined {
  if (helm === false || text.indexOf('{{') < 0) return undefined;
  if (helm === true || chartOfTemplate(file)) return 'chart';
  return HELM_ONLY_SYNTAX.test(text) ? 'shaped' : undefined;
}

/**
 * Reads a Helm template's manifests as Helm renders them, without Helm: its literal actions
 * (escapes such as {{`{{workflow.name}}`}}, comments) are rendered exactly; an Argo expression
 * left unescaped is reported (Helm refuses the chart); other Helm code is left as written, and
 * in a chart's template reported as needing Helm. Lines and columns are the template's own.
 */
export function parseHelmTemplate(text: string, file: string, reading: TemplateReading, needsHelm: string): ParseResult {
  const rendered = renderTemplate(text);
  const lines = new LineIndex(text);
  const problems: InputProblem[] = [];
  const at = (offset: number) => ({ file, ...lines.at(offset) });
  if (rendered.error) {
    problems.push({ ...at(rendered.error.offset), message: `Helm cannot parse the template: ${rendered.error.message}. Helm refuses the chart (parse error); fix the {{...}} there.` });
  }
  const helmCode = rendered.unrendered.filter(action => unrenderedKind(action) === 'helm');
  for (const action of rendered.unrendered) {
    if (unrenderedKind(action) === 'argo') problems.push({ ...at(action.start), message: `${describeUnrenderedAction(action)}. Write it escaped: ${escapedForm(text.slice(action.start, action.end))}.` });
  }
  if (reading === 'chart' && helmCode.length) {
    const more = helmCode.length > 1 ? ` (and ${helmCode.length - 1} more Helm action${helmCode.length > 2 ? 's' : ''} in the file)` : '';
    problems.push({ ...at(helmCode[0].start), message: `${describeUnrenderedAction(helmCode[0])}${more}: ${needsHelm}` });
  }
  const parsed = parseManifests(rendered.text, file);
  if (rendered.text === text) return { manifests: parsed.manifests, problems: [...problems, ...parsed.problems], skipped: parsed.skipped };
  const renderedLines = new LineIndex(rendered.text);
  const original = (p: SourcePosition): SourcePosition => lines.at(rendered.originalOffset(renderedLines.offset(p.line, p.column)));
  const manifests = parsed.manifests.map((m): LoadedManifest => ({
    manifest: m.manifest,
    source: { ...m.source, line: original({ line: m.source.line, column: 1 }).line },
    position: path => original(m.position(path)),
    locate: path => original(m.position(path)).line,
    suppressions: m.suppressions,
  }));
  for (const p of parsed.problems) {
    problems.push(p.line === undefined ? p : { ...p, ...original({ line: p.line, column: p.column ?? 1 }) });
  }
  const skipped = parsed.skipped.map(s => ({ ...s, line: original({ line: s.line, column: 1 }).line }));
  return { manifests, problems, skipped };
}

/** The action as Helm users escape an Argo expression: {{`{{workflow.name}}`}}. */
function escapedForm(text: string): string {
  return text.includes('`') ? `{{ "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" }}` : `{{\`${text}\`}}`;
}
