import { SchemaDefinitions, SchemaNode } from './compact';
import { CelRule, CrdDocument, CrdSchemaNode } from './crd-document';

export { CelRule, CrdDocument, CrdSchemaNode } from './crd-document';

/**
 * What a full CRD constrains at one node beyond what the compact schema (src/schema/compact.ts)
 * already checks there: structural-schema keywords and CEL rules.
 */
export interface CrdConstraint {
  /** Fields the CRD requires that the schema (quirks applied) leaves optional. */
  readonly required?: readonly string[];
  /** The CRD's type where it is narrower than the schema's (an AnyString field is `string` there). */
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  /** `byte` (base64) or `date-time` (RFC 3339). */
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly rules?: readonly CelRule[];
}

/**
 * The constraints of a set of full CRDs, at their schema paths: an anchor is a definition of the
 * compact schema plus the JSON pointer of a node inside it (`io.argoproj.workflow.v1alpha1.Gauge`,
 * `io.argoproj.workflow.v1alpha1.WorkflowSpec/properties/templates`). This is the form built into
 * the package (`schemas/crd-<schema>.json`, written by `npm run import`).
 */
export interface CrdConstraints {
  /** The kinds whose CRD was read; only these are checked. */
  readonly kinds: readonly string[];
  readonly constraints: { readonly [anchor: string]: CrdConstraint };
  /** Anchors where the CRD preserves unknown fields: nothing below them is checked. */
  readonly opaque: readonly string[];
  /** CEL transition rules (they read `oldSelf`, which a create does not have): not evaluated. */
  readonly transitionRules: number;
  /** In the built-in data: the digest of the files it was derived from (argo-schema.ts `crdInputsDigest`). */
  readonly inputs?: string;
}

/** Structural-schema keywords copied as they are (when the compact schema does not already check the same). */
const COPIED = ['enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;

/** Formats the check verifies; integer formats are the compact schema's, others the API server ignores or accepts as text. */
const CHECKED_FORMATS = new Set(['byte', 'date-time']);

/**
 * Keywords of a CRD's structural schema that neither constrain a create nor need checking here;
 * any keyword outside this list and the checked ones stops the derivation, so that a newer CRD
 * cannot lose a check unnoticed.
 */
const NOT_CONSTRAINTS = new Set(['description', 'type', 'format', 'properties', 'items', 'additionalProperties', 'required', 'default',
  'x-kubernetes-int-or-string', 'anyOf', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type', 'x-kubernetes-validations', 'nullable', 'title', 'example', 'externalDocs', 'x-kubernetes-embedded-resource']);

const DEFINITION_REF = '#/definitions/';
const INT_OR_STRING_ANY_OF = JSON.stringify([{ type: 'integer' }, { type: 'string' }]);

interface Occurrence {
  readonly anchors: readonly string[];
  readonly constraint: CrdConstraint | undefined;
  readonly where: string;
}

/**
 * Derives what the full CRDs check at create time, beyond the compact schema, from the CRDs'
 * `openAPIV3Schema` walked side by side with the schema's definitions (`kinds`: `<Kind>` to its
 * root definition). Skipped: `status` (the API server ignores it on create when the status
 * subresource is on) and `metadata` (Kubernetes' own). Deterministic: same input, same output.
 */
export function deriveCrdConstraints(crds: readonly CrdDocument[], definitions: SchemaDefinitions, kinds: { readonly [kind: string]: string }): CrdConstraints {
  const occurrences: Occurrence[] = [];
  const opaque = new Set<string>();
  const derivedKinds: string[] = [];
  let transitionRules = 0;

  const visit = (crd: CrdSchemaNode, node: SchemaNode, anchor: string, where: string): void => {
    const anchors = [anchor];
    let target = node;
    while (target.$ref) {
      const name = target.$ref.substring(DEFINITION_REF.length);
      target = definitions[name];
      if (!target) throw new Error(`${where}: $ref to a missing definition ${name}`);
      anchors.push(name);
    }
    if (crd['x-kubernetes-preserve-unknown-fields']) {
      if (constraintAt(crd, target, where) || crd.properties || crd.items) {
        throw new Error(`${where}: the CRD keeps unknown fields here and also constrains the node; src/schema/crd-constraints.ts would lose that`);
      }
      opaque.add(anchors[0]);
      return;
    }
    for (const keyword of Object.keys(crd)) {
      if (!NOT_CONSTRAINTS.has(keyword) && !(COPIED as readonly string[]).includes(keyword)) {
        throw new Error(`${where}: CRD keyword "${keyword}" is not checked; teach src/schema/crd-check.ts to check it `
          + '(or list it in NOT_CONSTRAINTS of src/schema/crd-constraints.ts if it constrains nothing on create)');
      }
    }
    if (crd.anyOf !== undefined && JSON.stringify(crd.anyOf) !== INT_OR_STRING_ANY_OF) {
      throw new Error(`${where}: anyOf ${JSON.stringify(crd.anyOf)} is not the int-or-string form this check understands`);
    }
    const constraint = constraintAt(crd, target, where);
    transitionRules += (crd['x-kubernetes-validations'] ?? []).filter(isTransitionRule).length;
    occurrences.push({ anchors, constraint, where });

    if (crd.properties) {
      for (const [key, child] of Object.entries(crd.properties)) {
        const schemaChild = target.properties && Object.hasOwn(target.properties, key) ? target.properties[key] : undefined;
        if (!schemaChild) throw new Error(`${where}.${key}: the CRD has a field the schema does not know; the schema check would refuse it`);
        visit(child, schemaChild, `${anchors[anchors.length - 1]}/properties/${escape(key)}`, `${where}.${key}`);
      }
    }
    if (crd.items) {
      if (!target.items) throw new Error(`${where}: the CRD describes list items the schema does not; their constraints would be lost`);
      visit(crd.items, target.items, `${anchors[anchors.length - 1]}/items`, `${where}[]`);
    }
    if (crd.additionalProperties && typeof crd.additionalProperties === 'object') {
      if (typeof target.additionalProperties !== 'object') throw new Error(`${where}: the CRD describes map values the schema does not; their constraints would be lost`);
      visit(crd.additionalProperties, target.additionalProperties, `${anchors[anchors.length - 1]}/additionalProperties`, `${where}.*`);
    }
  };

  for (const crd of [...crds].sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)))) {
    if (crd.kind !== 'CustomResourceDefinition') continue;
    const kind = crd.spec?.names?.kind;
    const version = (crd.spec?.versions ?? []).find(v => v.name === 'v1alpha1');
    const root = version?.schema?.openAPIV3Schema;
    if (!kind || !root) throw new Error(`${crd.metadata?.name}: no v1alpha1 openAPIV3Schema`);
    const rootDefinition = kinds[kind];
    if (!rootDefinition) throw new Error(`${crd.metadata?.name}: the schema has no kind ${kind}`);
    derivedKinds.push(kind);
    const schemaRoot = definitions[rootDefinition];
    const rootKeywords = Object.keys(root).filter(k => !['description', 'type', 'properties', 'required'].includes(k));
    if (rootKeywords.length) throw new Error(`${kind}: the CRD constrains the object's root (${rootKeywords.join(', ')}), which this derivation does not read`);
    for (const [key, child] of Object.entries(root.properties ?? {})) {
      if (key === 'status' || key === 'metadata' || key === 'apiVersion' || key === 'kind') continue;
      const schemaChild = schemaRoot.properties?.[key];
      if (!schemaChild) throw new Error(`${kind}.${key}: the CRD has a field the schema does not know`);
      visit(child, schemaChild, `${rootDefinition}/properties/${escape(key)}`, `${kind}.${key}`);
    }
    const rootRequired = (root.required ?? []).filter(f => f !== 'metadata' && !(schemaRoot.required ?? []).includes(f));
    if (rootRequired.length) occurrences.push({ anchors: [rootDefinition], constraint: { required: rootRequired }, where: kind });
  }

  return { kinds: derivedKinds.sort(), constraints: assign(occurrences, opaque), opaque: [...opaque].sort(), transitionRules };
}

/**
 * Each occurrence's constraint goes to its innermost anchor (the definition a `$ref` leads to)
 * when every occurrence of that anchor agrees, else to the anchor of the node holding the `$ref`.
 */
function assign(occurrences: readonly Occurrence[], opaque: ReadonlySet<string>): { [anchor: string]: CrdConstraint } {
  const byAnchor = new Map<string, Set<string>>();
  for (const o of occurrences) {
    for (const a of o.anchors) {
      let seen = byAnchor.get(a);
      if (!seen) byAnchor.set(a, seen = new Set());
      seen.add(JSON.stringify(o.constraint ?? null));
    }
  }
  const out = new Map<string, CrdConstraint>();
  for (const o of occurrences) {
    if (!o.constraint) continue;
    const anchor = [...o.anchors].reverse().find(a => byAnchor.get(a)!.size === 1);
    if (!anchor) {
      throw new Error(`${o.where}: the CRD constrains ${o.anchors.join(' / ')} differently at different places; `
        + 'src/schema/crd-constraints.ts cannot place the constraint on one schema node');
    }
    if (opaque.has(anchor)) continue;
    out.set(anchor, o.constraint);
  }
  const sorted: { [anchor: string]: CrdConstraint } = {};
  for (const key of [...out.keys()].sort()) sorted[key] = out.get(key)!;
  return sorted;
}

function constraintAt(crd: CrdSchemaNode, schema: SchemaNode, where: string): CrdConstraint | undefined {
  const out: { [key: string]: unknown } = {};
  const schemaRequired = new Set(schema.required ?? []);
  const required = (crd.required ?? []).filter(f => !schemaRequired.has(f));
  if (required.length) out.required = required;
  const crdType = crd['x-kubernetes-int-or-string'] ? ['integer', 'string'] : crd.type;
  if (crdType !== undefined && narrower(crdType, schema.type)) out.type = crdType;
  for (const keyword of COPIED) {
    if (crd[keyword] === undefined) continue;
    if (keyword === 'enum' && JSON.stringify(crd.enum) === JSON.stringify(schema.enum)) continue;
    if (keyword === 'pattern') {
      try {
        new RegExp(String(crd.pattern), 'u');
      } catch (e) {
        throw new Error(`${where}: pattern ${JSON.stringify(crd.pattern)} is not a JavaScript regular expression (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    out[keyword] = crd[keyword];
  }
  if (typeof crd.format === 'string' && CHECKED_FORMATS.has(crd.format)) out.format = crd.format;
  const rules = (crd['x-kubernetes-validations'] ?? []).filter(r => !isTransitionRule(r)).map(r => {
    const rule: { [key: string]: string } = { rule: r.rule };
    for (const key of ['message', 'messageExpression', 'fieldPath', 'reason'] as const) {
      const value = r[key];
      if (typeof value === 'string') rule[key] = value;
    }
    return rule;
  });
  if (rules.length) out.rules = rules;
  return Object.keys(out).length ? out as CrdConstraint : undefined;
}

/** True when the CRD's type admits fewer values than the schema's (`string` against string|number|boolean). */
function narrower(crdType: string | readonly string[], schemaType: SchemaNode['type']): boolean {
  if (schemaType === undefined) return false;
  const crd = new Set(Array.isArray(crdType) ? crdType : [crdType]);
  if (crd.has('number')) crd.add('integer');
  const schema = Array.isArray(schemaType) ? schemaType : [schemaType];
  return schema.some(t => !crd.has(t));
}

/** A rule that compares with the previous object: it applies to updates only. */
export function isTransitionRule(rule: CelRule): boolean {
  return /\boldSelf\b/.test(rule.rule) || /\boldSelf\b/.test(rule.messageExpression ?? '');
}

/** JSON pointer escaping of one property name. */
export function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
