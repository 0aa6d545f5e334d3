import { readdirSync, statSync } from 'fs';
import { extname, join } from 'path';
import { HelmIgnore } from '../helm/helm-ignore';
import { isChartFolder } from '../helm/helm-mode';
import { InputProblem } from '../lint/load';

const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The templates of a chart folder whose output is manifests, and what Helm would render that cannot be read without it. */
export interface ChartTemplates {
  readonly files: string[];
  readonly problems: InputProblem[];
}

/**
 * The files of a chart (and of its unpacked subcharts in charts/) that Helm renders into
 * manifests, in name order: templates/**\/*.yaml|yml|json, without partials (`_*`), what the
 * chart's .helmignore leaves out and hidden files. A packaged subchart (charts/*.tgz) is a
 * problem: only Helm can unpack and render it.
 */
export function chartTemplates(chart: string, needsHelm: string): ChartTemplates {
  const out: ChartTemplates = { files: [], problems: [] };
  collectChart(chart, needsHelm, out);
  return out;
}

function collectChart(chart: string, needsHelm: string, out: ChartTemplates): void {
  const ignore = HelmIgnore.of(chart);
  collectTemplates(chart, 'templates', ignore, out);
  for (const entry of list(join(chart, 'charts'), out)) {
    const path = join(chart, 'charts', entry);
    if (ignore.ignores(`charts/${entry}`, isDirectory(path))) continue;
    if (isDirectory(path) && isChartFolder(path)) collectChart(path, needsHelm, out);
    else if (/\.tgz$/.test(entry)) out.problems.push({ file: path, message: `a packaged subchart: only Helm can unpack and render it; ${needsHelm}` });
  }
}

function collectTemplates(chart: string, relative: string, ignore: HelmIgnore, out: ChartTemplates): void {
  for (const entry of list(join(chart, relative), out)) {
    const path = `${relative}/${entry}`;
    const full = join(chart, path);
    const directory = isDirectory(full);
    if (ignore.ignores(path, directory)) continue;
    if (directory) collectTemplates(chart, path, ignore, out);
    else if (!entry.startsWith('_') && TEMPLATE_EXTENSIONS.has(extname(entry).toLowerCase())) out.files.push(full);
  }
}

function list(dir: string, out: ChartTemplates): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') out.problems.push({ file: dir, message: `cannot read directory: ${(e as Error).message}` });
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
