import { KafkaTrigger, NatsTrigger, PulsarTrigger } from '../../imports/argo-events';
import { KafkaSchemaRegistry } from './kafka-event-source';
import { NatsCredentials } from './nats-auth';
import { PulsarConnection } from './pulsar-auth';
import {
  ClientTls, ConnectionBackoff, renderBackoff, renderBasicAuth, renderSasl, renderTls, SaslCredentials, secretSelector,
} from './source-options';
import { EventPayload, EventValues, HeaderValueSource, payloadOf, renderSecureHeaders, TemplateAction, TriggerValue } from './template-action';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';

/** What every message trigger takes: the message, and event fields written into the trigger's fields. */
export interface MessageTriggerOptions {
  /** Message body, built from event fields (`{}` sends an empty object). */
  readonly payload: EventPayload;
  /**
   * Event fields written into the trigger's own fields (dest paths like `topic`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** Options of a Kafka trigger. */
export interface KafkaTriggerOptions extends MessageTriggerOptions {
  /** Broker addresses, comma-separated. */
  readonly url: string;
  /** Topic to publish to. */
  readonly topic: string;
  /**
   * Message key (chooses the partition), fixed or from the event.
   * @default - none
   */
  readonly partitioningKey?: TriggerValue;
  /**
   * Partition to publish to.
   * @default - chosen by the key
   */
  readonly partition?: number;
  /**
   * Acknowledgements required: 0 (none), 1 (the leader), -1 (every in-sync replica).
   * @default 1
   */
  readonly requiredAcks?: number;
  /**
   * Compress messages (snappy).
   * @default false
   */
  readonly compress?: boolean;
  /**
   * Flush frequency in milliseconds.
   * @default 500
   */
  readonly flushFrequency?: number;
  /**
   * Kafka protocol version.
   * @default - Argo Events' default
   */
  readonly version?: string;
  /**
   * TLS towards the brokers.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * SASL authentication.
   * @default - none
   */
  readonly sasl?: SaslCredentials;
  /**
   * Schema registry (Avro).
   * @default - none
   */
  readonly schemaRegistry?: KafkaSchemaRegistry;
  /**
   * Fixed message headers.
   * @default - none
   */
  readonly headers?: { readonly [name: string]: string };
  /**
   * Message headers read from Secrets or ConfigMaps.
   * @default - none
   */
  readonly secureHeaders?: { readonly [name: string]: HeaderValueSource };
}

/** @internal */
export function kafkaAction(o: KafkaTriggerOptions): TemplateAction {
  const values = new EventValues();
  const key = values.fixed(o.partitioningKey, 'kafka.partitioningKey');
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from), ...values.fields],
    render: (resolve): { kafka: KafkaTrigger } => ({
      kafka: {
        url: o.url,
        topic: o.topic,
        payload: payloadOf(o.payload, resolve) ?? [],
        partitioningKey: key,
        partition: o.partition,
        requiredAcks: o.requiredAcks,
        compress: o.compress,
        flushFrequency: o.flushFrequency,
        version: o.version,
        tls: renderTls(o.tls, 'TriggerAction.kafka()'),
        sasl: renderSasl(o.sasl, 'TriggerAction.kafka()'),
        schemaRegistry: o.schemaRegistry && {
          url: o.schemaRegistry.url, schemaId: o.schemaRegistry.schemaId, auth: renderBasicAuth(o.schemaRegistry.auth, 'TriggerAction.kafka(): schemaRegistry.auth'),
        },
        headers: o.headers,
        secureHeaders: renderSecureHeaders(o.secureHeaders, 'TriggerAction.kafka()'),
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    triggerParameters: resolve => values.parameters(resolve),
    secrets: [o.sasl?.user, o.sasl?.password, o.tls?.caCertificate, o.tls?.clientCertificate?.certificate, o.tls?.clientCertificate?.key,
      o.schemaRegistry?.auth?.username, o.schemaRegistry?.auth?.password],
  });
}

/** Options of a NATS trigger. */
export interface NatsTriggerOptions extends MessageTriggerOptions {
  /** Server URL, e.g. `nats://nats:4222`. */
  readonly url: string;
  /** Subject to publish to. */
  readonly subject: string;
  /**
   * How the client authenticates.
   * @default - no authentication
   */
  readonly auth?: NatsCredentials;
  /**
   * TLS towards the server.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
}

/** @internal */
export function natsAction(o: NatsTriggerOptions): TemplateAction {
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { nats: NatsTrigger } => ({
      nats: {
        url: o.url,
        subject: o.subject,
        payload: payloadOf(o.payload, resolve) ?? [],
        auth: o.auth?._render('TriggerAction.nats()'),
        tls: renderTls(o.tls, 'TriggerAction.nats()'),
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.tls?.caCertificate, o.tls?.clientCertificate?.certificate, o.tls?.clientCertificate?.key],
  });
}

/** Options of a Pulsar trigger. */
export interface PulsarTriggerOptions extends MessageTriggerOptions, PulsarConnection {
  /** Service URL, e.g. `pulsar://pulsar:6650`. */
  readonly url: string;
  /** Topic to publish to. */
  readonly topic: string;
  /**
   * Client TLS towards the broker.
   * @default - plain connection
   */
  readonly tls?: ClientTls;
  /**
   * Retries of the connection.
   * @default - Argo Events' defaults
   */
  readonly connectionBackoff?: ConnectionBackoff;
}

/** @internal */
export function pulsarAction(o: PulsarTriggerOptions): TemplateAction {
  const at = 'TriggerAction.pulsar()';
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { pulsar: PulsarTrigger } => ({
      pulsar: {
        url: o.url,
        topic: o.topic,
        payload: payloadOf(o.payload, resolve) ?? [],
        tls: renderTls(o.tls, at),
        tlsTrustCertsSecret: secretSelector(o.tlsTrustCerts, `${at}: tlsTrustCerts`),
        tlsAllowInsecureConnection: o.tlsAllowInsecureConnection,
        tlsValidateHostname: o.tlsValidateHostname,
        authTokenSecret: secretSelector(o.authToken, `${at}: authToken`),
        authAthenzParams: o.athenz?.params,
        authAthenzSecret: secretSelector(o.athenz?.privateKey, `${at}: athenz.privateKey`),
        connectionBackoff: renderBackoff(o.connectionBackoff),
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.authToken, o.athenz?.privateKey, o.tlsTrustCerts, o.tls?.caCertificate, o.tls?.clientCertificate?.certificate, o.tls?.clientCertificate?.key],
  });
}
