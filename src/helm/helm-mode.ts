import { statSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';

/**
 * The explicit switch: `true` escapes every `{{` of the output for Helm, `false` never does,
 * whatever the output directory looks like. Read by the app (escaping) and by the validation
 * plugin and the CLI (which then read the files as Helm renders them, or as they are).
 */
export const HELM_OUTPUT_ENV = 'CDK8S_ARGO_HELM';

/** Whether output is written for Helm, and why. */
export interface HelmOutputMode {
  readonly enabled: boolean;
  /** The chart folder (holding Chart.yaml) whose templates/ receives the output, when there is one. */
  readonly chart?: string;
  /** Why, in words: the switch's value, or the chart found. */
  readonly reason: string;
}

const ON = new Set(['true', '1', 'yes', 'on']);
const OFF = new Set(['false', '0', 'no', 'off']);

/**
 * Decides whether output written to `outdir` is for Helm. The switch (CDK8S_ARGO_HELM) decides
 * when set; otherwise the output is for Helm when `outdir` lies in a chart's templates/ folder,
 * a chart being a folder holding Chart.yaml: every file there is a template Helm renders. That
 * is what `cdk8s synth --format helm` sets up (it writes Chart.yaml, then runs the app with
 * CDK8S_OUTDIR=<output>/templates), and also an app writing into a chart of its own.
 */
export function helmOutputMode(outdir: string, env: NodeJS.ProcessEnv = process.env): HelmOutputMode {
  const chart = chartOfTemplate(outdir);
  const forced = helmSwitch(env);
  if (forced !== undefined) {
    return { enabled: forced, ...(chart ? { chart } : {}), reason: `${HELM_OUTPUT_ENV}=${env[HELM_OUTPUT_ENV]}` };
  }
  if (chart) return { enabled: true, chart, reason: `${outdir} is in the templates/ folder of the Helm chart ${chart} (it holds Chart.yaml)` };
  return { enabled: false, reason: `${outdir} is not in a Helm chart's templates/ folder` };
}

/** The value of CDK8S_ARGO_HELM: true, false, or undefined when unset. Throws on anything else. */
export function helmSwitch(env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  const raw = env[HELM_OUTPUT_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim().toLowerCase();
  if (ON.has(value)) return true;
  if (OFF.has(value)) return false;
  throw new Error(`${HELM_OUTPUT_ENV} must be "true" (escape Argo's {{...}} for Helm) or "false" (write them as they are), got "${raw}"`);
}

/** The chart whose templates/ folder holds `path` (a folder or a file, at any depth below templates/), or undefined. */
export function chartOfTemplate(path: string): string | undefined {
  let current = resolve(path);
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return undefined;
    if (basename(current) === 'templates' && isChartFolder(parent)) return parent;
    current = parent;
  }
}

/** True when `dir` holds a Chart.yaml file (what makes a folder a Helm chart). */
export function isChartFolder(dir: string): boolean {
  try {
    return statSync(join(dir, 'Chart.yaml')).isFile();
  } catch {
    return false;
  }
}
