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
  // Helm loads a chart folder's files, its subcharts' included, under the chart's own .helmignore.
  collectChart(chart, '', HelmIgnore.of(chart), needsHelm, out);
  return out;
}

/** The templates of the chart at `at` (relative to the top chart: '' or charts/<name>/...). */
function collectChart(top: string, at: string, ignore: HelmIgnore, needsHelm: string, out: ChartTemplates): void {
  collectTemplates(top, `${at}templates`, ignore, out);
  for (const entry of list(join(top, `${at}charts`), out)) {
    const path = `${at}charts/${entry}`;
    const full = join(top, path);
    if (ignore.ignores(path, isDirectory(full))) continue;
    if (isDirectory(full) && isChartFolder(full)) collectChart(top, `${path}/`, ignore, needsHelm, out);
    else if (/\.tgz$/.test(entry)) out.problems.push({ file: full, message: `a packaged subchart: only Helm can unpack and render it; ${needsHelm}` });
  }
}

function collectTemplates(top: string, relative: string, ignore: HelmIgnore, out: ChartTemplates): void {
  for (const entry of list(join(top, relative), out)) {
    const path = `${relative}/${entry}`;
    const full = join(top, path);
    const directory = isDirectory(full);
    if (ignore.ignores(path, directory)) continue;
    if (directory) collectTemplates(top, path, ignore, out);
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
