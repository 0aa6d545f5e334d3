/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {}

/** How one option is written. */
export interface OptionSpec {
  /** Name of its value in messages (`--format FORMAT`); the option takes none when undefined. */
  readonly value?: string;
  /** May be given several times (each value kept). */
  readonly repeatable?: boolean;
  /** One-letter alias, e.g. `-q`. */
  readonly short?: string;
}

/** Options and operands of a command line, as `parseCommandLine` read them. */
export interface ParsedCommandLine {
  /** Values of each option given, by long name (`--format`); `''` for options without a value. */
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly operands: readonly string[];
}

/**
 * Parses the arguments of a subcommand: `--name value`, `--name=value`, short aliases, `-` as an
 * operand (standard input), `--` ending the options. Unknown options, missing values and options
 * repeated without being repeatable are UsageErrors. Commands share this parser, so every
 * `cdk8s-argo` command reads its options the same way.
 */
export function parseCommandLine(args: readonly string[], specs: { readonly [name: string]: OptionSpec }): ParsedCommandLine {
  const known = new Map(Object.entries(specs));
  const shorts = new Map<string, string>();
  for (const [name, spec] of known) if (spec.short) shorts.set(spec.short, name);
  const options = new Map<string, string[]>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const name = shorts.get(written) ?? written;
    const spec = known.get(name);
    if (!spec) throw new UsageError(`unknown option ${written}${suggest(written, [...known.keys()])}`);
    let value = '';
    if (spec.value !== undefined) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      else throw new UsageError(`${name} needs a value (${name} ${spec.value})`);
    } else if (eq >= 0) {
      throw new UsageError(`${name} takes no value`);
    }
    const list = options.get(name) ?? [];
    if (list.length && !spec.repeatable) throw new UsageError(`${name} is given more than once`);
    list.push(value);
    options.set(name, list);
  }
  return { options, operands };
}

function suggest(written: string, names: readonly string[]): string {
  const near = names.find(n => n.startsWith(written) || written.startsWith(n) || n.replace(/^--(no-)?/, '') === written.replace(/^-+/, ''));
  return near ? ` (did you mean ${near}?)` : '';
}

/** `help` or `version` when the arguments ask for it (before any `--`), so a command answers that without running. */
export function infoRequest(args: readonly string[]): 'help' | 'version' | undefined {
  for (const arg of args) {
    if (arg === '--') break;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-V' || arg === '--version') return 'version';
  }
  return undefined;
}
