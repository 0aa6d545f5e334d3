/**
 * References to the Kubernetes objects workflows and sensors use (Secrets, ConfigMaps,
 * ServiceAccounts, PersistentVolumeClaims). Each is an interface the objects of other libraries
 * satisfy as they are: a cdk8s `ApiObject`, a cdk8s-plus resource of any major (`new Secret(...)`,
 * `Secret.fromSecretName(...)`), a construct of this library, or `XxxRef.fromName(...)` for an
 * object that lives only in the cluster.
 */

/** Where an object that lives only in the cluster is. */
export interface ClusterObjectOptions {
  /**
   * Its namespace.
   * @default - the namespace of whatever refers to it
   */
  readonly namespace?: string;
}

/** What every reference holds: the object's name, and what is known of its kind and namespace. */
export interface IObjectRef {
  /** `metadata.name` of the object. */
  readonly name: string;
  /**
   * Kind of the object (`Secret`, `ConfigMap`...). A reference of another kind than the field
   * expects is refused when it is passed.
   * @default - not known: not checked
   */
  readonly kind?: string;
  /**
   * Namespace of the object, when the reference knows it (an object defined in the app gives
   * its own `metadata.namespace`).
   * @default - the namespace of whatever refers to it
   */
  readonly namespace?: string;
}

/** A Secret: one defined in the app (a cdk8s-plus `Secret`, an `ApiObject`) or `SecretRef.fromName(...)`. */
export interface ISecretRef extends IObjectRef {}

/** A key of a Secret: where a credential is read at run time; the value never appears in a manifest. */
export interface SecretKeyRef {
  /** The Secret. */
  readonly secret: ISecretRef;
  /** The key in the Secret (letters, digits, `-`, `_`, `.`). */
  readonly key: string;
}

/** A ConfigMap: one defined in the app (a cdk8s-plus `ConfigMap`, an `ApiObject`) or `ConfigMapRef.fromName(...)`. */
export interface IConfigMapRef extends IObjectRef {}

/** A ServiceAccount: one defined in the app (`WorkflowServiceAccount`, a cdk8s-plus `ServiceAccount`) or `ServiceAccountRef.fromName(...)`. */
export interface IServiceAccountRef extends IObjectRef {}

/** A PersistentVolumeClaim: one defined in the app (a cdk8s-plus `PersistentVolumeClaim`) or `PersistentVolumeClaimRef.fromName(...)`. */
export interface IPersistentVolumeClaimRef extends IObjectRef {}

/** A reference by name, with the kind it names. */
abstract class NamedRef implements IObjectRef {
  public abstract readonly kind: string;

  protected constructor(
    /** `metadata.name` of the object. */
    public readonly name: string,
    /** Its namespace, if given. */
    public readonly namespace?: string) {}
}

/** A Secret that lives only in the cluster (created by `kubectl`, External Secrets, Sealed Secrets...). */
export class SecretRef extends NamedRef implements ISecretRef {
  /** The Secret named `name`. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): SecretRef {
    return new SecretRef(name, options.namespace);
  }

  /** `Secret`. */
  public readonly kind = 'Secret';

  /** A key of this Secret. */
  public keyRef(key: string): SecretKeyRef {
    return { secret: this, key };
  }
}

/** A ConfigMap that lives only in the cluster. */
export class ConfigMapRef extends NamedRef implements IConfigMapRef {
  /** The ConfigMap named `name`. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): ConfigMapRef {
    return new ConfigMapRef(name, options.namespace);
  }

  /** `ConfigMap`. */
  public readonly kind = 'ConfigMap';
}

/** A ServiceAccount that lives only in the cluster. */
export class ServiceAccountRef extends NamedRef implements IServiceAccountRef {
  /** The ServiceAccount named `name`. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): ServiceAccountRef {
    return new ServiceAccountRef(name, options.namespace);
  }

  /** `ServiceAccount`. */
  public readonly kind = 'ServiceAccount';
}

/** A PersistentVolumeClaim that lives only in the cluster. */
export class PersistentVolumeClaimRef extends NamedRef implements IPersistentVolumeClaimRef {
  /** The PersistentVolumeClaim named `name`. */
  public static fromName(name: string, options: ClusterObjectOptions = {}): PersistentVolumeClaimRef {
    return new PersistentVolumeClaimRef(name, options.namespace);
  }

  /** `PersistentVolumeClaim`. */
  public readonly kind = 'PersistentVolumeClaim';
}
