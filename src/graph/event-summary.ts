import { isObject, JsonObject, listOf } from '../lint/rules/events/support/json';
import { addProperty, listText, nonEmpty, scalarText } from './text';

/** Fields that say where an event comes from, by preference, for source kinds without a special case. */
const WHERE_FIELDS = ['topic', 'topicArn', 'topics', 'queue', 'queueName', 'subject', 'channel', 'channels', 'streams', 'exchangeName',
  'hubName', 'bucket', 'url', 'serverURL', 'fqdn', 'host', 'directory', 'path', 'projectID'];

/** The line under an event's name: endpoint, schedule, topic... */
export function eventDetails(sourceKind: string, event: JsonObject): string[] {
  const hook = sourceKind === 'webhook' ? event : isObject(event.webhook) ? event.webhook : undefined;
  if (sourceKind === 'webhook') return [endpointText(hook!)];
  if (sourceKind === 'calendar') {
    const when = nonEmpty(event.schedule) ?? (nonEmpty(event.interval) ? `every ${event.interval}` : undefined) ?? 'no schedule';
    return [`calendar ${when}${nonEmpty(event.timezone) ? ` ${event.timezone}` : ''}`];
  }
  if (sourceKind === 'resource') {
    const gvr = [nonEmpty(event.group), nonEmpty(event.version)].filter(Boolean).join('/');
    return [`resource ${[gvr, nonEmpty(event.resource), listOf(event.eventTypes).join('|')].filter(Boolean).join(' ')}`];
  }
  const where = whereText(event);
  const lines = [`${sourceKind}${where ? ` ${where}` : ''}`];
  if (hook) lines.push(`webhook ${endpointText(hook)}`);
  return lines;
}

/** Facts about an event for the details panel. */
export function eventProperties(sourceKind: string, event: JsonObject): [string, string][] {
  const props: [string, string][] = [['source', sourceKind]];
  for (const [key, value] of Object.entries(event)) {
    if (isSecretSelector(value)) {
      props.push([key, `Secret ${value.name} key ${value.key}`]);
    } else if (typeof value !== 'object' || value === null) {
      addProperty(props, key, value);
    } else if (key === 'webhook' && isObject(value)) {
      props.push(['webhook', endpointText(value)]);
    } else {
      const text = scalarText(value);
      if (text && text.length <= 200) props.push([key, text]);
    }
  }
  return props;
}

/** `POST :12000/path`, with the URL when it is set. */
function endpointText(hook: JsonObject): string {
  const method = nonEmpty(hook.method) ?? '';
  const port = scalarText(hook.port);
  return `${method}${method ? ' ' : ''}${port ? `:${port}` : ''}${nonEmpty(hook.endpoint) ?? ''}`.trim() || 'webhook';
}

function whereText(event: JsonObject): string | undefined {
  if (listOf(event.repositories).length) {
    return listText(listOf(event.repositories).flatMap(r => {
      const names = listOf(r?.names).length ? listOf(r.names) : [r?.repositorySlug ?? r?.name].filter(Boolean);
      return names.map(n => (r?.owner ? `${r.owner}/${n}` : r?.projectKey ? `${r.projectKey}/${n}` : String(n)));
    }), 2);
  }
  if (listOf(event.projects).length) return listText(listOf(event.projects).map(String), 2);
  for (const field of WHERE_FIELDS) {
    const value = event[field];
    if (isObject(value) && typeof value.name === 'string') return value.name;
    if (Array.isArray(value) && value.length) return listText(value.map(v => String(isObject(v) ? v.name ?? JSON.stringify(v) : v)), 2);
    const text = nonEmpty(value);
    if (text) return text;
  }
  if (isObject(event.watchPathConfig)) return [event.watchPathConfig.directory, event.watchPathConfig.path].filter(Boolean).join('');
  return undefined;
}

function isSecretSelector(value: unknown): value is { name: string; key: string } {
  return isObject(value) && typeof value.name === 'string' && typeof value.key === 'string' && Object.keys(value).every(k => ['name', 'key', 'optional'].includes(k));
}

/** `body.size = tall|grande && expr ...`: a dependency's filters in one line. */
export function filterSummary(dependency: JsonObject): string | undefined {
  const filters = dependency.filters;
  if (!isObject(filters)) return undefined;
  const parts: string[] = [];
  const data = listOf(filters.data).filter(isObject).map(d => `${d.path ?? '?'} ${d.comparator ?? '='} ${listOf(d.value).join('|') || d.template || '?'}`);
  if (data.length) parts.push(data.join(filters.dataLogicalOperator === 'or' ? ' || ' : ' && '));
  const exprs = listOf(filters.exprs).filter(isObject).map(e => String(e.expr ?? '?'));
  if (exprs.length) parts.push(exprs.join(filters.exprLogicalOperator === 'or' ? ' || ' : ' && '));
  if (isObject(filters.time)) parts.push(`time ${filters.time.start ?? '?'}-${filters.time.stop ?? '?'}`);
  if (isObject(filters.context)) {
    const context = Object.entries(filters.context).filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k}=${v}`);
    if (context.length) parts.push(`context ${context.join(' ')}`);
  }
  if (nonEmpty(filters.script)) parts.push('script');
  if (parts.length === 0) return undefined;
  return parts.join(filters.logicalOperator === 'or' ? ' || ' : ' && ');
}

/** JetStream 2.10.10 ×3, NATS native, Kafka url... */
export function eventBusDetails(bus: JsonObject): string[] {
  const spec = isObject(bus.spec) ? bus.spec : {};
  if (isObject(spec.jetstream)) return [`JetStream ${spec.jetstream.version ?? ''} ×${spec.jetstream.replicas ?? 3}`.replace('  ', ' ')];
  if (isObject(spec.jetstreamExotic)) return [`JetStream (exotic) ${spec.jetstreamExotic.url ?? ''}`.trim()];
  if (isObject(spec.nats)) return [isObject(spec.nats.native) ? 'NATS streaming (native)' : `NATS streaming (exotic) ${spec.nats.exotic?.url ?? ''}`.trim()];
  if (isObject(spec.kafka)) return [`Kafka ${spec.kafka.url ?? ''}`.trim()];
  return ['no backend'];
}
