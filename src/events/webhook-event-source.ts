import { Construct } from 'constructs';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { WebhookEndpoint, WebhookEndpointOptions } from './webhook-endpoint';

export { DEFAULT_WEBHOOK_PORT, WebhookServiceType } from './http-event-source-base';
export type { WebhookIngressOptions } from './http-event-source-base';

/** Properties of a `WebhookEventSource`. */
export interface WebhookEventSourceProps extends HttpEventSourceProps {}

/**
 * An EventSource of webhook endpoints, with the Kubernetes Service that exposes their ports
 * and, optionally, an Ingress so that a caller outside the cluster can reach them.
 *
 * ```ts
 * const webhook = new WebhookEventSource(this, 'webhook', { eventBus: bus });
 * const omega = webhook.addEndpoint('omega', { path: '/omega' });
 * ```
 */
export class WebhookEventSource extends HttpEventSourceBase<WebhookEndpoint> {
  constructor(scope: Construct, id: string, props: WebhookEventSourceProps = {}) {
    super(scope, id, props, 'webhook');
  }

  /** Adds a named endpoint (the event name sensors depend on) and returns its handle. */
  public addEndpoint(eventName: string, options: WebhookEndpointOptions): WebhookEndpoint {
    return new WebhookEndpoint(this, eventName, options);
  }
}
