import * as l1 from '../../imports/argo-workflows';
import { K8sConfigMapKeySelector, K8sSecretKeySelector } from '../../imports/kubernetes';
import { IConfigMapRef, SecretKeyRef } from '../core/object-refs';
import { expectKind, expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { ArgoText, renderText } from './argo-variable';

// Every location takes one options object. Fields with the same meaning have the same name in
// every location (`key`, `bucket`, `endpoint`, `accessKey`, `secretKey`, `useSdkCreds`), texts
// that Argo substitutes (keys, paths, URLs) are `ArgoText`, and credentials are Secret keys
// (`{ secret, key }`), never values.

/** The selector of a Secret key, checked to name a Secret. */
function secretKey(value: SecretKeyRef | undefined, factory: string): K8sSecretKeySelector | undefined {
  return expectSecretKey(value, `ArtifactLocation.${factory}()`) && secretKeySelector(value!);
}

/** A key of a ConfigMap (a Kerberos configuration...). */
export interface ConfigMapKeyRef {
  /** The ConfigMap. */
  readonly configMap: IConfigMapRef;
  /** The key in it. */
  readonly key: string;
}

function configMapKey(value: ConfigMapKeyRef | undefined, factory: string): K8sConfigMapKeySelector | undefined {
  if (!value) return undefined;
  expectKind(value.configMap, 'ConfigMap', `ArtifactLocation.${factory}()`);
  return { name: value.configMap.name, key: value.key };
}

/** Options of an S3 (or S3-compatible: MinIO, Ceph...) artifact location. */
export interface S3LocationOptions {
  /**
   * Object key; may contain run-time variables, e.g. `WorkflowVariables.creationTimestamp.year`.
   * @default - none: an output gets a key from the repository's keyFormat; a data source lists the bucket
   */
  readonly key?: ArgoText;
  /**
   * Bucket name.
   * @default - the bucket of the artifact repository
   */
  readonly bucket?: string;
  /**
   * Endpoint, e.g. `s3.amazonaws.com` or `minio:9000`.
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
   * Secret key holding a session token (temporary credentials).
   * @default - none
   */
  readonly sessionToken?: SecretKeyRef;
  /**
   * Secret key holding the CA certificate of a self-signed endpoint.
   * @default - the system's CAs
   */
  readonly caCertificate?: SecretKeyRef;
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
  /**
   * `path` (`endpoint/bucket/key`) or `virtual` (`bucket.endpoint/key`) addressing.
   * @default - chosen by the SDK
   */
  readonly addressingStyle?: 'path' | 'virtual';
  /**
   * Create the bucket when it does not exist (with object locking when `objectLocking`).
   * @default - the bucket must exist
   */
  readonly createBucketIfNotPresent?: { readonly objectLocking?: boolean };
  /**
   * Server-side encryption.
   * @default - the bucket's settings
   */
  readonly encryption?: S3EncryptionOptions;
}

/** Server-side encryption of S3 artifacts. */
export interface S3EncryptionOptions {
  /**
   * Encrypt with SSE-S3 (or SSE-KMS when `kmsKeyId` is set).
   * @default false
   */
  readonly enableEncryption?: boolean;
  /**
   * KMS key id (SSE-KMS).
   * @default - none
   */
  readonly kmsKeyId?: string;
  /**
   * JSON encryption context for SSE-KMS.
   * @default - none
   */
  readonly kmsEncryptionContext?: string;
  /**
   * Secret key holding the customer-provided key (SSE-C).
   * @default - none
   */
  readonly serverSideCustomerKey?: SecretKeyRef;
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

/** Options of a Git artifact location (inputs only). */
export interface GitLocationOptions {
  /** Repository URL; may contain run-time variables. */
  readonly repo: ArgoText;
  /**
   * Revision (commit, tag or branch) to check out; may contain run-time variables.
   * @default - the default branch
   */
  readonly revision?: ArgoText;
  /**
   * Branch to clone (with `singleBranch`).
   * @default - the default branch
   */
  readonly branch?: string;
  /**
   * Clone only `branch`.
   * @default false
   */
  readonly singleBranch?: boolean;
  /**
   * Shallow clone depth.
   * @default - full history
   */
  readonly depth?: number;
  /**
   * Extra refspecs to fetch, e.g. `refs/meta/*`.
   * @default - none
   */
  readonly fetch?: string[];
  /**
   * Do not check out submodules.
   * @default false
   */
  readonly disableSubmodules?: boolean;
  /**
   * Skip the SSH host key check.
   * @default false
   */
  readonly insecureIgnoreHostKey?: boolean;
  /**
   * Skip TLS verification.
   * @default false
   */
  readonly insecureSkipTls?: boolean;
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

/** How an HTTP artifact authenticates. */
export class HttpArtifactAuth {
  /** HTTP basic authentication. */
  public static basic(options: { readonly username: SecretKeyRef; readonly password: SecretKeyRef }): HttpArtifactAuth {
    return new HttpArtifactAuth({ basicAuth: { usernameSecret: secretKey(options.username, 'http'), passwordSecret: secretKey(options.password, 'http') } });
  }

  /** A TLS client certificate. */
  public static clientCertificate(options: { readonly certificate: SecretKeyRef; readonly privateKey: SecretKeyRef }): HttpArtifactAuth {
    return new HttpArtifactAuth({ clientCert: { clientCertSecret: secretKey(options.certificate, 'http'), clientKeySecret: secretKey(options.privateKey, 'http') } });
  }

  /** OAuth2 client credentials. */
  public static oauth2(options: HttpOAuth2Options): HttpArtifactAuth {
    const params = Object.entries(options.endpointParams ?? {}).map(([key, value]) => ({ key, value }));
    return new HttpArtifactAuth({
      oauth2: {
        clientIdSecret: secretKey(options.clientId, 'http'),
        clientSecretSecret: secretKey(options.clientSecret, 'http'),
        tokenUrlSecret: secretKey(options.tokenUrl, 'http'),
        scopes: options.scopes,
        endpointParams: params.length ? params : undefined,
      },
    });
  }

  private constructor(/** @internal */ public readonly _auth: l1.HttpAuth) {}
}

/** OAuth2 client credentials of an HTTP artifact. */
export interface HttpOAuth2Options {
  /** Secret key holding the client id. */
  readonly clientId: SecretKeyRef;
  /** Secret key holding the client secret. */
  readonly clientSecret: SecretKeyRef;
  /** Secret key holding the token URL. */
  readonly tokenUrl: SecretKeyRef;
  /**
   * Scopes requested.
   * @default - none
   */
  readonly scopes?: string[];
  /**
   * Extra parameters of the token request.
   * @default - none
   */
  readonly endpointParams?: { [key: string]: string };
}

/** Options of an HTTP(S) artifact location (inputs; outputs with a server accepting PUT). */
export interface HttpLocationOptions {
  /** URL; may contain run-time variables. */
  readonly url: ArgoText;
  /**
   * Request headers.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
  /**
   * Authentication.
   * @default - none
   */
  readonly auth?: HttpArtifactAuth;
}

/** Options of a literal artifact (inputs only). */
export interface RawLocationOptions {
  /** The file contents. */
  readonly data: ArgoText;
}

/** Options of an Artifactory artifact location. */
export interface ArtifactoryLocationOptions {
  /** URL of the artifact; may contain run-time variables. */
  readonly url: ArgoText;
  /**
   * Secret key holding the username.
   * @default - the artifact repository's
   */
  readonly username?: SecretKeyRef;
  /**
   * Secret key holding the password.
   * @default - the artifact repository's
   */
  readonly password?: SecretKeyRef;
}

/** Options of an HDFS artifact location. */
export interface HdfsLocationOptions {
  /** File path; may contain run-time variables. */
  readonly path: ArgoText;
  /**
   * Name node addresses (`host:port`).
   * @default - the artifact repository's
   */
  readonly addresses?: string[];
  /**
   * Overwrite an existing file.
   * @default false
   */
  readonly force?: boolean;
  /**
   * HDFS user (without Kerberos).
   * @default - none
   */
  readonly hdfsUser?: string;
  /**
   * Data transfer protection: `authentication`, `integrity` or `privacy`.
   * @default - none
   */
  readonly dataTransferProtection?: 'authentication' | 'integrity' | 'privacy';
  /**
   * Kerberos realm.
   * @default - none
   */
  readonly krbRealm?: string;
  /**
   * Kerberos username.
   * @default - none
   */
  readonly krbUsername?: string;
  /**
   * Kerberos service principal of the name node.
   * @default - none
   */
  readonly krbServicePrincipalName?: string;
  /**
   * Secret key holding a Kerberos credential cache.
   * @default - none
   */
  readonly krbCCache?: SecretKeyRef;
  /**
   * Secret key holding a Kerberos keytab.
   * @default - none
   */
  readonly krbKeytab?: SecretKeyRef;
  /**
   * ConfigMap key holding the Kerberos configuration (`krb5.conf`).
   * @default - none
   */
  readonly krbConfig?: ConfigMapKeyRef;
}

/** Options of an Alibaba Cloud OSS artifact location. */
export interface OssLocationOptions {
  /** Object key; may contain run-time variables. */
  readonly key: ArgoText;
  /**
   * Bucket name.
   * @default - the artifact repository's
   */
  readonly bucket?: string;
  /**
   * Endpoint, e.g. `http://oss-cn-hangzhou-zmf.aliyuncs.com`.
   * @default - the artifact repository's
   */
  readonly endpoint?: string;
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
   * Security token (STS).
   * @default - none
   */
  readonly securityToken?: string;
  /**
   * Use the SDK's default credential chain.
   * @default false
   */
  readonly useSdkCreds?: boolean;
  /**
   * Create the bucket when it does not exist.
   * @default false
   */
  readonly createBucketIfNotPresent?: boolean;
  /**
   * Lifecycle of the objects.
   * @default - the bucket's
   */
  readonly lifecycleRule?: { readonly markDeletionAfterDays?: number; readonly markInfrequentAccessAfterDays?: number };
}

/** Options of an artifact stored by an artifact driver plugin. */
export interface PluginLocationOptions {
  /** Name of the artifact driver plugin (as configured in the controller). */
  readonly name: string;
  /** Object key; may contain run-time variables. */
  readonly key: ArgoText;
  /**
   * The plugin's configuration (text, usually YAML).
   * @default - none
   */
  readonly configuration?: string;
  /**
   * Seconds to wait for the plugin.
   * @default - the controller's
   */
  readonly connectionTimeoutSeconds?: number;
}

/** Where an artifact is stored or loaded from: every location kind Argo Workflows v4.1 has. */
export class ArtifactLocation {
  /** An S3 object. With only `key`, bucket and credentials come from the artifact repository. */
  public static s3(options: S3LocationOptions): ArtifactLocation {
    const enc = options.encryption;
    return new ArtifactLocation('s3', {
      s3: {
        key: renderText(options.key),
        bucket: options.bucket,
        endpoint: options.endpoint,
        region: options.region,
        insecure: options.insecure,
        accessKeySecret: secretKey(options.accessKey, 's3'),
        secretKeySecret: secretKey(options.secretKey, 's3'),
        sessionTokenSecret: secretKey(options.sessionToken, 's3'),
        caSecret: secretKey(options.caCertificate, 's3'),
        roleArn: options.roleArn,
        useSdkCreds: options.useSdkCreds,
        addressingStyle: options.addressingStyle,
        createBucketIfNotPresent: options.createBucketIfNotPresent && { objectLocking: options.createBucketIfNotPresent.objectLocking },
        encryptionOptions: enc && {
          enableEncryption: enc.enableEncryption,
          kmsKeyId: enc.kmsKeyId,
          kmsEncryptionContext: enc.kmsEncryptionContext,
          serverSideCustomerKeySecret: secretKey(enc.serverSideCustomerKey, 's3'),
        },
      },
    });
  }

  /** A Google Cloud Storage object. */
  public static gcs(options: GcsLocationOptions): ArtifactLocation {
    return new ArtifactLocation('gcs', { gcs: { key: renderText(options.key), bucket: options.bucket, serviceAccountKeySecret: secretKey(options.serviceAccountKey, 'gcs') } });
  }

  /** An Azure Blob Storage blob. */
  public static azure(options: AzureLocationOptions): ArtifactLocation {
    return new ArtifactLocation('azure', {
      azure: {
        endpoint: options.endpoint, container: options.container, blob: renderText(options.blob),
        accountKeySecret: secretKey(options.accountKey, 'azure'), useSdkCreds: options.useSdkCreds,
      },
    });
  }

  /** A Git checkout (inputs only). */
  public static git(options: GitLocationOptions): ArtifactLocation {
    return new ArtifactLocation('git', {
      git: {
        repo: renderText(options.repo),
        revision: renderText(options.revision),
        branch: options.branch,
        singleBranch: options.singleBranch,
        depth: options.depth,
        fetch: options.fetch,
        disableSubmodules: options.disableSubmodules,
        insecureIgnoreHostKey: options.insecureIgnoreHostKey,
        insecureSkipTls: options.insecureSkipTls,
        usernameSecret: secretKey(options.username, 'git'),
        passwordSecret: secretKey(options.password, 'git'),
        sshPrivateKeySecret: secretKey(options.sshPrivateKey, 'git'),
      },
    });
  }

  /** A file downloaded over HTTP(S). */
  public static http(options: HttpLocationOptions): ArtifactLocation {
    const headers = Object.entries(options.headers ?? {}).map(([name, value]) => ({ name, value }));
    return new ArtifactLocation('http', { http: { url: renderText(options.url), headers: headers.length ? headers : undefined, auth: options.auth?._auth } });
  }

  /** Literal file contents (inputs only). */
  public static raw(options: RawLocationOptions): ArtifactLocation {
    return new ArtifactLocation('raw', { raw: { data: renderText(options.data) } });
  }

  /** An Artifactory artifact. */
  public static artifactory(options: ArtifactoryLocationOptions): ArtifactLocation {
    return new ArtifactLocation('artifactory', {
      artifactory: { url: renderText(options.url), usernameSecret: secretKey(options.username, 'artifactory'), passwordSecret: secretKey(options.password, 'artifactory') },
    });
  }

  /** An HDFS file. */
  public static hdfs(options: HdfsLocationOptions): ArtifactLocation {
    return new ArtifactLocation('hdfs', {
      hdfs: {
        path: renderText(options.path),
        addresses: options.addresses,
        force: options.force,
        hdfsUser: options.hdfsUser,
        dataTransferProtection: options.dataTransferProtection,
        krbRealm: options.krbRealm,
        krbUsername: options.krbUsername,
        krbServicePrincipalName: options.krbServicePrincipalName,
        krbCCacheSecret: secretKey(options.krbCCache, 'hdfs'),
        krbKeytabSecret: secretKey(options.krbKeytab, 'hdfs'),
        krbConfigConfigMap: configMapKey(options.krbConfig, 'hdfs'),
      },
    });
  }

  /** An Alibaba Cloud OSS object. */
  public static oss(options: OssLocationOptions): ArtifactLocation {
    return new ArtifactLocation('oss', {
      oss: {
        key: renderText(options.key),
        bucket: options.bucket,
        endpoint: options.endpoint,
        accessKeySecret: secretKey(options.accessKey, 'oss'),
        secretKeySecret: secretKey(options.secretKey, 'oss'),
        securityToken: options.securityToken,
        useSdkCreds: options.useSdkCreds,
        createBucketIfNotPresent: options.createBucketIfNotPresent,
        lifecycleRule: options.lifecycleRule && { ...options.lifecycleRule },
      },
    });
  }

  /** An object stored by an artifact driver plugin. */
  public static plugin(options: PluginLocationOptions): ArtifactLocation {
    return new ArtifactLocation('plugin', {
      plugin: { name: options.name, key: renderText(options.key), configuration: options.configuration, connectionTimeoutSeconds: options.connectionTimeoutSeconds },
    });
  }

  /** Any location the generated L1 type describes. */
  public static fromL1(location: l1.ArtifactLocation): ArtifactLocation {
    const kind = Object.keys(location).find(k => k !== 'archiveLogs') ?? 'unknown';
    return new ArtifactLocation(kind, location);
  }

  private constructor(
    /** The location kind as the manifest names it: `s3`, `gcs`, `azure`, `git`, `http`, `raw`, `artifactory`, `hdfs`, `oss`, `plugin`. */
    public readonly kind: string,
    /** @internal */ public readonly _location: l1.ArtifactLocation) {}
}

/** How an output artifact is archived before upload. */
export class ArtifactArchive {
  /** Upload as is (no tarball). */
  public static none(): ArtifactArchive {
    return new ArtifactArchive({ none: {} });
  }

  /** A gzipped tarball (Argo's default), optionally with a compression level (0-9, -1 for gzip's default). */
  public static tar(compressionLevel?: number): ArtifactArchive {
    return new ArtifactArchive({ tar: compressionLevel === undefined ? {} : { compressionLevel } });
  }

  /** A zip file. */
  public static zip(): ArtifactArchive {
    return new ArtifactArchive({ zip: {} });
  }

  private constructor(/** @internal */ public readonly _strategy: l1.ArchiveStrategy) {}
}
