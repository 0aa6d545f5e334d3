/** Where a command writes (the process streams in the CLI, buffers in tests). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether each stream is a terminal (colour by default there). @default false */
  readonly isTerminal?: { readonly out: boolean; readonly err: boolean };
}

/**
 * The process's stdout and stderr. A reader that goes away (`cdk8s-argo lint . | head`) is no
 * error: the rest of the output is dropped quietly (no EPIPE stack trace) and the exit code
 * stays what the run found.
 */
export function processOutput(): Output {
  return {
    out: text => write(process.stdout, text),
    err: text => write(process.stderr, text),
    isTerminal: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
  };
}

const closed = new WeakSet<NodeJS.WriteStream>();
const watched = new WeakSet<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!watched.has(stream)) {
    watched.add(stream);
    // Write errors arrive as events; a closed pipe is expected, anything else cannot be reported on that stream either.
    stream.on('error', () => closed.add(stream));
  }
  if (closed.has(stream)) return;
  try {
    stream.write(text);
  } catch {
    closed.add(stream);
  }
}

/** Whether to colour a stream: `--color`/`--no-color`, else NO_COLOR and FORCE_COLOR, else a terminal that is not "dumb". */
export function useColor(explicit: boolean | undefined, isTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (explicit !== undefined) return explicit;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTerminal && env.TERM !== 'dumb';
}

/**
 * Text safe to print on a terminal: control characters, and the invisible characters that
 * reorder text (Trojan Source), are shown as escapes instead of acting on the terminal, so a
 * hostile value quoted in a message cannot rewrite the screen or hide itself.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, c => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
