import { yaml } from '../lint/util/yaml';
import { CannotSimulate } from './cannot-simulate';
import { gExists, gGet, gParse, gString, GType, gValue } from './go/gjson';
import { isValidJson } from './go/json-text';
import { runGoTemplate } from './go/template';
import { ArgoEvent } from './types';
import { describeMissing } from './missing-path';
import { marshalSorted } from './webhook-request';
import { sjsonSet } from './go/sjson';

/** A trigger parameter's `src` (TriggerParameterSource). */
export interface ParameterSource {
  readonly dependencyName?: string;
  readonly contextKey?: string;
  readonly contextTemplate?: string;
  readonly dataKey?: string;
  readonly dataTemplate?: string;
  readonly value?: string;
  readonly useRawData?: boolean;
}

/** A trigger parameter (TriggerParameter). */
export interface TriggerParameter {
  readonly src?: ParameterSource;
  readonly dest?: string;
  readonly operation?: string;
}

/** Events that fired a trigger, by dependency name. */
export type EventsByDependency = { readonly [dependency: string]: ArgoEvent };

/** A resolved parameter value and its gjson type (`String` for literals and templates, `JSON` for blocks). */
export interface ResolvedValue {
  readonly value?: string;
  readonly type: GType | '';
  /** How Argo Events got it, for the report (`dataKey body.size`, `value (default)`...). */
  readonly from?: string;
  /** Fallbacks Argo Events logged on the way (a template that failed, a missing key). */
  readonly notes: readonly string[];
}

/** A parameter that cannot be resolved: Argo Events fails the trigger with this error. */
export class ParameterError extends Error {}

/** Go's json.Marshal of a v1alpha1.Event: context (fields in struct order) and data as base64. */
export function marshalArgoEvent(event: ArgoEvent): string {
  const c = event.context;
  const context = JSON.stringify({ id: c.id, source: c.source, specversion: c.specversion, type: c.type, datacontenttype: c.datacontenttype, subject: c.subject, time: c.time });
  const data = event.data === undefined ? 'null' : JSON.stringify(Buffer.from(event.data, 'utf8').toString('base64'));
  return `{"context":${escapeHtml(context)},"data":${data}}`;
}

function escapeHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** renderEventDataAsJSON: the data as JSON, by content type (JSON as is, YAML converted). */
export function renderEventDataAsJSON(event: ArgoEvent | undefined): string {
  if (!event) throw new ParameterError('event is nil');
  const raw = event.data ?? '';
  switch (event.context?.datacontenttype) {
    case 'application/json':
      if (isValidJson(raw)) return raw;
      throw new ParameterError('event data is not valid JSON');
    case 'application/yaml':
      // ghodss/yaml reads YAML 1.1 (go-yaml v2): n, y, yes, no, on, off are booleans, keys included.
      try {
        return marshalSorted(yaml().parse(raw, { version: '1.1' }));
      } catch (e) {
        throw new ParameterError(`failed converting yaml event data to JSON: ${(e as Error).message}`);
      }
    default:
      throw new ParameterError(`unsupported event content type: ${event.context?.datacontenttype ?? ''}`);
  }
}

function valueWithTemplate(json: string, template: string): string {
  const out = runGoTemplate(template, { Input: gValue(gParse(json)) });
  if (out === '' || out === '<no value>') throw new Error(`template evaluated to empty string or no value: ${template}`);
  return out;
}

/** getValueByKey: the raw JSON of a block or null, the string form of a scalar. */
export function valueByKey(json: string, key: string): { value: string; type: GType } {
  const r = gGet(json, key);
  if (!gExists(r)) throw new Error(`key ${key} does not exist to in the event payload`);
  if (r.type === 'JSON' || r.type === 'Null') return { value: r.raw, type: r.type };
  return { value: gString(r), type: r.type };
}

/**
 * ResolveParamValue (pkg/sensors/triggers/params.go): the value of a parameter source from the
 * events that fired the trigger. A template is tried first, then the key, then `value`; a
 * dependency without an event gives `value` or nothing (parameter skipped); no source at all
 * gives `value` or the whole event JSON. Throws ParameterError where Argo Events fails.
 */
export function resolveParamValue(src: ParameterSource, events: EventsByDependency): ResolvedValue {
  const notes: string[] = [];
  const dependency = src.dependencyName ?? '';
  const event = Object.prototype.hasOwnProperty.call(events, dependency) ? events[dependency] : undefined;
  if (!event) {
    if (src.value !== undefined) return { value: src.value, type: 'String', from: `value (no event from dependency "${dependency}")`, notes };
    return { type: 'String', notes: [`no event from dependency "${dependency}" and no value: the parameter is skipped`] };
  }
  if (!src.contextKey && !src.dataKey && !src.dataTemplate && !src.contextTemplate) {
    if (src.value !== undefined) return { value: src.value, type: 'String', from: 'value', notes };
    return { value: marshalArgoEvent(event), type: 'String', from: 'the whole event (context, and data in base64)', notes };
  }
  let key = '';
  let template = '';
  let payload: string | undefined;
  let failure: Error | undefined;
  let part = '';
  if (src.contextKey || src.contextTemplate) {
    key = src.contextKey ?? '';
    template = src.contextTemplate ?? '';
    part = 'context';
    payload = event.context ? escapeHtml(JSON.stringify(event.context)) : 'null';
  }
  if (src.dataKey || src.dataTemplate) {
    key = src.dataKey ?? '';
    template = src.dataTemplate ?? '';
    part = 'data';
    try {
      payload = renderEventDataAsJSON(event);
      failure = undefined;
    } catch (e) {
      failure = e as Error;
      payload = undefined;
    }
  }
  if (failure) {
    if (src.value !== undefined) return { value: src.value, type: 'String', from: 'value', notes: [`failed to parse the event payload, using default value: ${failure.message}`] };
    throw new ParameterError(failure.message);
  }
  if (payload !== undefined) {
    if (template) {
      try {
        return { value: valueWithTemplate(payload, template), type: 'String', from: `${part}Template`, notes };
      } catch (e) {
        if (e instanceof CannotSimulate) throw e;
        failure = e as Error;
        notes.push(`the ${part}Template failed, falling back to the key or value: ${failure.message}`);
      }
    }
    if (key) {
      try {
        const r = valueByKey(payload, key);
        return { value: r.value, type: r.type, from: `${part}Key ${key}`, notes };
      } catch (e) {
        if (e instanceof CannotSimulate) throw e;
        failure = e as Error;
        notes.push(`${part}Key ${key}: ${failure.message}${describeMissing(payload, key)}`);
      }
    }
    if (src.value !== undefined) return { value: src.value, type: 'String', from: 'value (default)', notes };
  }
  throw new ParameterError(`unable to resolve '${dependency}' parameter value. err: ${failure?.message ?? '<nil>'}`);
}

/** The value to set at a dest: raw JSON when useRawData and not a string, else a JSON string. */
function valueToSet(src: ParameterSource, value: string, type: GType | ''): unknown {
  if (type !== 'String' && src.useRawData) {
    try {
      return JSON.parse(value);
    } catch {
      throw new CannotSimulate(`raw value ${JSON.stringify(value)}`, 'it is not JSON: sjson would write it into the object as is');
    }
  }
  return value;
}

/** One parameter as applied: where, what and from where. */
export interface AppliedParameter {
  readonly dest: string;
  readonly value?: string;
  readonly from?: string;
  readonly operation?: string;
  readonly notes: readonly string[];
}

/**
 * ApplyParams: sets each parameter's value at its `dest` (sjson path) in the object, after
 * `prepend`/`append` to the current value when there is one. Returns the new object and what
 * each parameter did.
 */
export function applyParams(object: unknown, params: readonly TriggerParameter[], events: EventsByDependency): { object: unknown; applied: AppliedParameter[] } {
  let current = object;
  const applied: AppliedParameter[] = [];
  for (const param of params) {
    const resolved = resolveParamValue(param.src ?? {}, events);
    const dest = param.dest ?? '';
    if (resolved.value === undefined) {
      applied.push({ dest, notes: resolved.notes });
      continue;
    }
    let value = resolved.value;
    let type = resolved.type;
    const op = param.operation ?? '';
    if (op === 'append' || op === 'prepend') {
      const existing = gGet(JSON.stringify(current), dest);
      if (gExists(existing)) {
        type = 'String';
        value = op === 'append' ? gString(existing) + value : value + gString(existing);
      }
    } else if (op !== 'overwrite' && op !== '') {
      throw new ParameterError(`unsupported trigger parameter operation: ${op}`);
    }
    try {
      current = sjsonSet(current, dest, valueToSet(param.src ?? {}, value, type));
    } catch (e) {
      if (e instanceof CannotSimulate) throw e;
      throw new ParameterError((e as Error).message);
    }
    applied.push({ dest, value, from: resolved.from, operation: op || undefined, notes: resolved.notes });
  }
  return { object: current, applied };
}

/** ConstructPayload: the body of an HTTP-like trigger; a parameter without dest is the whole body. */
export function constructPayload(events: EventsByDependency, params: readonly TriggerParameter[]): string | undefined {
  let payload: unknown = undefined;
  for (const param of params) {
    const resolved = resolveParamValue(param.src ?? {}, events);
    if (!param.dest) {
      if (resolved.value !== undefined) return resolved.value;
      continue;
    }
    if (resolved.value === undefined) {
      throw new ParameterError(`dependency "${param.src?.dependencyName ?? ''}" sent no event and the parameter has no value: ConstructPayload dereferences the missing value and the sensor panics (nil pointer dereference)`);
    }
    try {
      payload = sjsonSet(payload, param.dest, valueToSet(param.src ?? {}, resolved.value, resolved.type));
    } catch (e) {
      if (e instanceof CannotSimulate) throw e;
      throw new ParameterError((e as Error).message);
    }
  }
  return payload === undefined ? undefined : JSON.stringify(payload);
}
