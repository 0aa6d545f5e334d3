import { ArgoSchemaDocument, SchemaSource } from './argo-schema';
import { applyQuirks } from './quirks';

/** The part of a JSON schema node the strict validator reads. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  /** Only on integers: `int32` or `int64` (the range Kubernetes and Argo decode the number into). */
  readonly format?: IntegerFormat;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly additionalProperties?: SchemaNode | boolean;
}

export type IntegerFormat = 'int32' | 'int64';

/** Definition name to node, as in a schema's `definitions`. */
export type SchemaDefinitions = { readonly [name: string]: SchemaNode };

/**
 * What validation needs of one Argo schema: the kinds it checks and the definitions reachable
 * from them, quirks corrected (src/schema/quirks.ts) and every object closed. This is the form
 * built into the package (`schemas/`, written by `npm run import`).
 */
export interface CompactSchema {
  /** `<apiVersion>/<kind>` (e.g. `argoproj.io/v1alpha1/Workflow`) to the definition of its root object. */
  readonly kinds: { readonly [apiVersionKind: string]: string };
  readonly definitions: SchemaDefinitions;
}

/** Keywords the validator checks (src/schema/validator.ts). */
const CHECKED = new Set(['$ref', 'type', 'format', 'const', 'enum', 'items', 'required', 'properties', 'additionalProperties']);

/** Integer formats, to the range the validator checks (`int64-or-string` is Argo Events' Int64OrString). */
const INTEGER_FORMATS: { readonly [format: string]: IntegerFormat } = { 'int32': 'int32', 'int64': 'int64', 'int64-or-string': 'int64' };

/**
 * Keywords that are documentation or client hints only: dropped. `format` is kept on integers
 * only (their range); on strings it is a hint for Go (`byte`, `date-time`, `uint64`). Any other
 * keyword stops the compaction, so that a newer schema cannot lose a check unnoticed.
 */
const IGNORED = new Set([
  'description', 'title', 'default',
  'x-kubernetes-group-version-kind', 'x-kubernetes-patch-merge-key', 'x-kubernetes-patch-strategy',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-unions',
]);

const DEFINITION_REF = '#/definitions/';

/** Derives the compact form of one Argo schema (deterministic: same input, same output, key order included). */
export function compactSchema(doc: ArgoSchemaDocument, source: SchemaSource): CompactSchema {
  const corrected = applyQuirks(doc.definitions, { closeObjects: true, anyStringScalars: true });
  const kinds: { [key: string]: string } = {};
  for (const name of Object.keys(corrected).sort()) {
    const def = corrected[name];
    for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
      if (!def.properties?.metadata || (source.groups && !source.groups.includes(gvk.group))) continue;
      kinds[`${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}/${gvk.kind}`] = name;
    }
  }
  const sortedKinds: { [key: string]: string } = {};
  for (const key of Object.keys(kinds).sort()) sortedKinds[key] = kinds[key];

  const definitions: { [name: string]: SchemaNode } = {};
  const pending = [...new Set(Object.values(kinds))];
  const seen = new Set(pending);
  const refs: string[] = [];
  while (pending.length) {
    const name = pending.pop()!;
    if (!Object.hasOwn(corrected, name)) throw new Error(`${source.title}: $ref to a missing definition ${name}`);
    refs.length = 0;
    definitions[name] = compactNode(corrected[name], `${source.title} ${name}`, refs);
    for (const ref of refs) {
      if (!seen.has(ref)) {
        seen.add(ref);
        pending.push(ref);
      }
    }
  }
  const sortedDefinitions: { [name: string]: SchemaNode } = {};
  for (const name of Object.keys(definitions).sort()) sortedDefinitions[name] = definitions[name];
  return { kinds: sortedKinds, definitions: sortedDefinitions };
}

function compactNode(node: any, where: string, refs: string[]): SchemaNode {
  if (!node || typeof node !== 'object' || Array.isArray(node)) throw new Error(`${where}: a schema node must be an object, got ${JSON.stringify(node)}`);
  const out: { [keyword: string]: unknown } = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (IGNORED.has(keyword)) continue;
    if (!CHECKED.has(keyword)) {
      throw new Error(`${where}: keyword "${keyword}" is neither checked by the validator nor known to be documentation; `
        + 'teach src/schema/validator.ts to check it (or add it to IGNORED in src/schema/compact.ts if it constrains nothing)');
    }
    switch (keyword) {
      case '$ref':
        if (typeof value !== 'string' || !value.startsWith(DEFINITION_REF)) throw new Error(`${where}: unsupported $ref ${JSON.stringify(value)}`);
        refs.push(value.substring(DEFINITION_REF.length));
        out[keyword] = value;
        break;
      case 'format': {
        const types = Array.isArray(node.type) ? node.type : [node.type];
        if (types.includes('integer') && typeof value === 'string' && Object.hasOwn(INTEGER_FORMATS, value)) out[keyword] = INTEGER_FORMATS[value];
        break;
      }
      case 'items':
        out[keyword] = compactNode(value, `${where}.items`, refs);
        break;
      case 'additionalProperties':
        out[keyword] = typeof value === 'boolean' ? value : compactNode(value, `${where}.additionalProperties`, refs);
        break;
      case 'properties': {
        const properties: { [name: string]: SchemaNode } = {};
        for (const [name, child] of Object.entries(value as object)) {
          // defineProperty: a field named `__proto__` stays a field instead of setting the prototype.
          Object.defineProperty(properties, name, { value: compactNode(child, `${where}.${name}`, refs), enumerable: true, writable: true, configurable: true });
        }
        out[keyword] = properties;
        break;
      }
      default:
        out[keyword] = value;
    }
  }
  return out as SchemaNode;
}
