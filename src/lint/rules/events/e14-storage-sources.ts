import { parseGoDuration } from '../../util/duration';
import { isBlank, isObject, listOf } from './support/json';
import { robfigCronProblem } from './support/robfig-cron';
import { SOURCE_REJECTED, SourceCheck } from './support/source-check';
import { timeZoneProblem } from './support/timezone';

const FILE_OPERATIONS = ['CREATE', 'REMOVE', 'WRITE', 'RENAME', 'CHMOD'];

/** Object stores, file systems, the Kubernetes API and the calendar (pkg/eventsources/sources/<kind>/validate.go). */
export const STORAGE_SOURCE_CHECKS: { readonly [kind: string]: SourceCheck } = {
  calendar(c) {
    const schedule = c.value('schedule');
    const interval = c.value('interval');
    if (isBlank(schedule) && isBlank(interval)) {
      c.reportMessage('', `calendar event has neither schedule nor interval: ${SOURCE_REJECTED} ("must have either schedule or interval"). Set schedule (cron, e.g. "0 * * * *") or interval (e.g. "10s").`);
    }
    if (typeof schedule === 'string' && schedule !== '') {
      const problem = robfigCronProblem(schedule);
      if (problem) c.reportMessage('schedule', `invalid schedule "${schedule}" (${problem}): ${SOURCE_REJECTED} ("failed to parse schedule"). Use 5 cron fields, e.g. "30 2 * * *".`);
    } else if (typeof interval === 'string' && interval !== '') {
      // Argo only reads interval when there is no schedule.
      const duration = parseGoDuration(interval);
      if (!duration.ok) {
        c.reportMessage('interval', `invalid interval "${interval}" (${duration.reason}): ${SOURCE_REJECTED} ("failed to parse interval"). Use a Go duration such as "30s", "5m" or "1h30m" (no days).`);
      } else if (duration.seconds <= 0) {
        c.reportMessage('interval', `interval "${interval}" is not positive: Argo accepts it, but the event source then emits events in a tight loop. Use a positive duration such as "30s".`);
      }
    }
    const timezone = c.value('timezone');
    const zoneProblem = typeof timezone === 'string' ? timeZoneProblem(timezone) : undefined;
    if (zoneProblem) c.reportMessage('timezone', `${zoneProblem}: Argo accepts the EventSource, but the calendar fails to load the location when it starts and never emits. Use an IANA zone name.`);
  },
  minio(c) {
    c.requireSet('accessKey', "access key can't be empty", 'Reference the Secret key holding the access key.');
    c.requireSet('secretKey', "secret key can't be empty", 'Reference the Secret key holding the secret key.');
    c.requireText('endpoint', "endpoint url can't be empty", 'Set the MinIO endpoint, e.g. minio-service.argo-events:9000.');
    if (isObject(c.value('bucket'))) c.requireText('bucket.name', "bucket name can't be empty", 'Name the bucket to watch.');
    listOf(c.value('events')).forEach((event, i) => {
      if (isBlank(event)) c.report(`events.${i}`, 'unknown event ', 'Name the notification, e.g. s3:ObjectCreated:Put, or remove the entry.');
    });
  },
  file(c) {
    c.requireText('eventType', 'type must be specified', 'Set eventType, e.g. CREATE.');
    c.watchPath('watchPathConfig');
  },
  sftp(c) {
    c.requireText('eventType', 'type must be specified', 'Set eventType, e.g. CREATE.');
    c.watchPath('watchPathConfig');
  },
  hdfs(c) {
    if (!c.requireText('type', 'type is required', `Set type to one of ${FILE_OPERATIONS.join(', ')} (several joined with "|").`)) return;
    if (!String(c.value('type')).split('|').some(op => FILE_OPERATIONS.includes(op))) {
      return c.report('type', 'type is invalid', `Use ${FILE_OPERATIONS.join(', ')} (several joined with "|").`);
    }
    const interval = c.value('checkInterval');
    if (!isBlank(interval) && !parseGoDuration(String(interval)).ok) return c.report('checkInterval', 'failed to parse interval', 'Write a Go duration such as "1m".');
    c.watchPath('');
    if (listOf(c.value('addresses')).length === 0) c.report('addresses', 'addresses is required', 'List the namenode addresses, e.g. [my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020].');
    const ccache = !c.unset('krbCCacheSecret');
    const keytab = !c.unset('krbKeytabSecret');
    if (c.blank('hdfsUser') && !ccache && !keytab) {
      c.report('', 'either hdfsUser, krbCCacheSecret or krbKeytabSecret is required', 'Set hdfsUser, or the Kerberos credentials.');
    }
    if (keytab && (c.blank('krbServicePrincipalName') || c.unset('krbConfigConfigMap') || c.blank('krbUsername') || c.blank('krbRealm'))) {
      c.report('krbKeytabSecret', 'krbServicePrincipalName, krbConfigConfigMap, krbUsername and krbRealm are required with krbKeytabSecret', 'Set the missing Kerberos fields.');
    } else if (ccache && (c.blank('krbServicePrincipalName') || c.unset('krbConfigConfigMap'))) {
      c.report('krbCCacheSecret', 'krbServicePrincipalName and krbConfigConfigMap are required with krbCCacheSecret', 'Set the missing Kerberos fields.');
    }
  },
  resource(c) {
    c.requireText('version', 'version must be specified', 'Set the API version of the resource, e.g. v1.');
    c.requireText('resource', 'resource must be specified', 'Set the plural resource name, e.g. pods.');
    c.requireSet('eventTypes', 'event types must be specified', 'List the event types, e.g. [ADD, UPDATE].');
    for (const list of ['labels', 'fields'] as const) {
      listOf(c.value(`filter.${list}`)).forEach((selector, i) => {
        if (!isObject(selector) || isBlank(selector.key)) c.report(`filter.${list}.${i}.key`, "key can't be empty for selector", 'Set the key to select on.');
      });
    }
  },
};
