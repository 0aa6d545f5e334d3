import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { ContainerTemplate, ContainerTemplateProps } from '../workflows';

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
  private readonly runAsUser: number;
  private readonly runAsGroup: number;

  constructor(scope: Construct, id: string, props: RestrictedContainerTemplateProps = {}) {
    super(scope, id, props);
    this.runAsUser = props.runAsUser ?? 65534;
    this.runAsGroup = props.runAsGroup ?? this.runAsUser;
  }

  protected renderBody(): Partial<l1.Template> {
    const body = super.renderBody();
    return {
      ...body,
      container: {
        ...body.container!,
        securityContext: {
          runAsNonRoot: true,
          runAsUser: this.runAsUser,
          runAsGroup: this.runAsGroup,
          privileged: false,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
      },
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    };
  }

  protected validateObjects(): string[] {
    const errors = super.validateObjects();
    if (!Number.isInteger(this.runAsUser) || this.runAsUser <= 0) {
      errors.push(this.error(`runAsUser ${this.runAsUser} is root or not a user id: the restricted profile forbids root and the kubelet refuses to start the container. Use the image's non-root user id (e.g. 1000 for node images, 65534 for nobody).`, '.container.securityContext.runAsUser'));
    }
    const json = this.spec.apiObject.toJson();
    const spec = json.spec?.workflowSpec ?? json.spec ?? {};
    const mine = (spec.templates ?? []).find((t: any) => t.name === this.name) ?? {};
    const mounted = new Set<string>((mine.container?.volumeMounts ?? []).map((m: any) => m.name));
    const volumes = [...(mine.volumes ?? []), ...(spec.volumes ?? []).filter((v: any) => mounted.has(v.name))];
    for (const v of volumes) {
      const type = Object.keys(v).find(k => k !== 'name');
      if (type && !(RESTRICTED_VOLUME_TYPES as readonly string[]).includes(type)) {
        errors.push(this.error(`mounts volume "${v.name}" of type ${type}, which the Pod Security "restricted" profile forbids: the namespace would reject the pod. `
          + `Use one of ${RESTRICTED_VOLUME_TYPES.join(', ')}.`, '.volumes'));
      }
    }
    return errors;
  }
}
