import { Construct } from 'constructs';
import { StorageGridEventSource as StorageGridConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventField } from './event-field';
import { HttpEndpoint, IHttpEndpointHost, RegisteredEndpointOptions } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { ClientTls, renderTls, secretSelector } from './source-options';

/** Options of a NetApp StorageGRID notification endpoint. */
export interface StorageGridEndpointOptions extends RegisteredEndpointOptions, Pick<SourceEventOptions, 'metadata'> {
  /** ARN of the StorageGRID topic (endpoint) notifications go to. */
  readonly topicArn: string;
  /** Bucket to watch. */
  readonly bucket: string;
  /** StorageGRID API URL, e.g. `https://storagegrid.example.com/api/v3`. */
  readonly apiUrl: string;
  /** Secret key holding the API's auth token. */
  readonly authToken: SecretKeyRef;
  /** Notifications to publish, e.g. `s3:ObjectCreated:*`. */
  readonly events: string[];
  /**
   * Region of the bucket.
   * @default - none
   */
  readonly region?: string;
  /**
   * Only objects whose key starts with this.
   * @default - any key
   */
  readonly prefix?: string;
  /**
   * Only objects whose key ends with this.
   * @default - any key
   */
  readonly suffix?: string;
  /**
   * TLS towards the API (`tls` is the endpoint's own).
   * @default - the system's roots
   */
  readonly apiTls?: ClientTls;
}

/** A StorageGRID endpoint: its events carry the `notification`. */
export class StorageGridEndpoint extends HttpEndpoint<'storageGrid'> {
  /** @internal use `StorageGridEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: StorageGridEndpointOptions) {
    super(host, 'storageGrid', eventName, options);
  }

  /** A key of the notification, e.g. `Records.0.s3.object.key`. */
  public notification(path?: string): EventField {
    return this.field('notification', path);
  }

  /** @internal */
  public _render(): StorageGridConfig {
    const o = this.options;
    return {
      topicArn: o.topicArn,
      bucket: o.bucket,
      apiUrl: o.apiUrl,
      authToken: secretSelector(o.authToken, `${this.node.path}: authToken`),
      events: o.events,
      region: o.region,
      filter: o.prefix !== undefined || o.suffix !== undefined ? { prefix: o.prefix ?? '', suffix: o.suffix ?? '' } : undefined,
      tls: renderTls(o.apiTls, `${this.node.path}: apiTls`),
      webhook: this.renderContext(this.registeredUrl(o.url)),
      metadata: o.metadata,
    };
  }
}

/** Properties of a `StorageGridEventSource`. */
export interface StorageGridEventSourceProps extends HttpEventSourceProps {}

/** An EventSource receiving NetApp StorageGRID bucket notifications, with its Service and Ingress. */
export class StorageGridEventSource extends HttpEventSourceBase<StorageGridEndpoint> {
  constructor(scope: Construct, id: string, props: StorageGridEventSourceProps = {}) {
    super(scope, id, props, 'storageGrid');
  }

  /** Adds a notification endpoint and returns its handle. */
  public addEndpoint(eventName: string, options: StorageGridEndpointOptions): StorageGridEndpoint {
    return new StorageGridEndpoint(this, eventName, options);
  }
}
