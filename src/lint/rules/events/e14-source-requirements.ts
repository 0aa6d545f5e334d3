import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { parseGoDuration } from '../../util/duration';
import { JsonObject, entriesOf, isBlank, isObject } from './support/json';
import { robfigCronProblem } from './support/robfig-cron';
import { timeZoneProblem } from './support/timezone';

const REJECTED = 'the controller rejects the EventSource';

const CHECKS: { readonly [kind: string]: (ctx: RuleContext, source: JsonObject, path: string) => void } = {
  calendar(ctx, source, path) {
    const { schedule, interval, timezone } = source;
    if (isBlank(schedule) && isBlank(interval)) {
      ctx.report(path, `calendar event has neither schedule nor interval: ${REJECTED} ("must have either schedule or interval"). Set schedule (cron, e.g. "0 * * * *") or interval (e.g. "10s").`);
    }
    if (typeof schedule === 'string' && schedule !== '') {
      const problem = robfigCronProblem(schedule);
      if (problem) ctx.report(childPath(path, 'schedule'), `invalid schedule "${schedule}" (${problem}): ${REJECTED} ("failed to parse schedule"). Use 5 cron fields, e.g. "30 2 * * *".`);
    } else if (typeof interval === 'string' && interval !== '') {
      // Argo only reads interval when there is no schedule.
      const duration = parseGoDuration(interval);
      if (!duration.ok) {
        ctx.report(childPath(path, 'interval'), `invalid interval "${interval}" (${duration.reason}): ${REJECTED} ("failed to parse interval"). Use a Go duration such as "30s", "5m" or "1h30m" (no days).`);
      } else if (duration.seconds <= 0) {
        ctx.report(childPath(path, 'interval'), `interval "${interval}" is not positive: Argo accepts it, but the event source then emits events in a tight loop. Use a positive duration such as "30s".`);
      }
    }
    const zoneProblem = typeof timezone === 'string' ? timeZoneProblem(timezone) : undefined;
    if (zoneProblem) ctx.report(childPath(path, 'timezone'), `${zoneProblem}: Argo accepts the EventSource, but the calendar fails to load the location when it starts and never emits. Use an IANA zone name.`);
  },
  generic(ctx, source, path) {
    for (const [field, what] of [['url', 'the gRPC server address'], ['config', 'the configuration passed to the server']] as const) {
      if (isBlank(source[field])) ctx.report(childPath(path, field), `generic event source has no ${field}: ${REJECTED}. Set ${what}.`);
    }
  },
  kafka(ctx, source, path) {
    for (const [field, what] of [['url', 'the broker address(es)'], ['topic', 'the topic to consume']] as const) {
      if (isBlank(source[field])) ctx.report(childPath(path, field), `kafka event source has no ${field}: ${REJECTED} ("${field} must be specified"). Set ${what}.`);
    }
    if (isBlank(source.partition) && !isObject(source.consumerGroup)) {
      ctx.report(path, `kafka event source has neither consumerGroup nor partition: ${REJECTED} ("consumerGroup or partition must be specified"). Set consumerGroup.groupName (or a partition).`);
    }
  },
};

/** E14: calendar events have a valid schedule or interval; generic needs url and config; kafka needs url, topic and consumerGroup or partition. */
export const E14_SOURCE_REQUIREMENTS: Rule = {
  id: 'E14',
  description: 'calendar events have a schedule or interval; generic events url and config; kafka events url, topic and consumerGroup or partition',
  kinds: ['EventSource'],
  check(ctx) {
    for (const [kind, check] of Object.entries(CHECKS)) {
      for (const [name, source] of entriesOf(ctx.manifest.spec?.[kind])) {
        if (isObject(source)) check(ctx, source, fieldPath('spec', kind, name));
      }
    }
  },
};
