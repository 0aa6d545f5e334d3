import { ApiObject, Cron, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Trigger, TriggerPolicy } from '../../imports/argo-events';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventField } from './event-field';
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
   * Policy deciding success from the created resource's labels or the HTTP status.
   * @default - success when the action call succeeds
   */
  readonly policy?: TriggerPolicy;
}

/** What a trigger needs from its sensor. @internal */
export interface ITriggerHost {
  readonly apiObject: ApiObject;
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

  /** @internal use `WorkflowSensor.addTrigger()`. */
  constructor(scope: Construct, name: string, action: ITriggerAction, private readonly options: SensorTriggerOptions,
    private readonly host: ITriggerHost, index: number) {
    super(scope, constructId(scope, name, 'a trigger name'));
    markChanged();
    this.name = name;
    this.path = fieldPath('spec', 'triggers', index);
    for (const [field, retry] of [['retryStrategy', options.retryStrategy], ['deadLetter.retryStrategy', options.deadLetter?.retryStrategy]] as const) {
      checkInteger(this, `${field}.steps`, retry?.steps);
    }
    checkInteger(this, 'rateLimit.requestsPerUnit', options.rateLimit?.requestsPerUnit);
    const hasPolicy = !!options.policy?.k8S;
    this.action = action.bind(host.bindContext(`${this.path}.template`, hasPolicy));
    if (options.deadLetter) this.deadLetter = options.deadLetter.action.bind(host.bindContext(`${this.path}.dlqTrigger.template`, false));
    addArgoValidation(this, () => ({ apiObject: host.apiObject, fieldPath: this.path }), () => this.check());
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
      policy: o.policy,
      dlqTrigger: dead && this.deadLetter && {
        template: { name: dead.name, ...this.deadLetter.render(resolve) },
        parameters: concat(this.deadLetter.triggerParameters?.(resolve), renderMappings(dead.parameters, resolve)),
        retryStrategy: retryOf(dead.retryStrategy),
        atLeastOnce: true,
      },
    };
  }

  private check(): string[] {
    const object = `Sensor/${this.host.apiObject.name}`;
    const errors = this.action.check().map(e => `${object}: ${e}`);
    if (this.deadLetter) errors.push(...this.deadLetter.check().map(e => `${object}: ${e}`));
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

function retryOf(r: TriggerRetryStrategy | undefined): Trigger['retryStrategy'] {
  return r && { steps: r.steps, duration: r.duration && goDuration(r.duration), factor: r.factor, jitter: r.jitter };
}

function concat<T>(...lists: (T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap(l => l ?? []);
  return all.length ? all : undefined;
}
