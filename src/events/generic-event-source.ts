import { Construct } from 'constructs';
import { GenericEventSource as GenericConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, JsonBodyOptions, MessageEvent, SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a generic event (a gRPC server implementing Argo Events' Eventing service). */
export interface GenericEventOptions extends SourceEventOptions, JsonBodyOptions {
  /** Address of the gRPC server, e.g. `my-source.argo-events.svc:8080`. */
  readonly url: string;
  /** Configuration passed to the server (its own format, often YAML). */
  readonly config: string;
  /**
   * Connect without TLS.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Secret key holding a bearer token sent to the server.
   * @default - none
   */
  readonly authSecret?: SecretKeyRef;
}

/** An event of a generic EventSource. */
export class GenericEvent extends MessageEvent<'generic'> {
  /** @internal use `GenericEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: GenericEventOptions) {
    super(host, 'generic', eventName, options.jsonBody ?? false);
  }

  /** @internal */
  public _render(): GenericConfig {
    const o = this.options;
    return {
      url: o.url,
      config: o.config,
      insecure: o.insecure,
      authSecret: secretSelector(o.authSecret, `${this.node.path}: authSecret`),
      jsonBody: o.jsonBody,
      ...this.renderCommon(o),
    };
  }
}

/** Properties of a `GenericEventSource`. */
export interface GenericEventSourceProps extends EventSourceBaseProps {}

/** An EventSource reading events from a gRPC server of your own (Argo Events' generic source). */
export class GenericEventSource extends SingleKindEventSource<GenericEvent> {
  constructor(scope: Construct, id: string, props: GenericEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (a server) and returns its handle. */
  public addEvent(eventName: string, options: GenericEventOptions): GenericEvent {
    return new GenericEvent(this, eventName, options);
  }
}
