import { Construct } from 'constructs';
import { EventSourceBase, EventSourceBaseProps } from './event-source-base';
import { SourceEvent } from './source-event';

/** An EventSource whose events are all of one kind: `event()` returns that kind's handle. */
export abstract class SingleKindEventSource<E extends SourceEvent> extends EventSourceBase {
  protected constructor(scope: Construct, id: string, props: EventSourceBaseProps) {
    super(scope, id, props);
  }

  /** The handle of an event defined here; fails when there is none of that name. */
  public override event(eventName: string): E {
    return super.event(eventName) as E;
  }
}
