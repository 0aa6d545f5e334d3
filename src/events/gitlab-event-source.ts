import { Construct } from 'constructs';
import { GitlabEventSource as GitlabConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { RequestEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a GitLab webhook endpoint (the event source creates the hook with the access token). */
export interface GitLabEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /**
   * Projects (ids or `group/name` paths) to create the hook on (or give `groups`).
   * @default - none
   */
  readonly projects?: string[];
  /**
   * Groups to create the hook on (or give `projects`).
   * @default - none
   */
  readonly groups?: string[];
  /** Events to subscribe to, e.g. `PushEvents`, `MergeRequestsEvents`. */
  readonly events: string[];
  /** Secret key holding the API access token. */
  readonly accessToken: SecretKeyRef;
  /**
   * Secret key holding the token GitLab sends (`X-Gitlab-Token`), checked on each request.
   * @default - not checked
   */
  readonly secretToken?: SecretKeyRef;
  /**
   * The GitLab server.
   * @default 'https://gitlab.com'
   */
  readonly baseUrl?: string;
  /**
   * Let GitLab verify the endpoint's TLS certificate.
   * @default false (Argo Events' default)
   */
  readonly enableSslVerification?: boolean;
  /**
   * Delete the hooks when the event source is deleted.
   * @default false
   */
  readonly deleteHookOnFinish?: boolean;
}

/** A GitLab webhook endpoint: its events carry the request's `headers` and `body`. */
export class GitLabEndpoint extends RequestEndpoint<'gitlab'> {
  /** @internal use `GitLabEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: GitLabEndpointOptions) {
    super(host, 'gitlab', eventName, options);
  }

  /** @internal */
  public _render(): GitlabConfig {
    const o = this.options;
    return {
      projects: o.projects,
      groups: o.groups,
      events: o.events,
      accessToken: secretSelector(o.accessToken, `${this.node.path}: accessToken`),
      secretToken: secretSelector(o.secretToken, `${this.node.path}: secretToken`),
      gitlabBaseUrl: o.baseUrl ?? 'https://gitlab.com',
      enableSslVerification: o.enableSslVerification,
      deleteHookOnFinish: o.deleteHookOnFinish,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `GitLabEventSource`. */
export interface GitLabEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving GitLab webhooks (created on GitLab with the access token), with its Service and Ingress. */
export class GitLabEventSource extends HttpEventSourceBase<GitLabEndpoint> {
  constructor(scope: Construct, id: string, props: GitLabEventSourceProps = {}) {
    super(scope, id, props, 'gitlab');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: GitLabEndpointOptions): GitLabEndpoint {
    return new GitLabEndpoint(this, eventName, options);
  }
}
