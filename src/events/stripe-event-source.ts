import { Construct } from 'constructs';
import { StripeEventSource as StripeConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventField } from './event-field';
import { HttpEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a Stripe webhook endpoint. */
export interface StripeEndpointOptions extends RegisteredEndpointOptions, Pick<SourceEventOptions, 'metadata'> {
  /**
   * Secret key holding the API key: with it, the event source creates the webhook on Stripe.
   * @default - the webhook is created by hand
   */
  readonly apiKey?: SecretKeyRef;
  /**
   * Event types to publish, e.g. `charge.succeeded`.
   * @default - every type
   */
  readonly eventFilter?: string[];
}

/** A Stripe webhook endpoint: its events carry the Stripe `event`. */
export class StripeEndpoint extends HttpEndpoint<'stripe'> {
  /** @internal use `StripeEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: StripeEndpointOptions) {
    super(host, 'stripe', eventName, options);
  }

  /** The Stripe event, or a key of it (`event('data.object.amount')`). */
  public stripeEvent(path?: string): EventField {
    return this.field('event', path);
  }

  /** @internal */
  public _render(): StripeConfig {
    const o = this.options;
    return {
      createWebhook: o.apiKey ? true : undefined,
      apiKey: secretSelector(o.apiKey, `${this.node.path}: apiKey`),
      eventFilter: o.eventFilter,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      metadata: o.metadata,
    };
  }
}

/** Properties of a `StripeEventSource`. */
export interface StripeEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving Stripe webhooks, with its Service and Ingress. */
export class StripeEventSource extends HttpEventSourceBase<StripeEndpoint> {
  constructor(scope: Construct, id: string, props: StripeEventSourceProps = {}) {
    super(scope, id, props, 'stripe');
  }

  /** Adds a webhook endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: StripeEndpointOptions): StripeEndpoint {
    return new StripeEndpoint(this, eventName, options);
  }
}
