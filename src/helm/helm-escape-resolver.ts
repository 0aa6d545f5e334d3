import { helmEscape } from './helm-escape';

/**
 * The part of cdk8s's `ResolutionContext` (cdk8s >= 2.65) the resolver uses, declared here so
 * that the package's declarations do not need a cdk8s with resolvers.
 */
export interface ValueResolution {
  readonly obj: object;
  readonly key: readonly string[];
  readonly value: unknown;
  replaceValue(newValue: unknown): void;
}

/**
 * A cdk8s value resolver that escapes every `{{` of every string, and of every key, of every
 * ApiObject of the app (ours, cdk8s-plus's, a user's L1, an `Include`d file), for Helm
 * (helmEscape). cdk8s calls an app's resolvers on each value while an ApiObject renders
 * (`toJson()`), and resolves a replaced value again: the resolver knows its own output (the same
 * object and key path, the value it just wrote) and leaves it alone. A value escaped twice all
 * the same (a user's Lazy returning another object's rendered JSON) still holds an escape once
 * Helm rendered it, which the synth-time lint reports (ARGO-HELM-LEFTOVER).
 */
export class HelmEscapeResolver {
  /** The value written last, which cdk8s hands back at once. */
  private last?: { readonly obj: object; readonly key: readonly string[]; readonly value: string };
  /** Maps written with escaped keys (cdk8s resolves them again, then their values). */
  private readonly rewritten = new WeakSet<object>();

  public resolve(context: ValueResolution): void {
    const { value, key } = context;
    // Each toJson() starts at the root: nothing written before is handed back after that.
    if (key.length === 0) this.last = undefined;
    // An ApiObject's metadata is resolved (and so escaped) by metadata.toJson(), whose output
    // toJson() resolves again under `metadata`: escaping it twice would leave an escape after Helm.
    if (key[0] === 'metadata') return;
    if (typeof value === 'string') {
      const last = this.last;
      if (last && last.value === value && last.obj === context.obj && sameKey(last.key, key)) {
        this.last = undefined;
        return;
      }
      if (value.indexOf('{{') < 0) return;
      const escaped = helmEscape(value);
      this.last = { obj: context.obj, key, value: escaped };
      context.replaceValue(escaped);
      return;
    }
    if (value === null || typeof value !== 'object' || value.constructor !== Object || this.rewritten.has(value)) return;
    const map = value as { readonly [key: string]: unknown };
    const keys = Object.keys(map);
    if (!keys.some(k => k.indexOf('{{') >= 0)) return;
    const escaped: { [key: string]: unknown } = {};
    for (const k of keys) escaped[helmEscape(k)] = map[k];
    this.rewritten.add(escaped);
    context.replaceValue(escaped);
  }
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
