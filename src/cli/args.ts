import { SCHEMA_RULE_ID } from '../lint/engine';
import { CRD_RULE_ID } from '../schema/validator';
import { ALL_RULES } from '../lint/rules';
import { parseDirective } from '../lint/suppression';
import { LintOptions, Suppression } from '../lint/types';
import { parseCommandLine, UsageError } from './command-line';
import type { HelmReadOptions } from './files';

export { UsageError } from './command-line';

/** Output formats of `cdk8s-argo lint`. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type OutputFormat = typeof OUTPUT_FORMATS[number];

/** What `cdk8s-argo lint` was asked to do. */
export interface LintCommand {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** Report errors only (warnings still count for `maxWarnings`). */
  readonly quiet: boolean;
  /** More warnings than this fail the run (exit 1). @default - no limit */
  readonly maxWarnings?: number;
  /** Colour the text output; undefined: when the stream is a terminal and NO_COLOR is not set. */
  readonly color?: boolean;
  readonly options: LintOptions;
  /** How chart folders are rendered (helm template's values files and namespace). */
  readonly helm: HelmReadOptions;
}

export const USAGE = `Usage: cdk8s-argo lint [options] <file|dir|->...

Lints Kubernetes manifests for Argo Workflows and Argo Events offline: strict schema check,
Argo's own validation rules (W*, E*), Kubernetes basics (K8S-*) and best practices (ARGO-*),
with references resolved across all the files given. Directories are read recursively
(*.yaml, *.yml, *.json); "-" reads standard input, and so does a named pipe given as a file.
A Helm chart (a directory holding Chart.yaml) is linted as helm template renders it, with helm
on PATH; without helm, its templates are read as Helm renders their escapes ({{\`{{x}}\`}}) and
any other Helm code is reported as needing helm. A file in a chart's templates/ is read the same
way, and Helm's escapes in other files holding Helm syntax are read as the text they render to.

Options:
  --format text|json|sarif|github|junit
                                 output format (default: text): "file:line:col: severity: ..." lines,
                                 a JSON report, SARIF 2.1.0 (code scanning), GitHub Actions
                                 annotations, or JUnit XML (a test suite per file, a test per object)
  -q, --quiet                    report errors only (warnings still count for --max-warnings)
  --max-warnings N               fail (exit 1) when there are more than N warnings
  --disable "RULE[,RULE] -- reason"
                                 silence rules everywhere; the reason is required (repeatable).
                                 In the files: "# cdk8s-argo-disable-next-line RULE -- reason" above
                                 a line, or the annotation cdk8s-argo.io/disable: "RULE -- reason"
  --strict-refs                  a reference to an object that is not in the files is an error
                                 (default: a warning, "assumed to exist in the cluster")
  --workflows-version 4.1.2|3.7.18
                                 Argo Workflows schema to check Workflows kinds against (default: 4.1.2)
  --no-schema                    skip the schema check (rules SCHEMA and CRD); semantic rules still run
  --no-crd                       skip only the constraints of Argo's full CRDs (rule CRD: v4.1.2 as
                                 installed by default); for clusters with Argo's minimal CRDs or v3.7
  --helm-values FILE             for a chart directory: a values file helm template reads (repeatable)
  --helm-namespace NAME          for a chart directory: the release namespace helm template renders
  --color, --no-color            colour the text output or not (default: on a terminal, unless
                                 NO_COLOR is set)
  -V, --version                  print the version
  -h, --help                     show this help
  --                             end of options: what follows are files

The schema check uses Argo's schemas built into cdk8s-argo (no network). $ARGO_SCHEMA_DIR overrides
them: a directory holding workflows-v4.1.2/, workflows-v3.7.18/ and events-v1.9.11/ with schema.json each.

Exit status: 0 no errors (warnings allowed), 1 errors found (or more warnings than --max-warnings),
2 usage error or unreadable input (missing file, invalid UTF-8, YAML or JSON syntax error...); the
readable files are linted and reported all the same.`;

const VERSIONS = new Map<string, LintOptions['workflowsVersion']>([
  ['4.1.2', 'v4.1.2'], ['v4.1.2', 'v4.1.2'], ['3.7.18', 'v3.7.18'], ['v3.7.18', 'v3.7.18'],
]);

const LINT_OPTIONS = {
  '--format': { value: 'FORMAT' },
  '--quiet': { short: '-q' },
  '--max-warnings': { value: 'N' },
  '--disable': { value: '"RULE -- reason"', repeatable: true },
  '--strict-refs': {},
  '--workflows-version': { value: 'VERSION' },
  '--no-schema': {},
  '--no-crd': {},
  '--helm-values': { value: 'FILE', repeatable: true },
  '--helm-namespace': { value: 'NAME' },
  '--color': {},
  '--no-color': {},
  '--version': { short: '-V' },
  '--help': { short: '-h' },
} as const;

/** Parses the arguments after `lint`. Throws UsageError on anything it does not understand. */
export function parseLintArgs(args: readonly string[]): LintCommand {
  const { options, operands } = parseCommandLine(args, LINT_OPTIONS);
  const one = (name: string) => options.get(name)?.[0];
  const has = (name: string) => options.has(name);

  const format = one('--format') ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${format}"`);

  let maxWarnings: number | undefined;
  const max = one('--max-warnings');
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) throw new UsageError(`--max-warnings must be a whole number of warnings (0 or more), got "${max}"`);
    maxWarnings = Number(max);
  }

  let workflowsVersion: LintOptions['workflowsVersion'] = 'v4.1.2';
  const version = one('--workflows-version');
  if (version !== undefined) {
    workflowsVersion = VERSIONS.get(version);
    if (!workflowsVersion) throw new UsageError(`--workflows-version must be 4.1.2 or 3.7.18, got "${version}"`);
  }

  if (has('--color') && has('--no-color')) throw new UsageError('--color and --no-color contradict each other');
  const known = new Set([...ALL_RULES.map(r => r.id), SCHEMA_RULE_ID, CRD_RULE_ID]);
  const suppressions: Suppression[] = (options.get('--disable') ?? []).map(directive => {
    const parsed = parseDirective(directive, known);
    if (typeof parsed === 'string') throw new UsageError(`--disable ${parsed}. Quote the whole value: --disable "W31 -- why it does not apply"`);
    return { directive, origin: '--disable' };
  });

  if (operands.length === 0) throw new UsageError('no file or directory given');
  return {
    paths: operands,
    format: format as OutputFormat,
    quiet: has('--quiet'),
    maxWarnings,
    color: has('--color') ? true : has('--no-color') ? false : undefined,
    options: { strictRefs: has('--strict-refs'), schema: !has('--no-schema'), crd: !has('--no-crd'), workflowsVersion, suppressions },
    helm: { values: options.get('--helm-values') ?? [], namespace: one('--helm-namespace') },
  };
}
