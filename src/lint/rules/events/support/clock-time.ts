/**
 * Seconds since midnight of a time of day as Argo Events' time filter parses it (Go layout
 * `15:04:05`: hour of 1-2 digits, two-digit minutes and seconds, optional fraction), or
 * undefined when it does not parse.
 */
export function parseClockTime(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds + Number(match[4] ?? 0);
}
