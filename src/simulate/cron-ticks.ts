import { wallClock } from './time-zones';

const MONTHS: { [k: string]: number } = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: { [k: string]: number } = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

interface Field {
  readonly values: ReadonlySet<number>;
  /** True when the field is `*` or `?` (matters for the day-of-month / day-of-week rule). */
  readonly star: boolean;
}

function parseField(text: string, min: number, max: number, names?: { [k: string]: number }): Field | undefined {
  const values = new Set<number>();
  const value = (s: string) => (names && names[s.toLowerCase()] !== undefined ? names[s.toLowerCase()] : /^\d+$/.test(s) ? Number(s) : NaN);
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!(step > 0)) return undefined;
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      [lo, hi] = range.split('-').map(value);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    if (Number.isNaN(lo) || Number.isNaN(hi) || lo < min || hi > max || lo > hi) return undefined;
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star: text === '*' || text === '?' || text.startsWith('*/') };
}

/** A five-field cron schedule (robfig/cron, as Argo Events' conditionsReset parses it). */
export interface CronSchedule {
  matches(ms: number): boolean;
}

/** Parses `minute hour dom month dow`; undefined when it does not parse. */
export function parseSchedule(spec: string, zone: string): CronSchedule | undefined {
  const fields = spec.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = [
    parseField(fields[0], 0, 59), parseField(fields[1], 0, 23), parseField(fields[2], 1, 31), parseField(fields[3], 1, 12, MONTHS), parseField(fields[4], 0, 6, DAYS),
  ];
  if (!minute || !hour || !dom || !month || !dow) return undefined;
  return {
    matches(ms: number): boolean {
      const w = wallClock(ms, zone);
      if (!minute.values.has(w.minute) || !hour.values.has(w.hour) || !month.values.has(w.month)) return false;
      const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
      const domOk = dom.values.has(w.day);
      const dowOk = dow.values.has(weekday);
      return dom.star || dow.star ? domOk && dowOk : domOk || dowOk;
    },
  };
}

const MINUTE = 60000;
const LIMIT = 60 * 24 * 400;

/** True when the schedule ticks in (after, upTo]: a minute boundary after `after`, at or before `upTo`. */
export function ticksBetween(schedule: CronSchedule, after: number, upTo: number): boolean {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; t <= upTo && i < LIMIT; i++, t += MINUTE) if (schedule.matches(t)) return true;
  return t <= upTo;
}
