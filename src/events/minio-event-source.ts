import { Construct } from 'constructs';
import { EventsS3Artifact as MinioConfig } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { EventField } from './event-field';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, SourceEvent, SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';

/** Options of a MinIO (S3-compatible) bucket notification event. */
export interface MinioEventOptions extends Pick<SourceEventOptions, 'metadata'> {
  /** MinIO (or S3-compatible) endpoint, e.g. `minio-service.argo-events:9000`. */
  readonly endpoint: string;
  /** Bucket to watch. */
  readonly bucket: string;
  /** Notifications to publish, e.g. `s3:ObjectCreated:Put`. */
  readonly events: string[];
  /** Access keys of the endpoint. */
  readonly credentials: {
    /** Secret key holding the access key id. */
    readonly accessKey: SecretKeyRef;
    /** Secret key holding the secret access key. */
    readonly secretKey: SecretKeyRef;
  };
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
   * Region of the bucket.
   * @default - none
   */
  readonly region?: string;
  /**
   * Connect over plain HTTP.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Secret key holding the CA certificate of the endpoint.
   * @default - the system's roots
   */
  readonly caCertificate?: SecretKeyRef;
}

/** An event of a MinIO EventSource: a bucket notification (`notification.0.s3.object.key`...). */
export class MinioEvent extends SourceEvent<'minio'> {
  /** @internal use `MinioEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: MinioEventOptions) {
    super(host, 'minio', eventName);
  }

  /** A key of the (first) notification record, e.g. `s3.object.key`, `s3.bucket.name`, `eventName`. */
  public record(path: string): EventField {
    return this.field('notification', `0.${path}`);
  }

  /** @internal */
  public _render(): MinioConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      endpoint: o.endpoint,
      bucket: { name: o.bucket },
      events: o.events,
      filter: o.prefix !== undefined || o.suffix !== undefined ? { prefix: o.prefix ?? '', suffix: o.suffix ?? '' } : undefined,
      region: o.region,
      insecure: o.insecure,
      accessKey: secretSelector(o.credentials.accessKey, `${at}: credentials.accessKey`),
      secretKey: secretSelector(o.credentials.secretKey, `${at}: credentials.secretKey`),
      caCertificate: secretSelector(o.caCertificate, `${at}: caCertificate`),
      metadata: o.metadata,
    };
  }
}

/** Properties of a `MinioEventSource`. */
export interface MinioEventSourceProps extends EventSourceBaseProps {}

/** An EventSource of MinIO (S3-compatible) bucket notifications. */
export class MinioEventSource extends SingleKindEventSource<MinioEvent> {
  constructor(scope: Construct, id: string, props: MinioEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (notifications of a bucket) and returns its handle. */
  public addEvent(eventName: string, options: MinioEventOptions): MinioEvent {
    return new MinioEvent(this, eventName, options);
  }
}
