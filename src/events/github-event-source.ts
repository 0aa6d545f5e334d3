import { Construct } from 'constructs';
import { GithubEventSource as GithubConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { RequestEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Repositories of one owner. */
export interface GitHubRepositories {
  /** User or organization owning the repositories. */
  readonly owner: string;
  /** Repository names. */
  readonly names: string[];
}

/** A GitHub App the event source authenticates as (instead of a token). */
export interface GitHubApp {
  /** Secret key holding the App's PEM private key. */
  readonly privateKey: SecretKeyRef;
  /** The App id. */
  readonly appId: number;
  /** The installation id. */
  readonly installationId: number;
}

/** Content types of the payloads GitHub sends. */
export enum GitHubContentType {
  /** `application/json` */
  JSON = 'json',
  /** `application/x-www-form-urlencoded` */
  FORM = 'form',
}

/** Options of a GitHub webhook endpoint: which repositories or organizations, which events, and the credentials. */
export interface GitHubEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /**
   * Repositories to receive events of (or give `organizations`).
   * @default - none
   */
  readonly repositories?: GitHubRepositories[];
  /**
   * Organizations to receive events of (or give `repositories`).
   * @default - none
   */
  readonly organizations?: string[];
  /**
   * Events to subscribe to (`push`, `pull_request`...; `*` for every one); needed when the hook is created.
   * @default - none
   */
  readonly events?: string[];
  /**
   * Secret key holding an API token: with it (or `app`), the event source creates the webhook on GitHub.
   * @default - the webhook is created by hand
   */
  readonly apiToken?: SecretKeyRef;
  /**
   * A GitHub App to authenticate as, instead of a token.
   * @default - none
   */
  readonly app?: GitHubApp;
  /**
   * Secret key holding the webhook secret: requests are checked against their HMAC signature.
   * @default - signatures are not checked
   */
  readonly webhookSecret?: SecretKeyRef;
  /**
   * GitHub Enterprise: its API and upload URLs.
   * @default - github.com
   */
  readonly enterprise?: {
    /** API base URL of the GitHub Enterprise server. */
    readonly baseUrl: string;
    /** Upload URL of the GitHub Enterprise server. */
    readonly uploadUrl: string;
  };
  /**
   * Let GitHub call without verifying the endpoint's TLS certificate.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Whether the created webhook is active.
   * @default false (Argo Events' default)
   */
  readonly active?: boolean;
  /**
   * Content type of the payloads.
   * @default GitHubContentType.JSON
   */
  readonly contentType?: GitHubContentType;
  /**
   * Delete the created webhook when the event source is deleted.
   * @default false
   */
  readonly deleteHookOnFinish?: boolean;
}

/** A GitHub webhook endpoint: its events carry the request's `headers` (e.g. `X-GitHub-Event`) and `body`. */
export class GitHubEndpoint extends RequestEndpoint<'github'> {
  /** @internal use `GitHubEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: GitHubEndpointOptions) {
    super(host, 'github', eventName, options);
  }

  /** @internal */
  public _render(): GithubConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      repositories: o.repositories?.map(r => ({ owner: r.owner, names: r.names })),
      organizations: o.organizations,
      events: o.events,
      apiToken: secretSelector(o.apiToken, `${at}: apiToken`),
      githubApp: o.app && { privateKey: secretSelector(o.app.privateKey, `${at}: app.privateKey`), appId: o.app.appId, installationId: o.app.installationId },
      webhookSecret: secretSelector(o.webhookSecret, `${at}: webhookSecret`),
      githubBaseUrl: o.enterprise?.baseUrl,
      githubUploadUrl: o.enterprise?.uploadUrl,
      insecure: o.insecure,
      active: o.active,
      contentType: o.contentType,
      deleteHookOnFinish: o.deleteHookOnFinish,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `GitHubEventSource`. */
export interface GitHubEventSourceProps extends HttpEventSourceProps {}

/**
 * An EventSource receiving GitHub webhooks (creating them on GitHub when given an API token or
 * an App), with the Service (and Ingress) the webhooks reach it through.
 *
 * ```ts
 * const github = new GitHubEventSource(this, 'github', { ingress: { host: 'hooks.example.com' } });
 * const push = github.addEndpoint('push', { path: '/push', repositories: [{ owner: 'argoproj', names: ['argo-events'] }],
 *   events: ['push'], apiToken: token.keyRef('token'), webhookSecret: hmac.keyRef('secret') });
 * ```
 */
export class GitHubEventSource extends HttpEventSourceBase<GitHubEndpoint> {
  constructor(scope: Construct, id: string, props: GitHubEventSourceProps = {}) {
    super(scope, id, props, 'github');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: GitHubEndpointOptions): GitHubEndpoint {
    return new GitHubEndpoint(this, eventName, options);
  }
}
