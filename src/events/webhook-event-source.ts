import { ApiObject, Lazy, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeIngress, KubeIngressPath, KubeIngressProps, KubeService, KubeServiceProps } from '../core/kube-objects';
import { ISecretRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addConstructCheck } from '../core/validation';
import { EventSourceBase, EventSourceBaseProps, EventSourceBody } from './event-source-base';
import { IWebhookHost, WebhookEndpoint, WebhookEndpointOptions } from './webhook-endpoint';
import { checkInteger } from '../core/number-check';

/** Port webhook endpoints share unless told otherwise (the one Argo's examples use). */
export const DEFAULT_WEBHOOK_PORT = 12000;

/** Label Argo Events puts on EventSource pods; the Service selects on it. */
const EVENTSOURCE_NAME_LABEL = 'eventsource-name';

/** Type of the Service exposing webhook endpoints (values of cdk8s-plus `ServiceType` are accepted too). */
export enum WebhookServiceType {
  /** Reachable inside the cluster only. */
  CLUSTER_IP = 'ClusterIP',
  /** Also on a port of every node. */
  NODE_PORT = 'NodePort',
  /** Also through the cloud provider's load balancer. */
  LOAD_BALANCER = 'LoadBalancer',
}

/** An Ingress in front of the webhook endpoints, so that an outside party can reach them. */
export interface WebhookIngressOptions {
  /**
   * Host name the endpoints are served on, e.g. `hooks.example.com`.
   * @default - any host
   */
  readonly host?: string;
  /**
   * IngressClass name.
   * @default - the cluster's default class
   */
  readonly className?: string;
  /**
   * TLS Secret (certificate and key) the Ingress terminates HTTPS with; needs `host`.
   * @default - no TLS at the Ingress
   */
  readonly tlsSecret?: ISecretRef;
}

/** Properties of a `WebhookEventSource`. */
export interface WebhookEventSourceProps extends EventSourceBaseProps {
  /**
   * Port endpoints listen on when they give none.
   * @default DEFAULT_WEBHOOK_PORT
   */
  readonly port?: number;
  /**
   * Type of the Service exposing the endpoints' ports.
   * @default WebhookServiceType.CLUSTER_IP
   */
  readonly serviceType?: `${WebhookServiceType}`;
  /**
   * Create an Ingress routing each endpoint path (exact match) to the Service.
   * @default - no Ingress
   */
  readonly ingress?: WebhookIngressOptions;
}

/**
 * An EventSource of webhook endpoints, with the Kubernetes Service that exposes their ports
 * and, optionally, an Ingress so that a caller outside the cluster can reach them.
 *
 * ```ts
 * const webhook = new WebhookEventSource(this, 'webhook', { eventBus: bus });
 * const omega = webhook.addEndpoint('omega', { path: '/omega' });
 * ```
 */
export class WebhookEventSource extends EventSourceBase {
  /** Default port of the endpoints. */
  public readonly port: number;
  private readonly endpoints: WebhookEndpoint[] = [];
  private readonly ingressOptions?: WebhookIngressOptions;
  private readonly serviceType: `${WebhookServiceType}`;
  private _service?: ApiObject;
  private _ingress?: ApiObject;

  constructor(scope: Construct, id: string, props: WebhookEventSourceProps = {}) {
    super(scope, id, props);
    // The range is rule E13's.
    checkInteger(this, 'port', props.port);
    this.port = props.port ?? DEFAULT_WEBHOOK_PORT;
    this.ingressOptions = props.ingress;
    expectKind(props.ingress?.tlsSecret, 'Secret', `${this.node.path}: ingress.tlsSecret`);
    this.serviceType = props.serviceType ?? WebhookServiceType.CLUSTER_IP;
    addConstructCheck(this, () => this.checkEndpoints());
  }

  /**
   * Name of the Service exposing the endpoints: `<name>-eventsource-svc`, the name Argo gives its
   * own; shortened with a hash when that exceeds the 63 characters a Service name may have.
   */
  public get serviceName(): string {
    const name = `${this.name}-eventsource-svc`;
    return name.length <= 63 ? name : Names.toDnsLabel(this, { extra: ['eventsource-svc'], maxLen: 63 });
  }

  /** The Service in front of the EventSource pods; created with the first endpoint. */
  public get service(): ApiObject | undefined {
    return this._service;
  }

  /** The Ingress, when one was asked for; created with the first endpoint. */
  public get ingress(): ApiObject | undefined {
    return this._ingress;
  }

  /** Adds a named endpoint (the event name sensors depend on) and returns its handle. */
  public addEndpoint(eventName: string, options: WebhookEndpointOptions): WebhookEndpoint {
    if (this.endpoints.some(e => e.eventName === eventName)) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: spec.webhook: endpoint "${eventName}" is defined twice; `
        + 'each webhook event needs its own name. Give the second endpoint another name.');
    }
    const host: IWebhookHost = {
      name: this.name,
      namespace: this.namespace,
      apiObject: this.apiObject,
      port: this.port,
      serviceName: this.serviceName,
      ingressBaseUrl: this.ingressOptions?.host && `${this.ingressOptions.tlsSecret ? 'https' : 'http'}://${this.ingressOptions.host}`,
    };
    const samePath = this.ingressOptions && this.endpoints.find(e => e.path === options.path);
    if (samePath) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: spec.webhook: endpoints "${samePath.eventName}" and "${eventName}" both listen on path ${options.path}: `
        + 'the Ingress routes a path to one backend, so one of them would be unreachable from outside. Give each endpoint its own path.');
    }
    const endpoint = new WebhookEndpoint(this, eventName, host, options);
    markChanged();
    this.endpoints.push(endpoint);
    this.ensureService();
    this.ensureIngress();
    return endpoint;
  }

  /** The endpoint of that event name; fails when there is none. */
  public event(eventName: string): WebhookEndpoint {
    const endpoint = this.endpoints.find(e => e.eventName === eventName);
    if (!endpoint) {
      throw new Error(`[${this.node.path}] EventSource/${this.name} has no webhook endpoint "${eventName}" `
        + `(it has: ${this.endpoints.map(e => e.eventName).join(', ') || 'none'}). Add it with addEndpoint().`);
    }
    return endpoint;
  }

  private ensureService(): void {
    this._service ??= new KubeService(this, 'Service', {
      metadata: { name: this.serviceName, namespace: this.namespace },
      spec: Lazy.any({ produce: (): KubeServiceProps['spec'] => ({
        type: this.serviceType,
        selector: { [EVENTSOURCE_NAME_LABEL]: this.name },
        ports: this.ports().map(port => ({ name: `http-${port}`, port, targetPort: port })),
        // Rendered as cdk8s-plus did, so that manifests do not change for apps upgrading.
        externalIPs: [],
      }) }),
    });
  }

  private ensureIngress(): void {
    if (!this.ingressOptions || this._ingress) return;
    const { host, tlsSecret, className } = this.ingressOptions;
    this._ingress = new KubeIngress(this, 'Ingress', {
      metadata: { name: `${this.name}-eventsource`, namespace: this.namespace },
      spec: Lazy.any({ produce: (): KubeIngressProps['spec'] => ({
        ingressClassName: className,
        rules: [{ host, http: { paths: this.ingressPaths() } }],
        tls: tlsSecret ? [{ hosts: host ? [host] : undefined, secretName: tlsSecret.name }] : undefined,
      }) }),
    });
  }

  /** The ports of the endpoints, each once, in the order endpoints were added. */
  private ports(): number[] {
    return [...new Set(this.endpoints.map(e => e.port))];
  }

  /** One exact-match path per endpoint, to its port of the Service, sorted by path. */
  private ingressPaths(): KubeIngressPath[] {
    return this.endpoints
      .map((e): KubeIngressPath => ({ path: e.path, pathType: 'Exact', backend: { service: { name: this.serviceName, port: { number: e.port } } } }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  protected renderBody(): EventSourceBody {
    return { webhook: Object.fromEntries(this.endpoints.map(e => [e.eventName, e._render()])) };
  }

  /** Cross-endpoint checks the rules cannot make (a port's TLS is whichever endpoint starts its server). */
  private checkEndpoints(): string[] {
    const errors: string[] = [];
    if (this.endpoints.length === 0) {
      errors.push(`EventSource/${this.name}: spec.webhook: no endpoints: the EventSource would run a pod that never publishes an event. Call addEndpoint().`);
    }
    const byPort = new Map<number, WebhookEndpoint[]>();
    for (const e of this.endpoints) byPort.set(e.port, [...(byPort.get(e.port) ?? []), e]);
    for (const [port, list] of byPort) {
      const tls = new Set(list.map(e => (e.tls ? `${e.tls.certificate.secret.name}/${e.tls.certificate.key}+${e.tls.privateKey.secret.name}/${e.tls.privateKey.key}` : 'none')));
      if (tls.size > 1) {
        errors.push(`EventSource/${this.name}: spec.webhook: endpoints ${list.map(e => `"${e.eventName}"`).join(', ')} share port ${port} with different TLS settings; `
          + 'one HTTP server serves a port and takes the TLS setting of whichever endpoint starts it. Give them the same tls, or different ports.');
      }
    }
    if (this.ingressOptions?.tlsSecret && !this.ingressOptions.host) {
      errors.push(`EventSource/${this.name}: ingress.tlsSecret needs ingress.host: the Ingress serves TLS per host name. Set ingress.host.`);
    }
    return errors;
  }
}
