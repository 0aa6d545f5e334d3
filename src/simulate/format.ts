import { yaml } from '../lint/util/yaml';
import { DependencyResult, EventResult, FiredTrigger, SimulationResult } from './types';

const indent = (text: string, by: string) => text.replace(/\n$/, '').split('\n').map(l => by + l).join('\n');

function describeDependency(d: DependencyResult): string[] {
  const lines: string[] = [];
  const head = `dependency ${d.name}: ${d.matched ? 'matched' : 'not matched'}`;
  lines.push(head);
  if (d.transform) {
    if (d.transform.notSimulated) lines.push(`  transform (${d.transform.kind}): cannot simulate ${d.transform.notSimulated.what}${d.transform.notSimulated.why ? `: ${d.transform.notSimulated.why}` : ''}`);
    else if (d.transform.error) lines.push(`  transform (${d.transform.kind}) failed, the event is dropped: ${d.transform.error}`);
    else lines.push(`  transform (${d.transform.kind}): data is now ${d.event?.data}`);
  }
  const f = d.filters;
  if (f) {
    for (const c of f.checks) {
      const mark = c.pass === true ? 'pass' : c.pass === false ? 'FAIL' : 'skip';
      lines.push(`  ${mark} ${c.path}: ${c.reason}`);
    }
    if (f.notSimulated) lines.push(`  cannot simulate ${f.notSimulated.what}${f.notSimulated.why ? `: ${f.notSimulated.why}` : ''}: the dependency is reported as not matched`);
    if (f.error) lines.push(`  Argo Events logs: ${f.error}`);
  }
  return lines;
}

function describeFired(t: FiredTrigger): string[] {
  const what = [t.kind, t.operation].filter(Boolean).join(' ');
  const lines = [`trigger ${t.trigger} fires (${what}) on ${Object.keys(t.events).join(', ')}`];
  if (t.notSimulated) lines.push(`  cannot simulate ${t.notSimulated.what}${t.notSimulated.why ? `: ${t.notSimulated.why}` : ''}`);
  if (t.error) lines.push(`  the trigger fails: ${t.error}`);
  for (const n of t.notes) lines.push(`  note: ${n}`);
  if (t.resource) lines.push(indent(yaml().stringify(t.resource, { lineWidth: 0 }), '    '));
  else if (t.payload !== undefined) lines.push(`  payload: ${t.payload}`);
  else if (!t.error && !t.notSimulated) lines.push(indent(yaml().stringify(t.template, { lineWidth: 0 }), '    '));
  for (const f of t.findings) lines.push(`  ${f.severity}: ${f.path || '(object)'}: ${f.message} [${f.ruleId}]`);
  return lines;
}

/** One event's outcome as text. */
export function formatEventResult(r: EventResult): string {
  const lines: string[] = [];
  const at = r.event ? ` at ${r.event.context.time}` : '';
  lines.push(`event ${r.input.eventSourceName}/${r.input.eventName}${at}: ${r.event ? 'published' : `not published: ${r.rejected}`}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.notSimulated) lines.push(`  cannot simulate ${r.notSimulated.what}${r.notSimulated.why ? `: ${r.notSimulated.why}` : ''}`);
  if (r.event) lines.push(`  data: ${r.event.data}`);
  if (r.event && !r.sensors.length) lines.push('  no sensor depends on this event');
  for (const s of r.sensors) {
    lines.push(`  Sensor ${s.namespace ? `${s.namespace}/` : ''}${s.sensor}:`);
    for (const d of s.dependencies) lines.push(...describeDependency(d).flatMap(l => l.split('\n')).map(l => `    ${l}`));
    for (const t of s.fired) lines.push(...describeFired(t).flatMap(l => l.split('\n')).map(l => `    ${l}`));
    for (const w of s.waiting) lines.push(`    trigger ${w.trigger} waits: conditions "${w.conditions}", received ${w.received.join(', ')}`);
    for (const b of s.neverRuns) lines.push(`    trigger ${b.trigger} never runs (${b.path}): ${b.reason}`);
    if (!s.fired.length && !s.waiting.length) lines.push('    no trigger fires');
  }
  return lines.join('\n');
}

/** A whole simulation as text: each event, then a summary line. */
export function formatSimulation(result: SimulationResult): string {
  const parts = result.events.map(formatEventResult);
  const errors = result.fired.reduce((n, t) => n + t.findings.filter(f => f.severity === 'error').length, 0);
  const fired = result.fired.map(t => `${t.sensor}/${t.trigger}`);
  parts.push(`${result.events.length} event${result.events.length === 1 ? '' : 's'}, ${fired.length ? `fired: ${fired.join(', ')}` : 'no trigger fired'}${errors ? `; ${errors} lint error${errors === 1 ? '' : 's'} in triggered resources` : ''}`);
  return parts.join('\n\n');
}
