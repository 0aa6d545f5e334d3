import { parseGoDuration } from './duration';
import { isValidTimeZone } from './timezone';

/** Result of parsing a cron schedule. */
export type CronCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface FieldBounds {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly names?: { readonly [name: string]: number };
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAY_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly FieldBounds[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { label: 'day of week', min: 0, max: 6, names: DAY_NAMES },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const EVERY = '@every ';

const OK: CronCheck = Object.freeze({ ok: true });
const cache = new Map<string, CronCheck>();

/**
 * Parses a schedule exactly as Argo Workflows and Argo Events do (robfig/cron v3
 * `ParseStandard`): five fields `minute hour day-of-month month day-of-week` with `*`, `?`,
 * lists, ranges, steps and month/day names (`jan`, `mon-fri`), or a descriptor (`@daily`,
 * `@hourly`, `@every 1h30m`...), optionally prefixed by `CRON_TZ=<zone> ` or `TZ=<zone> `.
 * There is no seconds field, day of week runs 0-6 (7 is rejected), and `L`, `W`, `#` are not
 * supported.
 */
export function parseCron(expr: string): CronCheck {
  if (typeof expr !== 'string') return { ok: false, reason: 'a schedule must be a string' };
  let result = cache.get(expr);
  if (!result) {
    result = parse(expr);
    if (cache.size > 5000) cache.clear();
    cache.set(expr, result);
  }
  return result;
}

function parse(input: string): CronCheck {
  let spec = input;
  if (spec.length === 0) return { ok: false, reason: 'the schedule is empty' };
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    if (space < 0) return { ok: false, reason: `"${spec}" names a time zone but no schedule` };
    const zone = spec.slice(spec.indexOf('=') + 1, space);
    if (!isValidTimeZone(zone)) return { ok: false, reason: `unknown time zone "${zone}" in the ${spec.slice(0, spec.indexOf('='))}= prefix` };
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec);
  const fields = spec.split(/\s+/).filter(f => f !== '');
  if (fields.length !== FIELDS.length) {
    const hint = fields.length === 6 ? ' (Argo\'s cron has no seconds field)' : '';
    return { ok: false, reason: `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}${hint}` };
  }
  for (let i = 0; i < FIELDS.length; i++) {
    const reason = checkField(fields[i], FIELDS[i]);
    if (reason) return { ok: false, reason: `${FIELDS[i].label} field "${fields[i]}": ${reason}` };
  }
  return OK;
}

function parseDescriptor(spec: string): CronCheck {
  if (DESCRIPTORS.has(spec)) return OK;
  if (spec.startsWith(EVERY)) {
    const duration = parseGoDuration(spec.slice(EVERY.length));
    return duration.ok ? OK : { ok: false, reason: `${duration.reason} after @every` };
  }
  return { ok: false, reason: `unrecognized descriptor "${spec}" (use @yearly, @monthly, @weekly, @daily, @hourly or @every <duration>)` };
}

function checkField(field: string, bounds: FieldBounds): string | undefined {
  for (const range of field.split(',')) {
    if (range === '') continue;
    const reason = checkRange(range, bounds);
    if (reason) return reason;
  }
  return undefined;
}

function checkRange(expr: string, bounds: FieldBounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    if (lowAndHigh.length > 2) return `too many hyphens in "${expr}"`;
    const low = parseIntOrName(lowAndHigh[0], bounds);
    if (typeof low === 'string') return low;
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1], bounds);
      if (typeof high === 'string') return high;
      end = high;
    }
  }
  let step = 1;
  if (rangeAndStep.length > 2) return `too many slashes in "${expr}"`;
  if (rangeAndStep.length === 2) {
    const parsed = parseNumber(rangeAndStep[1]);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = bounds.max; // "N/step" means "N-max/step"
  }
  if (start < bounds.min) return `${start} is below the minimum ${bounds.min}`;
  if (end > bounds.max) return `${end} is above the maximum ${bounds.max}`;
  if (start > end) return `range start ${start} is after its end ${end}`;
  if (step === 0) return 'the step must be a positive number';
  return undefined;
}

function parseIntOrName(text: string, bounds: FieldBounds): number | string {
  const named = bounds.names?.[text.toLowerCase()];
  return named !== undefined ? named : parseNumber(text);
}

function parseNumber(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `"${text}" is not a number${text === 'L' || text.includes('#') || text.endsWith('W') ? ' (L, W and # are not supported)' : ''}`;
  const value = Number(text);
  if (value < 0) return `negative number ${value} is not allowed`;
  return value;
}
