import { Manifest } from '../lint/types';
import { fieldPath } from '../lint/path';
import { eventBusNameOf } from '../lint/rules/events/support/event-sources';
import { isCannotSimulate } from './cannot-simulate';
import { dependencyExpression, DependencyExpression } from './conditions';
import { parseSchedule, ticksBetween, CronSchedule } from './cron-ticks';
import { filterEvent } from './filters';
import { ParameterError } from './parameters';
import { applyTransform } from './transform';
import { triggerAction } from './trigger-resource';
import { ArgoEvent, DependencyResult, FiredTrigger, SensorEventResult } from './types';

interface Dependency {
  readonly name: string;
  readonly eventSourceName: string;
  readonly eventName: string;
  readonly spec: any;
}

interface TriggerState {
  readonly trigger: any;
  readonly name: string;
  readonly path: string;
  readonly expression?: DependencyExpression;
  /** Why the sensor never runs this trigger, when it does not. */
  readonly broken?: string;
  readonly resets: readonly CronSchedule[];
  /** Dependencies received and kept until the conditions hold (the JetStream K/V store). */
  readonly saved: Map<string, ArgoEvent>;
  lastTime?: number;
}

/**
 * One Sensor fed events in order, as its JetStream connection handles them
 * (pkg/eventbus/jetstream/sensor/trigger_conn.go): per trigger, every dependency of its
 * expression that waits for the event is transformed and filtered; without `&` in the
 * expression a passing dependency fires the trigger on its own; otherwise received
 * dependencies are kept (the latest event per dependency) until the expression holds, then the
 * trigger fires with all of them and the store is cleared. `conditionsReset.byTime` clears it at
 * each cron tick between events.
 */
export class SensorRun {
  readonly name: string;
  readonly namespace?: string;
  /** The EventBus the sensor subscribes to. */
  readonly eventBusName: string;
  private readonly dependencies: Dependency[];
  private readonly triggers: TriggerState[];

  constructor(private readonly sensor: Manifest, private readonly manifests: readonly Manifest[]) {
    this.name = String(sensor.metadata?.name ?? '');
    this.namespace = sensor.metadata?.namespace;
    this.eventBusName = eventBusNameOf(sensor);
    this.dependencies = (Array.isArray(sensor.spec?.dependencies) ? sensor.spec.dependencies : [])
      .filter((d: any) => d && typeof d === 'object')
      .map((d: any) => ({ name: String(d.name ?? ''), eventSourceName: String(d.eventSourceName ?? ''), eventName: String(d.eventName ?? ''), spec: d }));
    const names = this.dependencies.map(d => d.name);
    this.triggers = (Array.isArray(sensor.spec?.triggers) ? sensor.spec.triggers : []).map((trigger: any, i: number) => {
      const name = String(trigger?.template?.name ?? '');
      const path = fieldPath('spec', 'triggers', i);
      const resets: CronSchedule[] = [];
      for (const reset of Array.isArray(trigger?.template?.conditionsReset) ? trigger.template.conditionsReset : []) {
        const schedule = reset?.byTime?.cron && parseSchedule(reset.byTime.cron, reset.byTime.timezone || 'UTC');
        if (schedule) resets.push(schedule);
      }
      try {
        return { trigger, name, path, expression: dependencyExpression(trigger?.template?.conditions, names), resets, saved: new Map() };
      } catch (e) {
        return { trigger, name, path, broken: (e as Error).message, resets, saved: new Map() };
      }
    });
  }

  /** True when some dependency waits for this event. */
  listensTo(eventSourceName: string, eventName: string): boolean {
    return this.dependencies.some(d => d.eventSourceName === eventSourceName && d.eventName === eventName);
  }

  /** Feeds one event; returns what the sensor did with it. */
  handle(event: ArgoEvent, timeMs: number, lint: (resource: Manifest) => FiredTrigger['findings']): SensorEventResult {
    const waitingDeps = this.dependencies.filter(d => d.eventSourceName === event.context.source && d.eventName === event.context.subject);
    const results = new Map<string, DependencyResult>();
    for (const d of waitingDeps) results.set(d.name, this.takeEvent(d, event));
    const fired: FiredTrigger[] = [];
    const waiting: SensorEventResult['waiting'][number][] = [];
    for (const t of this.triggers) {
      if (!t.expression) continue;
      if (t.lastTime !== undefined && t.resets.some(s => ticksBetween(s, t.lastTime!, timeMs))) t.saved.clear();
      t.lastTime = timeMs;
      const mine = waitingDeps.filter(d => t.expression!.names.includes(d.name));
      for (const d of mine) {
        const result = results.get(d.name)!;
        if (!result.matched || !result.event) continue;
        if (!t.expression.requiresAnd) {
          fired.push(this.fire(t, { [d.name]: result.event }, timeMs, lint));
          continue;
        }
        const received = new Set([...t.saved.keys(), d.name]);
        if (t.expression.holds(received)) {
          const events: { [dep: string]: ArgoEvent } = {};
          for (const [k, v] of t.saved) events[k] = v;
          events[d.name] = result.event;
          fired.push(this.fire(t, events, timeMs, lint));
          t.saved.clear();
        } else {
          t.saved.set(d.name, result.event);
        }
      }
      if (t.saved.size && mine.length) waiting.push({ trigger: t.name, conditions: t.expression.text, received: [...t.saved.keys()] });
    }
    return { sensor: this.name, namespace: this.namespace, dependencies: [...results.values()], fired, waiting, neverRuns: this.brokenTriggers() };
  }

  /** Triggers the sensor never runs (conditions naming unknown dependencies, bad expressions). */
  brokenTriggers(): { trigger: string; path: string; reason: string }[] {
    return this.triggers.filter(t => t.broken).map(t => ({ trigger: t.name, path: t.path, reason: t.broken! }));
  }

  private takeEvent(d: Dependency, event: ArgoEvent): DependencyResult {
    const transformSpec = d.spec.transform;
    let current = event;
    let transform: DependencyResult['transform'];
    if (transformSpec && (transformSpec.jq || transformSpec.script)) {
      const outcome = applyTransform(event, transformSpec);
      transform = { kind: transformSpec.jq ? 'jq' : 'script', error: outcome.error, notSimulated: outcome.notSimulated };
      if (!outcome.event) return { name: d.name, transform, matched: false };
      current = outcome.event;
    }
    if (!d.spec.filters) return { name: d.name, event: current, transform, matched: true };
    const filters = filterEvent(current, d.spec.filters, d.spec.filtersLogicalOperator);
    return { name: d.name, event: current, transform, filters, matched: filters.pass && !filters.notSimulated };
  }

  private fire(t: TriggerState, events: { [dep: string]: ArgoEvent }, timeMs: number, lint: (resource: Manifest) => FiredTrigger['findings']): FiredTrigger {
    const notes: string[] = [];
    const trigger = t.trigger;
    if (trigger.rateLimit) notes.push(`rate limit ${trigger.rateLimit.requestsPerUnit} per ${trigger.rateLimit.unit ?? 'Second'} (not simulated)`);
    if (trigger.retryStrategy) notes.push(`retries on failure: ${JSON.stringify(trigger.retryStrategy)} (not simulated)`);
    if (trigger.atLeastOnce) notes.push('atLeastOnce: the event is acknowledged only after the trigger ran');
    if (trigger.policy) notes.push(`policy ${JSON.stringify(trigger.policy)} is applied after the action (not simulated)`);
    if (trigger.dlqTrigger) notes.push(`dlqTrigger "${trigger.dlqTrigger.template?.name ?? ''}" runs if this trigger fails (not simulated)`);
    const base = { sensor: this.name, namespace: this.namespace, trigger: t.name, path: t.path, events };
    let action: ReturnType<typeof triggerAction>;
    try {
      action = triggerAction(this.sensor, trigger, events, this.manifests, timeMs);
    } catch (e) {
      const kind = Object.keys(trigger.template ?? {}).find(k => !['name', 'conditions', 'conditionsReset'].includes(k)) ?? 'unknown';
      if (isCannotSimulate(e)) return { ...base, kind, template: trigger.template, notSimulated: { what: e.what, why: e.why }, findings: [], notes };
      if (e instanceof ParameterError || e instanceof Error) return { ...base, kind, template: trigger.template, error: e.message, findings: [], notes };
      throw e;
    }
    notes.push(...action.notes);
    for (const p of action.parameters) {
      if (p.value === undefined) notes.push(`parameter ${p.dest}: ${p.notes.join('; ')}`);
      else if (p.notes.length) notes.push(`parameter ${p.dest} = ${JSON.stringify(p.value)} from ${p.from}: ${p.notes.join('; ')}`);
    }
    const createsResource = action.resource && ['create', 'submit', 'update', 'patch', 'apply'].includes(action.operation ?? '');
    return {
      ...base, kind: action.kind, operation: action.operation, resource: action.resource, payload: action.payload, template: action.template,
      findings: createsResource ? lint(action.resource!) : [], notes,
    };
  }
}
