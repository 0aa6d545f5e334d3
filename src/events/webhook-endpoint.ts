import { WebhookEventSource as WebhookConfig } from '../../imports/argo-events';
import { RequestEndpoint, HttpEndpointOptions, IHttpEndpointHost } from './http-endpoint';
import { SourceEventOptions } from './source-event';

export { WebhookMethod } from './http-endpoint';
export type { WebhookTls } from './http-endpoint';

/** Options of a webhook endpoint. */
export interface WebhookEndpointOptions extends HttpEndpointOptions, SourceEventOptions {}

/**
 * One named endpoint of a `WebhookEventSource` (an event of its spec): the handle a sensor
 * depends on, and the place its payload fields are read from (`body()`, `header()`).
 */
export class WebhookEndpoint extends RequestEndpoint<'webhook'> {
  /** @internal use `WebhookEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: WebhookEndpointOptions) {
    super(host, 'webhook', eventName, options);
  }

  /** @internal the generated configuration of the endpoint. */
  public _render(): WebhookConfig {
    return { ...this.renderContext(), ...this.renderCommon(this.options) };
  }
}
