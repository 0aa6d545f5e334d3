import { PodSecurity } from '../core/pod-security';
import { RESTRICTED_VOLUMES } from '../lint/util/pod-security-standards';
import { ContainerTemplate, ContainerTemplateProps, ITemplateHost, Seccomp } from '../workflows';

/** Volume types the Pod Security "restricted" profile allows. */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = RESTRICTED_VOLUMES;

/** Props of a `RestrictedContainerTemplate`: a container template without the fields that could weaken its pod. */
export interface RestrictedContainerTemplateProps extends Omit<ContainerTemplateProps, 'containerSecurityContext' | 'securityContext' | 'podSpecPatch' | 'podSecurity'> {
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
 * RuntimeDefault and the same user for every container (Argo's own `init` and `wait` containers
 * included; their capabilities come from the controller's `executor` settings). Host namespaces, host paths and
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
      // The same user for the whole pod: Argo's init and wait containers run as root in the default executor image.
      securityContext: { runAsNonRoot: true, runAsUser, runAsGroup, seccompProfile: Seccomp.runtimeDefault() },
      podSpecPatch: undefined,
      podSecurity: PodSecurity.RESTRICTED,
    });
  }
}
