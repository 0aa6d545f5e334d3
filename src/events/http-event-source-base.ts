import { ApiObject, Lazy, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeIngress, KubeIngressPath, KubeIngressProps, KubeService, KubeServiceProps } from '../core/kube-objects';
import { ISecretRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { checkInteger } from '../core/number-check';
import { EventSourceBase, EventSourceBaseProps } from './event-source-base';
import { HttpEndpoint, IHttpEndpointHost } from './http-endpoint';
import { SourceKind } from './source-event';

/** Port endpoints share unless told otherwise (the one Argo's examples use). */
export const DEFAULT_WEBHOOK_PORT = 12000;

/** Label Argo Events puts on EventSource pods; the Service selects on it. */
const EVENTSOURCE_NAME_LABEL = 'eventsource-name';

/** Type of the Service exposing the endpoints (values of cdk8s-plus `ServiceType` are accepted too). */
export enum WebhookServiceType {
  /** Reachable inside the cluster only. */
  CLUSTER_IP = 'ClusterIP',
  /** Also on a port of every node. */
  NODE_PORT = 'NodePort',
  /** Also through the cloud provider's load balancer. */
  LOAD_BALANCER = 'LoadBalancer',
}

/** An Ingress in front of the endpoints, so that an outside party (a vendor, GitHub, AWS) can reach them. */
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

/** Properties of an EventSource that listens for HTTP requests. */
export interface HttpEventSourceProps extends EventSourceBaseProps {
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
 * What the EventSources that listen for HTTP share (webhook, GitHub, GitLab, Bitbucket, Gerrit,
 * Slack, Stripe, StorageGRID, SNS): endpoints on ports of the pod, the Kubernetes Service that
 * exposes them (created with the construct, so `service` is there before the first endpoint),
 * and optionally an Ingress routing each path, so that a caller outside the cluster has a URL.
 */
export abstract class HttpEventSourceBase<E extends HttpEndpoint<SourceKind> = HttpEndpoint<SourceKind>> extends EventSourceBase implements IHttpEndpointHost {
  /** Default port of the endpoints. */
  public readonly port: number;
  /** The Service in front of the EventSource pods (its ports are the endpoints'). */
  public readonly service: ApiObject;
  /** The Ingress, when one was asked for. */
  public readonly ingress?: ApiObject;
  private readonly ingressOptions?: WebhookIngressOptions;

  protected constructor(scope: Construct, id: string, props: HttpEventSourceProps, private readonly endpointKind: SourceKind) {
    super(scope, id, props);
    // The range is rule E13's.
    checkInteger(this, 'port', props.port);
    this.port = props.port ?? DEFAULT_WEBHOOK_PORT;
    expectKind(props.ingress?.tlsSecret, 'Secret', `${this.node.path}: ingress.tlsSecret`);
    this.ingressOptions = props.ingress;
    this.service = new KubeService(this, 'Service', {
      metadata: { name: this.serviceName, namespace: this.namespace },
      spec: Lazy.any({ produce: (): KubeServiceProps['spec'] => ({
        type: props.serviceType ?? WebhookServiceType.CLUSTER_IP,
        selector: { [EVENTSOURCE_NAME_LABEL]: this.name },
        ports: this.ports().map(port => ({ name: `http-${port}`, port, targetPort: port })),
        // Rendered as cdk8s-plus did, so that manifests do not change for apps upgrading.
        externalIPs: [],
      }) }),
    });
    if (props.ingress) {
      const { host, tlsSecret, className } = props.ingress;
      this.ingress = new KubeIngress(this, 'Ingress', {
        metadata: { name: `${this.name}-eventsource`, namespace: this.namespace },
        spec: Lazy.any({ produce: (): KubeIngressProps['spec'] => ({
          ingressClassName: className,
          rules: [{ host, http: { paths: this.ingressPaths() } }],
          tls: tlsSecret ? [{ hosts: host ? [host] : undefined, secretName: tlsSecret.name }] : undefined,
        }) }),
      });
    }
  }

  /**
   * Name of the Service exposing the endpoints: `<name>-eventsource-svc`, the name Argo gives its
   * own; shortened with a hash when that exceeds the 63 characters a Service name may have.
   */
  public get serviceName(): string {
    const name = `${this.name}-eventsource-svc`;
    return name.length <= 63 ? name : Names.toDnsLabel(this, { extra: ['eventsource-svc'], maxLen: 63 });
  }

  /** `http(s)://<host>` of the Ingress, when it has a host. */
  public get ingressBaseUrl(): string | undefined {
    const o = this.ingressOptions;
    return o?.host && `${o.tlsSecret ? 'https' : 'http'}://${o.host}`;
  }

  /** The endpoint of that event name; fails when there is none. */
  public override event(eventName: string): E {
    return super.event(eventName) as E;
  }

  /** The endpoints, in the order they were added. */
  public get endpoints(): readonly HttpEndpoint<SourceKind>[] {
    return this.events.filter((e): e is HttpEndpoint<SourceKind> => e instanceof HttpEndpoint);
  }

  /** @internal */
  public _checkEndpoint(eventName: string, path: string): void {
    const samePath = this.ingressOptions && this.endpoints.find(e => e.path === path);
    if (samePath) {
      throw new Error(`[${this.node.path}] EventSource/${this.name}: spec.${this.endpointKind}: endpoints "${samePath.eventName}" and "${eventName}" both listen on path ${path}: `
        + 'the Ingress routes a path to one backend, so one of them would be unreachable from outside. Give each endpoint its own path.');
    }
  }

  /** Cross-endpoint checks the rules cannot make (a port's TLS is whichever endpoint starts its server). */
  protected override check(): string[] {
    const errors: string[] = [];
    const endpoints = this.endpoints;
    if (endpoints.length === 0) {
      errors.push(`EventSource/${this.name}: spec.${this.endpointKind}: no endpoints: the EventSource would run a pod that never publishes an event, behind a Service without ports. Call addEndpoint().`);
    }
    const byPort = new Map<number, HttpEndpoint<SourceKind>[]>();
    for (const e of endpoints) byPort.set(e.port, [...(byPort.get(e.port) ?? []), e]);
    for (const [port, list] of byPort) {
      const tls = new Set(list.map(e => (e.tls ? `${e.tls.certificate.secret.name}/${e.tls.certificate.key}+${e.tls.privateKey.secret.name}/${e.tls.privateKey.key}` : 'none')));
      if (tls.size > 1) {
        errors.push(`EventSource/${this.name}: spec.${this.endpointKind}: endpoints ${list.map(e => `"${e.eventName}"`).join(', ')} share port ${port} with different TLS settings; `
          + 'one HTTP server serves a port and takes the TLS setting of whichever endpoint starts it. Give them the same tls, or different ports.');
      }
    }
    if (this.ingressOptions?.tlsSecret && !this.ingressOptions.host) {
      errors.push(`EventSource/${this.name}: ingress.tlsSecret needs ingress.host: the Ingress serves TLS per host name. Set ingress.host.`);
    }
    return errors;
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
}
