import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { secretKeyProblem } from '../config/support';

/**
 * The Slack incoming-webhook URL, read from a Secret key at run time (`secretKeyRef`): the URL is
 * a credential and never appears in a manifest. Create the Secret outside the app, e.g.
 * `kubectl create secret generic slack-webhook --from-literal=url=https://hooks.slack.com/...`,
 * or with your secret manager (External Secrets, Sealed Secrets...).
 */
export class SlackWebhook {
  /** The URL in `key` of a Secret (defined in the app or imported with `kplus.Secret.fromSecretName`). */
  public static fromSecret(secret: kplus.ISecret, key = 'url'): SlackWebhook {
    return new SlackWebhook(secret, key);
  }

  /** The URL in `key` of the Secret named `secretName`, which lives only in the cluster. */
  public static fromSecretName(scope: Construct, id: string, secretName: string, key = 'url'): SlackWebhook {
    return new SlackWebhook(kplus.Secret.fromSecretName(scope, id, secretName), key);
  }

  private constructor(
    /** The Secret holding the URL. */
    public readonly secret: kplus.ISecret,
    /** The key holding the URL. */
    public readonly key: string) {}

  /** The environment variable value reading the URL from the Secret. */
  public get envValue(): kplus.EnvValue {
    return kplus.EnvValue.fromSecretValue({ secret: this.secret, key: this.key });
  }

  /** Why the Secret cannot hold the URL at that key (not a valid Secret key); a missing key is K8S-REF's. @internal */
  public _problem(): string | undefined {
    return secretKeyProblem(this.secret, this.key, 'the Slack webhook URL');
  }
}
