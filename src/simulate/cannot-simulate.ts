/**
 * Thrown where the simulator meets something it does not reproduce faithfully (a template
 * function, a gjson modifier, a trigger source read from the cluster...). Callers turn it into
 * a "cannot simulate: <what>" outcome instead of guessing what Argo Events would do.
 */
export class CannotSimulate extends Error {
  constructor(
    /** What is not simulated, e.g. `template function "env"`. */
    readonly what: string,
    /** Why, when it helps. */
    readonly why?: string) {
    super(`cannot simulate ${what}${why ? `: ${why}` : ''}`);
    this.name = 'CannotSimulate';
  }
}

/** True for a CannotSimulate error. */
export function isCannotSimulate(error: unknown): error is CannotSimulate {
  return error instanceof CannotSimulate;
}
