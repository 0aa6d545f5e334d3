import { SchemaId } from './argo-schema';
import { SchemaDefinitions, SchemaNode } from './compact';
import { REMOVED_FIELDS } from './removed-fields';
import { currentSchemaData, SchemaData } from './schema-data';

/** One place where a manifest breaks the schema. */
export interface SchemaViolation {
  /** Field path inside the manifest, e.g. `spec.templates[0].container.imagee`. */
  readonly path: string;
  /** What is wrong and, where known, how to fix it. */
  readonly message: string;
}

/** Which Argo Workflows schema Workflows kinds are checked against. */
export type WorkflowsSchemaVersion = 'v4.1.2' | 'v3.7.18';

export interface ValidateOptions {
  /**
   * Argo Workflows version whose schema checks Workflow, WorkflowTemplate, CronWorkflow...
   * @default 'v4.1.2'
   */
  readonly workflowsVersion?: WorkflowsSchemaVersion;
}

interface KindEntry {
  readonly schemaId: SchemaId;
  readonly root: string;
}

const EVENTS_SCHEMA: SchemaId = 'events-v1.9.11';

/**
 * Strict schema check of Kubernetes manifests: Argo Workflows kinds against the Argo Workflows
 * schema, Argo Events kinds and core Kubernetes kinds against the Argo Events schema (which
 * embeds the Kubernetes definitions). Every object is closed: unknown fields are errors, as with
 * `kubectl apply --validate=strict`. The schemas are Argo's, with the quirks of
 * src/schema/quirks.ts corrected, built into the package (`schemas/`) or read from
 * $ARGO_SCHEMA_DIR; each loads on the first manifest of one of its kinds.
 */
export class ManifestValidator {
  private static readonly cache = new Map<string, ManifestValidator>();

  /** The shared validator for a Workflows schema version (schemas are loaded once, when first needed). */
  public static get(options: ValidateOptions = {}): ManifestValidator {
    const version = options.workflowsVersion ?? 'v4.1.2';
    const data = currentSchemaData();
    const key = `${data.key}\n${version}`;
    let validator = ManifestValidator.cache.get(key);
    if (!validator) {
      validator = new ManifestValidator(data, `workflows-${version}`);
      ManifestValidator.cache.set(key, validator);
    }
    return validator;
  }

  private kindIndex?: Map<string, KindEntry>;

  private constructor(private readonly data: SchemaData, private readonly workflowsSchema: SchemaId) {}

  /** True when the apiVersion/kind pair has a schema here. */
  public knows(apiVersion: string, kind: string): boolean {
    return this.kinds().has(`${apiVersion}/${kind}`);
  }

  /** Checks one manifest; returns every violation found (empty when valid). */
  public validate(manifest: any): SchemaViolation[] {
    if (!isObject(manifest)) return [{ path: '', message: 'a manifest must be a YAML/JSON object' }];
    const { apiVersion, kind } = manifest;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      return [{ path: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind', message: 'apiVersion and kind are required strings' }];
    }
    const entry = this.kinds().get(`${apiVersion}/${kind}`);
    if (!entry) {
      return [{ path: 'kind', message: `no schema for ${apiVersion} ${kind}: not an Argo Workflows/Events kind nor a core Kubernetes kind known to the pinned schemas` }];
    }
    const out: SchemaViolation[] = [];
    new Walker(this.data.definitions(entry.schemaId), kind, out).check(manifest, { $ref: `#/definitions/${entry.root}` }, '');
    return out;
  }

  /** Events kinds and core Kubernetes kinds from the Events schema; Argo Workflows kinds from the Workflows schema. */
  private kinds(): Map<string, KindEntry> {
    if (!this.kindIndex) {
      const index = new Map<string, KindEntry>();
      for (const schemaId of [EVENTS_SCHEMA, this.workflowsSchema]) {
        for (const [key, root] of Object.entries(this.data.kinds(schemaId))) index.set(key, { schemaId, root });
      }
      this.kindIndex = index;
    }
    return this.kindIndex;
  }
}

/** Validates one manifest with the default (v4.1.2) validator. */
export function validateManifest(manifest: any, options: ValidateOptions = {}): SchemaViolation[] {
  return ManifestValidator.get(options).validate(manifest);
}

class Walker {
  constructor(private readonly definitions: SchemaDefinitions, private readonly kind: string, private readonly out: SchemaViolation[]) {}

  public check(value: any, schema: SchemaNode, path: string): void {
    while (schema.$ref) schema = this.definitions[schema.$ref.substring('#/definitions/'.length)];
    if (schema.const !== undefined && value !== schema.const) {
      this.report(path, `must be ${JSON.stringify(schema.const)}`);
      return;
    }
    if (schema.type && !matchesType(value, schema.type)) {
      this.report(path, `must be ${describeType(schema.type)}, got ${describeValue(value)}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      this.report(path, `must be one of ${schema.enum.map((e: any) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`);
    }
    if (Array.isArray(value)) {
      const items = schema.items;
      if (items) value.forEach((item, i) => this.check(item, items, `${path}[${i}]`));
      return;
    }
    if (!isObject(value)) return;
    for (const field of schema.required ?? []) {
      if (!Object.hasOwn(value, field) || value[field] === undefined || value[field] === null) this.report(join(path, field), 'required field is missing');
    }
    // Own properties only: a manifest key such as `constructor` or `__proto__` is no field of the schema.
    const properties = schema.properties ?? {};
    for (const [key, child] of Object.entries(value)) {
      if (child === null || child === undefined) continue;
      if (Object.hasOwn(properties, key)) this.check(child, properties[key], join(path, key));
      else if (isObject(schema.additionalProperties)) this.check(child, schema.additionalProperties, join(path, key));
      else if (schema.additionalProperties === false) this.report(join(path, key), this.unknownField(key, Object.keys(properties), join(path, key)));
    }
  }

  private unknownField(key: string, known: string[], path: string): string {
    const removed = REMOVED_FIELDS.find(r => (r.kind === undefined || r.kind === this.kind) && r.path.test(path));
    if (removed) return `field "${key}" was removed from ${removed.product}: ${removed.fix}`;
    const near = closest(key, known);
    return `unknown field "${key}"` + (near ? ` (did you mean "${near}"?)` : '') + (known.length ? '' : ' (this object takes no fields)');
  }

  private report(path: string, message: string): void {
    this.out.push({ path, message });
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(v: any): v is { [k: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function matchesType(value: any, type: string | readonly string[]): boolean {
  return (Array.isArray(type) ? type : [type]).some(t => {
    switch (t) {
      case 'object': return isObject(value);
      case 'array': return Array.isArray(value);
      case 'string': return typeof value === 'string';
      case 'boolean': return typeof value === 'boolean';
      case 'integer': return typeof value === 'number' && Number.isInteger(value);
      case 'number': return typeof value === 'number';
      default: return true;
    }
  });
}

function describeType(type: string | readonly string[]): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map(t => (t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`)).join(' or ');
}

function describeValue(value: any): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known field nearest to a misspelling, if it is close enough to be a likely typo. */
function closest(word: string, candidates: string[]): string | undefined {
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
