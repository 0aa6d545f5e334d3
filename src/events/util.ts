import { Duration } from 'cdk8s';

/**
 * A duration as Go's `time.ParseDuration` reads it (`30s`, `5m`, `2h`, `250ms`): the form Argo
 * Events expects for intervals and backoff durations.
 */
export function goDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`a duration must be a whole, non-negative number of milliseconds, got ${ms}ms`);
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** Go's `http.CanonicalHeaderKey`: `x-api-token` -> `X-Api-Token`, the key the webhook server stores. */
export function canonicalHeaderKey(name: string): string {
  return name.split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join('-');
}

/**
 * The resource (plural) Argo Events derives from a kind when it calls the API for a k8s trigger
 * (gengo's all-lowercase plural namer, with EventBus as its one exception).
 */
export function pluralResource(kind: string): string {
  if (kind === 'EventBus') return 'eventbus';
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** Splits an apiVersion into its API group (`''` for the core group) and version. */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.substring(0, slash);
}
