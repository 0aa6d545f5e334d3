import { GoValue } from '../values';

/**
 * Go parameter types the template engine checks arguments against (`validateType` in
 * text/template): a string parameter rejects a float64, an int parameter an untyped 3.5...
 */
export type ParamType = 'any' | 'string' | 'int' | 'float' | 'bool' | 'list' | 'map';

/** A function callable from a template, with its Go signature. */
export interface TemplateFunction {
  readonly params: readonly ParamType[];
  /** Type of the variadic tail, when the Go function is variadic. */
  readonly variadic?: ParamType;
  call(args: GoValue[]): GoValue;
}

/** Short-hand for a function definition. */
export function fn(params: readonly ParamType[], call: (args: GoValue[]) => GoValue, variadic?: ParamType): TemplateFunction {
  return { params, call, variadic };
}
