import { readFileSync } from 'fs';
import { LintOptions } from '../lint/types';
import { formatSimulation } from '../simulate/format';
import { simulateEvents, SimulationInputError } from '../simulate/simulate';
import { SimulatedEvent } from '../simulate/types';
import { Command } from './command';
import { UsageError } from './command-line';
import { readManifestFiles, StreamReader } from './files';
import { textInputError } from './formats/text';
import { Output } from './output';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './report';

export const SIMULATE_USAGE = `Usage: cdk8s-argo simulate <file|dir|->... --event <eventsource>/<event> [event options] [--event ...]

Simulates Argo Events offline over manifests (for a cdk8s app: its synthesized dist/): for each
event, in order, the event its EventSource publishes, every sensor dependency waiting for it
(transform, then each filter with the value it saw), the triggers that fire (conditions over
several events and conditionsReset included) and what each would create or send, printed as
YAML and linted with the other manifests.

Event options (for the --event before them):
  --body <json|@file>            request body of a webhook-like source, sent as is
  --header '<Name>: <value>'     request header (repeatable)
  --method <METHOD>              HTTP method (default: the endpoint's)
  --query <name>=<value>         query parameter of a GET request (repeatable)
  --payload <json|@file>         event data, for sources that are not HTTP endpoints
  --time <ISO 8601>              when the event happens (default: now)

Options:
  --format text|json             output format (default: text)
  --no-lint                      do not lint the resources triggers would create
  --no-schema                    lint them without the strict schema check
  --workflows-version 4.1.2|3.7.18
                                 Argo Workflows schema for that check (default: 4.1.2)
  -h, --help                     show this help

Exit status: 0 the simulation ran (whatever fired), 1 a triggered resource has lint errors,
2 usage error or bad input (unreadable file, unknown event, body that is not JSON...).`;

/** What `cdk8s-argo simulate` was asked to do. */
export interface SimulateCommand {
  readonly paths: readonly string[];
  readonly events: readonly SimulatedEvent[];
  readonly format: 'text' | 'json';
  readonly lint: boolean;
  readonly options: LintOptions;
}

type MutableEvent = { -readonly [K in keyof SimulatedEvent]: SimulatedEvent[K] } & {
  headers?: { [name: string]: string[] };
  query?: { [name: string]: string[] };
};

function readValue(flag: string, value: string, readFile: (path: string) => string): string {
  if (!value.startsWith('@')) return value;
  try {
    return readFile(value.slice(1));
  } catch (e) {
    throw new UsageError(`${flag} ${value}: cannot read ${value.slice(1)}: ${(e as Error).message}`);
  }
}

/** Parses the arguments after `simulate`. Throws UsageError on anything it does not understand. */
export function parseSimulateArgs(args: readonly string[], readFile: (path: string) => string = p => readFileSync(p, 'utf8')): SimulateCommand {
  const paths: string[] = [];
  const events: MutableEvent[] = [];
  let format: 'text' | 'json' = 'text';
  let lint = true;
  let schema = true;
  let workflowsVersion: LintOptions['workflowsVersion'] = 'v4.1.2';
  const current = (flag: string): MutableEvent => {
    const e = events[events.length - 1];
    if (!e) throw new UsageError(`${flag} must follow an --event`);
    return e;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--event': {
        const v = value();
        const m = /^([^/\s]+)\/([^/\s]+)$/.exec(v);
        if (!m) throw new UsageError(`--event must be <eventsource>/<event> (e.g. webhook/omega), got "${v}"`);
        events.push({ eventSourceName: m[1], eventName: m[2] });
        break;
      }
      case '--body': current(flag).body = readValue(flag, value(), readFile); break;
      case '--payload': {
        const text = readValue(flag, value(), readFile);
        try {
          current(flag).payload = JSON.parse(text);
        } catch (e) {
          throw new UsageError(`--payload is not JSON: ${(e as Error).message}`);
        }
        break;
      }
      case '--header': {
        const v = value();
        const colon = v.indexOf(':');
        if (colon <= 0) throw new UsageError(`--header must be '<Name>: <value>', got "${v}"`);
        const e = current(flag);
        const name = v.slice(0, colon).trim();
        e.headers = { ...(e.headers ?? {}), [name]: [...(e.headers?.[name] ?? []), v.slice(colon + 1).trim()] };
        break;
      }
      case '--query': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq <= 0) throw new UsageError(`--query must be <name>=<value>, got "${v}"`);
        const e = current(flag);
        const name = v.slice(0, eq);
        e.query = { ...(e.query ?? {}), [name]: [...(e.query?.[name] ?? []), v.slice(eq + 1)] };
        break;
      }
      case '--method': current(flag).method = value(); break;
      case '--time': {
        const v = value();
        if (Number.isNaN(Date.parse(v))) throw new UsageError(`--time must be an ISO 8601 date-time (e.g. 2024-07-15T09:30:00Z), got "${v}"`);
        current(flag).time = v;
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be "text" or "json", got "${v}"`);
        format = v;
        break;
      }
      case '--no-lint': lint = false; break;
      case '--no-schema': schema = false; break;
      case '--workflows-version': {
        const v = value().replace(/^v/, '');
        if (v !== '4.1.2' && v !== '3.7.18') throw new UsageError(`--workflows-version must be 4.1.2 or 3.7.18, got "${v}"`);
        workflowsVersion = `v${v}` as LintOptions['workflowsVersion'];
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no file or directory given');
  if (events.length === 0) throw new UsageError('no --event given');
  return { paths, events, format, lint, options: { schema, workflowsVersion } };
}

/**
 * Runs `cdk8s-argo simulate`: reads the manifests, simulates the events and prints the report.
 * Returns the exit code: 2 for unreadable input or an event that names nothing in the files,
 * else 1 when a resource a trigger would create has lint errors, else 0.
 */
export function runSimulate(command: SimulateCommand, output: Output, readStdin?: StreamReader): number {
  const input = readManifestFiles(command.paths, readStdin);
  if (input.problems.length) {
    for (const p of input.problems) output.err(`${textInputError(p)}\n`);
    output.err('cdk8s-argo simulate: unreadable input is not simulated\n');
    return EXIT_USAGE;
  }
  let result;
  try {
    result = simulateEvents(input.manifests.map(m => m.manifest), command.events, { lint: command.lint, schema: command.options.schema, workflowsVersion: command.options.workflowsVersion });
  } catch (e) {
    if (e instanceof SimulationInputError) {
      output.err(`cdk8s-argo simulate: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (command.format === 'json') output.out(`${JSON.stringify(result, null, 2)}\n`);
  else output.out(`${formatSimulation(result)}\n`);
  const errors = result.fired.some(t => t.findings.some(f => f.severity === 'error'));
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/** `cdk8s-argo simulate`: the command table's entry (usage errors become exit status 2 in main.ts). */
export const SIMULATE_COMMAND: Command = {
  summary: 'simulate events: which sensors fire and what their triggers would create',
  usage: SIMULATE_USAGE,
  run: (args, context) => runSimulate(parseSimulateArgs(args), context.output, context.readStdin),
};
