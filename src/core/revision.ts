// The library-wide change counter behind cached renders (cached-api-object.ts) and the synth
// session (synth-session.ts): every mutator of a construct of this library calls markChanged(),
// so a render or a validation pass made before it is known to be stale.

let current = 0;

/** Records that a construct of this library changed (a template added, an argument declared...). @internal */
export function markChanged(): void {
  current++;
}

/** The revision now: it differs from an earlier one exactly when something changed in between. @internal */
export function revision(): number {
  return current;
}
