import { NatsAuth } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { BasicAuthCredentials, renderBasicAuth, secretSelector } from './source-options';

/** How a NATS client authenticates: one of a user and password, a token, an NKey or a credentials file. */
export abstract class NatsCredentials {
  /** A user and password. */
  public static basic(credentials: BasicAuthCredentials): NatsCredentials {
    return new Rendered(where => ({ basic: renderBasicAuth(credentials, `${where}: auth.basic`) }));
  }

  /** A token, from a Secret. */
  public static token(token: SecretKeyRef): NatsCredentials {
    return new Rendered(where => ({ token: secretSelector(token, `${where}: auth.token`) }));
  }

  /** An NKey seed, from a Secret. */
  public static nkey(seed: SecretKeyRef): NatsCredentials {
    return new Rendered(where => ({ nkey: secretSelector(seed, `${where}: auth.nkey`) }));
  }

  /** A credentials file (JWT and NKey seed), from a Secret. */
  public static credentialsFile(file: SecretKeyRef): NatsCredentials {
    return new Rendered(where => ({ credential: secretSelector(file, `${where}: auth.credential`) }));
  }

  /** @internal */
  public abstract _render(where: string): NatsAuth;
}

class Rendered extends NatsCredentials {
  constructor(private readonly render: (where: string) => NatsAuth) {
    super();
  }

  /** @internal */
  public _render(where: string): NatsAuth {
    return this.render(where);
  }
}
