/** Result of parsing a duration string. */
export type DurationCheck = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly reason: string };

const UNIT_SECONDS: { readonly [unit: string]: number } = {
  'ns': 1e-9, 'us': 1e-6, 'µs': 1e-6, 'μs': 1e-6, 'ms': 1e-3, 's': 1, 'm': 60, 'h': 3600,
};
const COMPONENT = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/;

/**
 * Parses a duration the way Go's `time.ParseDuration` does (what Argo uses for `timeout`,
 * `@every`, ...): a signed sequence of decimal numbers with units ns, us, ms, s, m, h, e.g.
 * `90s`, `1h30m`, `1.5h`; `0` alone is allowed. A bare number such as `30` is rejected.
 */
export function parseGoDuration(text: string): DurationCheck {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'empty duration' };
  let rest = text;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, seconds: 0 };
  if (rest === '') return { ok: false, reason: `invalid duration "${text}"` };
  let seconds = 0;
  while (rest) {
    const match = COMPONENT.exec(rest);
    if (!match || (match[1] === '' && !match[2])) {
      return { ok: false, reason: /^\d+(\.\d*)?$/.test(rest) ? `missing unit in duration "${text}" (e.g. "${rest}s")` : `invalid duration "${text}"` };
    }
    const factor = UNIT_SECONDS[match[3]];
    if (factor === undefined) return { ok: false, reason: `unknown unit "${match[3]}" in duration "${text}" (use ns, us, ms, s, m or h)` };
    seconds += Number(`${match[1] || '0'}.${match[2] || '0'}`) * factor;
    rest = rest.slice(match[0].length);
  }
  return { ok: true, seconds: sign * seconds };
}
