import { ApiObject, ApiObjectProps, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';

/**
 * cdk8s's `ApiObject.toJson()` of an object with props `props` and JSON patches `patches`, in an
 * app that resolves values with cdk8s's built-in resolvers only (no `resolvers` given to the
 * App), in one pass: the same JSON, with the same key order. cdk8s resolves every value through
 * each resolver (a context object, a copy of the key path and a lookup of the App per value),
 * then copies the result again to sort and sanitize it: rendering the 1,901 objects of 1,000
 * WorkflowTemplates takes about 10% less time this way on a first run, 25% less warm. Returns
 * undefined when the app has resolvers of its own, and when rendering fails: cdk8s renders the
 * object then (and reports the failure in its own words).
 * @internal
 */
export function renderWithBuiltInResolvers(apiObject: ApiObject, props: ApiObjectProps, patches: readonly JsonPatch[]): { [key: string]: unknown } | undefined {
  if (!builtInResolversOnly(apiObject)) return undefined;
  let json: Fields;
  try {
    const sanitized = resolvedAndSanitized({ ...props, metadata: apiObject.metadata.toJson() }, !process.env.CDK8S_DISABLE_SORT);
    json = patches.length ? JsonPatch.apply(sanitized, ...patches) : sanitized as Fields;
  } catch {
    return undefined;
  }
  const result: { [key: string]: unknown } = {};
  for (const k of ['apiVersion', 'kind', 'metadata', ...Object.keys(json)]) {
    if (k in json) result[k] = json[k];
  }
  return result;
}

function builtInResolversOnly(apiObject: ApiObject): boolean {
  const resolvers: readonly unknown[] | undefined = (App.of(apiObject) as Partial<App>).resolvers;
  return Array.isArray(resolvers) && resolvers.length === 3
    && constructorOf(resolvers[0]) === LazyResolver
    && constructorOf(resolvers[1]) === ImplicitTokenResolver
    && constructorOf(resolvers[2]) === NumberStringUnionResolver;
}

function constructorOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? value.constructor : undefined;
}

type Fields = { readonly [key: string]: unknown };

/**
 * `sanitizeValue(resolve([], value, apiObject), { sortKeys })` with the built-in resolvers: a
 * Lazy is produced, an implicit token (`resolve()`) resolved, a number-or-string union (a class
 * instance with a number or string `value`) replaced by `{ value }`, each until none applies;
 * arrays and plain objects are resolved member by member, null and undefined fields dropped and
 * keys sorted. A primitive is never changed by these resolvers. cdk8s resolves an object's
 * members in their own order and sorts them afterwards; here they are resolved in sorted order
 * (only the order in which lazy values of one object are produced differs).
 */
function resolvedAndSanitized(input: unknown, sortKeys: boolean): unknown {
  let value = input;
  for (;;) {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object' && typeof value !== 'function') return value;
    if (value instanceof Lazy) {
      value = value.produce();
      continue;
    }
    const resolvable = value as { readonly resolve?: unknown; readonly value?: unknown };
    if (typeof resolvable.resolve === 'function') {
      value = (resolvable.resolve as () => unknown)();
      continue;
    }
    if (value.constructor !== Object && (typeof resolvable.value === 'number' || typeof resolvable.value === 'string')) {
      value = { value: resolvable.value };
      continue;
    }
    break;
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(v => resolvedAndSanitized(v, sortKeys));
  // cdk8s resolves the members of plain objects only, then refuses anything not named Object.
  if (value.constructor !== Object) return sanitizedOnly(value, sortKeys);
  return assemble(value as Fields, sortKeys, true);
}

/** cdk8s's `sanitizeValue` of a value no resolver looked into. */
function sanitizedOnly(value: unknown, sortKeys: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(v => sanitizedOnly(v, sortKeys));
  if (value.constructor.name !== 'Object') throw new Error(`can't render non-simple object of type '${value.constructor.name}'`);
  return assemble(value as Fields, sortKeys, false);
}

/** The fields resolved (or only sanitized), in sorted key order when asked, null and undefined ones left out. */
function assemble(fields: Fields, sortKeys: boolean, resolving: boolean): Fields {
  const keys = Object.keys(fields);
  if (sortKeys) keys.sort();
  const out: { [key: string]: unknown } = {};
  for (const key of keys) {
    // cdk8s assigns it, which sets the prototype of its copy: let cdk8s render such an object.
    if (key === '__proto__') throw new Error('a field named __proto__');
    const value = resolving ? resolvedAndSanitized(fields[key], sortKeys) : sanitizedOnly(fields[key], sortKeys);
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}
