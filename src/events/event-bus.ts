import { ApiObjectMetadata, Size } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import {
  ArgoEventBus, EventBusSpec, JetStreamBus, JetStreamConfig, KafkaBus, NativeStrategy, NatsConfig,
} from '../../imports/argo-events';
import { checkInteger } from '../core/number-check';
import { ClusterObjectOptions } from '../core/object-refs';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { EventBusObject } from './event-objects';
import { VolumeAccessMode } from '../workflows/volumes';
import { sizeQuantity } from '../core/quantity';
import { constructId } from '../core/construct-id';
import { checkLevel, DEFAULT_POD_SECURITY, PodSecurity, podSecurityPromises, recordPodSecurity, securedEventBus } from '../core/pod-security';

/** Name Argo Events gives the bus that EventSources and Sensors use when they name none. */
export const DEFAULT_EVENT_BUS_NAME = 'default';

/** JetStream version used when none is given: one the v1.9 controller config ships. */
export const DEFAULT_JETSTREAM_VERSION = '2.10.10';

/** The Kafka EventBus constructs of each app (by root construct), so that an EventSource finds its default bus without walking the tree. */
const KAFKA_BUSES = new WeakMap<IConstruct, EventBus[]>();

/** The Kafka EventBus constructs defined in the app of `construct`. @internal */
export function kafkaBusesOf(construct: IConstruct): readonly EventBus[] {
  return KAFKA_BUSES.get(construct.node.root) ?? [];
}

/** An EventBus that EventSources publish to and Sensors subscribe to. */
export interface IEventBus {
  /** `metadata.name` of the EventBus. */
  readonly name: string;
  /**
   * `metadata.namespace`, if known.
   * @default - the namespace it is applied to
   */
  readonly namespace?: string;
}

/** Storage for the JetStream StatefulSet. */
export interface JetStreamPersistence {
  /**
   * StorageClass of the volume claims.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Access mode of the volume claims.
   * @default - ReadWriteOnce (Argo Events' default)
   */
  readonly accessMode?: `${VolumeAccessMode}`;
  /**
   * Size of each volume.
   * @default - 20Gi (Argo Events' default)
   */
  readonly volumeSize?: Size;
}

/** A JetStream bus run by the Argo Events controller (the recommended backend). */
export interface JetStreamBusOptions extends Omit<JetStreamBus, 'version' | 'replicas' | 'persistence'> {
  /**
   * JetStream version; must be one of the versions in the controller's config map.
   * @default DEFAULT_JETSTREAM_VERSION
   */
  readonly version?: string;
  /**
   * StatefulSet size: 1, or 3 and more (Argo Events rejects 2).
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Persistent volumes for the streams.
   * @default - emptyDir volumes: events are lost when a pod restarts
   */
  readonly persistence?: JetStreamPersistence;
}

/** Which transport the bus uses. Create one with the static factories. */
export abstract class EventBusBackend {
  /** JetStream run by the controller. */
  public static jetStream(options: JetStreamBusOptions = {}): EventBusBackend {
    checkInteger('EventBusBackend.jetStream():', 'replicas', options.replicas);
    const { persistence, ...rest } = options;
    return new SpecBackend({
      jetstream: {
        ...rest,
        version: options.version ?? DEFAULT_JETSTREAM_VERSION,
        replicas: options.replicas ?? 3,
        persistence: persistence && {
          storageClassName: persistence.storageClassName,
          accessMode: persistence.accessMode,
          volumeSize: persistence.volumeSize && sizeQuantity(persistence.volumeSize),
        },
      },
    });
  }

  /** A JetStream server you run yourself (`jetstreamExotic`). */
  public static externalJetStream(config: JetStreamConfig): EventBusBackend {
    return new SpecBackend({ jetstreamExotic: config });
  }

  /** NATS Streaming run by the controller (deprecated upstream in favour of JetStream). */
  public static nativeNats(options: NativeStrategy = {}): EventBusBackend {
    checkInteger('EventBusBackend.nativeNats():', 'replicas', options.replicas);
    return new SpecBackend({ nats: { native: options } });
  }

  /** A NATS Streaming server you run yourself. */
  public static externalNats(config: NatsConfig): EventBusBackend {
    return new SpecBackend({ nats: { exotic: config } });
  }

  /** An existing Kafka cluster. */
  public static kafka(options: KafkaBus): EventBusBackend {
    return new SpecBackend({ kafka: options });
  }

  /** @internal */
  public abstract _render(): EventBusSpec;
}

class SpecBackend extends EventBusBackend {
  constructor(private readonly spec: EventBusSpec) {
    super();
  }

  /** @internal */
  public _render(): EventBusSpec {
    return this.spec;
  }
}

/** Properties of an `EventBus`. */
export interface EventBusProps {
  /**
   * Metadata of the EventBus object.
   * @default - named `default`, the bus EventSources and Sensors use when they name none
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Transport of the bus.
   * @default EventBusBackend.jetStream()
   */
  readonly backend?: EventBusBackend;
  /**
   * Pod Security level of the bus's StatefulSet (JetStream or native NATS; see `PodSecurity`):
   * by default it meets "restricted" (user and fsGroup 1000 unless set, RuntimeDefault seccomp,
   * every container without privilege escalation and capabilities) and a setting of the backend
   * that breaks it fails the synth. An external bus or Kafka runs no pod here.
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
}

/**
 * An Argo Events EventBus: the transport between EventSources and Sensors. JetStream with 3
 * replicas by default, named `default` so that EventSources and Sensors find it without naming it.
 */
export class EventBus extends Construct implements IEventBus {
  /** A bus that exists in the cluster but is not defined in this app. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): IEventBus {
    return { name, namespace: options.namespace };
  }

  /** `metadata.name` of the EventBus. */
  public readonly name: string;
  /** `metadata.namespace`, if set. */
  public readonly namespace?: string;
  /** The generated EventBus object. */
  public readonly apiObject: ArgoEventBus;
  /**
   * True for a Kafka bus: its EventSources elect their leader with a Kubernetes Lease (the
   * library grants them that), and its sensors elect none.
   */
  public readonly isKafka: boolean;
  private readonly busObject: EventBusObject;

  constructor(scope: Construct, id: string, props: EventBusProps = {}) {
    super(scope, constructId(scope, id));
    checkLevel(this, props.podSecurity);
    const podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY;
    const spec = (props.backend ?? EventBusBackend.jetStream())._render();
    this.isKafka = spec.kafka !== undefined;
    if (this.isKafka) {
      const root = this.node.root;
      KAFKA_BUSES.set(root, [...KAFKA_BUSES.get(root) ?? [], this]);
    }
    this.busObject = new EventBusObject(this, 'Resource', {
      metadata: { ...props.metadata, name: props.metadata?.name ?? DEFAULT_EVENT_BUS_NAME },
      spec: securedEventBus(podSecurity, spec),
    });
    this.apiObject = this.busObject;
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    addArgoValidation(this, () => ({ apiObject: this.apiObject, promises: podSecurityPromises(podSecurity) }));
    recordPodSecurity(this, podSecurity, { namespace: () => this.namespace, where: () => `EventBus/${this.name}: spec` });
  }

  /**
   * Escape hatch: sets a field of the EventBus manifest (Argo's field names, from the root), e.g.
   * `addOverride('spec.jetstream.maxPayload', '2MB')`; `undefined` removes it.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this.busObject.overrides.add([], path, value, `[${this.node.path}]`);
  }
}

/** `eventBusName` to emit for a bus: omitted for Argo's default bus. @internal */
export function eventBusNameOf(bus: IEventBus | undefined): string | undefined {
  return bus && bus.name !== DEFAULT_EVENT_BUS_NAME ? bus.name : undefined;
}
