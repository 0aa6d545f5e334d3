import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EventDependency, EventDependencyTransformer } from '../../imports/argo-events';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventContextKey, EventField, IEventFieldSource } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { DependencyFilters, FilterLogic, renderFilters } from './filters';
import { ConditionOperand, IConditionDependency, TriggerCondition } from './trigger-condition';
import { constructId } from '../core/construct-id';

/** Options of a sensor dependency. */
export interface SensorDependencyOptions {
  /**
   * Name of the dependency (what conditions and trigger parameters refer to).
   * @default - the event name
   */
  readonly name?: string;
  /**
   * Filters events must pass.
   * @default - none
   */
  readonly filters?: DependencyFilters;
  /**
   * How the filter groups (data, exprs, context, time, script) combine.
   * @default FilterLogic.AND
   */
  readonly filtersLogic?: FilterLogic;
  /**
   * Transform the event (jq or Lua) before filters and triggers see it.
   * @default - none
   */
  readonly transform?: EventDependencyTransformer;
}

/**
 * An event a sensor waits for. Conditions are built from dependencies (`a.and(b)`) and trigger
 * parameters read fields from them (`dep.body('size')`).
 */
export class SensorDependency extends Construct implements IEventFieldSource, IConditionDependency {
  /** Name of the dependency. */
  public readonly name: string;
  /** The event it waits for. */
  public readonly event: IEventSourceEvent;
  /** Name of the EventSource of the event. */
  public readonly eventSourceName: string;
  /** Name of the event. */
  public readonly eventName: string;
  private readonly options: SensorDependencyOptions;

  /** @internal use `WorkflowSensor.addDependency()`. */
  constructor(scope: Construct, name: string, event: IEventSourceEvent, options: SensorDependencyOptions,
    apiObject: ApiObject, index: number) {
    super(scope, constructId(scope, name, 'a dependency name'));
    markChanged();
    this.name = name;
    this.event = event;
    this.eventSourceName = event.eventSourceName;
    this.eventName = event.eventName;
    this.options = options;
    addArgoValidation(this, () => ({ apiObject, fieldPath: fieldPath('spec', 'dependencies', index) }));
  }

  /** A key of the event payload (gjson path). */
  public data(path: string): EventField {
    return EventField.data(this, path);
  }

  /** The webhook request body, or a key of it (`body('size')` reads `body.size`). */
  public body(path?: string): EventField {
    return EventField.body(this, path);
  }

  /** The first value of a webhook request header. */
  public header(name: string): EventField {
    return EventField.header(this, name);
  }

  /** A CloudEvents context attribute. */
  public context(key: EventContextKey): EventField {
    return EventField.context(this, key);
  }

  /** A Go template over the payload (`{{ .Input.body.size }}`). */
  public dataTemplate(template: string): EventField {
    return EventField.dataTemplate(this, template);
  }

  /** A condition: this dependency and the operands. */
  public and(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.and(this, ...operands);
  }

  /** A condition: this dependency or the operands. */
  public or(...operands: ConditionOperand[]): TriggerCondition {
    return TriggerCondition.or(this, ...operands);
  }

  /** @internal */
  public _render(): EventDependency {
    return {
      name: this.name,
      eventSourceName: this.eventSourceName,
      eventName: this.eventName,
      filters: renderFilters(this.options.filters),
      filtersLogicalOperator: this.options.filtersLogic,
      transform: this.options.transform,
    };
  }
}
