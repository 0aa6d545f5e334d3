import { secretKeyProblem } from '../config/support';
import { ISecretRef, IServiceAccountRef, SecretKeyRef } from '../core/object-refs';
import { definingApiObject, expectKind } from '../core/ref-inspection';
import { IRSA_ROLE_ANNOTATION } from './iam-role-service-account';

/** Options of `S3Credentials.fromAccessKeys()`. */
export interface S3AccessKeyOptions {
  /**
   * Key of the Secret holding the access key id.
   * @default 'accessKey'
   */
  readonly accessKeyIdKey?: string;
  /**
   * Key of the Secret holding the secret access key.
   * @default 'secretKey'
   */
  readonly secretAccessKeyKey?: string;
}

/**
 * How Argo authenticates to S3 when it uploads or downloads an artifact: an IAM role through the
 * pod's ServiceAccount (IRSA), or an access key pair kept in a Secret. Never literal keys.
 */
export class S3Credentials {
  /**
   * The IAM role of a ServiceAccount annotated with `eks.amazonaws.com/role-arn` (`useSDKCreds`).
   * Templates using it run as that ServiceAccount (set automatically by `S3ArtifactStep`).
   * Create one with `new IamRoleServiceAccount(...)`, or refer to one that lives only in the
   * cluster with `ServiceAccountRef.fromName(...)`.
   */
  public static fromServiceAccount(serviceAccount: IServiceAccountRef): S3Credentials {
    expectKind(serviceAccount, 'ServiceAccount', 'S3Credentials.fromServiceAccount()');
    return new S3Credentials(serviceAccount, undefined, undefined);
  }

  /** An access key id and secret access key read from a Secret (`accessKeySecret`/`secretKeySecret`). */
  public static fromAccessKeys(secret: ISecretRef, options: S3AccessKeyOptions = {}): S3Credentials {
    expectKind(secret, 'Secret', 'S3Credentials.fromAccessKeys()');
    return new S3Credentials(undefined, { secret, key: options.accessKeyIdKey ?? 'accessKey' }, { secret, key: options.secretAccessKeyKey ?? 'secretKey' });
  }

  private constructor(
    /** The ServiceAccount whose IAM role is used (IRSA), if that is the method. */
    public readonly serviceAccount: IServiceAccountRef | undefined,
    /** The Secret key holding the access key id, if keys are the method. */
    public readonly accessKeyId: SecretKeyRef | undefined,
    /** The Secret key holding the secret access key, if keys are the method. */
    public readonly secretAccessKey: SecretKeyRef | undefined) {}

  /** A short description for messages, e.g. `IAM role of ServiceAccount "s3"`. */
  public get description(): string {
    return this.serviceAccount
      ? `the IAM role of ServiceAccount "${this.serviceAccount.name}"`
      : `the access keys in Secret "${this.accessKeyId!.secret.name}"`;
  }

  /** True when both describe the same credentials. */
  public equals(other: S3Credentials): boolean {
    if (this.serviceAccount || other.serviceAccount) return this.serviceAccount?.name === other.serviceAccount?.name;
    return sameKey(this.accessKeyId, other.accessKeyId) && sameKey(this.secretAccessKey, other.secretAccessKey);
  }

  /** Problems Argo or Kubernetes would hit with these credentials (messages without a path). @internal */
  public _problems(): string[] {
    const out: string[] = [];
    if (this.accessKeyId && this.secretAccessKey) {
      for (const [value, what] of [[this.accessKeyId, 'the S3 access key id'], [this.secretAccessKey, 'the S3 secret access key']] as const) {
        const p = secretKeyProblem(value.secret, value.key, what);
        if (p) out.push(p);
      }
    }
    const sa = this.serviceAccount;
    const defined = sa && definingApiObject(sa);
    if (sa && defined?.kind === 'ServiceAccount') {
      const annotations = defined.metadata.toJson().annotations ?? {};
      if (!annotations[IRSA_ROLE_ANNOTATION]) {
        out.push(`S3 credentials come from the IAM role of ServiceAccount "${sa.name}", but it has no ${IRSA_ROLE_ANNOTATION} annotation: `
          + 'the pod gets no AWS credentials and every S3 call fails with AccessDenied. Use new IamRoleServiceAccount(...) or add the annotation.');
      }
    }
    return out;
  }

  /** @internal Fields of Argo's S3 artifact. */
  public get _fields(): { accessKey?: SecretKeyRef; secretKey?: SecretKeyRef; useSdkCreds?: boolean } {
    return this.serviceAccount ? { useSdkCreds: true } : { accessKey: this.accessKeyId, secretKey: this.secretAccessKey };
  }
}

function sameKey(a: SecretKeyRef | undefined, b: SecretKeyRef | undefined): boolean {
  return a?.secret.name === b?.secret.name && a?.key === b?.key;
}
