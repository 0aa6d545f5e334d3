import { Construct } from 'constructs';
import { ResourceEventSource as ResourceConfig } from '../../imports/argo-events';
import { EventField } from './event-field';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, SourceEvent } from './source-event';

/** Changes of a Kubernetes resource to publish. */
export enum ResourceEventType {
  /** An object is created (and every existing one at start, unless `afterStart`). */
  ADD = 'ADD',
  /** An object changes. */
  UPDATE = 'UPDATE',
  /** An object is deleted. */
  DELETE = 'DELETE',
}

/** A label or field selector term. */
export interface ResourceSelector {
  /** The label key or field path (`metadata.name`). */
  readonly key: string;
  /**
   * The operator: `=`, `==`, `!=` (fields and labels), `in`, `notin`, `exists`, `!` (labels).
   * @default '='
   */
  readonly operation?: string;
  /**
   * The value (a set `(a,b)` for `in`/`notin`).
   * @default - none (for `exists`, `!`)
   */
  readonly value?: string;
}

/** Which objects' changes are published. */
export interface ResourceEventFilter {
  /**
   * Only objects whose name starts with this.
   * @default - any name
   */
  readonly prefix?: string;
  /**
   * Label selector terms (all must hold).
   * @default - none
   */
  readonly labels?: ResourceSelector[];
  /**
   * Field selector terms (all must hold).
   * @default - none
   */
  readonly fields?: ResourceSelector[];
  /**
   * Only objects created after this time.
   * @default - any
   */
  readonly createdBy?: Date;
  /**
   * Only objects created after the event source started.
   * @default false
   */
  readonly afterStart?: boolean;
}

/** Options of a resource event: changes of one resource type, in one namespace or all. */
export interface ResourceEventOptions {
  /**
   * API group (`argoproj.io`, `apps`; `''` for the core group).
   * @default '' (the core group)
   */
  readonly group?: string;
  /** API version, e.g. `v1` or `v1alpha1`. */
  readonly version: string;
  /** The resource (plural, lower-case), e.g. `pods`, `workflows`. */
  readonly resource: string;
  /**
   * Namespace to watch.
   * @default - every namespace (the event source then needs a ClusterRole)
   */
  readonly namespace?: string;
  /** Changes to publish. */
  readonly eventTypes: ResourceEventType[];
  /**
   * Which objects.
   * @default - all
   */
  readonly filter?: ResourceEventFilter;
  /**
   * Static key/values delivered with every event.
   * @default - none
   */
  readonly metadata?: { readonly [key: string]: string };
}

/** An event of a resource EventSource: a change of an object (`body`, `oldBody`, `type`). */
export class ResourceEvent extends SourceEvent<'resource'> {
  /** @internal use `ResourceEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: ResourceEventOptions) {
    super(host, 'resource', eventName);
  }

  /** The object as it is now, or a key of it (`body('metadata.name')`). */
  public body(path?: string): EventField {
    return this.field('body', path);
  }

  /** The change (`ADD`, `UPDATE`, `DELETE`). */
  public type(): EventField {
    return this.field('type');
  }

  /** @internal */
  public _render(): ResourceConfig {
    const o = this.options;
    const f = o.filter;
    const selectors = (list: ResourceSelector[] | undefined) => list?.map(s => ({ key: s.key, operation: s.operation, value: s.value }));
    return {
      group: o.group ?? '',
      version: o.version,
      resource: o.resource,
      namespace: o.namespace,
      eventTypes: o.eventTypes,
      filter: f && {
        prefix: f.prefix,
        labels: selectors(f.labels),
        fields: selectors(f.fields),
        createdBy: f.createdBy?.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        afterStart: f.afterStart,
      },
      metadata: o.metadata,
    };
  }
}

/** Properties of a `ResourceEventSource`. */
export interface ResourceEventSourceProps extends EventSourceBaseProps {}

/**
 * An EventSource watching Kubernetes objects. Its pod lists and watches the resource: unless a
 * `serviceAccount` is given, it gets a generated one holding exactly that (a Role in the watched
 * namespace, a ClusterRole when it watches every namespace).
 */
export class ResourceEventSource extends SingleKindEventSource<ResourceEvent> {
  constructor(scope: Construct, id: string, props: ResourceEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (changes of one resource type) and returns its handle. */
  public addEvent(eventName: string, options: ResourceEventOptions): ResourceEvent {
    const event = new ResourceEvent(this, eventName, options);
    // pkg/eventsources/sources/resource: a dynamic informer (list, watch) on the resource.
    this.grant([{
      apiGroup: options.group ?? '', resource: options.resource, verbs: ['list', 'watch'],
      ...(options.namespace === undefined ? { clusterScoped: true } : { namespace: options.namespace }),
    }]);
    return event;
  }
}
