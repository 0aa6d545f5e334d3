import type { Environment } from '@marcbachmann/cel-js';

/** A node of @marcbachmann/cel-js's parse tree: an operator and its arguments. */
interface CelNode {
  readonly op: string;
  readonly args: unknown;
}

/** What a compiled rule calls (src/schema/cel-fast-path.ts). */
type Helper = 'add' | 'all' | 'bool' | 'compare' | 'contains' | 'endsWith' | 'eq' | 'exists' | 'field' | 'has' | 'matches' | 'neg' | 'startsWith' | 'sub';

class Unsupported extends Error {}

/**
 * Patterns RE2 (CEL's `matches`) and JavaScript (with the `u` flag: code points, as RE2) read
 * alike: literal characters, classes, anchors, groups and quantifiers, \d and \w (ASCII in both).
 * Left out: `.` (RE2's matches \r and U+2028, JavaScript's not), \s (Unicode spaces in JavaScript),
 * \b, backreferences, `(?` groups and flags.
 */
function isPortablePattern(pattern: string): boolean {
  if (!/^(?:[A-Za-z0-9 _\-^$*+?|()[\]{},:/#@!%&=<>~'"]|\\[dDwW.\\^$*+?()[\]{}|/-])*$/.test(pattern) || pattern.includes('(?')) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const COMPARISONS: { readonly [op: string]: string } = { '<': '< 0', '<=': '<= 0', '>': '> 0', '>=': '>= 0' };

/** One rule compiled: the JavaScript of `self => boolean`, the helpers it calls. */
export interface CompiledRuleSource {
  readonly code: string;
  readonly helpers: ReadonlySet<Helper>;
}

/**
 * Compiles a CEL rule to JavaScript over plain manifest values, for the subset the CRDs use;
 * undefined when the expression uses anything else (the evaluator then runs it).
 */
export function compileCelRule(expression: string, env: Environment): CompiledRuleSource | undefined {
  const rule = new RuleCompiler();
  try {
    const root = rule.node(env.parse(expression).ast as CelNode, new Set());
    // The API server wants a boolean: anything else is left to the evaluator (and reported as such).
    const body = root.boolean ? root.code : `bool(${root.code})`;
    if (!root.boolean) rule.used.add('bool');
    const patterns = rule.patterns.map((p, i) => `const PATTERN_${i} = new RegExp(${JSON.stringify(p)}, 'u'); `).join('');
    return { code: patterns ? `(() => { ${patterns}return (self: unknown) => ${body}; })()` : `self => ${body}`, helpers: rule.used };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Emitted JavaScript, and whether it always yields a boolean (so no `bool()` check is needed around it). */
interface Js {
  readonly code: string;
  readonly boolean: boolean;
}

const value = (code: string): Js => ({ code, boolean: false });
const boolean = (code: string): Js => ({ code, boolean: true });

class RuleCompiler {
  public readonly used = new Set<Helper>();
  public readonly patterns: string[] = [];

  public node(n: CelNode, bound: ReadonlySet<string>): Js {
    switch (n.op) {
      case 'id': {
        const name = n.args as string;
        if (name === 'self') return value('self');
        if (bound.has(name)) return value(variable(name));
        throw new Unsupported(`variable ${name}`);
      }
      case 'value':
        return literal(n.args);
      case '.': {
        const [target, key] = n.args as [CelNode, string];
        return value(this.call('field', this.node(target, bound).code, JSON.stringify(key)));
      }
      case 'call': {
        const [name, args] = n.args as [string, CelNode[]];
        if (name !== 'has' || args.length !== 1 || args[0].op !== '.') throw new Unsupported(`function ${name}`);
        const [target, key] = args[0].args as [CelNode, string];
        return boolean(this.call('has', this.node(target, bound).code, JSON.stringify(key)));
      }
      case '!_':
        return boolean(`!${this.test(n.args as CelNode, bound)}`);
      case '-_':
        return value(this.call('neg', this.node(n.args as CelNode, bound).code));
      case '?:': {
        const [test, yes, no] = n.args as [CelNode, CelNode, CelNode];
        const [y, o] = [this.node(yes, bound), this.node(no, bound)];
        return { code: `(${this.test(test, bound)} ? ${y.code} : ${o.code})`, boolean: y.boolean && o.boolean };
      }
      case 'rcall': {
        const [name, receiver, args] = n.args as [string, CelNode, CelNode[]];
        return boolean(this.method(name, receiver, args, bound));
      }
      default:
        return this.binary(n.op, n.args as [CelNode, CelNode], bound);
    }
  }

  /** A condition: the node's code, checked to be a boolean unless it always is. */
  private test(n: CelNode, bound: ReadonlySet<string>): string {
    const js = this.node(n, bound);
    return js.boolean ? js.code : this.call('bool', js.code);
  }

  private binary(op: string, [left, right]: [CelNode, CelNode], bound: ReadonlySet<string>): Js {
    const l = () => this.node(left, bound).code;
    const r = () => this.node(right, bound).code;
    switch (op) {
      case '&&':
      case '||':
        return boolean(`(${this.test(left, bound)} ${op} ${this.test(right, bound)})`);
      case '+':
        return value(this.call('add', l(), r()));
      case '-':
        return value(this.call('sub', l(), r()));
      case '==':
        return boolean(this.call('eq', l(), r()));
      case '!=':
        return boolean(`!${this.call('eq', l(), r())}`);
      case '<': case '<=': case '>': case '>=':
        return boolean(`${this.call('compare', l(), r())} ${COMPARISONS[op]}`);
      default:
        throw new Unsupported(`operator ${op}`);
    }
  }

  private method(name: string, receiver: CelNode, args: CelNode[], bound: ReadonlySet<string>): string {
    const target = () => this.node(receiver, bound).code;
    if ((name === 'all' || name === 'exists') && args.length === 2 && args[0].op === 'id') {
      const item = args[0].args as string;
      return this.call(name, target(), `(${variable(item)}: unknown) => ${this.node(args[1], new Set(bound).add(item)).code}`);
    }
    if (name === 'matches' && args.length === 1 && args[0].op === 'value' && typeof args[0].args === 'string') {
      const pattern = args[0].args;
      if (!isPortablePattern(pattern)) throw new Unsupported(`pattern ${pattern}`);
      this.patterns.push(pattern);
      return this.call('matches', target(), `PATTERN_${this.patterns.length - 1}`);
    }
    if ((name === 'contains' || name === 'startsWith' || name === 'endsWith') && args.length === 1) {
      return this.call(name, target(), this.node(args[0], bound).code);
    }
    throw new Unsupported(`method ${name}`);
  }

  private call(helper: Helper, ...args: string[]): string {
    this.used.add(helper);
    return `${helper}(${args.join(', ')})`;
  }
}

function variable(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Unsupported(`variable ${name}`);
  return `v_${name}`;
}

function literal(v: unknown): Js {
  if (typeof v === 'boolean') return boolean(String(v));
  if (typeof v === 'string') return value(JSON.stringify(v));
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return value(String(v));
  // Doubles, null, bytes, unsigned ints: left to the evaluator.
  throw new Unsupported(`literal ${typeof value}`);
}

/**
 * imports/crd-rules.ts: the given CEL rules (those of Argo's full CRDs) compiled to JavaScript,
 * keyed by their text. Rules outside the supported subset are left out (the evaluator runs them).
 */
export function compiledRulesModule(expressions: readonly string[], env: Environment): string {
  const helpers = new Set<Helper>();
  const entries: string[] = [];
  const left: string[] = [];
  for (const expression of [...new Set(expressions)].sort()) {
    const compiled = compileCelRule(expression, env);
    if (!compiled) {
      left.push(expression);
      continue;
    }
    for (const h of compiled.helpers) helpers.add(h);
    entries.push(`  [${JSON.stringify(expression)},\n    ${compiled.code}],`);
  }
  return [
    '// Generated by `npm run import` (src/codegen/cel-to-js.ts) from the x-kubernetes-validations rules of',
    '// Argo\'s full CRDs (schemas/crd-*.json). Do not edit. Each rule runs on the manifest\'s own values',
    '// (src/schema/cel-fast-path.ts); where it throws UNDECIDED, and for a rule not listed, the CEL evaluator decides.',
    `// ${entries.length} rule(s) compiled, ${left.length} left to the evaluator${left.length ? `: ${left.map(e => JSON.stringify(e)).join(', ')}` : ''}.`,
    '/* eslint-disable */',
    ...(helpers.size ? [`import { ${[...helpers].sort().join(', ')} } from '../src/schema/cel-fast-path';`] : []),
    "import type { CompiledCelRule } from '../src/schema/cel-fast-path';",
    '',
    '/** Compiled CRD rules by their CEL text. */',
    'export const COMPILED_CRD_RULES: ReadonlyMap<string, CompiledCelRule> = new Map<string, CompiledCelRule>([',
    ...entries,
    ']);',
    '',
  ].join('\n');
}
