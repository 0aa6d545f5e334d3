import { StreamReader } from './files';
import { Output } from './output';

/** What a command gets besides its arguments. */
export interface CommandContext {
  readonly output: Output;
  readonly readStdin?: StreamReader;
}

/** A `cdk8s-argo` subcommand. */
export interface Command {
  /** One line for the command list. */
  readonly summary: string;
  /** Full usage text (`cdk8s-argo <command> --help`). */
  readonly usage: string;
  /** Runs the command; returns the exit code. Throw UsageError for a bad command line. */
  run(args: readonly string[], context: CommandContext): number;
}
