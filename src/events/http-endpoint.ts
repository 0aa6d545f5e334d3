import { Size } from 'cdk8s';
import { WebhookContext } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey } from '../core/ref-inspection';
import { checkInteger } from '../core/number-check';
import { EventField } from './event-field';
import { ISourceEventHost, SourceEvent, SourceKind } from './source-event';
import { secretSelector } from './source-options';
import { sizeBytes } from '../core/quantity';
import { canonicalHeaderKey } from './util';

/** HTTP methods a webhook endpoint accepts (matched exactly by the event source's server). */
export enum WebhookMethod {
  /** GET */
  GET = 'GET',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** PATCH */
  PATCH = 'PATCH',
  /** DELETE */
  DELETE = 'DELETE',
  /** HEAD */
  HEAD = 'HEAD',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
}

/** Server certificate and key of an endpoint's port, from Secrets. */
export interface WebhookTls {
  /** Secret key holding the PEM certificate. */
  readonly certificate: SecretKeyRef;
  /** Secret key holding the PEM private key. */
  readonly privateKey: SecretKeyRef;
}

/** Where an HTTP event source listens for one event, and how. */
export interface HttpEndpointOptions {
  /** URL path the endpoint listens on; starts with `/` (e.g. `/push`). */
  readonly path: string;
  /**
   * Accepted HTTP method; other methods get 405.
   * @default WebhookMethod.POST
   */
  readonly method?: WebhookMethod;
  /**
   * Port of the HTTP server; endpoints on one port share a server.
   * @default - the EventSource's port
   */
  readonly port?: number;
  /**
   * Serve HTTPS on this endpoint's port. Every endpoint of a port must use the same TLS setting.
   * @default - plain HTTP
   */
  readonly tls?: WebhookTls;
  /**
   * Largest request body accepted; bigger requests get "request too large".
   * @default - 1 MiB (Argo Events' default)
   */
  readonly maxPayloadSize?: Size;
  /**
   * Secret key holding a bearer token callers must send (`Authorization: Bearer <token>`).
   * @default - no authentication
   */
  readonly authSecret?: SecretKeyRef;
}

/** Options of an endpoint that a service (GitHub, SNS, Stripe...) is told to call. */
export interface RegisteredEndpointOptions extends HttpEndpointOptions {
  /**
   * Base URL the service calls (the endpoint's path is appended), reachable from outside the
   * cluster; the event source registers it with the service.
   * @default - the Ingress's URL when the EventSource has an Ingress host, else none
   */
  readonly url?: string;
}

/** What an HTTP endpoint needs from its EventSource. */
export interface IHttpEndpointHost extends ISourceEventHost {
  /** Port of endpoints that give none. */
  readonly port: number;
  /** Name of the Service that exposes the ports. */
  readonly serviceName: string;
  /**
   * `http(s)://<host>` of the Ingress, if one with a host is configured.
   * @default - no Ingress host
   */
  readonly ingressBaseUrl?: string;
  /** Refuses an endpoint the Ingress could not route (before it is created). @internal */
  _checkEndpoint(eventName: string, path: string): void;
}

/**
 * An event an HTTP event source receives on an endpoint (a path on a port of its Service): the
 * handle sensors depend on, with its URLs.
 */
export abstract class HttpEndpoint<K extends SourceKind> extends SourceEvent<K> {
  /** URL path of the endpoint. */
  public readonly path: string;
  /** HTTP method accepted. */
  public readonly method: WebhookMethod;
  /** Port of its HTTP server. */
  public readonly port: number;
  /** Its TLS setting, if any. */
  public readonly tls?: WebhookTls;
  private readonly endpointHost: IHttpEndpointHost;

  protected constructor(host: IHttpEndpointHost, kind: K, eventName: string, private readonly endpoint: HttpEndpointOptions) {
    host._checkEndpoint(eventName, endpoint.path);
    super(host, kind, eventName);
    // The range is rule E13's.
    checkInteger(this, 'port', endpoint.port);
    expectSecretKey(endpoint.authSecret, `${this.node.path}: authSecret`);
    expectSecretKey(endpoint.tls?.certificate, `${this.node.path}: tls.certificate`);
    expectSecretKey(endpoint.tls?.privateKey, `${this.node.path}: tls.privateKey`);
    this.endpointHost = host;
    this.path = endpoint.path;
    this.method = endpoint.method ?? WebhookMethod.POST;
    this.port = endpoint.port ?? host.port;
    this.tls = endpoint.tls;
  }

  /** URL inside the cluster, through the EventSource's Service (with its namespace, when set). */
  public get clusterUrl(): string {
    const scheme = this.tls ? 'https' : 'http';
    const svc = this.namespace ? `${this.endpointHost.serviceName}.${this.namespace}.svc` : this.endpointHost.serviceName;
    return `${scheme}://${svc}:${this.port}${this.path}`;
  }

  /** URL through the Ingress, for an outside caller; undefined without an Ingress host. */
  public get publicUrl(): string | undefined {
    return this.endpointHost.ingressBaseUrl && `${this.endpointHost.ingressBaseUrl}${this.path}`;
  }

  /** The webhook context of the endpoint (`url` only for sources that register it with a service). */
  protected renderContext(url?: string): WebhookContext {
    const o = this.endpoint;
    const at = `${this.node.path}`;
    return {
      endpoint: this.path,
      method: this.method,
      port: String(this.port),
      url,
      authSecret: secretSelector(o.authSecret, `${at}: authSecret`),
      serverCertSecret: secretSelector(o.tls?.certificate, `${at}: tls.certificate`),
      serverKeySecret: secretSelector(o.tls?.privateKey, `${at}: tls.privateKey`),
      maxPayloadSize: o.maxPayloadSize && wholeBytes(o.maxPayloadSize, `${at}: maxPayloadSize`),
    };
  }

  /** The base URL a service calls: the given one, else the Ingress's. */
  protected registeredUrl(url: string | undefined): string | undefined {
    return url ?? this.endpointHost.ingressBaseUrl;
  }
}

/** An endpoint whose events carry the HTTP request: its headers and body (webhook, git hosts, Slack, SNS). */
export abstract class RequestEndpoint<K extends SourceKind> extends HttpEndpoint<K> {
  /** The request body, or a key of it (`body('size')` reads `body.size`). */
  public body(path?: string): EventField {
    return EventField.data(this, path ? `body.${path}` : 'body');
  }

  /** A request header's first value, canonicalized as Go stores it (`X-Vendor-Id`). */
  public header(name: string): EventField {
    return EventField.header(this, name);
  }

  /** The payload key of a header's first value: `header.<Name>.0`, or `headers.<Name>.0` where the kind says `headers`. */
  public headerKey(name: string): string {
    const field = (this.payloadFields as readonly string[]).includes('headers') ? 'headers' : 'header';
    return `${field}.${canonicalHeaderKey(name)}.0`;
  }
}

/** A Size as the whole number of bytes Argo Events keeps (an int64). */
function wholeBytes(size: Size, where: string): number {
  const n = sizeBytes(size);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${where}: must be a whole, positive number of bytes, got ${n}: give it in a unit it is a whole number of (Size.mebibytes(2))`);
  return n;
}
