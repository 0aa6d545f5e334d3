/**
 * One `x-kubernetes-validations` entry of a CRD: a CEL expression over `self` the API server
 * evaluates on every create and update.
 */
export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  /** JSON path, relative to the node, of the field the API server names in the error. */
  readonly fieldPath?: string;
  readonly reason?: string;
}

/** A node of a CRD's structural schema (`openAPIV3Schema`), as parsed from YAML. */
export interface CrdSchemaNode {
  readonly type?: string;
  readonly format?: string;
  readonly properties?: { readonly [name: string]: CrdSchemaNode };
  readonly items?: CrdSchemaNode;
  readonly additionalProperties?: CrdSchemaNode | boolean;
  readonly required?: readonly string[];
  readonly anyOf?: readonly unknown[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-validations'?: readonly CelRule[];
  /** Every other structural-schema keyword (minimum, maxItems, nullable...). */
  readonly [keyword: string]: unknown;
}

/** A CustomResourceDefinition object as parsed from YAML. */
export interface CrdDocument {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string };
  readonly spec?: {
    readonly names?: { readonly kind?: string };
    readonly versions?: readonly { readonly name?: string; readonly schema?: { readonly openAPIV3Schema?: CrdSchemaNode } }[];
  };
}
