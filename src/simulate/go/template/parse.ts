import { CannotSimulate } from '../../cannot-simulate';

/** Nodes of a parsed Go text/template (the subset of parse.Node that Argo Events templates use). */
export type TemplateNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'action'; readonly pipe: Pipeline }
  | { readonly type: 'if' | 'with'; readonly pipe: Pipeline; readonly list: TemplateNode[]; readonly elseList?: TemplateNode[] }
  | { readonly type: 'range'; readonly pipe: Pipeline; readonly list: TemplateNode[]; readonly elseList?: TemplateNode[] }
  | { readonly type: 'break' | 'continue' };

export interface Pipeline {
  readonly decl: readonly string[];
  /** `=` instead of `:=`. */
  readonly assign: boolean;
  readonly cmds: readonly Command[];
}

export interface Command {
  readonly args: readonly Operand[];
}

export type Operand =
  | { readonly type: 'dot' }
  | { readonly type: 'nil' }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly text: string; readonly isInt: boolean; readonly value: number }
  | { readonly type: 'field'; readonly names: readonly string[] }
  | { readonly type: 'variable'; readonly name: string; readonly names: readonly string[] }
  | { readonly type: 'identifier'; readonly name: string }
  | { readonly type: 'chain'; readonly node: Operand; readonly names: readonly string[] }
  | { readonly type: 'pipe'; readonly pipe: Pipeline };

/** A template error as Go reports it (`template: param:1: ...`). */
export class TemplateError extends Error {}

type Token =
  | { readonly kind: 'space' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'rdelim' | 'eof' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ldelim' }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'field'; readonly text: string }
  | { readonly kind: 'variable'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'char'; readonly value: number }
  | { readonly kind: 'number'; readonly text: string };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Tokenizes like text/template's lexer, with the default `{{ }}` delimiters and trim markers. */
function lex(input: string, name: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (message: string): never => {
    const line = input.slice(0, pos).split('\n').length;
    throw new TemplateError(`template: ${name}:${line}: ${message}`);
  };
  while (pos < input.length) {
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      tokens.push({ kind: 'text', text: input.slice(pos) });
      break;
    }
    const trimLeft = input.startsWith('- ', open + 2) || (input[open + 2] === '-' && isSpace(input[open + 3]));
    let text = input.slice(pos, open);
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text) tokens.push({ kind: 'text', text });
    pos = open + 2 + (trimLeft ? 2 : 0);
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) fail('unclosed comment');
      pos = close + 2;
      const trimRight = input.startsWith(' -}}', pos);
      if (!trimRight && !input.startsWith('}}', pos)) fail('comment ends before closing delimiter');
      pos += trimRight ? 4 : 2;
      if (trimRight) while (isSpace(input[pos])) pos++;
      continue;
    }
    tokens.push({ kind: 'ldelim' });
    let depth = 0;
    for (;;) {
      if (input.startsWith(' -}}', pos) || input.startsWith('}}', pos)) {
        if (depth > 0) fail('unclosed left paren');
        const trimRight = input.startsWith(' -}}', pos);
        if (trimRight) tokens.push({ kind: 'space' });
        pos += trimRight ? 4 : 2;
        tokens.push({ kind: 'rdelim' });
        if (trimRight) while (isSpace(input[pos])) pos++;
        break;
      }
      const c = input[pos];
      if (c === undefined) fail('unclosed action');
      if (isSpace(c)) {
        while (isSpace(input[pos]) && !input.startsWith(' -}}', pos)) pos++;
        tokens.push({ kind: 'space' });
        continue;
      }
      if (c === '=') { tokens.push({ kind: 'assign' }); pos++; continue; }
      if (c === ':') {
        if (input[pos + 1] !== '=') fail('expected :=');
        tokens.push({ kind: 'declare' });
        pos += 2;
        continue;
      }
      if (c === '|') { tokens.push({ kind: 'pipe' }); pos++; continue; }
      if (c === '(') { tokens.push({ kind: 'lparen' }); depth++; pos++; continue; }
      if (c === ')') {
        depth--;
        if (depth < 0) fail('unexpected right paren U+0029 \')\'');
        tokens.push({ kind: 'rparen' });
        pos++;
        continue;
      }
      if (c === '"') {
        let j = pos + 1;
        for (; j < input.length && input[j] !== '"'; j++) {
          if (input[j] === '\\') j++;
          if (input[j] === '\n') fail('unterminated quoted string');
        }
        if (j >= input.length) fail('unterminated quoted string');
        tokens.push({ kind: 'string', value: unquoteGo(input.slice(pos, j + 1), fail) });
        pos = j + 1;
        continue;
      }
      if (c === '`') {
        const j = input.indexOf('`', pos + 1);
        if (j < 0) fail('unterminated raw quoted string');
        tokens.push({ kind: 'string', value: input.slice(pos + 1, j) });
        pos = j + 1;
        continue;
      }
      if (c === '\'') {
        const m = /^'(\\.|[^'\\])'/u.exec(input.slice(pos));
        if (!m) fail('unterminated character constant');
        const ch = m![1].startsWith('\\') ? unquoteGo(`"${m![1]}"`, fail) : m![1];
        tokens.push({ kind: 'char', value: ch.codePointAt(0)! });
        pos += m![0].length;
        continue;
      }
      if (c === '$') {
        const m = /^\$[\p{L}\p{N}_]*/u.exec(input.slice(pos))!;
        tokens.push({ kind: 'variable', text: m[0] });
        pos += m[0].length;
        continue;
      }
      if (c === '.' && !/[0-9]/.test(input[pos + 1] ?? '')) {
        const m = /^\.[\p{L}\p{N}_]*/u.exec(input.slice(pos))!;
        tokens.push({ kind: 'field', text: m[0] });
        pos += m[0].length;
        continue;
      }
      if (/[+\-.0-9]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?/.exec(input.slice(pos))!;
        if (!m[0] || /^[+-]?$/.test(m[0])) fail(`bad number syntax: "${input.slice(pos, pos + 1)}"`);
        tokens.push({ kind: 'number', text: m[0] });
        pos += m[0].length;
        if (/[\p{L}\p{N}_]/u.test(input[pos] ?? '')) fail(`bad number syntax: "${m[0]}${input[pos]}"`);
        continue;
      }
      if (/[\p{L}_]/u.test(c)) {
        const m = /^[\p{L}\p{N}_]+/u.exec(input.slice(pos))!;
        tokens.push({ kind: 'word', text: m[0] });
        pos += m[0].length;
        continue;
      }
      if (c === ',') {
        tokens.push({ kind: 'word', text: ',' });
        pos++;
        continue;
      }
      fail(`unexpected "${c}" in command`);
    }
  }
  tokens.push({ kind: 'eof' });
  return tokens;
}

function unquoteGo(quoted: string, fail: (m: string) => never): string {
  try {
    const json = quoted
      .replace(/\\x([0-9a-fA-F]{2})/g, (_m, h) => `\\u00${h}`)
      .replace(/\\U([0-9a-fA-F]{8})/g, (_m, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')
      .replace(/\\'/g, '\'');
    return JSON.parse(json);
  } catch {
    return fail(`invalid syntax: ${quoted}`);
  }
}

/**
 * Parses a Go text/template with the default delimiters. `functions` are the names defined
 * for the template (builtins plus sprig): Go rejects a call to any other at parse time.
 * `define`, `template` and `block` throw CannotSimulate.
 */
export function parseTemplate(input: string, functions: ReadonlySet<string>, name = 'param'): TemplateNode[] {
  const tokens = lex(input, name);
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateError(`template: ${name}:1: ${message}`);
  };
  const peek = () => tokens[i];
  const skipSpace = () => {
    while (tokens[i].kind === 'space') i++;
  };

  // Returns the list and the keyword that ended it ('end', 'else', or undefined at EOF).
  const list = (): { nodes: TemplateNode[]; end?: 'end' | 'else'; elseIf?: boolean } => {
    const nodes: TemplateNode[] = [];
    for (;;) {
      const t = tokens[i];
      if (t.kind === 'eof') return { nodes };
      if (t.kind === 'text') {
        nodes.push({ type: 'text', text: t.text });
        i++;
        continue;
      }
      // ldelim
      i++;
      skipSpace();
      const k = peek();
      if (k.kind === 'word' && KEYWORDS.has(k.text)) {
        i++;
        switch (k.text) {
          case 'end':
            skipSpace();
            expect('rdelim', 'end');
            return { nodes, end: 'end' };
          case 'else': {
            skipSpace();
            const n = peek();
            if (n.kind === 'word' && (n.text === 'if' || n.text === 'with')) {
              return { nodes, end: 'else', elseIf: true };
            }
            expect('rdelim', 'else');
            return { nodes, end: 'else' };
          }
          case 'if': case 'with': case 'range':
            nodes.push(control(k.text));
            continue;
          case 'break': case 'continue':
            skipSpace();
            expect('rdelim', k.text);
            nodes.push({ type: k.text });
            continue;
          default:
            throw new CannotSimulate(`template action "${k.text}"`, 'only single templates are simulated');
        }
      }
      const pipe = pipeline('command');
      nodes.push({ type: 'action', pipe });
    }
  };

  const expect = (kind: Token['kind'], context: string) => {
    if (tokens[i].kind !== kind) fail(`unexpected ${describe(tokens[i])} in ${context}`);
    i++;
  };

  const control = (keyword: 'if' | 'with' | 'range'): TemplateNode => {
    const pipe = pipeline(keyword);
    const body = list();
    if (body.end === undefined) fail(`unexpected EOF`);
    let elseList: TemplateNode[] | undefined;
    if (body.end === 'else') {
      if (body.elseIf) {
        // {{else if x}} ... is {{else}}{{if x}} ... {{end}}{{end}}.
        const word = (tokens[i] as { text: string }).text as 'if' | 'with';
        i++;
        elseList = [control(word)];
      } else {
        const rest = list();
        if (rest.end !== 'end') fail('expected end; found else');
        elseList = rest.nodes;
      }
    }
    return keyword === 'range' ? { type: 'range', pipe, list: body.nodes, elseList } : { type: keyword, pipe, list: body.nodes, elseList };
  };

  const pipeline = (context: string, inParens = false): Pipeline => {
    skipSpace();
    const decl: string[] = [];
    let assign = false;
    // Declarations: $x := / $x, $y := / $x =
    const save = i;
    if (peek().kind === 'variable') {
      const names: string[] = [(peek() as { text: string }).text];
      i++;
      skipSpace();
      const t = peek();
      if (t.kind === 'declare' || t.kind === 'assign') {
        assign = t.kind === 'assign';
        i++;
        decl.push(...names);
      } else if (context === 'range' && isComma(t)) {
        i++;
        skipSpace();
        const second = peek();
        if (second.kind !== 'variable') fail('range can only initialize variables');
        names.push((second as { text: string }).text);
        i++;
        skipSpace();
        const d = peek();
        if (d.kind !== 'declare' && d.kind !== 'assign') fail('expected := or = in range');
        assign = d.kind === 'assign';
        i++;
        decl.push(...names);
      } else {
        i = save;
      }
    }
    const cmds: Command[] = [];
    for (;;) {
      skipSpace();
      const t = peek();
      if (t.kind === 'rdelim' && !inParens) {
        i++;
        break;
      }
      if (t.kind === 'rparen' && inParens) {
        i++;
        break;
      }
      if (t.kind === 'pipe') {
        if (!cmds.length) fail('missing command');
        i++;
        continue;
      }
      cmds.push(command(inParens));
    }
    if (!cmds.length) fail(`missing value for ${context}`);
    cmds.slice(1).forEach(c => {
      const first = c.args[0];
      if (first.type === 'bool' || first.type === 'string' || first.type === 'number' || first.type === 'nil' || first.type === 'dot') {
        fail(`non executable command in pipeline stage ${cmds.indexOf(c) + 1}`);
      }
    });
    return { decl, assign, cmds };
  };

  const command = (inParens: boolean): Command => {
    const args: Operand[] = [];
    for (;;) {
      skipSpace();
      const t = peek();
      if (t.kind === 'pipe' || t.kind === 'rdelim' || (t.kind === 'rparen' && inParens)) break;
      if (t.kind === 'eof') fail('unclosed action');
      args.push(operand());
      const after = peek();
      if (after.kind !== 'space' && after.kind !== 'pipe' && after.kind !== 'rdelim' && !(after.kind === 'rparen' && inParens)) {
        fail(`unexpected ${describe(after)} in operand`);
      }
    }
    if (!args.length) fail('empty command');
    return { args };
  };

  const operand = (): Operand => {
    let node = term();
    const names: string[] = [];
    while (peek().kind === 'field') {
      names.push((peek() as { text: string }).text.slice(1));
      i++;
    }
    if (names.length) {
      if (node.type === 'field') node = { type: 'field', names: [...node.names, ...names] };
      else if (node.type === 'variable') node = { type: 'variable', name: node.name, names: [...node.names, ...names] };
      else if (node.type === 'dot' || node.type === 'bool' || node.type === 'string' || node.type === 'number' || node.type === 'nil') fail(`unexpected . after term`);
      else node = { type: 'chain', node, names };
    }
    return node;
  };

  const term = (): Operand => {
    const t = tokens[i++];
    switch (t.kind) {
      case 'word':
        if (t.text === 'true' || t.text === 'false') return { type: 'bool', value: t.text === 'true' };
        if (t.text === 'nil') return { type: 'nil' };
        if (KEYWORDS.has(t.text)) return fail(`unexpected <${t.text}> in command`);
        if (!functions.has(t.text)) return fail(`function "${t.text}" not defined`);
        return { type: 'identifier', name: t.text };
      case 'field':
        if (t.text === '.') return { type: 'dot' };
        return { type: 'field', names: [t.text.slice(1)] };
      case 'variable':
        return { type: 'variable', name: t.text, names: [] };
      case 'string':
        return { type: 'string', value: t.value };
      case 'char':
        return { type: 'number', text: String(t.value), isInt: true, value: t.value };
      case 'number':
        return number(t.text, fail);
      case 'lparen':
        return { type: 'pipe', pipe: pipeline('parenthesized pipeline', true) };
      default:
        return fail(`unexpected ${describe(t)} in operand`);
    }
  };

  const result = list();
  if (result.end === 'end') fail('unexpected {{end}}');
  if (result.end === 'else') fail('unexpected {{else}}');
  return result.nodes;
}

function isComma(t: Token): boolean {
  return t.kind === 'word' && t.text === ',';
}

function number(text: string, fail: (m: string) => never): Operand {
  if (text.endsWith('i')) throw new CannotSimulate(`complex number constant ${text}`);
  const clean = text.replace(/_/g, '');
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(clean)) {
    const negative = clean.startsWith('-');
    const body = clean.replace(/^[+-]/, '');
    const value = /^0[0-7]+$/.test(body) ? parseInt(body, 8) : /^0[oO]/.test(body) ? parseInt(body.slice(2), 8) : Number(body);
    return { type: 'number', text, isInt: true, value: negative ? -value : value };
  }
  const value = Number(clean);
  if (Number.isNaN(value)) return fail(`illegal number syntax: "${text}"`);
  return { type: 'number', text, isInt: false, value };
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'rdelim': return '"}}"';
    case 'eof': return 'EOF';
    case 'word': case 'field': case 'variable': case 'number': return `<${t.text}>`;
    case 'string': return JSON.stringify(t.value);
    default: return `"${t.kind}"`;
  }
}
