import { readFileSync } from 'fs';
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

/**
 * Loads jqjs. It is an ES module without imports whose last lines export its API; it is
 * evaluated as a function body so that it loads the same way from CommonJS, jest and Node.js
 * versions that cannot require() ES modules.
 */
function loadJq(): JqEngine {
  if (!jqEngine) {
    try {
      const file = require.resolve('@michaelhomer/jqjs');
      const source = readFileSync(file, 'utf8');
      const body = source.replace(/\nexport \{[^}]*\}\s*\nexport default (\w+)\s*$/, '\nreturn $1;');
      if (body === source) throw new Error('unexpected module layout');
      jqEngine = new Function(body)() as JqEngine;
    } catch (e) {
      throw new CannotSimulate('jq transform', `the jq engine (@michaelhomer/jqjs) could not be loaded: ${(e as Error).message}`);
    }
  }
  return jqEngine;
}

/**
 * jq constructs where jqjs and gojq (what Argo Events runs) disagree, measured: the alternative
 * operator, try/catch and errors, key order (gojq sorts keys), formats and environment access.
 */
const DIVERGENT_JQ: readonly [RegExp, string][] = [
  [/\/\//, 'the alternative operator //'],
  [/\btry\b|\bcatch\b|\berror\b|\?/, 'error handling (try, catch, error, ?)'],
  [/\b(keys|keys_unsorted|to_entries|tojson|tostream|paths|leaf_paths|env|input|inputs|\$ENV|\$__loc__|limit|getpath|splits)\b/, 'a builtin whose output differs (gojq sorts object keys)'],
  [/@\w+/, 'format strings (@base64, @json...)'],
];

function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  return typeof v === 'object' && v !== undefined && Object.values(v as object).every(isJsonValue);
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
      const divergent = DIVERGENT_JQ.find(([re]) => re.test(transform.jq!));
      if (divergent) throw new CannotSimulate(`jq ${divergent[1]}`, 'the JavaScript jq engine differs from gojq there');
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
      if (!isJsonValue(first)) throw new CannotSimulate(`jq "${transform.jq}"`, 'the JavaScript jq engine produced no JSON value where gojq would (e.g. arithmetic on a missing key)');
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
