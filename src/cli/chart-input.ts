import { join, relative } from 'path';
import { refusesArgo } from '../helm/action-description';
import { helmOnPath, helmTemplate, HelmTemplateOptions } from '../helm/helm-binary';
import { InputProblem, LoadedManifest, parseManifests, ParseResult, SkippedDocument } from '../lint/load';
import { chartTemplates } from './chart-files';

/** How a chart folder is rendered. */
export interface ChartReadOptions extends HelmTemplateOptions {
  /** The helm binary: undefined, helm on PATH; null, none (the chart is read without Helm). */
  readonly binary?: string | null;
}

/** What to do about Helm code a template holds, when the file is read without Helm. */
export function needsHelmHint(file: string, inChart: string | undefined): string {
  return inChart
    ? `helm is not on PATH: install it (cdk8s-argo lint renders a chart folder with helm template), or lint the output of helm template ${inChart}`
    : `lint its chart folder with helm on PATH (cdk8s-argo lint renders a chart folder with helm template), or lint the output of helm template (${file} is read without Helm)`;
}

/**
 * A chart folder as Helm renders it: with `helm template` (helm on PATH, or the binary given),
 * each template's output read as it prints it (`--show-only <template>` prints the same lines);
 * without Helm, each template read as Helm renders it when its actions are literal text (as in
 * a chart cdk8s-argo writes), and any other action reported as needing Helm.
 */
export function loadChart(chart: string, helm: ChartReadOptions, readTemplate: (file: string) => ParseResult): ParseResult & { readonly files: readonly string[] } {
  const binary = helm.binary === undefined ? helmOnPath() : helm.binary ?? undefined;
  if (!binary) {
    const templates = chartTemplates(chart, needsHelmHint(chart, chart));
    const result = { files: templates.files, manifests: [] as LoadedManifest[], problems: [...templates.problems], skipped: [] as SkippedDocument[] };
    for (const file of templates.files) {
      const parsed = readTemplate(file);
      result.manifests.push(...parsed.manifests);
      result.problems.push(...parsed.problems);
      result.skipped.push(...parsed.skipped);
    }
    if (!templates.files.length && !templates.problems.length) result.problems.push({ file: chart, message: `cannot read: the chart ${chart} has no templates (*.yaml, *.yml or *.json in templates/)` });
    return result;
  }
  const rendered = helmTemplate(binary, chart, helm);
  if (!rendered.ok) {
    const file = rendered.template ? join(chart, rendered.template) : chart;
    return { files: [file], manifests: [], skipped: [], problems: [{ file, line: rendered.line, message: `helm template ${chart} failed: ${rendered.error}${helmFailureHint(rendered.error, chart)}` }] };
  }
  const result = { files: [] as string[], manifests: [] as LoadedManifest[], problems: [] as InputProblem[], skipped: [] as SkippedDocument[] };
  for (const template of rendered.templates) {
    const file = join(chart, template.path);
    result.files.push(file);
    const parsed = parseManifests(template.text, file);
    result.manifests.push(...parsed.manifests);
    result.problems.push(...parsed.problems);
    result.skipped.push(...parsed.skipped);
  }
  return result;
}

/** For Helm refusing an Argo expression: how to find them all and what to write. */
function helmFailureHint(error: string, chart: string): string {
  if (!refusesArgo(error)) return '';
  return `. Helm read one of Argo's {{...}} as its own template action: write it escaped ({{\`{{workflow.name}}\`}}). `
    + `Each one Helm would refuse is listed by: cdk8s-argo lint ${join(shortPath(chart), 'templates')}`;
}

/** A path as the user would type it: relative to the working directory when below it. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

