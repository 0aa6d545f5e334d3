import { ArgoEventBus, ArgoEventSource, ArgoSensor } from '../../imports/argo-events';
import { ManifestOverrides } from './overrides';

/** The EventSource object of an EventSource construct: the generated class, with overrides by construct. @internal */
export class EventSourceObject extends ArgoEventSource {
  public readonly overrides = new ManifestOverrides();

  protected override render(): any {
    return this.overrides.apply(super.render());
  }
}

/** The Sensor object of a WorkflowSensor: the generated class, with overrides by construct. @internal */
export class SensorObject extends ArgoSensor {
  public readonly overrides = new ManifestOverrides();

  protected override render(): any {
    return this.overrides.apply(super.render());
  }
}

/** The EventBus object of an EventBus construct: the generated class, with overrides. @internal */
export class EventBusObject extends ArgoEventBus {
  public readonly overrides = new ManifestOverrides();

  protected override render(): any {
    return this.overrides.apply(super.render());
  }
}
