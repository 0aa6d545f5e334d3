import { CannotSimulate } from './cannot-simulate';
import { isValidJson } from './go/json-text';
import { runLuaTransform } from './lua';
import { ArgoEvent, NotSimulated } from './types';
import { marshalSorted } from './webhook-request';

/** A dependency's `transform` (EventDependencyTransformer). */
export interface DependencyTransform {
  readonly jq?: string;
  readonly script?: string;
}

/** What a transform made of an event. */
export interface TransformOutcome {
  readonly event?: ArgoEvent;
  readonly error?: string;
  readonly notSimulated?: NotSimulated;
}

interface JqEngine {
  compile(program: string): (input: unknown) => Iterable<unknown>;
}

let jqEngine: JqEngine | undefined;

function loadJq(): JqEngine {
  if (!jqEngine) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('@michaelhomer/jqjs') as { default?: JqEngine } & JqEngine;
      jqEngine = mod.default ?? mod;
    } catch (e) {
      throw new CannotSimulate('jq transform', `the jq engine (@michaelhomer/jqjs, an ES module) could not be loaded: ${(e as Error).message}; Node.js 20.19 or later loads it`);
    }
  }
  return jqEngine;
}

function decodeObject(data: string): { value?: { [k: string]: unknown }; error?: string } {
  if (!isValidJson(data)) return { error: 'invalid character in event data: not JSON' };
  const value = JSON.parse(data);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `json: cannot unmarshal ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}` };
  }
  return { value };
}

/**
 * `ApplyTransform` (pkg/sensors/dependencies/transform.go): a jq command (gojq upstream; the
 * pure-JavaScript jqjs here) or a Lua script over the event data; the first jq output, or the
 * table the script returns, must be an object and becomes the data (marshalled with sorted keys).
 * A transform error drops the event for that dependency.
 */
export function applyTransform(event: ArgoEvent, transform: DependencyTransform | undefined): TransformOutcome {
  if (!transform || (!transform.jq && !transform.script)) return { event };
  if (event.data === undefined) return { event };
  const decoded = decodeObject(event.data);
  if (decoded.error !== undefined) return { error: decoded.error };
  try {
    if (transform.jq) {
      const engine = loadJq();
      let first: unknown;
      let found = false;
      try {
        for (const out of engine.compile(transform.jq)(decoded.value)) {
          first = out;
          found = true;
          break;
        }
      } catch (e) {
        return { error: `jq: ${(e as Error).message}` };
      }
      if (!found) return { error: 'no output available from the jq command execution' };
      if (first === null || typeof first !== 'object' || Array.isArray(first)) return { error: 'jq transformation output must be a JSON object' };
      return { event: { ...event, context: { ...event.context, datacontenttype: 'application/json' }, data: marshalSorted(first) } };
    }
    const outcome = runLuaTransform(transform.script!, decoded.value!);
    if (outcome.error !== undefined) return { error: outcome.error };
    return { event: { ...event, context: { ...event.context, datacontenttype: 'application/json' }, data: marshalSorted(outcome.result) } };
  } catch (e) {
    if (e instanceof CannotSimulate) return { notSimulated: { what: e.what, why: e.why } };
    throw e;
  }
}
