// The library-wide change counter behind cached renders (cached-api-object.ts) and the synth
// session (synth-session.ts): every mutator of a construct of this library calls markChanged(),
// so a render or a validation pass made before it is known to be stale.

let current = 0;

/**
 * Records that a construct changed what it renders (a template added, an argument declared...).
 * Every mutator of this library calls it; so does a mutator of a construct class of your own
 * that extends one of ours, so that a render kept by the synth session is not reused.
 */
export function markChanged(): void {
  current++;
}

/** The revision now: it differs from an earlier one exactly when something changed in between. @internal */
export function revision(): number {
  return current;
}
