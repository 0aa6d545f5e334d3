import { spawnSync } from 'child_process';
import { accessSync, constants, statSync } from 'fs';
import { delimiter, join } from 'path';

/** The helm executable on PATH, or undefined. */
export function helmOnPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? ['helm.exe', 'helm.cmd', 'helm'] : ['helm'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (!statSync(path).isFile()) continue;
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not there, or not executable
      }
    }
  }
  return undefined;
}

/** What `helm template` of a chart gave: each template's rendered text, or Helm's error. */
export type HelmTemplateResult =
  | { readonly ok: true; readonly templates: readonly RenderedChartTemplate[] }
  | { readonly ok: false; readonly error: string; readonly template?: string; readonly line?: number };

/** One template of the chart as `helm template --show-only <path>` prints it. */
export interface RenderedChartTemplate {
  /** Path in the chart folder (`templates/x.yaml`, `charts/sub/templates/y.yaml`). */
  readonly path: string;
  readonly text: string;
}

/** Options of `helm template`. */
export interface HelmTemplateOptions {
  /** Values files (`-f`), in order. */
  readonly values?: readonly string[];
  /** The release namespace (`--namespace`). */
  readonly namespace?: string;
}

const SOURCE_HEADER = /^---\n# Source: ([^\n]*)\n/gm;

/** Runs `helm template <chart>` and splits its output by template. */
export function helmTemplate(helm: string, chart: string, options: HelmTemplateOptions = {}): HelmTemplateResult {
  const args = ['template', chart, ...(options.namespace ? ['--namespace', options.namespace] : []), ...(options.values ?? []).flatMap(v => ['--values', v])];
  const run = spawnSync(helm, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 300000 });
  if (run.error) return { ok: false, error: `${helm} could not run: ${run.error.message}` };
  if (run.status !== 0) {
    const message = (run.stderr || run.stdout).split('\n').find(l => l.trim() !== '')?.replace(/^Error: /, '') ?? `exit status ${run.status}`;
    return { ok: false, error: message, ...errorPlace(message) };
  }
  return { ok: true, templates: splitBySource(run.stdout) };
}

/** The template (path in the chart, without the chart's name) and line Helm's error names. */
function errorPlace(message: string): { template?: string; line?: number } {
  const match = /(?:parse error at \(|template: |YAML parse error on )[^/\s():]+\/([^\s():]+)(?::(\d+))?/.exec(message);
  if (!match) return {};
  return { template: match[1], ...(match[2] && !message.startsWith('YAML parse error') ? { line: Number(match[2]) } : {}) };
}

/** `helm template`'s output by template (each `---\n# Source: <chart>/<path>` starts a document), in order of appearance. */
export function splitBySource(output: string): RenderedChartTemplate[] {
  const starts: { readonly at: number; readonly path: string }[] = [];
  for (const match of output.matchAll(SOURCE_HEADER)) starts.push({ at: match.index ?? 0, path: match[1].slice(match[1].indexOf('/') + 1) });
  const byPath = new Map<string, string>();
  starts.forEach((s, i) => {
    const chunk = output.slice(s.at, i + 1 < starts.length ? starts[i + 1].at : output.length);
    byPath.set(s.path, (byPath.get(s.path) ?? '') + chunk);
  });
  return [...byPath].map(([path, text]) => ({ path, text }));
}
