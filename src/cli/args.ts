import { LintOptions } from '../lint/types';

/** What `cdk8s-argo lint` was asked to do. */
export interface LintCommand {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
  readonly options: LintOptions;
}

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {}

export const USAGE = `Usage: cdk8s-argo lint [options] <file|dir|->...
       cdk8s-argo simulate <file|dir|->... --event <eventsource>/<event> [...] (see cdk8s-argo simulate --help)

Lints Kubernetes manifests for Argo Workflows and Argo Events offline: strict schema check,
Argo's own validation rules (W*, E*), Kubernetes basics (K8S-*) and best practices (ARGO-*),
with references resolved across all the files given. Directories are read recursively
(*.yaml, *.yml, *.json); "-" reads standard input.

Options:
  --format text|json             output format (default: text)
  --strict-refs                  a reference to an object that is not in the files is an error
                                 (default: a warning, "assumed to exist in the cluster")
  --workflows-version 4.1.2|3.7.18
                                 Argo Workflows schema to check Workflows kinds against (default: 4.1.2)
  --no-schema                    skip the schema check (rule SCHEMA); semantic rules still run
  -h, --help                     show this help

Schemas are read from $ARGO_SCHEMA_DIR (a directory holding workflows-v4.1.2/, workflows-v3.7.18/
and events-v1.9.11/ with schema.json each), else downloaded once and cached.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable input
(missing file, YAML syntax error).`;

const VERSIONS: { readonly [arg: string]: LintOptions['workflowsVersion'] } = {
  '4.1.2': 'v4.1.2', 'v4.1.2': 'v4.1.2', '3.7.18': 'v3.7.18', 'v3.7.18': 'v3.7.18',
};

/** Parses the arguments after `lint`. Throws UsageError on anything it does not understand. */
export function parseLintArgs(args: readonly string[]): LintCommand {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  let strictRefs = false;
  let schema = true;
  let workflowsVersion: LintOptions['workflowsVersion'] = 'v4.1.2';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be "text" or "json", got "${v}"`);
        format = v;
        break;
      }
      case '--strict-refs': strictRefs = true; break;
      case '--no-schema': schema = false; break;
      case '--workflows-version': {
        const v = value();
        workflowsVersion = VERSIONS[v];
        if (!workflowsVersion) throw new UsageError(`--workflows-version must be 4.1.2 or 3.7.18, got "${v}"`);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no file or directory given');
  return { paths, format, options: { strictRefs, schema, workflowsVersion } };
}
