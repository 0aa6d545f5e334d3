import { SecretKeyRef } from '../core/object-refs';

/** Pulsar TLS and authentication settings (the event source's and the trigger's). */
export interface PulsarConnection {
  /**
   * Secret key holding a JWT token.
   * @default - none
   */
  readonly authToken?: SecretKeyRef;
  /**
   * Athenz authentication: its parameters, and the Secret key of its private key.
   * @default - none
   */
  readonly athenz?: {
    /** Athenz parameters (tenantDomain, tenantService, providerDomain...). */
    readonly params: { readonly [key: string]: string };
    /** Secret key holding the Athenz private key. */
    readonly privateKey: SecretKeyRef;
  };
  /**
   * Secret key holding the certificates trusted for the broker's TLS.
   * @default - the system's roots
   */
  readonly tlsTrustCerts?: SecretKeyRef;
  /**
   * Accept a broker certificate that fails verification.
   * @default false
   */
  readonly tlsAllowInsecureConnection?: boolean;
  /**
   * Check the broker's host name against its certificate.
   * @default false
   */
  readonly tlsValidateHostname?: boolean;
}
