import { Construct } from 'constructs';
import { EventDependency, EventDependencyTransformer } from '../../imports/argo-events';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventContextKey, EventField, IEventFieldSource } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { SensorObject } from './event-objects';
import { DependencyFilters, FilterLogic, renderFilters } from './filters';
import { ConditionOperand, IConditionDependency, TriggerCondition } from './trigger-condition';
import { canonicalHeaderKey } from './util';
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
 * parameters read fields from them (`dep.body('size')`, `dep.field('key')`); `F` is the top-level
 * fields of the event's payload, when its source kind is known.
 */
export class SensorDependency<F extends string = string> extends Construct implements IEventFieldSource, IConditionDependency {
  /** Name of the dependency. */
  public readonly name: string;
  /** The event it waits for. */
  public readonly event: IEventSourceEvent<F>;
  /** Top-level fields of the event's payload, when known. */
  public readonly payloadFields?: readonly F[];
  /** Name of the EventSource of the event. */
  public readonly eventSourceName: string;
  /** Name of the event. */
  public readonly eventName: string;
  private readonly options: SensorDependencyOptions;
  private readonly apiObject: SensorObject;
  private readonly index: number;

  /** @internal use `WorkflowSensor.addDependency()`. */
  constructor(scope: Construct, name: string, event: IEventSourceEvent<F>, options: SensorDependencyOptions,
    apiObject: SensorObject, index: number) {
    super(scope, constructId(scope, name, 'a dependency name'));
    markChanged();
    this.name = name;
    this.event = event;
    this.payloadFields = event.payloadFields;
    this.apiObject = apiObject;
    this.index = index;
    this.eventSourceName = event.eventSourceName;
    this.eventName = event.eventName;
    this.options = options;
    addArgoValidation(this, () => ({ apiObject, fieldPath: fieldPath('spec', 'dependencies', index) }));
  }

  /** A key of the event payload (gjson path). */
  public data(path: string): EventField {
    return EventField.data(this, path);
  }

  /** A top-level field of the payload, or a key below it: `field('body', 'size')` reads `body.size`. */
  public field(name: F, path?: string): EventField {
    return EventField.field(this, name, path);
  }

  /** The whole payload as JSON. */
  public payload(): EventField {
    return EventField.payload(this);
  }

  /** The whole event (context, and the payload in base64), as Argo Events passes it when no key is named. */
  public wholeEvent(): EventField {
    return EventField.wholeEvent(this);
  }

  /** The request or message body, or a key of it (`body('size')` reads `body.size`). */
  public body(path?: string): EventField {
    return EventField.body(this, path);
  }

  /** A request or message header, where the event's source kind keeps it. */
  public header(name: string): EventField {
    return EventField.header(this, name);
  }

  /** The payload key of a header, as the event's source kind keeps it. */
  public headerKey(name: string): string {
    return this.event.headerKey ? this.event.headerKey(name) : `header.${canonicalHeaderKey(name)}.0`;
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

  /**
   * Escape hatch: sets a field of this dependency in the manifest (Argo's field names, relative
   * to its entry of `spec.dependencies`), e.g. `addOverride('filters.dataLogicalOperator', 'or')`;
   * `undefined` removes it.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this.apiObject.overrides.add(['spec', 'dependencies', this.index], path, value, `[${this.node.path}]`);
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
