import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoEventSource, EventSourceSpec, EventsTemplate } from '../../imports/argo-events';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { eventBusNameOf, IEventBus } from './event-bus';
import { IEventSourceEvent } from './event-handle';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { checkLevel, DEFAULT_POD_SECURITY, PodSecurity, podSecurityPromises, recordPodSecurity, securedEventsTemplate } from '../core/pod-security';

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

/** Properties shared by every EventSource construct. */
export interface EventSourceBaseProps {
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
   * Service account of the EventSource pod (sources that call the Kubernetes API need one).
   * @default - the namespace's default service account
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Number of EventSource pods.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Pod template of the EventSource deployment (node selector, resources, security context...).
   * @default - Argo Events' defaults
   */
  readonly template?: Omit<EventsTemplate, 'serviceAccountName'>;
  /**
   * Pod Security level of the pod (see `PodSecurity`): by default it meets "restricted" (user
   * 9731 unless set, RuntimeDefault seccomp, no privilege escalation, all capabilities dropped)
   * and a setting of \`template\` that breaks it fails the synth.
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
}

/** The source sections of an EventSource spec (`webhook`, `calendar`...) and its Service: what a subclass renders. */
export type EventSourceBody = Partial<Omit<EventSourceSpec, 'eventBusName' | 'replicas' | 'template'>>;

/** What every EventSource construct shares: the API object, bus, pod template and validation. */
export abstract class EventSourceBase extends Construct implements IEventSource {
  /** `metadata.name` of the EventSource. */
  public readonly name: string;
  /** `metadata.namespace`, if set. */
  public readonly namespace?: string;
  /** The generated EventSource object. */
  public readonly apiObject: ArgoEventSource;
  /** The bus the events go to, if one was given. */
  public readonly eventBus?: IEventBus;

  protected constructor(scope: Construct, id: string, props: EventSourceBaseProps) {
    super(scope, constructId(scope, id));
    expectKind(props.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    checkInteger(this, 'replicas', props.replicas, { min: 1, outOfRange: 'Argo Events runs one pod for any value below 1 (it cannot scale to zero); delete the object to stop it' });
    this.eventBus = props.eventBus;
    checkLevel(this, props.podSecurity);
    const podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY;
    const template = securedEventsTemplate(podSecurity, props.template || props.serviceAccount
      ? { ...props.template, serviceAccountName: props.serviceAccount?.name } : undefined);
    const spec: EventSourceSpec = Lazy.any({
      produce: () => withoutUndefined({
        ...this.renderBody(),
        eventBusName: eventBusNameOf(props.eventBus),
        replicas: props.replicas,
        template,
      }),
    });
    this.apiObject = new ArgoEventSource(this, 'Resource', { metadata: props.metadata, spec });
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    addArgoValidation(this, () => ({ apiObject: this.apiObject, promises: podSecurityPromises(podSecurity) }), () => this.checkBusNamespace());
    recordPodSecurity(this, podSecurity, { namespace: () => this.namespace, where: () => `EventSource/${this.name}: spec.template` });
  }

  /** The handle of one of its events; fails when the EventSource does not define it. */
  public abstract event(eventName: string): IEventSourceEvent;

  /** The source sections of the spec (`webhook`, `calendar`...) and the service, if any. */
  protected abstract renderBody(): EventSourceBody;

  private checkBusNamespace(): string[] {
    const bus = this.eventBus;
    if (!bus?.namespace || !this.namespace || bus.namespace === this.namespace) return [];
    return [`EventSource/${this.name}: spec.eventBusName: EventBus "${bus.name}" is in namespace "${bus.namespace}" but the EventSource is in "${this.namespace}": `
      + 'Argo Events looks the bus up in the EventSource\'s own namespace and would not find it. Define both in the same namespace.'];
  }
}
