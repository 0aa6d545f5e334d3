import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoEventSource, EventSourceSpec } from '../../imports/argo-events';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { fieldPath } from '../lint/path';
import { DEFAULT_EVENT_BUS_NAME, eventBusNameOf, IEventBus, kafkaBusesOf } from './event-bus';
import { IEventSourceEvent } from './event-handle';
import { electsWithLease, isKafkaBus, LEASE_PERMISSION } from './leader-election';
import { EventSourceObject } from './event-objects';
import { EventsPodProps, renderPodTemplate } from './pod-template';
import { RoleGrants } from './role-grants';
import { ISourceEventHost, SourceEvent } from './source-event';
import { SensorPermission } from './trigger-binding';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { checkLevel, DEFAULT_POD_SECURITY, podSecurityPromises, recordPodSecurity, securedEventsTemplate } from '../core/pod-security';

/** An EventSource, defined in this app or only in the cluster. */
export interface IEventSource {
  /** `metadata.name` of the EventSource. */
  readonly name: string;
  /**
   * `metadata.namespace`, if known.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
  /** The handle of one of its events. */
  event(eventName: string): IEventSourceEvent;
}

/**
 * The kinds Argo Events v1.9.11 runs with a leader election (`RecreateStrategyEventSources`):
 * on a Kafka bus, or with `LEADER_ELECTION=k8s`, through a Kubernetes Lease named `eventsource-<name>`.
 */
const LEADER_ELECTED_KINDS = new Set(['amqp', 'calendar', 'kafka', 'pubSub', 'azureEventsHub', 'azureServiceBus', 'nats', 'mqtt', 'minio', 'emitter', 'nsq',
  'pulsar', 'redis', 'redisStream', 'resource', 'hdfs', 'file', 'sftp', 'generic']);

/** Properties shared by every EventSource construct. */
export interface EventSourceBaseProps extends EventsPodProps {
  /**
   * Metadata of the EventSource object.
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The bus the events go to.
   * @default - the bus named `default`
   */
  readonly eventBus?: IEventBus;
  /**
   * Service account of the EventSource pod. Sources that call the Kubernetes API (resource,
   * calendar persistence, the Lease of a leader-elected source on a Kafka bus) otherwise get a generated one with exactly the permissions they need;
   * a given one must allow them itself (see `requiredPermissions`).
   * @default - the namespace's default service account, or a generated one where the source needs permissions
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Number of EventSource pods.
   * @default 1
   */
  readonly replicas?: number;
}

/** The source sections of an EventSource spec (`webhook`, `calendar`...) and its Service: what a subclass renders. */
export type EventSourceBody = Partial<Omit<EventSourceSpec, 'eventBusName' | 'replicas' | 'template'>>;

/**
 * What every EventSource construct shares: the API object, bus, pod template, the events its
 * subclass defines (each a `SourceEvent` child), the RBAC of sources that call the Kubernetes
 * API, validation and overrides.
 */
export abstract class EventSourceBase extends Construct implements IEventSource, ISourceEventHost {
  /** `metadata.name` of the EventSource. */
  public readonly name: string;
  /** `metadata.namespace`, if set. */
  public readonly namespace?: string;
  /** The generated EventSource object. */
  public readonly apiObject: ArgoEventSource;
  /** The bus the events go to, if one was given. */
  public readonly eventBus?: IEventBus;
  /** @internal */
  public readonly _object: EventSourceObject;
  private readonly definedEvents: SourceEvent[] = [];
  private readonly baseProps: EventSourceBaseProps;
  private grants?: RoleGrants;

  protected constructor(scope: Construct, id: string, props: EventSourceBaseProps) {
    super(scope, constructId(scope, id));
    expectKind(props.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    checkInteger(this, 'replicas', props.replicas, { min: 1, outOfRange: 'Argo Events runs one pod for any value below 1 (it cannot scale to zero); delete the object to stop it' });
    this.baseProps = props;
    this.eventBus = props.eventBus;
    checkLevel(this, props.podSecurity);
    const podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY;
    const spec: EventSourceSpec = Lazy.any({
      produce: () => withoutUndefined({
        ...this.renderBody(),
        eventBusName: eventBusNameOf(props.eventBus),
        replicas: props.replicas,
        template: securedEventsTemplate(podSecurity, renderPodTemplate(props, this.serviceAccount?.name)),
      }),
    });
    this._object = new EventSourceObject(this, 'Resource', { metadata: props.metadata, spec });
    this.apiObject = this._object;
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    addArgoValidation(this, () => ({ apiObject: this.apiObject, promises: podSecurityPromises(podSecurity) }), () => this.checkSource());
    recordPodSecurity(this, podSecurity, { namespace: () => this.namespace, where: () => `EventSource/${this.name}: spec.template` });
  }

  /** The events defined so far, in order. */
  public get events(): readonly SourceEvent[] {
    return [...this.definedEvents];
  }

  /** Service account of the pod: the given one, or the generated one once the source needs permissions. */
  public get serviceAccount(): IServiceAccountRef | undefined {
    return this.baseProps.serviceAccount ?? this.grants?.serviceAccount;
  }

  /** Every permission the source needs on the Kubernetes API (granted unless a service account was given). */
  public get requiredPermissions(): readonly SensorPermission[] {
    return this.grants?.permissions ?? [];
  }

  /** The handle of one of its events; fails when the EventSource does not define it. */
  public event(eventName: string): IEventSourceEvent {
    const found = this.definedEvents.find(e => e.eventName === eventName);
    if (!found) {
      throw new Error(`[${this.node.path}] EventSource/${this.name} has no event "${eventName}" (it has: ${this.definedEvents.map(e => e.eventName).join(', ') || 'none'}); `
        + 'a sensor depending on it would wait forever. Add it first, or use one of the existing names.');
    }
    return found;
  }

  /**
   * Escape hatch: sets a field of the EventSource manifest (Argo's field names, from the root),
   * e.g. `addOverride('spec.template.priorityClassName', 'high')`; `undefined` removes it.
   * Events have their own `addOverride()`, relative to their configuration.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this._object.overrides.add([], path, value, `[${this.node.path}]`);
  }

  /** @internal */
  public _checkEventName(kind: string, eventName: string): void {
    const same = this.definedEvents.find(e => e.eventName === eventName);
    if (same) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: ${fieldPath('spec', kind, eventName)}: event "${eventName}" is already defined (under ${same.kind}); `
        + 'an EventSource holds one event per name, and a sensor could not tell them apart. Give the second event another name.');
    }
  }

  /** @internal */
  public _register(event: SourceEvent): void {
    markChanged();
    this.definedEvents.push(event);
    this.eventKindAdded(event.kind);
  }

  /** Called for every event added: a leader-elected kind on a Kafka bus (or told to elect with a Lease) needs the Lease. */
  protected eventKindAdded(kind: string): void {
    if (LEADER_ELECTED_KINDS.has(kind) && (isKafkaBus(this.eventBus) || electsWithLease(this.baseProps))) this.grant([LEASE_PERMISSION]);
  }

  /** The source sections of the spec (`webhook`, `calendar`...) and the service, if any: each event under its kind. */
  protected renderBody(): EventSourceBody {
    const body: { [kind: string]: { [name: string]: unknown } } = {};
    for (const e of this.definedEvents) (body[e.kind] ??= {})[e.eventName] = e._render();
    return body as EventSourceBody;
  }

  /**
   * A leader-elected source on the app's default bus, when that is a Kafka bus given by name only:
   * the Lease was not granted (the bus was not known when the events were added).
   */
  private checkLease(): string[] {
    if (this.eventBus || !this.sourceKinds().some(k => LEADER_ELECTED_KINDS.has(k))) return [];
    const kafka = kafkaBusesOf(this).find(c => c.name === DEFAULT_EVENT_BUS_NAME && c.namespace === this.namespace);
    if (!kafka || this.requiredPermissions.some(p => p.resource === 'leases')) return [];
    return [`EventSource/${this.name}: spec.eventBusName: the EventSource uses the Kafka EventBus "${kafka.name}" (${kafka.node.path}), on which Argo Events elects the source's leader `
      + `with a Kubernetes Lease; its service account may not get, create and update leases, so the pod never starts listening. Pass the bus (eventBus: bus) so that the permission is granted${this.baseProps.serviceAccount ? ', and let the service account allow it' : ''}.`];
  }

  /** The kinds of the events defined (the spec sections). */
  protected sourceKinds(): string[] {
    return [...new Set(this.definedEvents.map(e => e.kind))];
  }

  /** Grants the pod's service account permissions on the Kubernetes API (generating one when none was given). */
  protected grant(permissions: readonly SensorPermission[]): void {
    this.grants ??= new RoleGrants(this, 'Rbac', { ownerName: this.name, suffix: 'eventsource', namespace: this.namespace, serviceAccount: this.baseProps.serviceAccount, eager: false });
    this.grants.grant(permissions);
  }

  /** Checks of the source as a whole, as messages. */
  protected check(): string[] {
    return [];
  }

  private checkSource(): string[] {
    const errors = [...this.check(), ...(this.grants?.check() ?? []).map(e => `EventSource/${this.name}: ${e}`), ...this.checkLease()];
    const bus = this.eventBus;
    if (bus?.namespace && this.namespace && bus.namespace !== this.namespace) {
      errors.push(`EventSource/${this.name}: spec.eventBusName: EventBus "${bus.name}" is in namespace "${bus.namespace}" but the EventSource is in "${this.namespace}": `
        + 'Argo Events looks the bus up in the EventSource\'s own namespace and would not find it. Define both in the same namespace.');
    }
    return errors;
  }
}
