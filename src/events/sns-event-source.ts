import { Construct } from 'constructs';
import { SnsEventSource as SnsConfig } from '../../imports/argo-events';
import { IHttpEndpointHost, RegisteredEndpointOptions, RequestEndpoint } from './http-endpoint';
import { HttpEventSourceBase, HttpEventSourceProps } from './http-event-source-base';
import { SourceEventOptions } from './source-event';
import { AwsCredentials, renderAwsCredentials } from './source-options';

/** Options of an SNS endpoint: the event source subscribes it to the topic. */
export interface SnsEndpointOptions extends RegisteredEndpointOptions, SourceEventOptions {
  /** ARN of the topic. */
  readonly topicArn: string;
  /** AWS region of the topic. */
  readonly region: string;
  /**
   * Access keys.
   * @default - the pod's role (IRSA, instance profile)
   */
  readonly credentials?: AwsCredentials;
  /**
   * Role to assume.
   * @default - none
   */
  readonly roleArn?: string;
  /**
   * Check the signature of each SNS message.
   * @default false (Argo Events' default)
   */
  readonly validateSignature?: boolean;
  /**
   * Custom SNS API endpoint (LocalStack, VPC endpoint).
   * @default - AWS's endpoint of the region
   */
  readonly awsEndpoint?: string;
}

/** An SNS endpoint: its events carry the request's `header` and `body` (the SNS message). */
export class SnsEndpoint extends RequestEndpoint<'sns'> {
  /** @internal use `SnsEventSource.addEndpoint()`. */
  constructor(host: IHttpEndpointHost, eventName: string, private readonly options: SnsEndpointOptions) {
    super(host, 'sns', eventName, options);
  }

  /** @internal */
  public _render(): SnsConfig {
    const o = this.options;
    return {
      topicArn: o.topicArn,
      region: o.region,
      ...renderAwsCredentials(o.credentials, this.node.path),
      roleArn: o.roleArn,
      validateSignature: o.validateSignature,
      endpoint: o.awsEndpoint,
      webhook: this.renderContext(this.registeredUrl(o.url)),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `SnsEventSource`. */
export interface SnsEventSourceProps extends HttpEventSourceProps {}

/** An EventSource subscribing HTTP endpoints to AWS SNS topics, with its Service and Ingress. */
export class SnsEventSource extends HttpEventSourceBase<SnsEndpoint> {
  constructor(scope: Construct, id: string, props: SnsEventSourceProps = {}) {
    super(scope, id, props, 'sns');
  }

  /** Adds an endpoint subscribed to a topic and returns its handle. */
  public addEndpoint(eventName: string, options: SnsEndpointOptions): SnsEndpoint {
    return new SnsEndpoint(this, eventName, options);
  }
}
