import { Construct } from 'constructs';
import { GerritEventSource as GerritConfig } from '../../imports/argo-events';
import { RequestEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { BasicAuthCredentials, renderBasicAuth } from './source-options';

/** Options of a Gerrit webhook endpoint (the event source creates the hook with the credentials). */
export interface GerritEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /** The Gerrit server, e.g. `https://gerrit.example.com`. */
  readonly baseUrl: string;
  /** Projects to create the hook on. */
  readonly projects: string[];
  /** Events to subscribe to, e.g. `patchset-created`. */
  readonly events: string[];
  /** User and password (HTTP credentials) of the API. */
  readonly auth: BasicAuthCredentials;
  /**
   * Name of the hook.
   * @default - Argo Events' default
   */
  readonly hookName?: string;
  /**
   * Verify the server's TLS certificate.
   * @default false (Argo Events' default)
   */
  readonly sslVerify?: boolean;
  /**
   * Delete the hooks when the event source is deleted.
   * @default false
   */
  readonly deleteHookOnFinish?: boolean;
}

/** A Gerrit webhook endpoint: its events carry the request's `headers` and `body`. */
export class GerritEndpoint extends RequestEndpoint<'gerrit'> {
  /** @internal use `GerritEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: GerritEndpointOptions) {
    super(host, 'gerrit', eventName, options);
  }

  /** @internal */
  public _render(): GerritConfig {
    const o = this.options;
    return {
      gerritBaseUrl: o.baseUrl,
      projects: o.projects,
      events: o.events,
      auth: renderBasicAuth(o.auth, `${this.node.path}: auth`),
      hookName: o.hookName,
      sslVerify: o.sslVerify,
      deleteHookOnFinish: o.deleteHookOnFinish,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `GerritEventSource`. */
export interface GerritEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving Gerrit webhooks, with its Service and Ingress. */
export class GerritEventSource extends HttpEventSourceBase<GerritEndpoint> {
  constructor(scope: Construct, id: string, props: GerritEventSourceProps = {}) {
    super(scope, id, props, 'gerrit');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: GerritEndpointOptions): GerritEndpoint {
    return new GerritEndpoint(this, eventName, options);
  }
}
