import { Construct } from 'constructs';
import { ArgoService } from '../../imports/argo-events';
import { ClusterObjectOptions } from '../core/object-refs';
import { markChanged } from '../core/revision';
import { EventSourceEvent } from './event-handle';
import { EventSourceBase, EventSourceBaseProps, EventSourceBody, IEventSource } from './event-source-base';
import { EventSourceConfig, EventSourceKind } from './event-source-kinds';

export type { EventSourceConfig, EventSourceKind } from './event-source-kinds';

/** The source sections of an EventSource spec, typed by the generated types. */
export type EventSourceSections = { readonly [K in EventSourceKind]?: { readonly [eventName: string]: EventSourceConfig<K> } };

/** Properties of an `EventSource`. */
export interface EventSourceProps extends EventSourceBaseProps {
  /**
   * Events by kind and name, as in the EventSource spec (`{ sqs: { orders: {...} } }`).
   * More can be added with `addEvent()`.
   * @default - none
   */
  readonly sources?: EventSourceSections;
  /**
   * Service the controller creates in front of the EventSource pod (push sources such as
   * github or gitlab). For webhooks, `WebhookEventSource` creates the Service itself.
   * @default - no Service
   */
  readonly service?: ArgoService;
}

/**
 * An EventSource of any kind, configured with the generated types: the escape hatch for what the
 * dedicated constructs (`KafkaEventSource`, `GitHubEventSource`...) do not offer. `addEvent()`
 * and `event()` return the handles sensors depend on. Secrets are named by the generated
 * selectors here, not by reference, and no Service is created for push sources.
 */
export class EventSource extends EventSourceBase {
  /** An EventSource that exists only in the cluster: its events are named by string. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): IEventSource {
    return { name, namespace: options.namespace, event: (eventName: string) => new EventSourceEvent(name, eventName, options.namespace) };
  }

  private readonly sections: { [kind: string]: { [name: string]: unknown } } = {};
  private readonly service?: ArgoService;

  constructor(scope: Construct, id: string, props: EventSourceProps = {}) {
    super(scope, id, props);
    this.service = props.service;
    for (const [kind, events] of Object.entries(props.sources ?? {})) {
      for (const [name, config] of Object.entries(events ?? {})) this.defineEvent(kind, name, config);
    }
  }

  /** Adds an event of a kind, configured with that kind's generated type; returns its handle. */
  public addEvent<K extends EventSourceKind>(kind: K, eventName: string, config: EventSourceConfig<K>): EventSourceEvent {
    return this.defineEvent(kind, eventName, config);
  }

  private defineEvent(kind: string, eventName: string, config: unknown): EventSourceEvent {
    markChanged();
    const section = this.sections[kind] ?? (this.sections[kind] = {});
    if (section[eventName] !== undefined) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: spec.${kind}: event "${eventName}" is defined twice; `
        + 'an EventSource holds one event per name. Give the second event another name.');
    }
    section[eventName] = config;
    this.eventKindAdded(kind);
    return new EventSourceEvent(this.name, eventName, this.namespace);
  }

  /** The handle of an event defined here; fails when there is none of that name. */
  public event(eventName: string): EventSourceEvent {
    if (!Object.values(this.sections).some(s => s[eventName] !== undefined)) {
      const known = Object.values(this.sections).flatMap(s => Object.keys(s));
      throw new Error(`[${this.node.path}] EventSource/${this.name} has no event "${eventName}" (it has: ${known.join(', ') || 'none'}); `
        + 'a sensor depending on it would wait forever. Add it with addEvent() or use one of the existing names.');
    }
    return new EventSourceEvent(this.name, eventName, this.namespace);
  }

  protected sourceKinds(): string[] {
    return Object.keys(this.sections);
  }

  protected renderBody(): EventSourceBody {
    return { ...this.sections, service: this.service } as EventSourceBody;
  }
}
