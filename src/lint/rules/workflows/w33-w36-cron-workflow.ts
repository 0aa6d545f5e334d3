import { childPath } from '../../path';
import { Rule } from '../../types';
import { parseCron } from '../../util/cron';
import { isValidTimeZone } from '../../util/timezone';
import { asArray, str } from './model';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

/** W33: a CronWorkflow has at least one schedule in `spec.schedules` (v4 removed the singular `schedule`). */
export const W33_SCHEDULES = {
  id: 'W33',
  description: 'a CronWorkflow needs at least one schedule (spec.schedules)',
  kinds: ['CronWorkflow'],
  check(ctx) {
    const spec = ctx.manifest.spec ?? {};
    if (asArray(spec.schedules).length) return;
    if (typeof spec.schedule === 'string') {
      ctx.report('spec.schedule', 'Argo Workflows v4 removed the singular spec.schedule, so this CronWorkflow has no schedule: '
        + `Argo rejects it ("cron workflow must have at least one schedule"). Write schedules: ["${spec.schedule}"].`);
    } else {
      ctx.report('spec.schedules', 'the CronWorkflow has no schedule: Argo rejects it ("cron workflow must have at least one schedule"). '
        + 'Add spec.schedules, e.g. ["0 2 * * *"].');
    }
  },
} satisfies Rule;

/** W34: each schedule is a standard 5-field cron expression or an @-descriptor, as Argo's parser reads it. */
export const W34_CRON_SYNTAX = {
  id: 'W34',
  description: 'each schedule: standard 5-field cron or @-descriptor',
  kinds: ['CronWorkflow'],
  check(ctx) {
    asArray(ctx.manifest.spec?.schedules).forEach((schedule, i) => {
      const parsed = parseCron(schedule);
      if (parsed.ok) return;
      ctx.report(childPath('spec', 'schedules', i), `schedule ${JSON.stringify(schedule)} is malformed (${parsed.reason}): Argo rejects the CronWorkflow `
        + 'and never runs it. Use "minute hour day-of-month month day-of-week" (e.g. "0 2 * * *", "*/15 * * * mon-fri") or @hourly/@daily/@every 1h.');
    });
  },
} satisfies Rule;

/** W35: spec.timezone is a real IANA time zone. */
export const W35_TIMEZONE = {
  id: 'W35',
  description: 'timezone must be a real IANA zone',
  kinds: ['CronWorkflow'],
  check(ctx) {
    const zone = ctx.manifest.spec?.timezone;
    if (zone === undefined || zone === null || zone === '') return;
    if (typeof zone === 'string' && isValidTimeZone(zone)) return;
    ctx.report('spec.timezone', `timezone ${JSON.stringify(zone)} is not an IANA time zone: Argo rejects the CronWorkflow ("invalid timezone"). `
      + 'Use a name such as "Europe/Paris", "America/New_York" or "UTC" (names are case-sensitive).');
  },
} satisfies Rule;

/** W36: concurrencyPolicy is Allow, Forbid or Replace; startingDeadlineSeconds is not negative. */
export const W36_CONCURRENCY = {
  id: 'W36',
  description: 'concurrencyPolicy in Allow|Forbid|Replace; startingDeadlineSeconds >= 0',
  kinds: ['CronWorkflow'],
  check(ctx) {
    const spec = ctx.manifest.spec ?? {};
    const policy = spec.concurrencyPolicy;
    if (policy !== undefined && policy !== null && policy !== '' && !CONCURRENCY_POLICIES.includes(str(policy) ?? '')) {
      ctx.report('spec.concurrencyPolicy', `concurrencyPolicy ${JSON.stringify(policy)} is not valid: Argo rejects the CronWorkflow. `
        + `Use ${CONCURRENCY_POLICIES.join(', ')} (case-sensitive).`);
    }
    const deadline = spec.startingDeadlineSeconds;
    if (typeof deadline === 'number' && deadline < 0) {
      ctx.report('spec.startingDeadlineSeconds', `startingDeadlineSeconds is ${deadline}: Argo rejects the CronWorkflow ("startingDeadlineSeconds must be positive"). `
        + 'Use 0 or more seconds, or leave it unset.');
    }
  },
} satisfies Rule;
