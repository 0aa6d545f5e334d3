import { Construct } from 'constructs';
import { SlackEventSource as SlackConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { RequestEndpoint, HttpEndpointOptions, IHttpEndpointHost } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a Slack endpoint (the Events API or interactive components call it). */
export interface SlackEndpointOptions extends HttpEndpointOptions, SourceEventOptions {
  /** Secret key holding the bot token. */
  readonly token: SecretKeyRef;
  /** Secret key holding the app's signing secret: requests are checked against their signature. */
  readonly signingSecret: SecretKeyRef;
}

/** A Slack endpoint: its events carry the request's `header` and `body`. */
export class SlackEndpoint extends RequestEndpoint<'slack'> {
  /** @internal use `SlackEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: SlackEndpointOptions) {
    super(host, 'slack', eventName, options);
  }

  /** @internal */
  public _render(): SlackConfig {
    const o = this.options;
    return {
      token: secretSelector(o.token, `${this.node.path}: token`),
      signingSecret: secretSelector(o.signingSecret, `${this.node.path}: signingSecret`),
      webhook: this.renderContext(),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `SlackEventSource`. */
export interface SlackEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving Slack events (Events API, slash commands, interactions), with its Service and Ingress. */
export class SlackEventSource extends HttpEventSourceBase<SlackEndpoint> {
  constructor(scope: Construct, id: string, props: SlackEventSourceProps = {}) {
    super(scope, id, props, 'slack');
  }

  /** Adds an endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: SlackEndpointOptions): SlackEndpoint {
    return new SlackEndpoint(this, eventName, options);
  }
}
