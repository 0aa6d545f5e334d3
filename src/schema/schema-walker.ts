import { IntegerFormat, SchemaDefinitions, SchemaNode } from './compact';
import { checkCrdConstraint, CrdOverlay } from './crd-check';
import { CrdConstraint } from './crd-constraints';
import { REMOVED_FIELDS } from './removed-fields';
import { CRD_RULE_ID, SchemaViolation } from './violation';

/** Root fields of a kind the CRD check leaves alone: Kubernetes checks metadata itself, and a create ignores status. */
const NOT_CRD_CHECKED = new Set(['apiVersion', 'kind', 'metadata', 'status']);

const DEFINITION_REF = '#/definitions/';

/**
 * A schema node as the walker reads it: every node has the same fields (one shape, so the
 * walker's reads stay monomorphic), properties in a Map, the CRD constraint and opacity of the
 * node looked up once, and the `$ref` target linked on first use.
 */
class PreparedNode {
  readonly type: string | readonly string[] | undefined;
  readonly format: IntegerFormat | undefined;
  readonly hasConst: boolean;
  readonly constValue: unknown;
  readonly enumValues: readonly unknown[] | undefined;
  readonly required: readonly string[] | undefined;
  readonly items: PreparedNode | undefined;
  readonly properties: ReadonlyMap<string, PreparedNode>;
  readonly additional: PreparedNode | boolean | undefined;
  /** The full CRDs' constraint at this node (when the walk checks them). */
  readonly crd: CrdConstraint | undefined;
  /** True below where the CRD preserves unknown fields. */
  readonly opaque: boolean;
  /** Name of the definition `$ref` points to. */
  readonly refName: string | undefined;
  /** That definition, linked on first use (definitions refer to each other in cycles). */
  ref: PreparedNode | undefined = undefined;

  constructor(readonly source: SchemaNode, overlay: CrdOverlay | undefined) {
    this.type = source.type;
    this.format = source.format;
    this.hasConst = source.const !== undefined;
    this.constValue = source.const;
    this.enumValues = source.enum;
    this.required = source.required;
    this.items = source.items ? new PreparedNode(source.items, overlay) : undefined;
    const properties = new Map<string, PreparedNode>();
    if (source.properties) for (const name of Object.keys(source.properties)) properties.set(name, new PreparedNode(source.properties[name], overlay));
    this.properties = properties;
    const additional = source.additionalProperties;
    this.additional = typeof additional === 'object' && additional !== null ? new PreparedNode(additional, overlay) : additional;
    this.crd = overlay?.constraintOf(source);
    this.opaque = overlay ? overlay.isOpaque(source) : false;
    this.refName = source.$ref !== undefined ? source.$ref.substring(DEFINITION_REF.length) : undefined;
  }
}

/** The prepared definitions of one schema, for one CRD overlay (or none): each definition prepared when first reached. */
class PreparedSchema {
  private readonly prepared = new Map<string, PreparedNode>();

  constructor(private readonly definitions: SchemaDefinitions, private readonly overlay: CrdOverlay | undefined) {}

  definition(name: string): PreparedNode {
    let node = this.prepared.get(name);
    if (!node) {
      node = new PreparedNode(this.definitions[name], this.overlay);
      this.prepared.set(name, node);
    }
    return node;
  }

  /** The node `node.$ref` points to (linked once). */
  target(node: PreparedNode): PreparedNode {
    return node.ref ??= this.definition(node.refName!);
  }
}

const PREPARED = new WeakMap<SchemaDefinitions, Map<CrdOverlay | undefined, PreparedSchema>>();

function preparedSchema(definitions: SchemaDefinitions, overlay: CrdOverlay | undefined): PreparedSchema {
  let byOverlay = PREPARED.get(definitions);
  if (!byOverlay) PREPARED.set(definitions, byOverlay = new Map());
  let prepared = byOverlay.get(overlay);
  if (!prepared) byOverlay.set(overlay, prepared = new PreparedSchema(definitions, overlay));
  return prepared;
}

/**
 * Walks one manifest along its schema, reporting every violation of the schema (rule SCHEMA) and,
 * where an overlay is given, of the full CRDs' constraints at the nodes it passes (rule CRD).
 *
 * The walk visits every value of every manifest, so it allocates as little as it can: the path
 * to the current value is a stack of keys and indexes, joined into a string only for a report or
 * for a node that has CRD constraints.
 */
export class SchemaWalker {
  /** Keys and indexes from the root to the value being checked. */
  private readonly segments: (string | number)[] = [];
  /** `joined[i]`: the path of `segments[0..i]`, for the prefix already joined (a node with CRD constraints joins its path; its children reuse it). */
  private readonly joined: string[] = [];
  private readonly schema: PreparedSchema;

  constructor(
    definitions: SchemaDefinitions,
    private readonly kind: string,
    private readonly out: SchemaViolation[],
    private readonly crd: CrdOverlay | undefined,
  ) {
    this.schema = preparedSchema(definitions, crd);
  }

  public checkRoot(manifest: { [key: string]: any }, root: string): void {
    const node = this.schema.definition(root);
    if (node.crd) checkCrdConstraint(manifest, node.crd, node.source, '', this.crd!.product, this.reportCrd);
    this.checkObject(manifest, node, this.crd !== undefined, true);
  }

  /**
   * Checks the value at the current path (`segments`). `crd`: whether the full CRDs' constraints
   * apply at this value (not in metadata, status, or where the CRD preserves unknown fields).
   */
  private check(value: any, node: PreparedNode, crd: boolean): void {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      this.reportNonFinite(value);
      return;
    }
    let constraints: CrdConstraint[] | undefined;
    if (crd) {
      if (node.opaque) crd = false;
      else constraints = add(constraints, node.crd);
    }
    while (node.refName !== undefined) {
      node = this.schema.target(node);
      if (crd) constraints = add(constraints, node.crd);
    }
    if (node.hasConst && value !== node.constValue) {
      this.report(this.path(), `must be ${JSON.stringify(node.constValue)}`);
      return;
    }
    const type = node.type;
    if (type && !matchesType(value, type)) {
      this.report(this.path(), `must be ${describeType(type)}, got ${describeValue(value)}${typeHint(value, type)}`);
      return;
    }
    if (typeof value === 'number' && isIntegerOnly(value, type)) {
      const range = RANGES[node.format ?? 'int64'];
      if (value < range.min || value > range.max) {
        this.report(this.path(), `${value} is outside the ${range.name} range (${range.label}): Kubernetes and Argo decode this field into an `
          + `${range.name}, which cannot hold it, so kubectl apply or the controller refuses the object`);
        return;
      }
    }
    if (node.enumValues && !node.enumValues.includes(value)) {
      this.report(this.path(), `must be one of ${node.enumValues.map((e: any) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`);
    }
    if (constraints) {
      const path = this.path();
      for (const c of constraints) checkCrdConstraint(value, c, node.source, path, this.crd!.product, this.reportCrd);
    }
    if (Array.isArray(value)) {
      const items = node.items;
      for (let i = 0; i < value.length; i++) {
        this.enter(i);
        if (items) this.check(value[i], items, crd);
        else this.scan(value[i]);
        this.leave();
      }
      return;
    }
    if (isObject(value)) this.checkObject(value, node, crd, false);
  }

  /** `root`: the manifest itself, whose NOT_CRD_CHECKED fields the CRD check leaves alone. */
  private checkObject(value: { [key: string]: any }, node: PreparedNode, crd: boolean, root: boolean): void {
    const required = node.required;
    if (required) {
      for (const field of required) {
        if (!Object.hasOwn(value, field) || value[field] === undefined || value[field] === null) this.report(this.path(field), 'required field is missing');
      }
    }
    // Own properties only: a manifest key such as `constructor` or `__proto__` is no field of the schema.
    const properties = node.properties;
    const additional = node.additional;
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (child === null || child === undefined) continue;
      const crdHere = root ? crd && !NOT_CRD_CHECKED.has(key) : crd;
      const property = properties.get(key);
      if (property !== undefined) {
        this.enter(key);
        this.check(child, property, crdHere);
        this.leave();
      } else if (typeof additional === 'object') {
        this.enter(key);
        this.check(child, additional, crdHere);
        this.leave();
      } else if (additional === false) {
        const path = this.path(key);
        this.report(path, this.unknownField(key, [...node.properties.keys()], path));
      } else {
        this.enter(key);
        this.scan(child);
        this.leave();
      }
    }
  }

  /** A value the schema does not describe: only what no manifest can carry (NaN, Infinity) is reported. */
  private scan(value: any): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) this.reportNonFinite(value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        this.enter(i);
        this.scan(value[i]);
        this.leave();
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        this.enter(key);
        this.scan(value[key]);
        this.leave();
      }
    }
  }

  private enter(segment: string | number): void {
    this.segments.push(segment);
  }

  private leave(): void {
    this.segments.pop();
    if (this.joined.length > this.segments.length) this.joined.pop();
  }

  /** The current value's field path (`spec.templates[0].container`), and `key` below it when given. */
  private path(key?: string): string {
    const { segments, joined } = this;
    let path = joined.length ? joined[joined.length - 1] : '';
    for (let i = joined.length; i < segments.length; i++) {
      const s = segments[i];
      path = typeof s === 'number' ? `${path}[${s}]` : join(path, s);
      joined.push(path);
    }
    return key === undefined ? path : join(path, key);
  }

  private unknownField(key: string, known: readonly string[], path: string): string {
    const removed = REMOVED_FIELDS.find(r => (r.kind === undefined || r.kind === this.kind) && r.path.test(path));
    if (removed) return `field "${key}" was removed from ${removed.product}: ${removed.fix}`;
    const near = closest(key, known);
    return `unknown field "${key}"` + (near ? ` (did you mean "${near}"?)` : '') + (known.length ? '' : ' (this object takes no fields)');
  }

  private reportNonFinite(value: number): void {
    this.report(this.path(), `${value} cannot be written to Kubernetes: JSON has no NaN or Infinity (YAML's .nan, .inf), so kubectl cannot convert the manifest ("json: unsupported value"). Use a finite number`);
  }

  private report(path: string, message: string): void {
    this.out.push({ path, message });
  }

  private readonly reportCrd = (path: string, message: string, severity?: 'warning'): void => {
    this.out.push(severity ? { path, message, ruleId: CRD_RULE_ID, severity } : { path, message, ruleId: CRD_RULE_ID });
  };
}

/** `list` with `c` added (created when needed; the list is the walker's own, so it is extended in place). */
function add(list: CrdConstraint[] | undefined, c: CrdConstraint | undefined): CrdConstraint[] | undefined {
  if (!c) return list;
  if (!list) return [c];
  list.push(c);
  return list;
}

interface IntegerRange {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

/** What Go decodes an integer field into: its format (IntOrString holds an int32), int64 without one. */
const RANGES: { readonly [format in IntegerFormat]: IntegerRange } = {
  int32: { name: 'int32', min: -(2 ** 31), max: 2 ** 31 - 1, label: '-2147483648 to 2147483647' },
  // 2^63 is the first double above int64's maximum; every double below it fits.
  int64: { name: 'int64', min: -(2 ** 63), max: 2 ** 63 - 1024, label: '-9223372036854775808 to 9223372036854775807' },
};

/** True when a number can only be an integer here (not a field that also takes any number). */
function isIntegerOnly(value: number, type: SchemaNode['type']): boolean {
  if (typeof type === 'string') return type === 'integer' && Number.isInteger(value);
  return !!type && type.includes('integer') && !type.includes('number') && Number.isInteger(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(v: any): v is { [k: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function matchesType(value: any, type: string | readonly string[]): boolean {
  if (typeof type === 'string') return matchesOne(value, type);
  for (const t of type) if (matchesOne(value, t)) return true;
  return false;
}

function matchesOne(value: any, type: string): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    default: return true;
  }
}

function describeType(type: string | readonly string[]): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map(t => (t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`)).join(' or ');
}

/** How to write what the field wants: a number or boolean where a string is expected is quoted in YAML. */
function typeHint(value: any, type: string | readonly string[]): string {
  const types = Array.isArray(type) ? type : [type];
  if (typeof value === 'number' && types.includes('integer') && !types.includes('number')) {
    return ': Kubernetes and Argo decode this field as an integer, so kubectl apply or the controller refuses a fraction';
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && types.includes('string')) {
    return `: YAML reads it as a ${typeof value} and kubectl sends it as one where Kubernetes and Argo read a string. Quote it: "${String(value)}"`;
  }
  return '';
}

function describeValue(value: any): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known field nearest to a misspelling, if it is close enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
