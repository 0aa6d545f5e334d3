/**
 * `value` without the undefined fields of its plain objects, at every depth (other values, such
 * as a Lazy or a class instance, are kept as they are). The L1 objects the constructs produce are
 * mostly undefined fields (two of every three at N=1000 WorkflowTemplates), and cdk8s resolves,
 * then sanitizes, every field of a manifest before dropping the undefined ones: producers return
 * this instead, which cdk8s renders to the same JSON with a third of the work.
 * @internal
 */
export function withoutUndefined<T>(value: T): T {
  return compact(value) as T;
}

function compact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(compact);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    const field = (value as { readonly [key: string]: unknown })[key];
    if (field !== undefined) out[key] = compact(field);
  }
  return out;
}

/**
 * Sets `field` of an L1 object being rendered only when `value` is defined. Renderers of objects
 * made by the thousand (templates, containers) build them field by field with it: an object
 * literal naming every field the type has, most of them undefined, costs its own construction and
 * the compaction after it (measured: about a fifth of the warm render of 1,000 WorkflowTemplates).
 * @internal
 */
export function setDefined(target: { [field: string]: unknown }, field: string, value: unknown): void {
  if (value !== undefined) target[field] = value;
}
