import * as kplus from 'cdk8s-plus-27';
import { Size } from 'cdk8s';
import { K8sPersistentVolumeClaim, K8sVolume, K8sVolumeMount } from '../../imports/kubernetes';

/** Options of a volume claim template. */
export interface ClaimTemplateOptions {
  /** Requested storage, e.g. `Size.gibibytes(1)`. */
  readonly storage: Size;
  /**
   * Access modes.
   * @default [ReadWriteOnce]
   */
  readonly accessModes?: kplus.PersistentVolumeAccessMode[];
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
  public static emptyDir(name: string, options: { readonly medium?: kplus.EmptyDirMedium; readonly sizeLimit?: Size } = {}): WorkflowVolume {
    return new WorkflowVolume(name, { name, emptyDir: { medium: options.medium, sizeLimit: options.sizeLimit ? `${options.sizeLimit.toMebibytes()}Mi` : undefined } });
  }

  /** The keys of a ConfigMap as files. */
  public static fromConfigMap(name: string, configMap: kplus.IConfigMap, options: { readonly defaultMode?: number; readonly optional?: boolean } = {}): WorkflowVolume {
    return new WorkflowVolume(name, { name, configMap: { name: configMap.name, defaultMode: options.defaultMode, optional: options.optional } });
  }

  /** The keys of a Secret as files. */
  public static fromSecret(name: string, secret: kplus.ISecret, options: { readonly defaultMode?: number; readonly optional?: boolean } = {}): WorkflowVolume {
    return new WorkflowVolume(name, { name, secret: { secretName: secret.name, defaultMode: options.defaultMode, optional: options.optional } });
  }

  /** An existing PersistentVolumeClaim. */
  public static fromPersistentVolumeClaim(name: string, claim: kplus.IPersistentVolumeClaim, options: { readonly readOnly?: boolean } = {}): WorkflowVolume {
    return new WorkflowVolume(name, { name, persistentVolumeClaim: { claimName: claim.name, readOnly: options.readOnly } });
  }

  /**
   * A PersistentVolumeClaim Argo creates for each run (`spec.volumeClaimTemplates`) and deletes
   * per `volumeClaimGC`. Only declarable on a workflow, not on a template.
   */
  public static fromClaimTemplate(name: string, options: ClaimTemplateOptions): WorkflowVolume {
    return new WorkflowVolume(name, undefined, {
      metadata: { name },
      spec: {
        accessModes: options.accessModes ?? [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
        storageClassName: options.storageClassName,
        resources: { requests: { storage: `${options.storage.toMebibytes()}Mi` } },
      },
    });
  }

  /** Any volume the generated L1 type describes. */
  public static fromL1(volume: K8sVolume): WorkflowVolume {
    return new WorkflowVolume(volume.name, volume);
  }

  private constructor(
    /** The volume name, what mounts refer to. */
    public readonly name: string,
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
