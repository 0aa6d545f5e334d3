import { Duration } from 'cdk8s';
import { EventsBackoff, EventsBasicAuth, SaslConfig, TlsConfig } from '../../imports/argo-events';
import { K8sSecretKeySelector } from '../../imports/kubernetes';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { goDuration } from './util';

/** A client certificate and its private key, from Secrets. */
export interface ClientCertificate {
  /** Secret key holding the PEM certificate. */
  readonly certificate: SecretKeyRef;
  /** Secret key holding the PEM private key. */
  readonly key: SecretKeyRef;
}

/**
 * TLS towards a server (a broker, an API): `{}` trusts the system's roots. The client
 * certificate comes with its key, so that one cannot be given without the other.
 */
export interface ClientTls {
  /**
   * Secret key holding the CA certificate that signs the server's certificate.
   * @default - the system's roots
   */
  readonly caCertificate?: SecretKeyRef;
  /**
   * Client certificate and key, for servers that authenticate clients.
   * @default - no client certificate
   */
  readonly clientCertificate?: ClientCertificate;
  /**
   * Skip the server certificate's verification (never in production).
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

/** A user name and password, from Secrets. */
export interface BasicAuthCredentials {
  /** Secret key holding the user name. */
  readonly username: SecretKeyRef;
  /** Secret key holding the password. */
  readonly password: SecretKeyRef;
}

/** SASL mechanisms Argo Events accepts (upper-case, as it compares them). */
export enum SaslMechanism {
  /** PLAIN (the default). */
  PLAIN = 'PLAIN',
  /** OAUTHBEARER */
  OAUTHBEARER = 'OAUTHBEARER',
  /** SCRAM-SHA-256 */
  SCRAM_SHA_256 = 'SCRAM-SHA-256',
  /** SCRAM-SHA-512 */
  SCRAM_SHA_512 = 'SCRAM-SHA-512',
  /** GSSAPI (Kerberos) */
  GSSAPI = 'GSSAPI',
}

/** SASL authentication (Kafka): mechanism, user and password from Secrets. */
export interface SaslCredentials {
  /**
   * The mechanism.
   * @default SaslMechanism.PLAIN
   */
  readonly mechanism?: SaslMechanism;
  /** Secret key holding the user. */
  readonly user: SecretKeyRef;
  /** Secret key holding the password. */
  readonly password: SecretKeyRef;
}

/** Retries of a connection (exponential backoff). */
export interface ConnectionBackoff {
  /**
   * Number of attempts.
   * @default - Argo Events' default (5)
   */
  readonly steps?: number;
  /**
   * Wait before the first retry.
   * @default - Argo Events' default (1s)
   */
  readonly duration?: Duration;
  /**
   * Multiplier of the wait after each retry.
   * @default - Argo Events' default (1)
   */
  readonly factor?: number;
  /**
   * Random jitter added to each wait, as a fraction.
   * @default - none
   */
  readonly jitter?: number;
}

/** A Secret key as the manifest names it, once it is known to name a Secret. @internal */
export function secretSelector(ref: SecretKeyRef, where: string): K8sSecretKeySelector;
export function secretSelector(ref: SecretKeyRef | undefined, where: string): K8sSecretKeySelector | undefined;
export function secretSelector(ref: SecretKeyRef | undefined, where: string): K8sSecretKeySelector | undefined {
  return ref && secretKeySelector(expectSecretKey(ref, where));
}

/** @internal */
export function renderTls(tls: ClientTls | undefined, where: string): TlsConfig | undefined {
  if (!tls) return undefined;
  const hasFiles = tls.caCertificate || tls.clientCertificate;
  return {
    caCertSecret: secretSelector(tls.caCertificate, `${where}: tls.caCertificate`),
    clientCertSecret: secretSelector(tls.clientCertificate?.certificate, `${where}: tls.clientCertificate.certificate`),
    clientKeySecret: secretSelector(tls.clientCertificate?.key, `${where}: tls.clientCertificate.key`),
    insecureSkipVerify: tls.insecureSkipVerify,
    // TLS with neither a CA nor a client certificate: the system's roots (Argo needs `enabled` to tell).
    enabled: hasFiles || tls.insecureSkipVerify ? undefined : true,
  };
}

/** @internal */
export function renderBasicAuth(auth: BasicAuthCredentials | undefined, where: string): EventsBasicAuth | undefined {
  return auth && { username: secretSelector(auth.username, `${where}: username`), password: secretSelector(auth.password, `${where}: password`) };
}

/** @internal */
export function renderSasl(sasl: SaslCredentials | undefined, where: string): SaslConfig | undefined {
  return sasl && {
    mechanism: sasl.mechanism,
    userSecret: secretSelector(sasl.user, `${where}: sasl.user`),
    passwordSecret: secretSelector(sasl.password, `${where}: sasl.password`),
  };
}

/** @internal */
export function renderBackoff(backoff: ConnectionBackoff | undefined): EventsBackoff | undefined {
  return backoff && { steps: backoff.steps, duration: backoff.duration && goDuration(backoff.duration), factor: backoff.factor, jitter: backoff.jitter };
}

/** AWS access keys, from Secrets (without them, the pod's IAM role is used). */
export interface AwsCredentials {
  /** Secret key holding the access key id. */
  readonly accessKey: SecretKeyRef;
  /** Secret key holding the secret access key. */
  readonly secretKey: SecretKeyRef;
  /**
   * Secret key holding a session token, for temporary credentials.
   * @default - none
   */
  readonly sessionToken?: SecretKeyRef;
}

/** @internal */
export function renderAwsCredentials(c: AwsCredentials | undefined, where: string): { accessKey?: K8sSecretKeySelector; secretKey?: K8sSecretKeySelector; sessionToken?: K8sSecretKeySelector } {
  return {
    accessKey: secretSelector(c?.accessKey, `${where}: credentials.accessKey`),
    secretKey: secretSelector(c?.secretKey, `${where}: credentials.secretKey`),
    sessionToken: secretSelector(c?.sessionToken, `${where}: credentials.sessionToken`),
  };
}

/** A whole number of seconds, for the fields Argo Events keeps in seconds. @internal */
export function wholeSeconds(duration: Duration | undefined, where: string): number | undefined {
  if (duration === undefined) return undefined;
  const s = duration.toSeconds();
  if (!Number.isInteger(s) || s < 0) throw new Error(`${where}: must be a whole, non-negative number of seconds (Argo Events keeps it in seconds), got ${s}s`);
  return s;
}
