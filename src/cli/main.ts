import { parseLintArgs, USAGE as LINT_USAGE } from './args';
import { Command } from './command';
import { infoRequest, UsageError } from './command-line';
import { StreamReader } from './files';
import { GRAPH_COMMAND } from './graph-command';
import { EXIT_OK, EXIT_USAGE, runLint } from './lint-command';
import { Output, processOutput } from './output';
import { SIMULATE_COMMAND } from './simulate-command';
import { packageVersion } from '../package-root';

const LINT: Command = {
  summary: 'lint Argo Workflows / Argo Events manifests (files, directories, stdin)',
  usage: LINT_USAGE,
  run: (args, context) => runLint(parseLintArgs(args), context.output, context.readStdin),
};

/** The subcommands, by name (each lives in its own file; add one line here per command). */
const COMMANDS = new Map<string, Command>([
  ['lint', LINT],
  ['graph', GRAPH_COMMAND],
  ['simulate', SIMULATE_COMMAND],
]);

function usage(): string {
  const width = Math.max(...[...COMMANDS.keys()].map(n => n.length));
  const list = [...COMMANDS].map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: cdk8s-argo <command> [options]\n\nCommands:\n${list}\n\nRun "cdk8s-argo <command> --help" for a command's options; "cdk8s-argo --version" prints the version.\n\n${LINT_USAGE}`;
}

/**
 * Entry point of the `cdk8s-argo` command. Returns the exit code; never throws (a failure to
 * load the schemas, for instance, is reported as a usage/input error, without a stack trace).
 */
export function main(argv: readonly string[], output: Output = processOutput(), readStdin?: StreamReader): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    output.err(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    output.out(`${usage()}\n`);
    return EXIT_OK;
  }
  if (name === '-V' || name === '--version') {
    output.out(`cdk8s-argo ${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    output.err(`cdk8s-argo: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  const info = infoRequest(rest);
  if (info === 'help') {
    output.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  if (info === 'version') {
    output.out(`cdk8s-argo ${packageVersion()}\n`);
    return EXIT_OK;
  }
  try {
    return command.run(rest, { output, readStdin });
  } catch (e) {
    if (e instanceof UsageError) output.err(`cdk8s-argo ${name}: ${e.message}\n\n${command.usage}\n`);
    else output.err(`cdk8s-argo ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
