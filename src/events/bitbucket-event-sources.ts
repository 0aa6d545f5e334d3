import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { BitbucketEventSource as BitbucketConfig, BitbucketServerEventSource as BitbucketServerConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { RequestEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { BasicAuthCredentials, ClientTls, renderBasicAuth, renderTls, secretSelector } from './source-options';
import { goDuration } from './util';

/** How the event source authenticates to Bitbucket Cloud: a user and app password, or an OAuth token. */
export type BitbucketAuth = {
  /** A user name and an app password, from Secrets. */
  readonly basic: BasicAuthCredentials;
} | {
  /** An OAuth token, from a Secret. */
  readonly oauthToken: SecretKeyRef;
};

/** Options of a Bitbucket Cloud webhook endpoint. */
export interface BitbucketEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /** Repositories to create the hook on (at least one). */
  readonly repositories: {
    /** Workspace (owner) of the repository. */
    readonly owner: string;
    /** Slug of the repository. */
    readonly repositorySlug: string;
  }[];
  /**
   * Events to subscribe to, e.g. `repo:push`; needed when the hook is created.
   * @default - none
   */
  readonly events?: string[];
  /**
   * Credentials: with them, the event source creates the hooks.
   * @default - the hooks are created by hand
   */
  readonly auth?: BitbucketAuth;
  /**
   * Delete the hooks when the event source is deleted.
   * @default false
   */
  readonly deleteHookOnFinish?: boolean;
}

/** A Bitbucket Cloud webhook endpoint: its events carry the request's `headers` and `body`. */
export class BitbucketEndpoint extends RequestEndpoint<'bitbucket'> {
  /** @internal use `BitbucketEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: BitbucketEndpointOptions) {
    super(host, 'bitbucket', eventName, options);
  }

  /** @internal */
  public _render(): BitbucketConfig {
    const o = this.options;
    const auth = o.auth;
    return {
      repositories: o.repositories.map(r => ({ owner: r.owner, repositorySlug: r.repositorySlug })),
      events: o.events,
      auth: auth && ('basic' in auth
        ? { basic: renderBasicAuth(auth.basic, `${this.node.path}: auth.basic`) }
        : { oauthToken: secretSelector(auth.oauthToken, `${this.node.path}: auth.oauthToken`) }),
      deleteHookOnFinish: o.deleteHookOnFinish,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `BitbucketEventSource`. */
export interface BitbucketEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving Bitbucket Cloud webhooks, with its Service and Ingress. */
export class BitbucketEventSource extends HttpEventSourceBase<BitbucketEndpoint> {
  constructor(scope: Construct, id: string, props: BitbucketEventSourceProps = {}) {
    super(scope, id, props, 'bitbucket');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: BitbucketEndpointOptions): BitbucketEndpoint {
    return new BitbucketEndpoint(this, eventName, options);
  }
}

/** Options of a Bitbucket Server (Data Center) webhook endpoint. */
export interface BitbucketServerEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /** The server's REST API URL, e.g. `https://bitbucket.example.com/rest`. */
  readonly baseUrl: string;
  /**
   * Repositories to create the hook on.
   * @default - none
   */
  readonly repositories?: {
    /** Key of the project. */
    readonly projectKey: string;
    /** Slug of the repository. */
    readonly repositorySlug: string;
  }[];
  /**
   * Projects (keys) to create the hook on.
   * @default - none
   */
  readonly projects?: string[];
  /**
   * Events to subscribe to, e.g. `repo:refs_changed`; needed when the hook is created.
   * @default - none
   */
  readonly events?: string[];
  /**
   * Secret key holding an access token: with it, the event source creates the hooks.
   * @default - the hooks are created by hand
   */
  readonly accessToken?: SecretKeyRef;
  /**
   * Secret key holding the webhook secret: requests are checked against their signature.
   * @default - not checked
   */
  readonly webhookSecret?: SecretKeyRef;
  /**
   * How often the hooks are checked (and recreated when missing).
   * @default - Argo Events' default (1m)
   */
  readonly checkInterval?: Duration;
  /**
   * One event per changed ref (instead of one per request).
   * @default false
   */
  readonly oneEventPerChange?: boolean;
  /**
   * Skip `repo:refs_changed` events of branches that have an open pull request.
   * @default false
   */
  readonly skipBranchRefsChangedOnOpenPr?: boolean;
  /**
   * TLS towards the server's API (`tls` is the endpoint's own).
   * @default - the system's roots
   */
  readonly apiTls?: ClientTls;
  /**
   * Delete the hooks when the event source is deleted.
   * @default false
   */
  readonly deleteHookOnFinish?: boolean;
}

/** A Bitbucket Server webhook endpoint: its events carry the request's `headers` and `body`. */
export class BitbucketServerEndpoint extends RequestEndpoint<'bitbucketserver'> {
  /** @internal use `BitbucketServerEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: BitbucketServerEndpointOptions) {
    super(host, 'bitbucketserver', eventName, options);
  }

  /** @internal */
  public _render(): BitbucketServerConfig {
    const o = this.options;
    return {
      bitbucketserverBaseUrl: o.baseUrl,
      repositories: o.repositories?.map(r => ({ projectKey: r.projectKey, repositorySlug: r.repositorySlug })),
      projects: o.projects,
      events: o.events,
      accessToken: secretSelector(o.accessToken, `${this.node.path}: accessToken`),
      webhookSecret: secretSelector(o.webhookSecret, `${this.node.path}: webhookSecret`),
      checkInterval: o.checkInterval && goDuration(o.checkInterval),
      oneEventPerChange: o.oneEventPerChange,
      skipBranchRefsChangedOnOpenPr: o.skipBranchRefsChangedOnOpenPr,
      tls: renderTls(o.apiTls, `${this.node.path}: apiTls`),
      deleteHookOnFinish: o.deleteHookOnFinish,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `BitbucketServerEventSource`. */
export interface BitbucketServerEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving Bitbucket Server webhooks, with its Service and Ingress. */
export class BitbucketServerEventSource extends HttpEventSourceBase<BitbucketServerEndpoint> {
  constructor(scope: Construct, id: string, props: BitbucketServerEventSourceProps = {}) {
    super(scope, id, props, 'bitbucketserver');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: BitbucketServerEndpointOptions): BitbucketServerEndpoint {
    return new BitbucketServerEndpoint(this, eventName, options);
  }
}
