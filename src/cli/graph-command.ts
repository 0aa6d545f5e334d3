import { mkdirSync, writeFileSync } from 'fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'path';
import { ArgoGraphFocusError, ArgoGraphFormat, ARGO_GRAPH_FORMATS, buildArgoGraph, renderArgoGraph } from '../graph';
import { lint } from '../lint/engine';
import { LintOptions } from '../lint/types';
import { parseCommandLine, UsageError } from './command-line';
import { readManifestFiles, StreamReader } from './files';
import { textInputError, textSkipped } from './formats/text';
import { Command } from './command';
import { Output } from './output';
import { EXIT_OK, EXIT_USAGE } from './report';

export const GRAPH_USAGE = `Usage: cdk8s-argo graph [options] <file|dir|->...

Draws the system the manifests describe: EventSources and their events, the EventBus, Sensors
with their dependencies and triggers, the WorkflowTemplates, CronWorkflows and Workflows the
triggers submit, the templates they call (templateRef), exit handlers and hooks, artifacts one
template hands to another, and the ConfigMaps, Secrets and ServiceAccounts they use. References
to objects missing from the files are drawn dashed red with the lint finding; lint findings are
shown on the nodes they concern. Inputs are read as by "cdk8s-argo lint".

Options:
  --format mermaid|dot|json|svg|html
                          output format (default: from the --output extension, else mermaid)
  -o, --output FILE       write to FILE instead of standard output (html links are made relative to it)
  --focus NAME            draw only NAME and what it reaches (repeatable): a Sensor, a template,
                          any object as name, Kind/name, or object/part (e.g. a-workflow/main)
  --expand                draw the steps and tasks of steps and DAG templates
  --title TEXT            title of the svg and html output (default: cdk8s-argo graph)
  --source-url TEMPLATE   html: link each node to TEMPLATE with {file} and {line} replaced,
                          e.g. https://github.com/org/repo/blob/main/{file}#L{line}
  --no-lint               draw without lint findings
  --strict-refs, --no-schema, --workflows-version 4.1.2|3.7.18
                          lint options, as for "cdk8s-argo lint"
  -h, --help              show this help

Exit status: 0 graph written, 2 usage error or unreadable input (the graph of what could be read
is still written).`;

/** What `cdk8s-argo graph` was asked to do. */
export interface GraphCommand {
  readonly paths: readonly string[];
  readonly format: ArgoGraphFormat;
  readonly output?: string;
  readonly focus: readonly string[];
  readonly expand: boolean;
  readonly title?: string;
  readonly sourceUrl?: string;
  /** Lint options, or false for no findings. */
  readonly lint: LintOptions | false;
}

const EXTENSION_FORMATS: { readonly [ext: string]: ArgoGraphFormat } = {
  '.html': 'html', '.htm': 'html', '.svg': 'svg', '.dot': 'dot', '.gv': 'dot', '.json': 'json', '.mmd': 'mermaid', '.mermaid': 'mermaid',
};
const VERSIONS: { readonly [arg: string]: LintOptions['workflowsVersion'] | undefined } = {
  '4.1.2': 'v4.1.2', 'v4.1.2': 'v4.1.2', '3.7.18': 'v3.7.18', 'v3.7.18': 'v3.7.18',
};

const GRAPH_OPTIONS = {
  '--format': { value: 'FORMAT' },
  '--output': { value: 'FILE', short: '-o' },
  '--focus': { value: 'NAME', repeatable: true },
  '--expand': {},
  '--title': { value: 'TEXT' },
  '--source-url': { value: 'TEMPLATE' },
  '--no-lint': {},
  '--strict-refs': {},
  '--no-schema': {},
  '--workflows-version': { value: 'VERSION' },
  '--help': { short: '-h' },
} as const;

/** Parses the arguments after `graph`. Throws UsageError on anything it does not understand. */
export function parseGraphArgs(args: readonly string[]): GraphCommand {
  const { options, operands } = parseCommandLine(args, GRAPH_OPTIONS);
  const one = (name: string) => options.get(name)?.[0];
  const has = (name: string) => options.has(name);
  const format = one('--format');
  if (format !== undefined && !(ARGO_GRAPH_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${ARGO_GRAPH_FORMATS.join(', ')}, got "${format}"`);
  }
  let workflowsVersion: LintOptions['workflowsVersion'] = 'v4.1.2';
  const version = one('--workflows-version');
  if (version !== undefined) {
    workflowsVersion = VERSIONS[version];
    if (!workflowsVersion) throw new UsageError(`--workflows-version must be 4.1.2 or 3.7.18, got "${version}"`);
  }
  if (operands.length === 0) throw new UsageError('no file or directory given');
  const output = one('--output');
  const inferred = output ? EXTENSION_FORMATS[extname(output).toLowerCase()] : undefined;
  return {
    paths: operands, format: (format as ArgoGraphFormat | undefined) ?? inferred ?? 'mermaid', output,
    focus: options.get('--focus') ?? [], expand: has('--expand'), title: one('--title'), sourceUrl: one('--source-url'),
    lint: has('--no-lint') ? false : { strictRefs: has('--strict-refs'), schema: !has('--no-schema'), workflowsVersion },
  };
}

/**
 * `cdk8s-argo graph`: reads the files, lints them together, builds the graph and writes it.
 * Exit code 2 for a usage error or unreadable input (the graph of what could be read is still
 * written), else 0.
 */
export const GRAPH_COMMAND: Command = {
  summary: 'draw the system the manifests describe (mermaid, dot, json, svg, html)',
  usage: GRAPH_USAGE,
  run: (args, context) => writeGraph(parseGraphArgs(args), context.output, context.readStdin),
};

function writeGraph(command: GraphCommand, output: Output, readStdin?: StreamReader): number {
  const input = readManifestFiles(command.paths, readStdin);
  for (const problem of input.problems) output.err(`${textInputError(problem)}\n`);
  for (const skipped of input.skipped) output.err(`${textSkipped(skipped)}\n`);
  const manifests = input.manifests.map(m => m.manifest);
  const findings = command.lint === false ? [] : lint(manifests, command.lint);
  let graph;
  try {
    graph = buildArgoGraph(manifests, { findings, sources: input.manifests, focus: command.focus, expand: command.expand });
  } catch (e) {
    if (!(e instanceof ArgoGraphFocusError)) throw e;
    output.err(`cdk8s-argo graph: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const text = renderArgoGraph(graph, command.format, { title: command.title, sourceHref: sourceHref(command) });
  if (command.output) {
    mkdirSync(dirname(resolve(command.output)), { recursive: true });
    writeFileSync(command.output, text);
    output.err(`wrote ${command.output} (${command.format}: ${graph.nodes.length} nodes, ${graph.edges.length} edges)\n`);
  } else {
    output.out(text);
  }
  return input.problems.length ? EXIT_USAGE : EXIT_OK;
}

/** Links from the page to the manifests: the --source-url template, else paths relative to where the page is written. */
function sourceHref(command: GraphCommand): (file: string, line: number) => string | undefined {
  return (file, line) => {
    if (file === '<stdin>') return undefined;
    const posix = (p: string) => p.split(sep).join('/');
    if (command.sourceUrl) {
      const shown = posix(isAbsolute(file) ? relative(process.cwd(), file) : file);
      return command.sourceUrl.replace(/\{file\}/g, encodeURI(shown)).replace(/\{line\}/g, String(line));
    }
    const from = command.output ? dirname(resolve(command.output)) : process.cwd();
    return encodeURI(posix(relative(from, resolve(file))));
  };
}
