import { GoInt, GoValue, formatV, goTypeName, isGoMap, numberOf, truth } from '../values';
import { ParamType, TemplateFunction } from './functions';
import { Command, Operand, Pipeline, TemplateError, TemplateNode } from './parse';

/** Raised by a function (Go returns it as the function's error). */
export class FunctionError extends Error {}

const NO_FINAL = Symbol('no final');
type Final = GoValue | typeof NO_FINAL;

class Break {}
class Continue {}

interface Variable {
  readonly name: string;
  value: GoValue;
}

/**
 * Executes a parsed template over `data` as Go's text/template does with the default options
 * (a missing map key is `<no value>`), using `functions` (builtins and sprig).
 */
export function executeTemplate(nodes: readonly TemplateNode[], data: GoValue, functions: ReadonlyMap<string, TemplateFunction>, name = 'param'): string {
  const state = new State(functions, name, data);
  state.walkList(nodes, data);
  return state.out.join('');
}

class State {
  readonly out: string[] = [];
  private readonly vars: Variable[];
  private at = '';

  constructor(private readonly functions: ReadonlyMap<string, TemplateFunction>, private readonly name: string, data: GoValue) {
    this.vars = [{ name: '$', value: data }];
  }

  fail(message: string): never {
    throw new TemplateError(`template: ${this.name}: executing "${this.name}" at <${this.at}>: ${message}`);
  }

  walkList(nodes: readonly TemplateNode[], dot: GoValue): void {
    for (const node of nodes) this.walk(node, dot);
  }

  private walk(node: TemplateNode, dot: GoValue): void {
    switch (node.type) {
      case 'text':
        this.out.push(node.text);
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out.push(formatV(value));
        return;
      }
      case 'if': case 'with': {
        const mark = this.vars.length;
        const value = this.evalPipeline(dot, node.pipe);
        if (truth(value)) this.walkList(node.list, node.type === 'with' ? value : dot);
        else if (node.elseList) this.walkList(node.elseList, dot);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.range(node, dot);
        return;
      case 'break': throw new Break();
      case 'continue': throw new Continue();
    }
  }

  private range(node: Extract<TemplateNode, { type: 'range' }>, dot: GoValue): void {
    const mark = this.vars.length;
    const pipe = { ...node.pipe, decl: [] };
    const value = this.evalPipeline(dot, pipe);
    const entries: [GoValue, GoValue][] = [];
    if (Array.isArray(value)) value.forEach((v, i) => entries.push([new GoInt(i), v]));
    else if (isGoMap(value)) for (const k of Object.keys(value).sort()) entries.push([k, value[k]]);
    else if (value instanceof GoInt) for (let i = 0; i < value.value; i++) entries.push([new GoInt(i), new GoInt(i)]);
    else if (value !== undefined && value !== null) this.fail(`range can't iterate over ${formatV(value)}`);
    if (!entries.length) {
      if (node.elseList) this.walkList(node.elseList, dot);
      this.vars.length = mark;
      return;
    }
    for (const [key, elem] of entries) {
      const inner = this.vars.length;
      const decl = node.pipe.decl;
      if (decl.length === 1) this.declare(decl[0], elem, node.pipe.assign);
      if (decl.length === 2) {
        this.declare(decl[0], key, node.pipe.assign);
        this.declare(decl[1], elem, node.pipe.assign);
      }
      try {
        this.walkList(node.list, elem);
      } catch (e) {
        if (e instanceof Break) {
          this.vars.length = inner;
          break;
        }
        if (!(e instanceof Continue)) throw e;
      }
      this.vars.length = inner;
    }
    this.vars.length = mark;
  }

  private declare(name: string, value: GoValue, assign: boolean): void {
    if (assign) {
      const v = this.lookup(name);
      v.value = value;
    } else {
      this.vars.push({ name, value });
    }
  }

  private lookup(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    return this.fail(`undefined variable: ${name}`);
  }

  evalPipeline(dot: GoValue, pipe: Pipeline): GoValue {
    let value: Final = NO_FINAL;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // Go digs into an interface{} after each command: a nil interface becomes the invalid value.
      if (value === null) value = undefined;
    }
    const result = value === NO_FINAL ? undefined : value;
    if (pipe.decl.length) this.declare(pipe.decl[0], result, pipe.assign);
    return result;
  }

  private evalCommand(dot: GoValue, cmd: Command, final: Final): GoValue {
    const first = cmd.args[0];
    this.at = describeOperand(first);
    switch (first.type) {
      case 'field': return this.evalFields(dot, dot, first.names, cmd.args, final);
      case 'variable': {
        const v = this.lookup(first.name).value;
        if (!first.names.length) {
          this.notAFunction(cmd, final, first.name);
          return v;
        }
        return this.evalFields(dot, v, first.names, cmd.args, final);
      }
      case 'chain': {
        const v = this.evalArgValue(dot, first.node);
        return this.evalFields(dot, v, first.names, cmd.args, final);
      }
      case 'identifier': return this.evalFunction(dot, first.name, cmd.args, final);
      case 'pipe': {
        this.notAFunction(cmd, final, 'parenthesized pipeline');
        return this.evalPipeline(dot, first.pipe);
      }
      case 'dot':
        this.notAFunction(cmd, final, 'dot');
        return dot;
      default:
        this.notAFunction(cmd, final, describeOperand(first));
        return this.constant(first, 'any');
    }
  }

  private notAFunction(cmd: Command, final: Final, what: string): void {
    if (cmd.args.length > 1 || final !== NO_FINAL) this.fail(`can't give argument to non-function ${what}`);
  }

  private evalFields(dot: GoValue, receiver: GoValue, names: readonly string[], args: readonly Operand[], final: Final): GoValue {
    let value = receiver;
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      const hasArgs = last && (args.length > 1 || final !== NO_FINAL);
      value = this.evalField(value, name, hasArgs);
    });
    void dot;
    return value;
  }

  private evalField(receiver: GoValue, name: string, hasArgs: boolean): GoValue {
    if (receiver === undefined) return undefined;
    if (receiver === null) return this.fail(`nil pointer evaluating interface {}.${name}`);
    if (isGoMap(receiver)) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      return Object.prototype.hasOwnProperty.call(receiver, name) ? receiver[name] : undefined;
    }
    return this.fail(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(dot: GoValue, name: string, args: readonly Operand[], final: Final): GoValue {
    const operands = args.slice(1);
    if (name === 'and' || name === 'or') {
      let v: GoValue = undefined;
      if (!operands.length && final === NO_FINAL) this.fail(`wrong number of args for ${name}: want at least 1 got 0`);
      for (const a of operands) {
        v = this.evalArg(dot, a, 'any');
        if (truth(v) === (name === 'or')) return v;
      }
      return final !== NO_FINAL ? final : v;
    }
    const f = this.functions.get(name);
    if (!f) return this.fail(`"${name}" is not a defined function`);
    const count = operands.length + (final !== NO_FINAL ? 1 : 0);
    if (f.variadic !== undefined) {
      if (count < f.params.length) this.fail(`wrong number of args for ${name}: want at least ${f.params.length} got ${operands.length}`);
    } else if (count !== f.params.length) {
      this.fail(`wrong number of args for ${name}: want ${f.params.length} got ${count}`);
    }
    const typeAt = (i: number): ParamType => (i < f.params.length ? f.params[i] : f.variadic!);
    const argv = operands.map((a, i) => this.evalArg(dot, a, typeAt(i)));
    if (final !== NO_FINAL) argv.push(this.validate(final, typeAt(argv.length)));
    try {
      return f.call(argv);
    } catch (e) {
      if (e instanceof FunctionError) return this.fail(`error calling ${name}: ${e.message}`);
      throw e;
    }
  }

  private evalArgValue(dot: GoValue, node: Operand): GoValue {
    return this.evalArg(dot, node, 'any');
  }

  private evalArg(dot: GoValue, node: Operand, type: ParamType): GoValue {
    switch (node.type) {
      case 'dot': return this.validate(dot, type);
      case 'field': return this.validate(this.evalFields(dot, dot, node.names, [node], NO_FINAL), type);
      case 'variable': {
        const v = this.lookup(node.name).value;
        return this.validate(node.names.length ? this.evalFields(dot, v, node.names, [node], NO_FINAL) : v, type);
      }
      case 'chain': return this.validate(this.evalFields(dot, this.evalArg(dot, node.node, 'any'), node.names, [node], NO_FINAL), type);
      case 'pipe': return this.validate(this.evalPipeline(dot, node.pipe), type);
      case 'identifier': return this.validate(this.evalFunction(dot, node.name, [node], NO_FINAL), type);
      default: return this.constant(node, type);
    }
  }

  private constant(node: Operand, type: ParamType): GoValue {
    switch (node.type) {
      case 'nil':
        if (type === 'any' || type === 'list' || type === 'map') return null;
        return this.fail(`cannot assign nil to ${goParamName(type)}`);
      case 'bool':
        if (type === 'any' || type === 'bool') return node.value;
        return this.fail(`expected ${goParamName(type)}; found ${node.value}`);
      case 'string':
        if (type === 'any' || type === 'string') return node.value;
        return this.fail(`expected ${goParamName(type)}; found ${JSON.stringify(node.value)}`);
      case 'number':
        if (type === 'int') {
          if (!node.isInt) this.fail(`expected integer; found ${node.text}`);
          return new GoInt(node.value);
        }
        if (type === 'float') return node.value;
        if (type === 'any') return node.isInt ? new GoInt(node.value) : node.value;
        return this.fail(`expected ${goParamName(type)}; found ${node.text}`);
      default:
        return this.fail(`can't handle ${describeOperand(node)} as an argument`);
    }
  }

  /** text/template's validateType for a computed value. */
  private validate(value: GoValue, type: ParamType): GoValue {
    if (type === 'any') return value === undefined ? null : value;
    if (value === undefined) {
      if (type === 'list' || type === 'map') return null;
      return this.fail(`invalid value; expected ${goParamName(type)}`);
    }
    const ok = type === 'string' ? typeof value === 'string'
      : type === 'int' ? value instanceof GoInt
        : type === 'float' ? typeof value === 'number'
          : type === 'bool' ? typeof value === 'boolean'
            : type === 'list' ? Array.isArray(value) || value === null
              : isGoMap(value) || value === null;
    if (!ok) this.fail(`wrong type for value; expected ${goParamName(type)}; got ${value === null ? 'interface {}' : goTypeName(value)}`);
    return value;
  }
}

function goParamName(type: ParamType): string {
  return { any: 'interface {}', string: 'string', int: 'int', float: 'float64', bool: 'bool', list: '[]interface {}', map: 'map[string]interface {}' }[type];
}

function describeOperand(node: Operand): string {
  switch (node.type) {
    case 'dot': return '.';
    case 'field': return `.${node.names.join('.')}`;
    case 'variable': return [node.name, ...node.names].join('.');
    case 'identifier': return node.name;
    case 'string': return JSON.stringify(node.value);
    case 'number': return node.text;
    case 'bool': return String(node.value);
    case 'nil': return 'nil';
    case 'chain': return `${describeOperand(node.node)}.${node.names.join('.')}`;
    default: return '(...)';
  }
}

/** A number of either Go numeric type, as a JS number, or a FunctionError. */
export function requireNumber(v: GoValue, what: string): number {
  const n = numberOf(v);
  if (n === undefined) throw new FunctionError(`${what}: expected a number, got ${goTypeName(v)}`);
  return n;
}
