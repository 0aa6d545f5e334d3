/** Rule id of the findings from the full CRDs' constraints (the schema's own are rule SCHEMA). */
export const CRD_RULE_ID = 'CRD';

/** One place where a manifest breaks the schema. */
export interface SchemaViolation {
  /** Field path inside the manifest, e.g. `spec.templates[0].container.imagee`. */
  readonly path: string;
  /** What is wrong and, where known, how to fix it. */
  readonly message: string;
  /** `CRD` for what the full CRDs add (src/schema/crd-check.ts); undefined for the schema's own check. */
  readonly ruleId?: typeof CRD_RULE_ID;
  /** `warning` for a CRD rule that could not be evaluated; undefined for errors. */
  readonly severity?: 'warning';
}
