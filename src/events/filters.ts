import { DataFilter, EventContext, EventDependencyFilter, ExprFilter, TimeFilter } from '../../imports/argo-events';

/** How several filters of one dependency combine. */
export enum FilterLogic {
  /** Every filter must pass (Argo's default). */
  AND = 'and',
  /** One passing filter is enough. */
  OR = 'or',
}

/** Comparators of a number data filter. */
export enum DataComparator {
  /** = */
  EQUAL = '=',
  /** != */
  NOT_EQUAL = '!=',
  /** > */
  GREATER = '>',
  /** >= */
  GREATER_OR_EQUAL = '>=',
  /** < */
  LESS = '<',
  /** <= */
  LESS_OR_EQUAL = '<=',
}

/** A filter on one key of the event payload. Create one with the static factories. */
export class EventDataFilter {
  /** Passes when the string at `path` matches one of the regular expressions. */
  public static string(path: string, ...patterns: string[]): EventDataFilter {
    return new EventDataFilter({ path, type: 'string', value: patterns });
  }

  /** Passes when the number at `path` compares true with one of the values. */
  public static number(path: string, comparator: DataComparator, ...values: number[]): EventDataFilter {
    return new EventDataFilter({ path, type: 'number', comparator: comparator === DataComparator.EQUAL ? undefined : comparator, value: values.map(String) });
  }

  /** Passes when the boolean at `path` equals `value`. */
  public static bool(path: string, value: boolean): EventDataFilter {
    return new EventDataFilter({ path, type: 'bool', value: [String(value)] });
  }

  private constructor(private readonly filter: DataFilter) {}

  /**
   * Compare the output of a Go template over the value instead of the value itself.
   * @returns a new filter
   */
  public withTemplate(template: string): EventDataFilter {
    return new EventDataFilter({ ...this.filter, template });
  }

  /** @internal */
  public _render(): DataFilter {
    return this.filter;
  }
}

/** An expression over named payload fields (`a == "b" || c > 10`). */
export class EventExprFilter {
  /**
   * A filter that passes the events whose fields make the expression true.
   * @param expr the expression (expr-lang syntax)
   * @param fields the names the expression uses, each mapped to a payload path
   */
  public static of(expr: string, fields: { readonly [name: string]: string }): EventExprFilter {
    return new EventExprFilter({ expr, fields: Object.entries(fields).map(([name, path]) => ({ name, path })) });
  }

  private constructor(private readonly filter: ExprFilter) {}

  /** @internal */
  public _render(): ExprFilter {
    return this.filter;
  }
}

/** Filters of one sensor dependency: events that do not pass are ignored. */
export interface DependencyFilters {
  /**
   * Filters on payload keys.
   * @default - none
   */
  readonly data?: EventDataFilter[];
  /**
   * How the data filters combine.
   * @default FilterLogic.AND
   */
  readonly dataLogic?: FilterLogic;
  /**
   * Expression filters.
   * @default - none
   */
  readonly exprs?: EventExprFilter[];
  /**
   * How the expression filters combine.
   * @default FilterLogic.AND
   */
  readonly exprLogic?: FilterLogic;
  /**
   * Required CloudEvents context attributes (source, subject, type...).
   * @default - none
   */
  readonly context?: EventContext;
  /**
   * Time window (`hh:mm:ss`, stop exclusive; a stop before start spans midnight).
   * @default - any time
   */
  readonly time?: TimeFilter;
  /**
   * Lua script returning true for events to keep.
   * @default - none
   */
  readonly script?: string;
}

/** @internal */
export function renderFilters(f: DependencyFilters | undefined): EventDependencyFilter | undefined {
  if (!f) return undefined;
  return {
    data: f.data?.map(d => d._render()),
    dataLogicalOperator: f.dataLogic,
    exprs: f.exprs?.map(e => e._render()),
    exprLogicalOperator: f.exprLogic,
    context: f.context,
    time: f.time,
    script: f.script,
  };
}
