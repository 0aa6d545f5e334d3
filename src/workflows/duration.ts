import { Duration } from 'cdk8s';

/**
 * A duration for Argo fields (`timeout`, backoff, suspend, podGC delay): a cdk8s `Duration`
 * (rendered in seconds, e.g. `30s`) or Argo's own string form (`"30s"`, `"2m"`, `"20"` meaning
 * seconds, or a `{{...}}` variable).
 */
export type ArgoDuration = Duration | string;

/** @internal */
export function renderDuration(d: ArgoDuration | undefined): string | undefined {
  if (d === undefined || typeof d === 'string') return d;
  return `${d.toSeconds()}s`;
}
