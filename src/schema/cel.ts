import type { Environment, ParseResult } from '@marcbachmann/cel-js';
import { COMPILED_CRD_RULES } from '../../imports/crd-rules';
import { UNDECIDED } from './cel-fast-path';

/**
 * CEL, as the API server evaluates a CRD's `x-kubernetes-validations` rules: each expression is
 * compiled once per process, the library itself loaded on the first one that the compiled rules
 * leave to it (it is not needed before).
 */
let environment: Environment | undefined;
const programs = new Map<string, ParseResult>();

/** The CEL environment rules are parsed and evaluated in (also what `npm run import` compiles rules with). */
export function celEnvironment(): Environment {
  if (!environment) {
    // Loaded on first use only: an ES module, which Node (>= 20.19) requires synchronously.
    let lib: typeof import('@marcbachmann/cel-js');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lib = require('@marcbachmann/cel-js');
    } catch (e: any) {
      throw new Error(`cannot load the CEL evaluator @marcbachmann/cel-js (${e?.code ?? e?.message}): it needs Node.js 20.19 or newer (you run ${process.version})`);
    }
    environment = new lib.Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });
  }
  return environment;
}

/**
 * The compiled program of a rule; throws (with the library's message) when the expression does
 * not parse or uses a function this evaluator lacks (Kubernetes adds a few libraries to CEL).
 */
export function celProgram(expression: string): ParseResult {
  let program = programs.get(expression);
  if (!program) {
    program = celEnvironment().parse(expression);
    const checked = program.check();
    if (!checked.valid) throw new Error(checked.error?.message.split('\n')[0] ?? 'does not type-check');
    programs.set(expression, program);
  }
  return program;
}

/**
 * Evaluates a CRD rule with `self` bound to a manifest value: its compiled form (the pinned
 * CRDs' rules, imports/crd-rules.ts) where that decides, else the evaluator on `converted()`
 * (the value as `toCel` converts it, asked for only then). The CEL library is loaded only when
 * a rule reaches the evaluator.
 */
export function evaluateRule(expression: string, value: unknown, converted: () => unknown): unknown {
  const compiled = COMPILED_CRD_RULES.get(expression);
  if (compiled) {
    try {
      return compiled(value);
    } catch (e) {
      if (e !== UNDECIDED) throw e;
    }
  }
  return evaluateCel(expression, converted());
}

/** Evaluates a rule with `self` bound to a value converted by `toCel`. */
export function evaluateCel(expression: string, self: unknown): unknown {
  return celProgram(expression)({ self });
}

/**
 * A manifest value as CEL sees it in the API server: integers are CEL ints (BigInt here; a
 * JavaScript number is a CEL double), fields set to null are absent (pruned before validation),
 * and objects are maps (a `Map`, so that keys such as `constructor` stay plain keys).
 */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  // Array.from, not value.map: a list made in another realm (structuredClone under jest's vm
  // context) stays of that realm with map(), and the evaluator then refuses it as no CEL list.
  if (Array.isArray(value)) return Array.from(value, toCel);
  if (value !== null && typeof value === 'object') {
    const out = new Map<string, unknown>();
    for (const [key, child] of Object.entries(value)) {
      if (child !== null && child !== undefined) out.set(key, toCel(child));
    }
    return out;
  }
  return value;
}
