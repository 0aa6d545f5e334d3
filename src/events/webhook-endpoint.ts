import { ApiObject, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { WebhookEventSource as WebhookConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addArgoValidation } from '../core/validation';
import { fieldPath } from '../lint/path';
import { EventContextKey, EventField } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { bytes } from './util';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';

/** HTTP methods a webhook endpoint accepts (matched exactly by the webhook server). */
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

/** Server certificate and key of a webhook port, from Secrets. */
export interface WebhookTls {
  /** Secret key holding the PEM certificate. */
  readonly certificate: SecretKeyRef;
  /** Secret key holding the PEM private key. */
  readonly privateKey: SecretKeyRef;
}

/** Options of a webhook endpoint. */
export interface WebhookEndpointOptions {
  /** URL path the endpoint listens on; starts with `/` (e.g. `/omega`). */
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
   * Secret key holding a bearer token callers must send (`Authorization: Bearer <token>`).
   * @default - no authentication
   */
  readonly authSecret?: SecretKeyRef;
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
   * Expression filtering requests before they become events (e.g. `body.action == "opened"`).
   * @default - no filter
   */
  readonly filterExpression?: string;
  /**
   * Static key/values delivered with every event.
   * @default - none
   */
  readonly metadata?: { readonly [key: string]: string };
}

/** What a webhook endpoint needs from its EventSource. */
export interface IWebhookHost {
  /** Name of the EventSource. */
  readonly name: string;
  /** Namespace of the EventSource, if known. */
  readonly namespace?: string;
  /** The EventSource's API object (validation scope). */
  readonly apiObject: ApiObject;
  /** Default port of the EventSource. */
  readonly port: number;
  /** Name of the Service that exposes the ports. */
  readonly serviceName: string;
  /** Host of the Ingress, if one is configured. */
  readonly ingressBaseUrl?: string;
}

/**
 * One named endpoint of a `WebhookEventSource` (an event of its spec): the handle a sensor
 * depends on, and the place its payload fields are read from (`body()`, `header()`).
 */
export class WebhookEndpoint extends Construct implements IEventSourceEvent {
  /** Name of the EventSource. */
  public readonly eventSourceName: string;
  /** Name of the event (the endpoint's name). */
  public readonly eventName: string;
  /** Namespace of the EventSource, if set. */
  public readonly namespace?: string;
  /** URL path of the endpoint. */
  public readonly path: string;
  /** HTTP method accepted. */
  public readonly method: WebhookMethod;
  /** Port of its HTTP server. */
  public readonly port: number;
  /** Its TLS setting, if any. */
  public readonly tls?: WebhookTls;
  private readonly options: WebhookEndpointOptions;

  constructor(scope: Construct, id: string, private readonly host: IWebhookHost, options: WebhookEndpointOptions) {
    super(scope, constructId(scope, id, 'an endpoint\'s event name'));
    markChanged();
    // The range is rule E13's.
    checkInteger(this, 'port', options.port);
    expectSecretKey(options.authSecret, `${this.node.path}: authSecret`);
    expectSecretKey(options.tls?.certificate, `${this.node.path}: tls.certificate`);
    expectSecretKey(options.tls?.privateKey, `${this.node.path}: tls.privateKey`);
    this.options = options;
    this.eventSourceName = host.name;
    this.eventName = id;
    this.namespace = host.namespace;
    this.path = options.path;
    this.method = options.method ?? WebhookMethod.POST;
    this.port = options.port ?? host.port;
    this.tls = options.tls;
    addArgoValidation(this, () => ({ apiObject: host.apiObject, fieldPath: fieldPath('spec', 'webhook', this.eventName) }));
  }

  /** URL inside the cluster, through the EventSource's Service (same namespace, or with it). */
  public get clusterUrl(): string {
    const scheme = this.tls ? 'https' : 'http';
    const svc = this.namespace ? `${this.host.serviceName}.${this.namespace}.svc` : this.host.serviceName;
    return `${scheme}://${svc}:${this.port}${this.path}`;
  }

  /** URL through the Ingress, for an outside caller; undefined without an Ingress host. */
  public get publicUrl(): string | undefined {
    return this.host.ingressBaseUrl && `${this.host.ingressBaseUrl}${this.path}`;
  }

  /** A key of the event payload (gjson path), e.g. `body.size`. */
  public data(path: string): EventField {
    return EventField.data(this, path);
  }

  /** The request body, or a key of it (`body('size')` reads `body.size`). */
  public body(path?: string): EventField {
    return EventField.body(this, path);
  }

  /** The first value of a request header (canonicalized as Go stores it: `X-Vendor-Id`). */
  public header(name: string): EventField {
    return EventField.header(this, name);
  }

  /** A CloudEvents context attribute. */
  public context(key: EventContextKey): EventField {
    return EventField.context(this, key);
  }

  /** @internal the generated configuration of the endpoint. */
  public _render(): WebhookConfig {
    const o = this.options;
    return {
      endpoint: this.path,
      method: this.method,
      port: String(this.port),
      authSecret: o.authSecret && secretKeySelector(o.authSecret),
      serverCertSecret: o.tls && secretKeySelector(o.tls.certificate),
      serverKeySecret: o.tls && secretKeySelector(o.tls.privateKey),
      maxPayloadSize: o.maxPayloadSize && bytes(o.maxPayloadSize),
      filter: o.filterExpression === undefined ? undefined : { expression: o.filterExpression },
      metadata: o.metadata,
    };
  }
}
