/** A dependency name as written in a trigger's `conditions`. */
export interface ConditionName {
  readonly name: string;
  /** The name as the sensor looks it up: every `-` replaced by `_`. */
  readonly key: string;
}

/** Result of reading a `conditions` expression. */
export interface ParsedConditions {
  /** Names in order of appearance (duplicates kept). */
  readonly names: readonly ConditionName[];
  /** Why the sensor cannot compile the expression, when it cannot. */
  readonly problem?: string;
}

/** Words of the expr language that cannot name a dependency. */
const EXPR_KEYWORDS = new Set(['and', 'or', 'not', 'in', 'matches', 'contains', 'startsWith', 'endsWith', 'true', 'false', 'nil', 'let']);
const EXPR_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Token = { readonly kind: 'name' | '&&' | '||' | '(' | ')'; readonly text: string };

/**
 * Reads a trigger `conditions` expression the way the sensor does
 * (pkg/sensors/listener.go getDependencyExpression): dependency names joined by `&&` and `||`,
 * grouped with parentheses; `-` in names is turned into `_` before the expression is compiled.
 */
export function parseConditions(expression: string): ParsedConditions {
  const tokens: Token[] = [];
  const names: ConditionName[] = [];
  for (let i = 0; i < expression.length;) {
    const c = expression[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c });
      i++;
    } else if (c === '&' || c === '|') {
      if (expression[i + 1] !== c) return { names, problem: `"${c}" must be doubled ("${c}${c}")` };
      tokens.push({ kind: c === '&' ? '&&' : '||', text: c + c });
      i += 2;
    } else {
      const match = /^[^\s&|()]+/.exec(expression.slice(i))!;
      const name = match[0];
      tokens.push({ kind: 'name', text: name });
      names.push({ name, key: name.replace(/-/g, '_') });
      i += name.length;
    }
  }
  // Operator words first: "a and b" reads better as a wrong operator than as a grammar error.
  const operatorWord = names.find(n => /^(and|or|not)$/.test(n.name));
  return { names, problem: (operatorWord && nameProblem(operatorWord)) ?? grammarProblem(tokens) ?? names.map(n => nameProblem(n)).find(p => p) };
}

/** Why a name cannot be used in `conditions`, even when a dependency has it. */
export function nameProblem(name: ConditionName): string | undefined {
  if (EXPR_KEYWORDS.has(name.name)) {
    return /^(and|or|not)$/.test(name.name) ? `"${name.name}" is not an operator here: use && and || (there is no negation)` : `"${name.name}" is a keyword of the expression language`;
  }
  if (!EXPR_IDENTIFIER.test(name.key)) return `"${name.name}" is not usable as a name: after "-" becomes "_" it must be letters, digits and "_", not starting with a digit`;
  return undefined;
}

/** expression := operand (op operand)*; operand := name | "(" expression ")". */
function grammarProblem(tokens: readonly Token[]): string | undefined {
  if (tokens.length === 0) return 'the expression is empty';
  let position = 0;
  const expression = (): string | undefined => {
    for (;;) {
      const problem = operand();
      if (problem) return problem;
      const next = tokens[position];
      if (next?.kind !== '&&' && next?.kind !== '||') return undefined;
      position++;
    }
  };
  const operand = (): string | undefined => {
    const token = tokens[position];
    if (!token) return 'the expression ends where a dependency name is expected';
    if (token.kind === 'name') {
      position++;
      return undefined;
    }
    if (token.kind !== '(') return `"${token.text}" appears where a dependency name is expected`;
    position++;
    const problem = expression();
    if (problem) return problem;
    if (tokens[position]?.kind !== ')') return 'a "(" is not closed';
    position++;
    return undefined;
  };
  const problem = expression();
  if (problem) return problem;
  const rest = tokens[position];
  if (rest) return rest.kind === 'name' ? `"${rest.text}" follows another operand without && or ||` : `unexpected "${rest.text}"`;
  return undefined;
}
