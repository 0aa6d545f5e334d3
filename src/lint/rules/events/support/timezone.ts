import { isValidTimeZone } from '../../../util/timezone';

/**
 * Why Go's `time.LoadLocation` would reject `name`, or undefined when it loads. An empty
 * name is UTC for Argo Events' `timezone` fields.
 */
export function timeZoneProblem(name: string): string | undefined {
  if (name === '' || isValidTimeZone(name)) return undefined;
  return `"${name}" is not an IANA time zone (e.g. "America/New_York", "Europe/Paris", "UTC"; names are case-sensitive)`;
}
