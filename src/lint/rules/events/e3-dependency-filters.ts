import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { parseClockTime } from './support/clock-time';
import { JsonObject, isBlank, isObject, listOf } from './support/json';
import { dependenciesOf } from './support/sensor-model';
import { timeZoneProblem } from './support/timezone';

const LOGICAL_OPERATORS = ['', 'and', 'or'];
const COMPARATORS = ['', '>=', '>', '=', '!=', '<', '<='];
const DATA_TYPES = ['bool', 'number', 'string'];
const GO_BOOL = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const GO_FLOAT = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[iI]nf(inity)?|INF(INITY)?|NaN|nan)$/;
const REJECTED = 'the controller rejects the Sensor and does not deploy it';

/**
 * E3: dependency filters Argo accepts and that can match: logical operators and|or;
 * comparators >= > = != < <=; data filters with type, path and values; expr filters with
 * expr and named fields; a non-empty context filter; a time filter with parseable, distinct
 * start and stop and a real time zone.
 */
export const E3_DEPENDENCY_FILTERS: Rule = {
  id: 'E3',
  description: 'Dependency filters: valid logical operators and comparators, complete data/expr/context/time filters',
  kinds: ['Sensor'],
  check(ctx) {
    for (const { dependency, index } of dependenciesOf(ctx.manifest)) {
      const path = fieldPath('spec', 'dependencies', index);
      checkOperator(ctx, dependency.filtersLogicalOperator, childPath(path, 'filtersLogicalOperator'));
      const filters = dependency.filters;
      if (!isObject(filters)) continue;
      const filtersPath = childPath(path, 'filters');
      checkOperator(ctx, filters.dataLogicalOperator, childPath(filtersPath, 'dataLogicalOperator'));
      checkOperator(ctx, filters.exprLogicalOperator, childPath(filtersPath, 'exprLogicalOperator'));
      listOf(filters.data).forEach((data, i) => isObject(data) && checkDataFilter(ctx, data, childPath(filtersPath, 'data', i)));
      listOf(filters.exprs).forEach((expr, i) => isObject(expr) && checkExprFilter(ctx, expr, childPath(filtersPath, 'exprs', i)));
      if (isObject(filters.context)) checkContextFilter(ctx, filters.context, childPath(filtersPath, 'context'));
      if (isObject(filters.time)) checkTimeFilter(ctx, filters.time, childPath(filtersPath, 'time'));
    }
  },
};

function checkOperator(ctx: RuleContext, operator: unknown, path: string): void {
  if (isBlank(operator) || LOGICAL_OPERATORS.includes(operator as string)) return;
  ctx.report(path, `logical operator "${operator}" is not supported: ${REJECTED}. Use "and" (the default) or "or", lower-case.`);
}

function checkDataFilter(ctx: RuleContext, data: JsonObject, path: string): void {
  const comparator = data.comparator;
  if (!isBlank(comparator) && !COMPARATORS.includes(comparator)) {
    ctx.report(childPath(path, 'comparator'), `comparator "${comparator}" is not supported: ${REJECTED}. Use one of >=, >, =, !=, <, <= (or omit it for =).`);
  }
  for (const field of ['path', 'type'] as const) {
    if (isBlank(data[field])) ctx.report(childPath(path, field), `data filter has no ${field}: ${REJECTED} ("type, path and value must be not empty"). Set ${field}.`);
  }
  const values = listOf(data.value);
  if (values.length === 0) {
    ctx.report(childPath(path, 'value'), `data filter has no values: ${REJECTED} ("type, path and value must be not empty"). List the values to match.`);
  }
  values.forEach((value, i) => {
    if (isBlank(value)) ctx.report(childPath(path, 'value', i), `empty data filter value: ${REJECTED} ("value must be not empty"). Remove it or give a value.`);
  });
  const type = data.type;
  if (isBlank(type)) return;
  if (!DATA_TYPES.includes(type)) {
    ctx.report(childPath(path, 'type'), `data filter type "${type}" is not supported: the sensor fails the filter ("unsupported JSON type") and discards every event. Use bool, number or string.`);
    return;
  }
  const parses = type === 'bool' ? GO_BOOL : type === 'number' ? GO_FLOAT : undefined;
  values.forEach((value, i) => {
    if (parses && typeof value === 'string' && value !== '' && !parses.test(value)) {
      ctx.report(childPath(path, 'value', i), `"${value}" is not a ${type}: the sensor fails the filter on every event and discards it. Give a ${type === 'bool' ? 'true/false' : 'numeric'} value or change the type.`);
    }
  });
  if (type === 'string' && ['>=', '>', '<', '<='].includes(comparator)) {
    ctx.report(childPath(path, 'comparator'), `comparator "${comparator}" does not apply to strings: string values are regular expressions matched with = or != only, so this filter never matches and every event is discarded. Use = or !=, or type number.`);
  }
}

function checkExprFilter(ctx: RuleContext, expr: JsonObject, path: string): void {
  if (isBlank(expr.expr)) ctx.report(childPath(path, 'expr'), `expr filter has no expr: ${REJECTED} ("expr and fields must be not empty"). Write the boolean expression over the fields.`);
  const fields = listOf(expr.fields);
  if (fields.length === 0) ctx.report(childPath(path, 'fields'), `expr filter has no fields: ${REJECTED} ("expr and fields must be not empty"). Map the event paths the expression uses to names.`);
  fields.forEach((field, i) => {
    for (const key of ['path', 'name'] as const) {
      if (!isObject(field) || isBlank(field[key])) {
        ctx.report(childPath(path, 'fields', i, key), `expr filter field has no ${key}: ${REJECTED} ("path and name in a field must be not empty"). Set ${key}.`);
      }
    }
  });
}

function checkContextFilter(ctx: RuleContext, context: JsonObject, path: string): void {
  if (['type', 'subject', 'source', 'datacontenttype'].some(key => !isBlank(context[key]))) return;
  ctx.report(path, `context filter sets none of type, subject, source, datacontenttype: ${REJECTED} ("no fields specified in ctx filter"). Set the context fields to match, or remove the filter.`);
}

function checkTimeFilter(ctx: RuleContext, time: JsonObject, path: string): void {
  const zone = time.timezone;
  const zoneProblem = typeof zone === 'string' ? timeZoneProblem(zone) : undefined;
  if (zoneProblem) ctx.report(childPath(path, 'timezone'), `${zoneProblem}: ${REJECTED}. Use an IANA zone name.`);
  const start = readClock(ctx, time.start, childPath(path, 'start'));
  const stop = readClock(ctx, time.stop, childPath(path, 'stop'));
  if (start !== undefined && start === stop) {
    ctx.report(childPath(path, 'stop'), `stop "${time.stop}" equals start "${time.start}": ${REJECTED} (an empty time window). Give a different stop; a stop before start wraps past midnight.`);
  }
}

function readClock(ctx: RuleContext, value: unknown, path: string): number | undefined {
  const seconds = typeof value === 'string' ? parseClockTime(value) : undefined;
  if (seconds === undefined) {
    ctx.report(path, `${isBlank(value) ? 'missing time' : `"${value}" is not a time of day`}: ${REJECTED}. Write it as HH:MM:SS, e.g. "09:00:00".`);
  }
  return seconds;
}
