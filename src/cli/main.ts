import { parseLintArgs, USAGE, UsageError } from './args';
import { EXIT_OK, EXIT_USAGE, Output, runLint } from './lint-command';
import { simulateMain } from './simulate-command';

const PROCESS_OUTPUT: Output = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
};

/**
 * Entry point of the `cdk8s-argo` command. Returns the exit code; never throws for bad
 * input (a failure to load the schemas, for instance, is reported as a usage/input error).
 */
export function main(argv: readonly string[], output: Output = PROCESS_OUTPUT, readStdin?: () => string): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? output.err : output.out)(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'simulate') return simulateMain(rest, output, readStdin);
  if (command !== 'lint') {
    output.err(`cdk8s-argo: unknown command "${command}"\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    output.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    return runLint(parseLintArgs(rest), output, readStdin);
  } catch (e: any) {
    if (e instanceof UsageError) {
      output.err(`cdk8s-argo lint: ${e.message}\n\n${USAGE}\n`);
    } else {
      output.err(`cdk8s-argo lint: ${e?.message ?? e}\n`);
    }
    return EXIT_USAGE;
  }
}
