import { parseClockTime } from '../lint/rules/events/support/clock-time';
import { isValidTimeZone } from '../lint/util/timezone';
import { CannotSimulate } from './cannot-simulate';
import { gBool, gExists, gFloat, gGet, gParse, GResult, gString, gValue, goParseBool, goParseFloat } from './go/gjson';
import { GovaluateExpression } from './go/govaluate';
import { isValidJson } from './go/json-text';
import { goRegExp } from './go/regexp';
import { runGoTemplate } from './go/template';
import { goQuote } from './go/printf';
import { runLuaFilter } from './lua';
import { describeMissing, describeValue } from './missing-path';
import { zonedDateOf, zonedInstant } from './time-zones';
import { ArgoEvent, EventContext, FilterCheck, FilterGroup, FilterOutcome } from './types';

/** A dependency's `filters` as plain JSON (EventDependencyFilter). */
export interface DependencyFilters {
  readonly time?: { readonly start?: string; readonly stop?: string; readonly timezone?: string };
  readonly context?: Partial<EventContext>;
  readonly data?: readonly DataFilter[];
  readonly exprs?: readonly ExprFilter[];
  readonly dataLogicalOperator?: string;
  readonly exprLogicalOperator?: string;
  readonly script?: string;
}

export interface DataFilter {
  readonly path?: string;
  readonly type?: string;
  readonly value?: readonly string[];
  readonly comparator?: string;
  readonly template?: string;
}

export interface ExprFilter {
  readonly expr?: string;
  readonly fields?: readonly { readonly path?: string; readonly name?: string }[];
}

type Outcome = { pass: boolean; error?: string };

const LIST_SEPARATOR = ' / ';
const tmpl = (kind: string, message: string) => `${kind} filter error (${message})`;
const multi = (kind: string, messages: string[]) => `${kind} filter errors [${messages.join(LIST_SEPARATOR)}]`;

/** Collects per-filter explanations while the Go logic runs. */
class Checks {
  readonly list: FilterCheck[] = [];
  add(group: FilterGroup, path: string, pass: boolean | undefined, reason: string, seen?: string): void {
    this.list.push({ group, path, pass, reason, seen });
  }
}

/**
 * Argo Events' `Filter(event, filter, filtersLogicalOperator)` (pkg/sensors/dependencies/filter.go),
 * what the sensor calls: the groups as `filterGroups` combines them, and any error drops the
 * event, even when another group passed under `or`.
 */
export function filterEvent(event: ArgoEvent | undefined, filters: DependencyFilters | undefined, filtersLogicalOperator?: string): FilterOutcome {
  const outcome = filterGroups(event, filters, filtersLogicalOperator);
  return outcome.error !== undefined ? { ...outcome, pass: false } : outcome;
}

/**
 * `filterEvent` of filter.go: expr, data, context, time and script filters, each group combined
 * by its own logical operator, the groups by `filtersLogicalOperator` (`and` by default: the
 * first error stops; with `or`, errors are collected and the result is true if any defined
 * group passes).
 */
export function filterGroups(event: ArgoEvent | undefined, filters: DependencyFilters | undefined, filtersLogicalOperator?: string): FilterOutcome {
  if (!filters) return { pass: true, checks: [] };
  const checks = new Checks();
  try {
    const outcome = combineGroups(filters, filtersLogicalOperator ?? '', event, checks);
    return { ...outcome, checks: checks.list };
  } catch (e) {
    if (e instanceof CannotSimulate) return { pass: false, checks: checks.list, notSimulated: { what: e.what, why: e.why } };
    throw e;
  }
}

function combineGroups(filter: DependencyFilters, operator: string, event: ArgoEvent | undefined, checks: Checks): Outcome {
  const or = operator === 'or';
  const errors: string[] = [];
  const expr = filterExpr(filter.exprs, filter.exprLogicalOperator ?? '', event, checks);
  if (expr.error !== undefined) {
    if (!or) return { pass: false, error: expr.error };
    errors.push(expr.error);
  }
  const data = filterData(filter.data, filter.dataLogicalOperator ?? '', event, checks);
  if (data.error !== undefined) {
    if (!or) return { pass: false, error: data.error };
    errors.push(data.error);
  }
  const context = filterContext(filter.context, event?.context, checks);
  const time = filterTime(filter.time, event?.context.time, checks);
  if (time.error !== undefined) {
    if (!or) return { pass: false, error: time.error };
    errors.push(time.error);
  }
  const script = filterScript(filter.script, event, checks);
  if (script.error !== undefined) return { pass: false, error: script.error };
  if (or) {
    const pass = (filter.exprs != null && expr.pass) || (filter.data != null && data.pass) || (filter.context != null && context)
      || (filter.time != null && time.pass) || (!!filter.script && script.pass);
    return errors.length ? { pass, error: errors.join(LIST_SEPARATOR) } : { pass };
  }
  return { pass: expr.pass && data.pass && context && time.pass && script.pass };
}

/** filterExpr: govaluate expressions over named gjson paths. */
export function filterExpr(filters: readonly ExprFilter[] | undefined, operator: string, event: ArgoEvent | undefined, checks = new Checks()): Outcome {
  if (filters == null) return { pass: true };
  if (!event) return { pass: false, error: tmpl('expr', 'nil event') };
  const payload = event.data;
  if (payload === undefined) return { pass: true };
  if (!isValidJson(payload)) return { pass: false, error: tmpl('expr', 'event data not valid JSON') };
  const or = operator === 'or';
  const errors: string[] = [];
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    const where = `filters.exprs[${i}]`;
    const parameters: { [name: string]: unknown } = {};
    let missing: string | undefined;
    for (const field of f.fields ?? []) {
      const result = gGet(payload, field.path ?? '');
      if (!gExists(result)) {
        missing = field.path ?? '';
        break;
      }
      parameters[field.name ?? ''] = gValue(result);
    }
    if (missing !== undefined) {
      const message = `path '${missing}' does not exist`;
      checks.add('exprs', where, false, `${message}${describeMissing(payload, missing)}`);
      if (or) {
        errors.push(message);
        continue;
      }
      return { pass: false, error: tmpl('expr', message) };
    }
    if (Object.keys(parameters).length === 0) {
      checks.add('exprs', where, undefined, 'no fields: skipped, as Argo Events skips it');
      continue;
    }
    const seen = Object.entries(parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
    let result: unknown;
    try {
      result = new GovaluateExpression(f.expr ?? '').evaluate(parameters);
    } catch (e) {
      if (e instanceof CannotSimulate) throw e;
      const message = (e as Error).message;
      checks.add('exprs', where, false, `"${f.expr}" cannot be evaluated: ${message}`, seen);
      if (or) {
        errors.push(message);
        continue;
      }
      return { pass: false, error: tmpl('expr', message) };
    }
    checks.add('exprs', where, result === true, `"${f.expr}" is ${JSON.stringify(result)}`, seen);
    if (result === true) {
      if (or) return { pass: true };
    } else if (!or) {
      return { pass: false };
    }
  }
  if (or) return errors.length ? { pass: false, error: multi('expr', errors) } : { pass: false };
  return { pass: true };
}

/** filterData: gjson paths compared as bool, number or string (Go regular expressions), with optional templates. */
export function filterData(filters: readonly DataFilter[] | undefined, operator: string, event: ArgoEvent | undefined, checks = new Checks()): Outcome {
  if (!filters || filters.length === 0) return { pass: true };
  if (!event) return { pass: false, error: tmpl('data', 'nil Event') };
  const payload = event.data;
  if (payload === undefined) return { pass: true };
  if (!isValidJson(payload)) return { pass: false, error: tmpl('data', 'event data not valid JSON') };
  const or = operator === 'or';
  const errors: string[] = [];
  const fail = (message: string): Outcome | undefined => {
    if (or) {
      errors.push(message);
      return undefined;
    }
    return { pass: false, error: tmpl('data', message) };
  };
  filters: for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    const where = `filters.data[${i}]`;
    const path = f.path ?? '';
    let result = gGet(payload, path);
    if (!gExists(result)) {
      checks.add('data', where, false, `path '${path}' does not exist${describeMissing(payload, path)}`);
      const r = fail(`path '${path}' does not exist`);
      if (r) return r;
      continue;
    }
    const values = f.value ?? [];
    if (values.length === 0) {
      checks.add('data', where, false, 'no values specified', result.raw);
      const r = fail('no values specified');
      if (r) return r;
      continue;
    }
    if (f.template) {
      let out: string;
      try {
        out = runGoTemplate(f.template, { Input: gString(result) });
      } catch (e) {
        if (e instanceof CannotSimulate) throw e;
        checks.add('data', where, false, `template "${f.template}" failed: ${(e as Error).message}`, result.raw);
        const r = fail((e as Error).message);
        if (r) return r;
        continue;
      }
      if (out === '' || out === '<no value>') {
        checks.add('data', where, false, `template "${f.template}" evaluated to empty string or no value`, result.raw);
        const r = fail(or ? `template evaluated to empty string or no value: '${f.template}'` : `template '${f.template}' evaluated to empty string or no value`);
        if (r) return r;
        continue;
      }
      result = gParse(goQuote(out));
    }
    const seen = describeValue(result);
    const comparator = f.comparator ?? '';
    switch (f.type) {
      case 'bool': {
        for (const value of values) {
          const expected = goParseBool(value);
          if (expected === undefined) {
            checks.add('data', where, false, `"${value}" is not a boolean (Go's strconv.ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False)`, seen);
            const r = fail(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
            if (r) return r;
            continue filters;
          }
          if (expected === gBool(result)) {
            checks.add('data', where, true, `${path} is ${seen}, read as ${gBool(result)}`, seen);
            if (or) return { pass: true };
            continue filters;
          }
        }
        checks.add('data', where, false, `${path} is ${seen}, read as the boolean ${gBool(result)}${typeHint(result, 'bool')}; expected ${values.join(' or ')}`, seen);
        if (or) continue filters;
        return { pass: false };
      }
      case 'number': {
        for (const value of values) {
          const expected = goParseFloat(value);
          const actual = gFloat(result);
          if (expected === undefined) {
            checks.add('data', where, false, `"${value}" is not a number`, seen);
            const r = fail(`strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax`);
            if (r) return r;
            continue filters;
          }
          if (compareNumbers(actual, expected, comparator)) {
            checks.add('data', where, true, `${path} is ${seen}, ${comparator || '='} ${value}`, seen);
            if (or) return { pass: true };
            continue filters;
          }
        }
        checks.add('data', where, false, `${path} is ${seen}, read as the number ${gFloat(result)}${typeHint(result, 'number')}; expected ${comparator || '='} ${values.join(' or ')}`, seen);
        if (or) continue filters;
        return { pass: false };
      }
      case 'string': {
        const text = gString(result);
        for (const value of values) {
          let re: RegExp;
          try {
            re = goRegExp(value);
          } catch (e) {
            if (e instanceof CannotSimulate) throw e;
            checks.add('data', where, false, `"${value}" is not a Go regular expression: ${(e as Error).message}`, seen);
            const r = fail(`error parsing regexp: ${(e as Error).message}`);
            if (r) return r;
            continue filters;
          }
          const match = re.test(text);
          const ok = comparator === '=' || comparator === '' ? match : comparator === '!=' ? !match : false;
          if (ok) {
            checks.add('data', where, true, `${path} is ${seen}, which ${match ? 'matches' : 'does not match'} the regular expression ${JSON.stringify(value)}`, seen);
            if (or) return { pass: true };
            continue filters;
          }
        }
        checks.add('data', where, false, `${path} is ${seen}${typeHint(result, 'string')}; no value ${comparator === '!=' ? 'fails to match' : 'matches'} (values are unanchored Go regular expressions: ${values.map(v => JSON.stringify(v)).join(', ')})`, seen);
        if (or) continue filters;
        return { pass: false };
      }
      default: {
        checks.add('data', where, false, `unsupported JSON type '${f.type ?? ''}' (use bool, number or string)`, seen);
        const r = fail(`unsupported JSON type '${f.type ?? ''}'`);
        if (r) return r;
      }
    }
  }
  if (or) return errors.length ? { pass: false, error: multi('data', errors) } : { pass: false };
  return { pass: true };
}

function compareNumbers(actual: number, expected: number, comparator: string): boolean {
  switch (comparator) {
    case '>=': return actual >= expected;
    case '>': return actual > expected;
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    case '!=': return actual !== expected;
    case '=': case '': return actual === expected;
    default: return false;
  }
}

/** filterContext: each non-empty expected field must equal the event's. */
export function filterContext(expected: Partial<EventContext> | undefined, actual: EventContext | undefined, checks = new Checks()): boolean {
  if (expected == null) return true;
  if (!actual) {
    checks.add('context', 'filters.context', false, 'the event has no context');
    return false;
  }
  let pass = true;
  for (const key of ['type', 'subject', 'source', 'datacontenttype'] as const) {
    const want = expected[key];
    if (!want) continue;
    const ok = want === actual[key];
    checks.add('context', `filters.context.${key}`, ok, ok ? `${key} is "${want}"` : `${key} is "${actual[key]}", expected "${want}"`, actual[key]);
    pass = pass && ok;
  }
  return pass;
}

/** filterTime: [start, stop) on the event's day (in the filter's time zone, UTC by default); stop < start spans midnight. */
export function filterTime(filter: DependencyFilters['time'] | undefined, eventTime: string | undefined, checks = new Checks()): Outcome {
  if (filter == null) return { pass: true };
  const at = eventTime ? Date.parse(eventTime) : 0;
  const zone = filter.timezone ?? '';
  if (zone !== '' && !isValidTimeZone(zone)) {
    checks.add('time', 'filters.time.timezone', false, `"${zone}" is not an IANA time zone`);
    return { pass: false, error: tmpl('time', `invalid timezone '${zone}': unknown time zone ${zone}`) };
  }
  const day = zonedDateOf(at, zone || 'UTC');
  const instant = (clock: string | undefined): number | string => {
    const seconds = parseClockTime(clock ?? '');
    if (seconds === undefined) return `parsing time "${day} ${clock ?? ''}" as "2006-01-02 15:04:05": cannot parse`;
    return zonedInstant(day, seconds, zone || 'UTC');
  };
  const start = instant(filter.start);
  if (typeof start === 'string') {
    checks.add('time', 'filters.time.start', false, `"${filter.start}" is not a time of day (HH:MM:SS)`);
    return { pass: false, error: tmpl('time', start) };
  }
  const stop = instant(filter.stop);
  if (typeof stop === 'string') {
    checks.add('time', 'filters.time.stop', false, `"${filter.stop}" is not a time of day (HH:MM:SS)`);
    return { pass: false, error: tmpl('time', stop) };
  }
  const pass = start < stop ? at >= start && at < stop : at >= start || at < stop;
  const window = `[${filter.start}, ${filter.stop})${zone ? ` ${zone}` : ' UTC'}`;
  checks.add('time', 'filters.time', pass, `the event time ${eventTime} is ${pass ? 'inside' : 'outside'} ${window}${start >= stop ? ' (across midnight)' : ''}`, eventTime);
  return { pass };
}

/** filterScript: a Lua script over `event` (the data) that must return true. */
export function filterScript(script: string | undefined, event: ArgoEvent | undefined, checks = new Checks()): Outcome {
  if (!script) return { pass: true };
  if (!event) return { pass: false, error: 'nil event' };
  if (event.data === undefined) return { pass: true };
  if (!isValidJson(event.data)) return { pass: false, error: 'invalid character in event data' };
  const data = JSON.parse(event.data);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { pass: false, error: `json: cannot unmarshal ${Array.isArray(data) ? 'array' : typeof data} into Go value of type map[string]interface {}` };
  }
  const outcome = runLuaFilter(script, data);
  if (outcome.error !== undefined) {
    checks.add('script', 'filters.script', false, `the script failed: ${outcome.error}`);
    return { pass: false, error: outcome.error };
  }
  checks.add('script', 'filters.script', outcome.pass, outcome.pass ? 'the script returned true' : `the script returned ${outcome.returned}, not true`);
  return { pass: outcome.pass };
}

function typeHint(r: GResult, type: string): string {
  if (type === 'string' && r.type !== 'String') return `, not a string: it is compared through its text`;
  if (type === 'number' && r.type === 'String') return ' (a string: Go reads it with ParseFloat, 0 when it is not a number)';
  if (type === 'bool' && r.type === 'String') return ' (a string: Go reads it with ParseBool, false when it is not a boolean)';
  return '';
}
