import { ApiObjectMetadata } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { EventsArtifactLocation } from '../../imports/argo-events';
import { IConfigMapRef, SecretKeyRef } from '../core/object-refs';
import { definingApiObject, expectKind } from '../core/ref-inspection';
import { Workflow } from '../workflows/workflow';
import { GitHubApp } from './github-event-source';
import { BasicAuthCredentials, renderBasicAuth, secretSelector } from './source-options';
import { expectInResourceScope } from './trigger-resource-scope';

/** What a trigger creates from a source the library cannot read at synth (a ConfigMap, git, a URL): its type, for the sensor's RBAC. */
export interface ResourceType {
  /** API version, e.g. `argoproj.io/v1alpha1` or `batch/v1`. */
  readonly apiVersion: string;
  /** Kind, e.g. `Workflow` or `Job`. */
  readonly kind: string;
  /**
   * Namespace the objects go to, when it is not the sensor's.
   * @default - the sensor's namespace
   */
  readonly namespace?: string;
}

/** A Kubernetes object as a manifest: `apiVersion`, `kind`, `metadata` and the rest of its fields. */
export interface KubernetesManifest {
  /** API version. */
  readonly apiVersion: string;
  /** Kind. */
  readonly kind: string;
  /**
   * Metadata (name or generateName, labels...).
   * @default - none
   */
  readonly metadata?: ApiObjectMetadata;
  /** The other fields (`spec`...). */
  readonly [field: string]: unknown;
}

/** Options of a resource read from git when the trigger fires. */
export interface GitResourceOptions {
  /** Repository URL (`https://...` or `git@...`). */
  readonly url: string;
  /** Path of the manifest in the repository. */
  readonly filePath: string;
  /**
   * Directory of the sensor pod the repository is cloned into (mount a writable volume there, e.g. an emptyDir).
   * @default - Argo Events' default
   */
  readonly cloneDirectory?: string;
  /**
   * Branch to check out (or give `tag` or `ref`).
   * @default - the default branch
   */
  readonly branch?: string;
  /**
   * Tag to check out.
   * @default - none
   */
  readonly tag?: string;
  /**
   * Commit or other ref to check out.
   * @default - none
   */
  readonly ref?: string;
  /**
   * User and password (or token) over HTTPS.
   * @default - none
   */
  readonly credentials?: BasicAuthCredentials;
  /**
   * Secret key holding an SSH private key.
   * @default - none
   */
  readonly sshKey?: SecretKeyRef;
  /**
   * A GitHub App to authenticate as.
   * @default - none
   */
  readonly githubApp?: GitHubApp;
  /**
   * Skip the SSH host key check.
   * @default false
   */
  readonly insecureIgnoreHostKey?: boolean;
  /**
   * The remote to fetch from, when not `origin`.
   * @default - origin
   */
  readonly remote?: {
    /** Name of the remote. */
    readonly name: string;
    /** URLs of the remote. */
    readonly urls: string[];
  };
}

/** Options of a resource read from an S3 bucket when the trigger fires. */
export interface S3ResourceOptions {
  /** Endpoint, e.g. `s3.amazonaws.com` or `minio:9000`. */
  readonly endpoint: string;
  /** Bucket. */
  readonly bucket: string;
  /** Key of the manifest. */
  readonly key: string;
  /** Access keys. */
  readonly credentials: {
    /** Secret key holding the access key id. */
    readonly accessKey: SecretKeyRef;
    /** Secret key holding the secret access key. */
    readonly secretKey: SecretKeyRef;
  };
  /**
   * Region of the bucket.
   * @default - none
   */
  readonly region?: string;
  /**
   * Plain HTTP.
   * @default false
   */
  readonly insecure?: boolean;
}

/** The object a Kubernetes or Argo Workflow trigger creates (or operates on), and where the sensor reads it. @internal */
export interface ResolvedResource {
  /** What kind of object, for RBAC and checks. */
  readonly type: ResourceType;
  /** The `source` of the trigger, rendered when the sensor renders. */
  readonly source: () => EventsArtifactLocation;
  /** The Workflow construct, when the object is one (arguments map onto its parameters). */
  readonly workflow?: Workflow;
  /** Secrets the sensor pod mounts to read the object. */
  readonly secrets: readonly (SecretKeyRef | undefined)[];
  /** The object's manifest, when the library renders it (an object of the resource scope or a manifest). */
  readonly manifest?: () => { readonly [key: string]: any };
  /** True for a construct of the resource scope: its own synth-time validation reports on it. */
  readonly checkedAsConstruct?: boolean;
}

/**
 * The object a trigger creates: a construct defined in the sensor's `resourceScope` (a
 * `Workflow`, a cdk8s-plus Job: typed and checked at synth), a manifest, or a source read
 * when the trigger fires (a ConfigMap key, a file of the sensor pod, a URL, git, S3).
 */
export abstract class TriggerResource {
  /**
   * A construct defined in `sensor.resourceScope`: an `ApiObject`, or a construct whose
   * default child is one (`new Workflow(sensor.resourceScope, 'run', ...)`, a cdk8s-plus Job).
   */
  public static fromObject(object: IConstruct): TriggerResource {
    const where = 'TriggerResource.fromObject()';
    const apiObject = definingApiObject(object);
    if (!apiObject) {
      throw new Error(`${where}: ${object.node.path} is neither an ApiObject nor a construct whose default child is one; `
        + 'the sensor would have no manifest to create. Pass the ApiObject, or a construct such as a Workflow or a cdk8s-plus resource.');
    }
    expectInResourceScope(object instanceof Construct ? object : apiObject, where);
    return new Resolved({
      type: { apiVersion: apiObject.apiVersion, kind: apiObject.kind, namespace: apiObject.metadata.namespace },
      source: () => ({ resource: apiObject.toJson() }),
      manifest: () => apiObject.toJson(),
      workflow: object instanceof Workflow ? object : undefined,
      secrets: [],
      checkedAsConstruct: true,
    });
  }

  /** An object given as its manifest. */
  public static of(manifest: KubernetesManifest): TriggerResource {
    return new Resolved({
      type: { apiVersion: manifest.apiVersion, kind: manifest.kind, namespace: manifest.metadata?.namespace },
      source: () => ({ resource: manifest }),
      manifest: () => manifest,
      secrets: [],
    });
  }

  /** A manifest in a key of a ConfigMap (of the sensor's namespace; the controller mounts it in the sensor pod). */
  public static fromConfigMap(configMap: IConfigMapRef, key: string, type: ResourceType): TriggerResource {
    expectKind(configMap, 'ConfigMap', 'TriggerResource.fromConfigMap()');
    return new Resolved({ type, source: () => ({ configmap: { name: configMap.name, key } }), secrets: [] });
  }

  /** A manifest in a file of the sensor pod (mount it with the sensor's `volumeMounts`). */
  public static fromFile(path: string, type: ResourceType): TriggerResource {
    return new Resolved({ type, source: () => ({ file: { path } }), secrets: [] });
  }

  /** A manifest fetched from a URL when the trigger fires. */
  public static fromUrl(url: string, type: ResourceType, options: { readonly verifyCert?: boolean } = {}): TriggerResource {
    return new Resolved({ type, source: () => ({ url: { path: url, verifyCert: options.verifyCert } }), secrets: [] });
  }

  /** A manifest read from a git repository when the trigger fires. */
  public static fromGit(options: GitResourceOptions, type: ResourceType): TriggerResource {
    const at = 'TriggerResource.fromGit()';
    const o = options;
    return new Resolved({
      type,
      source: () => ({
        git: {
          url: o.url,
          filePath: o.filePath,
          cloneDirectory: o.cloneDirectory,
          branch: o.branch,
          tag: o.tag,
          ref: o.ref,
          creds: renderBasicAuth(o.credentials, `${at}: credentials`),
          sshKeySecret: secretSelector(o.sshKey, `${at}: sshKey`),
          githubApp: o.githubApp && { privateKey: secretSelector(o.githubApp.privateKey, `${at}: githubApp.privateKey`), appId: o.githubApp.appId, installationId: o.githubApp.installationId },
          insecureIgnoreHostKey: o.insecureIgnoreHostKey,
          remote: o.remote,
        },
      }),
      secrets: [o.credentials?.username, o.credentials?.password, o.sshKey, o.githubApp?.privateKey],
    });
  }

  /** A manifest read from an S3 bucket when the trigger fires. */
  public static fromS3(options: S3ResourceOptions, type: ResourceType): TriggerResource {
    const at = 'TriggerResource.fromS3()';
    const o = options;
    return new Resolved({
      type,
      source: () => ({
        s3: {
          endpoint: o.endpoint,
          bucket: { name: o.bucket, key: o.key },
          region: o.region,
          insecure: o.insecure,
          accessKey: secretSelector(o.credentials.accessKey, `${at}: credentials.accessKey`),
          secretKey: secretSelector(o.credentials.secretKey, `${at}: credentials.secretKey`),
        },
      }),
      secrets: [o.credentials.accessKey, o.credentials.secretKey],
    });
  }

  /** @internal */
  public abstract _resolve(): ResolvedResource;
}

class Resolved extends TriggerResource {
  constructor(private readonly resolved: ResolvedResource) {
    super();
  }

  /** @internal */
  public _resolve(): ResolvedResource {
    return this.resolved;
  }
}
