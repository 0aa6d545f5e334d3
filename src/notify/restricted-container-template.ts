import { ContainerTemplate, ContainerTemplateProps, ITemplateHost, Seccomp } from '../workflows';

/** Volume types the Pod Security "restricted" profile allows. */
export const RESTRICTED_VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'] as const;

/** Props of a `RestrictedContainerTemplate`: a container template without the fields that could weaken its pod. */
export interface RestrictedContainerTemplateProps extends Omit<ContainerTemplateProps, 'containerSecurityContext' | 'securityContext' | 'podSpecPatch'> {
  /**
   * User id the container runs as (must not be 0).
   * @default 65534 (nobody)
   */
  readonly runAsUser?: number;
  /**
   * Group id the container runs as.
   * @default - the runAsUser value
   */
  readonly runAsGroup?: number;
}

/**
 * A container template whose pod passes the Kubernetes Pod Security "restricted" profile: the
 * container runs as a non-root user with a read-only root filesystem, no privilege escalation, all
 * capabilities dropped and the RuntimeDefault seccomp profile; the pod sets runAsNonRoot and
 * RuntimeDefault for every container (Argo's own `init` and `wait` containers included; their
 * capabilities come from the controller's `executor` settings). Host namespaces, host paths and
 * pod spec patches cannot be set.
 */
export class RestrictedContainerTemplate extends ContainerTemplate {
  constructor(scope: ITemplateHost, id: string, props: RestrictedContainerTemplateProps = {}) {
    const runAsUser = props.runAsUser ?? 65534;
    const runAsGroup = props.runAsGroup ?? runAsUser;
    super(scope, id, {
      ...props,
      containerSecurityContext: {
        runAsNonRoot: true,
        runAsUser,
        runAsGroup,
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: Seccomp.runtimeDefault(),
      },
      securityContext: { runAsNonRoot: true, seccompProfile: Seccomp.runtimeDefault() },
      podSpecPatch: undefined,
    });
  }

  protected check(): string[] {
    const errors = super.check();
    const mounted = new Set(this.container.volumes.map(v => v.name));
    const volumes = [...this.templateVolumes(), ...this.spec.volumes.filter(v => mounted.has(v.name) && !v.isClaimTemplate)];
    for (const volume of volumes) {
      const type = volume.sourceType;
      if (type && !(RESTRICTED_VOLUME_TYPES as readonly string[]).includes(type)) {
        errors.push(this.error(`mounts volume "${volume.name}" of type ${type}, which the Pod Security "restricted" profile forbids: the namespace would reject the pod. `
          + `Use one of ${RESTRICTED_VOLUME_TYPES.join(', ')}.`, '.volumes'));
      }
    }
    return errors;
  }
}
