import { evaluateCel, evaluateRule, toCel } from './cel';
import { SchemaDefinitions, SchemaNode } from './compact';
import { CelRule, CrdConstraint, CrdConstraints } from './crd-constraints';

/** Reports one finding of the CRD check at a field path. */
export type CrdReport = (path: string, message: string, severity?: 'warning') => void;

/**
 * The constraints of full CRDs laid over a compact schema's nodes (the schema objects
 * themselves are the keys), for the walker of src/schema/validator.ts to check as it passes.
 */
export class CrdOverlay {
  /** Lays `data` over `definitions`; an anchor the schema does not have is an error (data and schema from different releases). */
  public static over(data: CrdConstraints, definitions: SchemaDefinitions, product: string): CrdOverlay {
    const constraints = new Map<SchemaNode, CrdConstraint>();
    for (const [anchor, constraint] of Object.entries(data.constraints)) constraints.set(nodeAt(definitions, anchor), constraint);
    const opaque = new Set(data.opaque.map(anchor => nodeAt(definitions, anchor)));
    return new CrdOverlay(new Set(data.kinds), constraints, opaque, product);
  }

  private constructor(
    private readonly kinds: ReadonlySet<string>,
    private readonly constraints: ReadonlyMap<SchemaNode, CrdConstraint>,
    private readonly opaque: ReadonlySet<SchemaNode>,
    /** Who enforces the constraints, for messages: `Argo Workflows v4.1.2's full CRDs`. */
    public readonly product: string,
  ) {}

  /** True when the CRD of this kind was read (the others are not checked). */
  public checks(kind: string): boolean {
    return this.kinds.has(kind);
  }

  public constraintOf(node: SchemaNode): CrdConstraint | undefined {
    return this.constraints.get(node);
  }

  /** True for a node below which the CRD preserves unknown fields (checks nothing). */
  public isOpaque(node: SchemaNode): boolean {
    return this.opaque.has(node);
  }
}

function nodeAt(definitions: SchemaDefinitions, anchor: string): SchemaNode {
  const [definition, ...segments] = anchor.split('/');
  let node: any = Object.hasOwn(definitions, definition) ? definitions[definition] : undefined;
  for (let i = 0; node && i < segments.length; i++) {
    const segment = segments[i];
    if (segment === 'properties') {
      const key = segments[++i].replace(/~1/g, '/').replace(/~0/g, '~');
      node = node.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
    } else if (segment === 'items' || segment === 'additionalProperties') {
      node = typeof node[segment] === 'object' ? node[segment] : undefined;
    } else {
      node = undefined;
    }
  }
  if (!node) throw new Error(`CRD constraint at ${anchor}: the schema has no such node (the CRD data and the schema come from different releases; run npm run import)`);
  return node;
}

/** `<what> in <product>: the API server refuses <subject> on kubectl apply ("<its message>")` */
type Refusal = (what: string, subject: string, apiServer: string) => string;

/**
 * Checks one value against what the CRD adds at its node, reporting as the API server would
 * refuse it on apply. `schema` is the (resolved) compact node, for hints.
 */
export function checkCrdConstraint(value: any, c: CrdConstraint, schema: SchemaNode, path: string, product: string, report: CrdReport): void {
  const refused: Refusal = (what, subject, apiServer) => `${what} in ${product}: the API server refuses ${subject} on kubectl apply ("${apiServer}")`;
  if (c.type !== undefined && !matchesCrdType(value, c.type)) {
    const scalar = typeof value === 'number' || typeof value === 'boolean';
    const fix = scalar ? `, although the field's Go type reads it. Quote it: "${String(value)}".` : '.';
    report(path, refused(`must be ${describeTypes(c.type)}`, scalar ? `${typeof value} ${String(value)}` : 'the object', `must be of type ${[c.type].flat().join(',')}`) + fix);
    return;
  }
  if (isPlainObject(value)) {
    for (const field of c.required ?? []) {
      if (Object.hasOwn(value, field) && value[field] !== null && value[field] !== undefined) continue;
      const fieldSchema = schema.properties && Object.hasOwn(schema.properties, field) ? schema.properties[field] : undefined;
      const example = fieldSchema?.type === 'boolean' ? ` (${field}: false is what Argo assumes without it)` : '';
      report(join(path, field), `${refused('required', 'the object without it', 'Required value')}, although Argo's own validation lets it pass. Set it${example}.`);
    }
    const count = Object.keys(value).length;
    if (c.minProperties !== undefined && count < c.minProperties) {
      report(path, `${refused(`must have at least ${c.minProperties} entries`, 'the object', `should have at least ${c.minProperties} properties`)}.`);
    }
    if (c.maxProperties !== undefined && count > c.maxProperties) {
      report(path, `${refused(`may have at most ${c.maxProperties} entries`, 'the object', `should have at most ${c.maxProperties} properties`)}.`);
    }
  }
  if (c.enum && !c.enum.some(e => e === value)) {
    const hint = value === '' ? ' Leave the field out instead of setting it empty.' : variableHint(value);
    report(path, `${refused(`must be one of ${c.enum.map(e => JSON.stringify(e)).join(', ')}`, JSON.stringify(value), `Unsupported value: ${JSON.stringify(value)}`)}.${hint}`);
  }
  if (typeof value === 'string') checkString(value, c, path, refused, report);
  if (typeof value === 'number') checkNumber(value, c, path, refused, report);
  if (Array.isArray(value)) {
    if (c.minItems !== undefined && value.length < c.minItems) {
      report(path, `${refused(`must hold at least ${c.minItems} item${c.minItems === 1 ? '' : 's'}`, 'an empty list', `should have at least ${c.minItems} items`)}. `
        + 'Add one, or leave the field out.');
    }
    if (c.maxItems !== undefined && value.length > c.maxItems) {
      const split = /\.templates$/.test(path) ? 'move templates to WorkflowTemplates the workflow calls through templateRef'
        : /\.tasks$/.test(path) ? 'group tasks into DAG templates the DAG calls' : 'split it over several objects';
      report(path, `holds ${value.length} items: ${refused(`at most ${c.maxItems} are allowed`, 'the object', `Too many: ${value.length}: must have at most ${c.maxItems} items`)}. `
        + `To stay under the limit, ${split}.`);
    }
  }
  if (c.rules) {
    let converted: { readonly self: unknown } | undefined;
    const self = () => (converted ??= { self: toCel(value) }).self;
    for (const rule of c.rules) checkRule(value, self, rule, path, product, report);
  }
}

function checkNumber(value: number, c: CrdConstraint, path: string, refused: Refusal, report: CrdReport): void {
  if (c.minimum !== undefined && (c.exclusiveMinimum ? value <= c.minimum : value < c.minimum)) {
    const bound = `${c.exclusiveMinimum ? 'greater than' : 'greater than or equal to'} ${c.minimum}`;
    report(path, `${refused(`must be ${c.exclusiveMinimum ? 'more than' : 'at least'} ${c.minimum}`, String(value), `should be ${bound}`)}.`);
  }
  if (c.maximum !== undefined && (c.exclusiveMaximum ? value >= c.maximum : value > c.maximum)) {
    const bound = `${c.exclusiveMaximum ? 'less than' : 'less than or equal to'} ${c.maximum}`;
    const octal = /\.mode$/.test(path) ? ' File modes are octal: write 0755 (YAML reads a leading 0 as octal, as kubectl does) or 493.' : '';
    report(path, `${refused(`must be ${c.exclusiveMaximum ? 'less than' : 'at most'} ${c.maximum}`, String(value), `should be ${bound}`)}.${octal}`);
  }
}

function checkString(value: string, c: CrdConstraint, path: string, refused: Refusal, report: CrdReport): void {
  // Counted in code points, as the API server counts characters (only where a length is constrained).
  const length = c.minLength !== undefined || c.maxLength !== undefined ? [...value].length : 0;
  if (c.minLength !== undefined && length < c.minLength) {
    report(path, `${refused(`must be at least ${c.minLength} character${c.minLength === 1 ? '' : 's'} long`, JSON.stringify(value), `should be at least ${c.minLength} chars long`)}.`);
  }
  if (c.maxLength !== undefined && length > c.maxLength) {
    report(path, `is ${length} characters long: ${refused(`at most ${c.maxLength} are allowed`, 'it', `Too long: may not be more than ${c.maxLength} bytes`)}.`);
  }
  if (c.pattern !== undefined && !patternOf(c.pattern).test(value)) {
    report(path, `${refused(`must match ${c.pattern}`, JSON.stringify(value), `should match '${c.pattern}'`)}.${variableHint(value)}`);
  }
  if (c.format === 'byte' && !BASE64.test(value)) {
    report(path, `${refused('must be base64-encoded data', 'it', `must be of type byte`)}. Encode it (base64), or use the field that takes plain text.`);
  }
  if (c.format === 'date-time' && !RFC3339.test(value)) {
    report(path, `${refused('must be an RFC 3339 date-time (2006-01-02T15:04:05Z)', JSON.stringify(value), 'must be of type date-time')}.`);
  }
}

const patterns = new Map<string, RegExp>();

/** A CRD's `pattern`, compiled once. */
function patternOf(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, re = new RegExp(pattern, 'u'));
  return re;
}

/** Argo substitutes {{...}} after the API server has checked the text. */
function variableHint(value: unknown): string {
  return typeof value === 'string' && value.includes('{{')
    ? ' A {{...}} variable cannot stand here with the full CRDs: the API server checks the text before Argo substitutes it.' : '';
}

/** `value`: the value at the node; `self()`: it as `toCel` converts it, for the evaluator. */
function checkRule(value: unknown, self: () => unknown, rule: CelRule, path: string, product: string, report: CrdReport): void {
  let holds: unknown;
  try {
    holds = evaluateRule(rule.rule, value, self);
  } catch (e: any) {
    report(path, `could not evaluate the rule \`${rule.rule}\` of ${product} here (${e?.message ?? e}); the API server evaluates it on apply`, 'warning');
    return;
  }
  if (holds === true) return;
  if (holds !== false) {
    report(path, `the rule \`${rule.rule}\` of ${product} evaluated to ${String(holds)}, not a boolean; the API server refuses the object on apply`, 'warning');
    return;
  }
  let message = rule.message ?? `failed rule: ${rule.rule}`;
  if (rule.messageExpression) {
    try {
      const text = evaluateCel(rule.messageExpression, self());
      if (typeof text === 'string' && text.trim()) message = text;
    } catch {
      // The API server falls back to `message` (or the rule) too.
    }
  }
  report(rulePath(path, rule.fieldPath), `"${message}": the API server refuses the object on kubectl apply (${product} check \`${rule.rule}\` here). `
    + 'Change the manifest so that the rule holds.');
}

/** Where the API server reports a failed rule: the node, or the rule's `fieldPath` below it (`.foo.bar`). */
function rulePath(path: string, fieldPath: string | undefined): string {
  if (!fieldPath || !/^(\.[A-Za-z0-9_$-]+)+$/.test(fieldPath)) return path;
  return fieldPath.substring(1).split('.').reduce(join, path);
}

function matchesCrdType(value: unknown, type: string | readonly string[]): boolean {
  return [type].flat().some(t => {
    switch (t) {
      case 'string': return typeof value === 'string';
      case 'integer': return typeof value === 'number' && Number.isInteger(value);
      case 'number': return typeof value === 'number';
      case 'boolean': return typeof value === 'boolean';
      case 'array': return Array.isArray(value);
      case 'object': return isPlainObject(value);
      default: return true;
    }
  });
}

function describeTypes(type: string | readonly string[]): string {
  return [type].flat().map(t => (t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`)).join(' or ');
}

function isPlainObject(v: unknown): v is { [key: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** strfmt's `byte`: standard base64 with padding. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** RFC 3339 date-time, as strfmt's `date-time` parses it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
