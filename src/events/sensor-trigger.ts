import { Cron, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Trigger, TriggerPolicy } from '../../imports/argo-events';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventField } from './event-field';
import { SensorObject } from './event-objects';
import { ConnectionBackoff, renderBackoff } from './source-options';
import { BoundTriggerAction, FieldResolver, ITriggerAction, TriggerBindContext } from './trigger-binding';
import { ConditionOperand, IConditionDependency, TriggerCondition } from './trigger-condition';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';
import { goDuration } from './util';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';

/** Retries of a failed trigger (exponential backoff). */
export interface TriggerRetryStrategy {
  /** Number of attempts. */
  readonly steps: number;
  /**
   * Wait before the first retry.
   * @default - Argo Events' default (1s)
   */
  readonly duration?: Duration;
  /**
   * Multiplier of the wait after each retry.
   * @default - Argo Events' default (1)
   */
  readonly factor?: number;
  /**
   * Random jitter added to each wait, as a fraction.
   * @default - none
   */
  readonly jitter?: number;
}

/** Units of a trigger rate limit. */
export enum RateLimitUnit {
  /** Per second (Argo's default). */
  SECOND = 'Second',
  /** Per minute. */
  MINUTE = 'Minute',
  /** Per hour. */
  HOUR = 'Hour',
}

/** At most `requestsPerUnit` executions per unit. */
export interface TriggerRateLimit {
  /** Executions allowed per unit. */
  readonly requestsPerUnit: number;
  /**
   * The unit.
   * @default RateLimitUnit.SECOND
   */
  readonly unit?: RateLimitUnit;
}

/** A cron schedule at which the trigger's partially met conditions are forgotten. */
export interface ConditionsResetSchedule {
  /** Cron schedule (5 fields), e.g. `Cron.daily()` or `'59 23 * * *'`. */
  readonly cron: Cron | string;
  /**
   * IANA time zone of the schedule.
   * @default - UTC
   */
  readonly timezone?: string;
}

/** The trigger run when a trigger fails after its retries (at-least-once delivery). */
export interface DeadLetterTrigger {
  /** Name of the dead-letter trigger. */
  readonly name: string;
  /** What it does (e.g. post to Slack, publish to Kafka). */
  readonly action: ITriggerAction;
  /**
   * Event fields written into its template.
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
  /**
   * Its own retries.
   * @default - no retry
   */
  readonly retryStrategy?: TriggerRetryStrategy;
}

/**
 * When a trigger counts as successful (else it is retried, then dead-lettered): the response
 * status of an HTTP or Lambda call, or labels the created resource gets.
 */
export interface TriggerSuccessPolicy {
  /**
   * HTTP and Lambda triggers: response statuses that mean success.
   * @default - any response without an error
   */
  readonly allowedStatuses?: number[];
  /**
   * Kubernetes and workflow triggers: labels the created resource must get, e.g.
   * `{ 'workflows.argoproj.io/phase': 'Succeeded' }` (the sensor then reads the resource).
   * @default - success once the resource is created
   */
  readonly resourceLabels?: { readonly [key: string]: string };
  /**
   * How long to wait for the labels.
   * @default - Argo Events' default backoff
   */
  readonly backoff?: ConnectionBackoff;
  /**
   * Fail the trigger when the labels are not there when the backoff ends.
   * @default false
   */
  readonly errorOnBackoffTimeout?: boolean;
}

/** Options of a sensor trigger. */
export interface SensorTriggerOptions {
  /**
   * When the trigger fires, built from dependencies (`a.and(b)`).
   * @default - once every dependency of the sensor has an event
   */
  readonly conditions?: ConditionOperand;
  /**
   * Schedules that reset partially met conditions.
   * @default - never reset
   */
  readonly conditionsReset?: ConditionsResetSchedule[];
  /**
   * Event fields written into the trigger template at paths you give (e.g. `http.url`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
  /**
   * Retries when the action fails.
   * @default - no retry
   */
  readonly retryStrategy?: TriggerRetryStrategy;
  /**
   * Rate limit of executions.
   * @default - unlimited
   */
  readonly rateLimit?: TriggerRateLimit;
  /**
   * At-least-once delivery (acknowledge the event only after the action succeeded).
   * @default - true with a dead-letter trigger, else false (at most once)
   */
  readonly atLeastOnce?: boolean;
  /**
   * Trigger to run when this one fails after its retries.
   * @default - none
   */
  readonly deadLetter?: DeadLetterTrigger;
  /**
   * Policy deciding success from the HTTP status or the created resource's labels.
   * @default - success when the action call succeeds
   */
  readonly policy?: TriggerSuccessPolicy;
}

/** What a trigger needs from its sensor. @internal */
export interface ITriggerHost {
  readonly apiObject: SensorObject;
  /** Error message when the field does not resolve to one of the sensor's dependencies. */
  checkField(field: EventField): string | undefined;
  /** Error message when the dependency is not one of the sensor's. */
  checkDependency(dependency: IConditionDependency): string | undefined;
  resolver(): FieldResolver;
  bindContext(path: string, hasResourcePolicy: boolean): TriggerBindContext;
}

/** One trigger of a `WorkflowSensor`: created by `sensor.addTrigger()` and the shorthands. */
export class SensorTrigger extends Construct {
  /** Name of the trigger (`template.name`). */
  public readonly name: string;
  private readonly action: BoundTriggerAction;
  private readonly deadLetter?: BoundTriggerAction;
  private readonly path: string;
  private readonly index: number;

  /** @internal use `WorkflowSensor.addTrigger()`. */
  constructor(scope: Construct, name: string, action: ITriggerAction, private readonly options: SensorTriggerOptions,
    private readonly host: ITriggerHost, index: number) {
    super(scope, constructId(scope, name, 'a trigger name'));
    markChanged();
    this.name = name;
    this.index = index;
    this.path = fieldPath('spec', 'triggers', index);
    for (const [field, retry] of [['retryStrategy', options.retryStrategy], ['deadLetter.retryStrategy', options.deadLetter?.retryStrategy]] as const) {
      checkInteger(this, `${field}.steps`, retry?.steps);
    }
    checkInteger(this, 'rateLimit.requestsPerUnit', options.rateLimit?.requestsPerUnit);
        const hasPolicy = !!options.policy?.resourceLabels;
    this.action = action.bind(host.bindContext(`${this.path}.template`, hasPolicy));
    if (options.deadLetter) this.deadLetter = options.deadLetter.action.bind(host.bindContext(`${this.path}.dlqTrigger.template`, false));
    const checkedElsewhere = [
      ...(this.action.checkedResource ? [`${this.path}.template.${this.action.checkedResource}`] : []),
      ...(this.deadLetter?.checkedResource ? [`${this.path}.dlqTrigger.template.${this.deadLetter.checkedResource}`] : []),
    ];
    addArgoValidation(this, () => ({ apiObject: host.apiObject, fieldPath: this.path, checkedElsewhere }), () => this.check());
  }

  /** @internal */
  public _render(): Trigger {
    const resolve = this.host.resolver();
    const o = this.options;
    const conditions = o.conditions === undefined ? undefined
      : (o.conditions instanceof TriggerCondition ? o.conditions : TriggerCondition.on(o.conditions)).render();
    const dead = o.deadLetter;
    return {
      template: {
        name: this.name,
        conditions,
        conditionsReset: o.conditionsReset?.map(r => ({ byTime: { cron: typeof r.cron === 'string' ? r.cron : r.cron.expressionString, timezone: r.timezone } })),
        ...this.action.render(resolve),
      },
      parameters: concat(this.action.triggerParameters?.(resolve), renderMappings(o.parameters, resolve)),
      retryStrategy: retryOf(o.retryStrategy),
      rateLimit: o.rateLimit && { requestsPerUnit: o.rateLimit.requestsPerUnit, unit: o.rateLimit.unit },
      atLeastOnce: o.atLeastOnce ?? (dead ? true : undefined),
      policy: renderPolicy(o.policy),
      dlqTrigger: dead && this.deadLetter && {
        template: { name: dead.name, ...this.deadLetter.render(resolve) },
        parameters: concat(this.deadLetter.triggerParameters?.(resolve), renderMappings(dead.parameters, resolve)),
        retryStrategy: retryOf(dead.retryStrategy),
        atLeastOnce: true,
      },
    };
  }

  /**
   * Escape hatch: sets a field of this trigger in the manifest (Argo's field names, relative to
   * its entry of `spec.triggers`), e.g. `addOverride('template.http.timeout', 30)`; `undefined`
   * removes it. Applied after rendering, so it stays on this trigger whatever else is added.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this.host.apiObject.overrides.add(['spec', 'triggers', this.index], path, value, `[${this.node.path}]`);
  }

  /** An action Argo Events reports failed after it ran: a retry would run it again, a dead-letter trigger would fire every time. */
  private checkFailingAction(): string[] {
    const why = this.action.failsAfterRunning;
    if (!why) return [];
    const errors: string[] = [];
    const steps = this.options.retryStrategy?.steps ?? 1;
    if (steps > 1) {
      errors.push(`${this.path}.retryStrategy: trigger "${this.name}" is retried on failure, and ${why}: each of the ${steps} attempts would run it again. Remove the retryStrategy.`);
    }
    if (this.options.deadLetter) {
      errors.push(`${this.path}.dlqTrigger: trigger "${this.name}" has a dead-letter trigger, and ${why}: the dead-letter trigger would fire every time. Remove the deadLetter.`);
    }
    return errors;
  }

  private check(): string[] {
    const object = `Sensor/${this.host.apiObject.name}`;
    const errors = this.action.check().map(e => `${object}: ${e}`);
    if (this.deadLetter) errors.push(...this.deadLetter.check().map(e => `${object}: ${e}`));
    errors.push(...this.checkFailingAction().map(e => `${object}: ${e}`));
    const fields: [string, EventField][] = [
      ...this.action.fields.map(f => [`${this.path}.template`, f] as [string, EventField]),
      ...(this.options.parameters ?? []).map(p => [`${this.path}.parameters`, p.from] as [string, EventField]),
      ...(this.deadLetter?.fields ?? []).map(f => [`${this.path}.dlqTrigger`, f] as [string, EventField]),
      ...(this.options.deadLetter?.parameters ?? []).map(p => [`${this.path}.dlqTrigger.parameters`, p.from] as [string, EventField]),
    ];
    for (const [path, field] of fields) {
      const problem = this.host.checkField(field);
      if (problem) errors.push(`${object}: ${path}: trigger "${this.name}" ${problem}`);
    }
    const c = this.options.conditions;
    const deps = c === undefined ? [] : c instanceof TriggerCondition ? c.dependencies : [c];
    for (const dep of new Set(deps)) {
      const problem = this.host.checkDependency(dep);
      if (problem) errors.push(`${object}: ${this.path}.template.conditions: ${problem}`);
    }
    return errors;
  }
}

function renderPolicy(p: TriggerSuccessPolicy | undefined): TriggerPolicy | undefined {
  if (!p) return undefined;
  return {
    status: p.allowedStatuses && { allow: p.allowedStatuses },
    k8S: p.resourceLabels && { labels: p.resourceLabels, backoff: renderBackoff(p.backoff), errorOnBackoffTimeout: p.errorOnBackoffTimeout },
  };
}

function retryOf(r: TriggerRetryStrategy | undefined): Trigger['retryStrategy'] {
  return r && { steps: r.steps, duration: r.duration && goDuration(r.duration), factor: r.factor, jitter: r.jitter };
}

function concat<T>(...lists: (T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap(l => l ?? []);
  return all.length ? all : undefined;
}
