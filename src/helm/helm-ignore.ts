import { readFileSync, writeFileSync } from 'fs';
import { join, relative, resolve, sep } from 'path';

/** The file cdk8s writes beside the manifests when validations run (construct paths for the reports). */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/**
 * Makes Helm skip cdk8s's construct metadata: with validations configured, cdk8s writes
 * construct-metadata.json into the output folder, the chart's templates/, where Helm would
 * render it as a manifest (`helm lint`: "file extension '.json' not valid"; `helm install`: an
 * object without a kind). The chart's .helmignore gets the file's path, unless it lists it.
 */
export function ignoreConstructMetadata(chart: string, outdir: string): void {
  const entry = relative(resolve(chart), join(resolve(outdir), CONSTRUCT_METADATA_FILE)).split(sep).join('/');
  const file = join(chart, '.helmignore');
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // no .helmignore yet
  }
  if (current.split(/\r?\n/).some(line => line.trim() === entry || line.trim() === `/${entry}`)) return;
  const separator = current && !current.endsWith('\n') ? '\n' : '';
  writeFileSync(file, `${current}${separator}# Written by cdk8s-argo: cdk8s's construct metadata (for validation reports) is no template.\n${entry}\n`);
}

/** One line of a .helmignore (Helm's pkg/ignore). */
interface IgnoreRule {
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  /** Matched against the base name (no slash in the pattern) or the chart-relative path. */
  readonly baseName: boolean;
  readonly pattern: RegExp;
}

/**
 * The rules of a chart's .helmignore as Helm applies them when it loads a chart folder: a
 * pattern without a slash matches a file's base name, with one the path from the chart's root
 * (a leading slash anchors it there), a trailing slash only folders, `!` negates; Helm adds
 * `templates/.?*`. Globs are Go's filepath.Match (`*`, `?`, `[...]`, no `**`).
 */
export class HelmIgnore {
  /** The rules of `chart`/.helmignore (none when there is none), plus Helm's default. */
  public static of(chart: string): HelmIgnore {
    let text = '';
    try {
      text = readFileSync(join(chart, '.helmignore'), 'utf8');
    } catch {
      // no .helmignore
    }
    return new HelmIgnore([...text.split(/\r?\n/), 'templates/.?*']);
  }

  private readonly rules: IgnoreRule[] = [];

  private constructor(lines: readonly string[]) {
    for (const raw of lines) {
      let rule = raw.trim();
      if (rule === '' || rule.startsWith('#') || rule.includes('**')) continue;
      const negate = rule.startsWith('!');
      if (negate) rule = rule.slice(1);
      const directoryOnly = rule.endsWith('/');
      if (directoryOnly) rule = rule.slice(0, -1);
      const anchored = rule.startsWith('/');
      if (anchored) rule = rule.slice(1);
      const pattern = goGlob(rule);
      if (pattern) this.rules.push({ negate, directoryOnly, baseName: !anchored && !rule.includes('/'), pattern });
    }
  }

  /** True when Helm leaves out `path` (relative to the chart root, with `/`), a folder or a file. */
  public ignores(path: string, directory: boolean): boolean {
    if (path === '' || path === '.') return false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const rule of this.rules) {
      const matches = rule.pattern.test(rule.baseName ? base : path);
      // Helm's negation: a negated rule that does not match ignores the path.
      if (rule.negate) {
        if (rule.directoryOnly && !directory) return true;
        if (!matches) return true;
        continue;
      }
      if (rule.directoryOnly && !directory) continue;
      if (matches) return true;
    }
    return false;
  }
}

/** Go's filepath.Match pattern as a RegExp (undefined when Go rejects the pattern). */
function goGlob(pattern: string): RegExp | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      out += escapeRegExp(pattern[++i]);
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return undefined;
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\]\\^]/g, m => `\\${m}`)}]`;
      i = close;
    } else out += escapeRegExp(c);
  }
  try {
    return new RegExp(`^${out}$`, 'u');
  } catch {
    return undefined;
  }
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
