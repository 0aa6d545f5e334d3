const known = new Map<string, boolean>();

/**
 * True when Go's `time.LoadLocation` (what Argo and Argo Events use) accepts the name: an IANA
 * zone such as `Europe/Paris` or `America/New_York` (aliases such as `US/Eastern` included),
 * `UTC`, or `Local`. Names are case-sensitive, as zoneinfo file names are. The empty string is
 * not a zone here: callers decide whether an empty value means "unset".
 */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name === '') return false;
  let valid = known.get(name);
  if (valid === undefined) {
    valid = check(name);
    known.set(name, valid);
  }
  return valid;
}

let canonical: ReadonlySet<string> | undefined;

function check(name: string): boolean {
  if (name === 'UTC' || name === 'Local') return true;
  // ICU's canonical zone names: a set built in about a millisecond, where the first
  // Intl.DateTimeFormat costs a synth about ten (its locale data). Aliases are checked below.
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonical.has(name)) return true;
  // ICU also takes offsets such as "+05:00"; zoneinfo has no such file.
  if (!/^[A-Za-z]/.test(name)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // ICU matches case-insensitively; "europe/paris" is no zoneinfo file.
  return !(resolved !== name && resolved.toLowerCase() === name.toLowerCase());
}
