import { secretKeyProblem } from '../config/support';
import { ISecretRef, SecretRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { EnvVarSource } from '../workflows/env';

/**
 * The Slack incoming-webhook URL, read from a Secret key at run time (`secretKeyRef`): the URL is
 * a credential and never appears in a manifest. Create the Secret outside the app, e.g.
 * `kubectl create secret generic slack-webhook --from-literal=url=https://hooks.slack.com/...`,
 * or with your secret manager (External Secrets, Sealed Secrets...).
 */
export class SlackWebhook {
  /** The URL in `key` of a Secret (one defined in the app, a cdk8s-plus Secret, or `SecretRef.fromName(...)`). */
  public static fromSecret(secret: ISecretRef, key = 'url'): SlackWebhook {
    return new SlackWebhook(expectKind(secret, 'Secret', 'SlackWebhook.fromSecret()'), key);
  }

  /** The URL in `key` of the Secret named `secretName`, which lives only in the cluster (in the workflows' namespace). */
  public static fromSecretName(secretName: string, key = 'url'): SlackWebhook {
    return new SlackWebhook(SecretRef.fromName(secretName), key);
  }

  private constructor(
    /** The Secret holding the URL. */
    public readonly secret: ISecretRef,
    /** The key holding the URL. */
    public readonly key: string) {}

  /** The environment variable value reading the URL from the Secret. */
  public get envValue(): EnvVarSource {
    return EnvVarSource.fromSecretKey({ secret: this.secret, key: this.key });
  }

  /** Why the Secret cannot hold the URL at that key (not a valid Secret key); a missing key is K8S-REF's. @internal */
  public _problem(): string | undefined {
    return secretKeyProblem(this.secret, this.key, 'the Slack webhook URL');
  }
}
