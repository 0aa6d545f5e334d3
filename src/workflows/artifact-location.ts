import * as l1 from '../../imports/argo-workflows';
import { K8sSecretKeySelector } from '../../imports/kubernetes';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { ArgoText, renderText } from './argo-variable';

/** The selector of a Secret key passed to `factory`, checked to name a Secret. */
function secretKey(value: SecretKeyRef | undefined, factory: string): K8sSecretKeySelector | undefined {
  return expectSecretKey(value, `ArtifactLocation.${factory}()`) && secretKeySelector(value!);
}

/** Options of a Google Cloud Storage artifact location. */
export interface GcsLocationOptions {
  /** Object key; may contain run-time variables. */
  readonly key: ArgoText;
  /**
   * Bucket name.
   * @default - the bucket of the artifact repository
   */
  readonly bucket?: string;
  /**
   * Secret key holding the service account key (JSON).
   * @default - the artifact repository's, or workload identity
   */
  readonly serviceAccountKey?: SecretKeyRef;
}

/** Options of an Azure Blob Storage artifact location. */
export interface AzureLocationOptions {
  /** Storage account endpoint, e.g. `https://myaccount.blob.core.windows.net`. */
  readonly endpoint: string;
  /** Blob container. */
  readonly container: string;
  /** Blob name; may contain run-time variables. */
  readonly blob: ArgoText;
  /**
   * Secret key holding the storage account key.
   * @default - none: `useSdkCreds` or the artifact repository's
   */
  readonly accountKey?: SecretKeyRef;
  /**
   * Use the Azure SDK's default credential chain (managed identity...).
   * @default false
   */
  readonly useSdkCreds?: boolean;
}

/** Options of an S3 (or S3-compatible) artifact location. */
export interface S3LocationOptions {
  /** Object key; may contain run-time variables, e.g. `WorkflowVariables.creationTimestamp.year`. */
  readonly key: ArgoText;
  /**
   * Bucket name.
   * @default - the bucket of the artifact repository
   */
  readonly bucket?: string;
  /**
   * Endpoint, e.g. `s3.amazonaws.com`.
   * @default - the artifact repository's
   */
  readonly endpoint?: string;
  /**
   * Region, e.g. `ap-northeast-2`.
   * @default - the artifact repository's
   */
  readonly region?: string;
  /**
   * Use plain HTTP.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Secret key holding the access key id.
   * @default - the artifact repository's, or SDK credentials
   */
  readonly accessKey?: SecretKeyRef;
  /**
   * Secret key holding the secret access key.
   * @default - the artifact repository's, or SDK credentials
   */
  readonly secretKey?: SecretKeyRef;
  /**
   * Role to assume.
   * @default - none
   */
  readonly roleArn?: string;
  /**
   * Use the AWS SDK default credential chain (e.g. IAM roles for service accounts).
   * @default false
   */
  readonly useSdkCreds?: boolean;
}

/** Options of a Git artifact location. */
export interface GitLocationOptions {
  /** Repository URL. */
  readonly repo: string;
  /**
   * Revision (commit, tag or branch) to check out.
   * @default - the default branch
   */
  readonly revision?: string;
  /**
   * Shallow clone depth.
   * @default - full history
   */
  readonly depth?: number;
  /**
   * Secret key holding a username.
   * @default - none
   */
  readonly username?: SecretKeyRef;
  /**
   * Secret key holding a password or token.
   * @default - none
   */
  readonly password?: SecretKeyRef;
  /**
   * Secret key holding an SSH private key.
   * @default - none
   */
  readonly sshPrivateKey?: SecretKeyRef;
}

/** Where an artifact is stored or loaded from. */
export class ArtifactLocation {
  /** An S3 object. With only `key`, the bucket comes from the configured artifact repository. */
  public static s3(options: S3LocationOptions): ArtifactLocation {
    return new ArtifactLocation({
      s3: {
        key: renderText(options.key),
        bucket: options.bucket,
        endpoint: options.endpoint,
        region: options.region,
        insecure: options.insecure,
        accessKeySecret: secretKey(options.accessKey, 's3'),
        secretKeySecret: secretKey(options.secretKey, 's3'),
        roleArn: options.roleArn,
        useSdkCreds: options.useSdkCreds,
      },
    });
  }

  /** A Google Cloud Storage object. */
  public static gcs(options: GcsLocationOptions): ArtifactLocation {
    return new ArtifactLocation({ gcs: { key: renderText(options.key), bucket: options.bucket, serviceAccountKeySecret: secretKey(options.serviceAccountKey, 'gcs') } });
  }

  /** A file downloaded over HTTP(S) (inputs only). */
  public static http(url: ArgoText, headers: { [name: string]: string } = {}): ArtifactLocation {
    const list = Object.entries(headers).map(([name, value]) => ({ name, value }));
    return new ArtifactLocation({ http: { url: renderText(url), headers: list.length ? list : undefined } });
  }

  /** A Git checkout (inputs only). */
  public static git(options: GitLocationOptions): ArtifactLocation {
    return new ArtifactLocation({
      git: {
        repo: options.repo,
        revision: options.revision,
        depth: options.depth,
        usernameSecret: secretKey(options.username, 'git'),
        passwordSecret: secretKey(options.password, 'git'),
        sshPrivateKeySecret: secretKey(options.sshPrivateKey, 'git'),
      },
    });
  }

  /** Literal file contents (inputs only). */
  public static raw(data: string): ArtifactLocation {
    return new ArtifactLocation({ raw: { data } });
  }

  /** An Azure Blob Storage blob. */
  public static azure(options: AzureLocationOptions): ArtifactLocation {
    return new ArtifactLocation({
      azure: { endpoint: options.endpoint, container: options.container, blob: renderText(options.blob), accountKeySecret: secretKey(options.accountKey, 'azure'), useSdkCreds: options.useSdkCreds },
    });
  }

  /** Any location the generated L1 type describes (artifactory, hdfs, oss, plugin...). */
  public static fromL1(location: l1.ArtifactLocation): ArtifactLocation {
    return new ArtifactLocation(location);
  }

  private constructor(/** @internal */ public readonly _location: l1.ArtifactLocation) {}
}
