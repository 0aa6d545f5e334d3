import { IConstruct } from 'constructs';

/**
 * The id a construct of this library is created with, checked first: the constructs library
 * refuses an empty id with "Only root constructs may have an empty ID", which names neither the
 * scope nor the construct. `what` says what the id is to the user (`a step name`, when the id
 * is the name the step gets in the manifest).
 * @internal
 */
export function constructId(scope: IConstruct, id: string, what = 'the construct id'): string {
  if (typeof id === 'string' && id !== '') return id;
  const shown = typeof id === 'string' ? 'empty' : `${typeof id}, not a string`;
  throw new Error(`[${scope.node.path || '<app>'}] ${what} is ${shown}: every construct below the App needs a non-empty id (the constructs library `
    + 'refuses it), and the id names the construct in every error and in generated names. Pass a short kebab-case name.');
}
