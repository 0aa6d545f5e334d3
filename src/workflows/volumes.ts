import { Size } from 'cdk8s';
import { K8sPersistentVolumeClaim, K8sVolume, K8sVolumeMount, toJson_K8sVolume } from '../../imports/kubernetes';
import { IConfigMapRef, IPersistentVolumeClaimRef, ISecretRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { sizeQuantity } from '../core/quantity';

/** How a PersistentVolume can be mounted (values of cdk8s-plus `PersistentVolumeAccessMode` are accepted too). */
export enum VolumeAccessMode {
  /** Read-write by the pods of a single node. */
  READ_WRITE_ONCE = 'ReadWriteOnce',
  /** Read-only by many nodes. */
  READ_ONLY_MANY = 'ReadOnlyMany',
  /** Read-write by many nodes. */
  READ_WRITE_MANY = 'ReadWriteMany',
  /** Read-write by a single pod. */
  READ_WRITE_ONCE_POD = 'ReadWriteOncePod',
}

/** Where an emptyDir volume lives (values of cdk8s-plus `EmptyDirMedium` are accepted too). */
export enum StorageMedium {
  /** The node's default storage (its disk). */
  DEFAULT = '',
  /** A tmpfs in memory, counted against the container's memory limit. */
  MEMORY = 'Memory',
  /** Huge pages (the pod must request them). */
  HUGE_PAGES = 'HugePages',
}

/** Options of `WorkflowVolume.emptyDir()`. */
export interface EmptyDirOptions {
  /**
   * Where the directory lives.
   * @default StorageMedium.DEFAULT
   */
  readonly medium?: `${StorageMedium}`;
  /**
   * Largest size; the pod is evicted beyond it.
   * @default - unbounded (up to the node's or the memory limit)
   */
  readonly sizeLimit?: Size;
}

/** Options of `WorkflowVolume.fromConfigMap()` and `fromSecret()`. */
export interface KeyVolumeOptions {
  /**
   * File mode of the files, e.g. `0o400`.
   * @default 0o644
   */
  readonly defaultMode?: number;
  /**
   * Start the pod even if the object is missing.
   * @default false
   */
  readonly optional?: boolean;
}

/** Options of a volume claim template. */
export interface ClaimTemplateOptions {
  /** Requested storage, e.g. `Size.gibibytes(1)`. */
  readonly storage: Size;
  /**
   * Access modes.
   * @default [ReadWriteOnce]
   */
  readonly accessModes?: `${VolumeAccessMode}`[];
  /**
   * Storage class.
   * @default - the cluster default
   */
  readonly storageClassName?: string;
}

/**
 * A volume of a workflow or template. Declare it on the workflow (`volumes`) or the template
 * (`volumes`), and mount it by object (`volumeMounts: [{ volume, mountPath }]`); a mounted volume
 * declared nowhere is declared on the template that mounts it.
 */
export class WorkflowVolume {
  /** A scratch directory living as long as the pod. */
  public static emptyDir(name: string, options: EmptyDirOptions = {}): WorkflowVolume {
    return new WorkflowVolume(name, 'emptyDir', { name, emptyDir: { medium: options.medium, sizeLimit: options.sizeLimit && sizeQuantity(options.sizeLimit) } });
  }

  /** The keys of a ConfigMap as files. */
  public static fromConfigMap(name: string, configMap: IConfigMapRef, options: KeyVolumeOptions = {}): WorkflowVolume {
    expectKind(configMap, 'ConfigMap', 'WorkflowVolume.fromConfigMap()');
    return new WorkflowVolume(name, 'configMap', { name, configMap: { name: configMap.name, defaultMode: options.defaultMode, optional: options.optional } });
  }

  /** The keys of a Secret as files. */
  public static fromSecret(name: string, secret: ISecretRef, options: KeyVolumeOptions = {}): WorkflowVolume {
    expectKind(secret, 'Secret', 'WorkflowVolume.fromSecret()');
    return new WorkflowVolume(name, 'secret', { name, secret: { secretName: secret.name, defaultMode: options.defaultMode, optional: options.optional } });
  }

  /** An existing PersistentVolumeClaim. */
  public static fromPersistentVolumeClaim(name: string, claim: IPersistentVolumeClaimRef, options: { readonly readOnly?: boolean } = {}): WorkflowVolume {
    expectKind(claim, 'PersistentVolumeClaim', 'WorkflowVolume.fromPersistentVolumeClaim()');
    return new WorkflowVolume(name, 'persistentVolumeClaim', { name, persistentVolumeClaim: { claimName: claim.name, readOnly: options.readOnly } });
  }

  /**
   * A PersistentVolumeClaim Argo creates for each run (`spec.volumeClaimTemplates`) and deletes
   * per `volumeClaimGC`. Only declarable on a workflow, not on a template.
   */
  public static fromClaimTemplate(name: string, options: ClaimTemplateOptions): WorkflowVolume {
    return new WorkflowVolume(name, undefined, undefined, {
      metadata: { name },
      spec: {
        accessModes: options.accessModes ?? [VolumeAccessMode.READ_WRITE_ONCE],
        storageClassName: options.storageClassName,
        resources: { requests: { storage: sizeQuantity(options.storage) } },
      },
    });
  }

  /** Any volume the generated L1 type describes. */
  public static fromL1(volume: K8sVolume): WorkflowVolume {
    // The source field as the manifest names it (json2jsii renames a few: downwardAPI is downwardApi in L1).
    const sourceType = Object.keys(toJson_K8sVolume(volume) ?? {}).find(k => k !== 'name');
    return new WorkflowVolume(volume.name, sourceType, volume);
  }

  private constructor(
    /** The volume name, what mounts refer to. */
    public readonly name: string,
    /**
     * The volume's source field as Kubernetes names it: `emptyDir`, `configMap`, `secret`,
     * `persistentVolumeClaim`, `hostPath`...; undefined for a claim template.
     */
    public readonly sourceType: string | undefined,
    /** @internal */ public readonly _volume?: K8sVolume,
    /** @internal */ public readonly _claimTemplate?: K8sPersistentVolumeClaim) {}

  /** True for a claim template (declared in `spec.volumeClaimTemplates`). */
  public get isClaimTemplate(): boolean {
    return this._claimTemplate !== undefined;
  }
}

/** A volume mounted into a container. */
export interface TemplateVolumeMount {
  /** The volume (by object). */
  readonly volume: WorkflowVolume;
  /** Where it is mounted. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this sub-path of the volume.
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** @internal */
export function renderMounts(mounts: readonly TemplateVolumeMount[] | undefined): K8sVolumeMount[] | undefined {
  return mounts?.map(m => ({ name: m.volume.name, mountPath: m.mountPath, readOnly: m.readOnly, subPath: m.subPath }));
}
