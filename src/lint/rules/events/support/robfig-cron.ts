import { parseCron } from '../../../util/cron';

/**
 * Why Argo Events' cron parser rejects `spec`, or undefined when it parses. Calendar
 * schedules and conditionsReset use robfig/cron with Minute|Hour|Dom|Month|Dow but without
 * the Descriptor option, so unlike Argo Workflows `@daily` and `@every 1h` are rejected.
 */
export function robfigCronProblem(spec: string): string | undefined {
  const schedule = spec.replace(/^(CRON_)?TZ=\S*\s+/, '').trim();
  if (schedule.startsWith('@')) {
    return `descriptors such as "${schedule.split(/\s/)[0]}" are not accepted here, only five fields ("0 0 * * *" is @daily)`;
  }
  const result = parseCron(spec.trim());
  return result.ok ? undefined : result.reason;
}
