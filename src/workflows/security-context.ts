import {
  K8sAppArmorProfile, K8sCapabilities, K8sPodSecurityContext, K8sSeccompProfile, K8sSecurityContext, K8sSeLinuxOptions, K8sSysctl,
  K8sWindowsSecurityContextOptions,
} from '../../imports/kubernetes';

/** Which system calls a container may make (`seccompProfile`). */
export class Seccomp {
  /** The container runtime's default profile, which the Pod Security "restricted" profile requires. */
  public static runtimeDefault(): Seccomp {
    return new Seccomp({ type: 'RuntimeDefault' });
  }

  /** A profile file on the node, relative to the kubelet's seccomp directory, e.g. `profiles/audit.json`. */
  public static localhost(profile: string): Seccomp {
    return new Seccomp({ type: 'Localhost', localhostProfile: profile });
  }

  /** No filtering, which the "restricted" and "baseline" profiles forbid. */
  public static unconfined(): Seccomp {
    return new Seccomp({ type: 'Unconfined' });
  }

  private constructor(
    /** @internal */ public readonly _profile: K8sSeccompProfile,
  ) {}
}

/** The AppArmor profile a container runs under (`appArmorProfile`, Kubernetes 1.30+). */
export class AppArmor {
  /** The container runtime's default profile. */
  public static runtimeDefault(): AppArmor {
    return new AppArmor({ type: 'RuntimeDefault' });
  }

  /** A profile loaded on the node, by name. */
  public static localhost(profile: string): AppArmor {
    return new AppArmor({ type: 'Localhost', localhostProfile: profile });
  }

  /** No AppArmor confinement, which the "baseline" and "restricted" profiles forbid. */
  public static unconfined(): AppArmor {
    return new AppArmor({ type: 'Unconfined' });
  }

  private constructor(
    /** @internal */ public readonly _profile: K8sAppArmorProfile,
  ) {}
}

/** Settings a pod and each of its containers both take; a container's own value wins. */
interface SharedSecurityProps {
  /**
   * User id the processes run as.
   * @default - not set: the pod's value, else the image's user
   */
  readonly runAsUser?: number;
  /**
   * Primary group id of the processes.
   * @default - not set: the pod's value, else the image's group
   */
  readonly runAsGroup?: number;
  /**
   * Refuse to start a container whose user is root (uid 0).
   * @default - not set: the pod's value, else not checked
   */
  readonly runAsNonRoot?: boolean;
  /**
   * Seccomp profile.
   * @default - not set: the pod's profile, else the kubelet's default (Unconfined unless the kubelet runs with `--seccomp-default`)
   */
  readonly seccompProfile?: Seccomp;
  /**
   * AppArmor profile.
   * @default - not set: the pod's profile, else the runtime's default
   */
  readonly appArmorProfile?: AppArmor;
  /**
   * SELinux context.
   * @default - not set: the pod's, else one the container runtime assigns
   */
  readonly seLinuxOptions?: K8sSeLinuxOptions;
  /**
   * Windows-specific settings (ignored on Linux nodes).
   * @default - not set: the pod's
   */
  readonly windowsOptions?: K8sWindowsSecurityContextOptions;
}

/**
 * The security context of one container (`securityContext`). Only what is set here is rendered;
 * each default below is what Kubernetes then applies.
 */
export interface ContainerSecurityProps extends SharedSecurityProps {
  /**
   * Mount the container's root filesystem read-only.
   * @default - not set: writable
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Let a process gain more privileges than its parent (setuid binaries; `no_new_privs` unset).
   * @default - not set: allowed
   */
  readonly allowPrivilegeEscalation?: boolean;
  /**
   * Run the container privileged (host root); the "baseline" and "restricted" profiles forbid it.
   * @default - not set: unprivileged
   */
  readonly privileged?: boolean;
  /**
   * Linux capabilities to add and drop, e.g. `{ drop: ['ALL'], add: ['NET_BIND_SERVICE'] }`.
   * @default - not set: the container runtime's default set
   */
  readonly capabilities?: K8sCapabilities;
  /**
   * Which /proc paths are masked (`Unmasked` needs a user-namespaced pod).
   * @default - not set: Default
   */
  readonly procMount?: 'Default' | 'Unmasked';
}

/**
 * The security context of a pod (`securityContext` of a template or of the whole workflow): what
 * every container of the pod gets unless it sets its own. Only what is set here is rendered;
 * each default below is what Kubernetes then applies.
 */
export interface PodSecurityProps extends SharedSecurityProps {
  /**
   * Group that owns the pod's volumes and is added to every process.
   * @default - not set: volumes keep their ownership
   */
  readonly fsGroup?: number;
  /**
   * When volume ownership is changed to `fsGroup`.
   * @default - not set: Always
   */
  readonly fsGroupChangePolicy?: 'Always' | 'OnRootMismatch';
  /**
   * More group ids of the first process of each container.
   * @default - not set: none
   */
  readonly supplementalGroups?: number[];
  /**
   * Whether the image's groups are added to `supplementalGroups` (Kubernetes 1.31+).
   * @default - not set: Merge
   */
  readonly supplementalGroupsPolicy?: 'Merge' | 'Strict';
  /**
   * How SELinux labels are applied to volumes (Kubernetes 1.32+).
   * @default - not set: the kubelet's default
   */
  readonly seLinuxChangePolicy?: 'MountOption' | 'Recursive';
  /**
   * Namespaced kernel parameters, in order, e.g. `[{ name: 'net.core.somaxconn', value: '1024' }]`.
   * @default - not set: none
   */
  readonly sysctls?: K8sSysctl[];
}

/** @internal */
export function renderContainerSecurity(s: ContainerSecurityProps | undefined): K8sSecurityContext | undefined {
  if (!s) return undefined;
  return {
    runAsUser: s.runAsUser,
    runAsGroup: s.runAsGroup,
    runAsNonRoot: s.runAsNonRoot,
    privileged: s.privileged,
    readOnlyRootFilesystem: s.readOnlyRootFilesystem,
    allowPrivilegeEscalation: s.allowPrivilegeEscalation,
    capabilities: s.capabilities ? { add: s.capabilities.add, drop: s.capabilities.drop } : undefined,
    seccompProfile: s.seccompProfile?._profile,
    appArmorProfile: s.appArmorProfile?._profile,
    seLinuxOptions: s.seLinuxOptions,
    procMount: s.procMount,
    windowsOptions: s.windowsOptions,
  };
}

/** @internal */
export function renderPodSecurity(s: PodSecurityProps | undefined): K8sPodSecurityContext | undefined {
  if (!s) return undefined;
  return {
    runAsUser: s.runAsUser,
    runAsGroup: s.runAsGroup,
    runAsNonRoot: s.runAsNonRoot,
    fsGroup: s.fsGroup,
    fsGroupChangePolicy: s.fsGroupChangePolicy,
    supplementalGroups: s.supplementalGroups,
    supplementalGroupsPolicy: s.supplementalGroupsPolicy,
    seccompProfile: s.seccompProfile?._profile,
    appArmorProfile: s.appArmorProfile?._profile,
    seLinuxOptions: s.seLinuxOptions,
    seLinuxChangePolicy: s.seLinuxChangePolicy,
    sysctls: s.sysctls?.map(x => ({ name: x.name, value: x.value })),
    windowsOptions: s.windowsOptions,
  };
}

const MAX_ID = 2147483647;

/**
 * What Kubernetes refuses in a container or pod security context, with the path of each problem
 * below it (`.securityContext.runAsUser`).
 * @internal
 */
export function securityProblems(s: ContainerSecurityProps & PodSecurityProps | undefined): { subPath: string; message: string }[] {
  if (!s) return [];
  const out: { subPath: string; message: string }[] = [];
  const at = (field: string, message: string) => out.push({ subPath: `.securityContext.${field}`, message });
  for (const field of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
    const id = s[field];
    if (id !== undefined && !(Number.isInteger(id) && id >= 0 && id <= MAX_ID)) {
      at(field, `${field} ${id} is not a user or group id: Kubernetes rejects the pod (ids are integers from 0 to ${MAX_ID}). Use the id the image expects, e.g. 1000.`);
    }
  }
  if (s.runAsNonRoot === true && s.runAsUser === 0) {
    at('runAsUser', 'runAsUser 0 is root, and runAsNonRoot is set: the kubelet refuses to start the container. Run as the image\'s non-root user id (e.g. 1000 for node images, 65534 for nobody).');
  }
  if (s.allowPrivilegeEscalation === false) {
    if (s.privileged === true) {
      at('allowPrivilegeEscalation', 'a privileged container always can escalate privileges, so Kubernetes rejects allowPrivilegeEscalation: false with privileged: true. Drop one of them.');
    }
    if ((s.capabilities?.add ?? []).some(c => c === 'SYS_ADMIN' || c === 'CAP_SYS_ADMIN')) {
      at('allowPrivilegeEscalation', 'SYS_ADMIN lets a process escalate privileges, so Kubernetes rejects allowPrivilegeEscalation: false with capabilities.add SYS_ADMIN. Drop one of them.');
    }
  }
  return out;
}
