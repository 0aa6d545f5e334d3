/**
 * The controls of the Kubernetes Pod Security Standards (kubernetes.io/docs/concepts/security/
 * pod-security-standards, "baseline" and "restricted" as of Kubernetes 1.33), applied to a pod
 * model (util/pods.ts). Each violation names its profile, its control, the field and the fix.
 */
import { childPath } from '../path';
import { ContainerModel, Located, PodModel, SecuritySettings } from './pods';
import { isJsonObject } from './walk';

/** The two profiles that restrict anything ("privileged" allows everything). */
export type PodSecurityLevel = 'baseline' | 'restricted';

export interface PodSecurityViolation {
  readonly level: PodSecurityLevel;
  /** The control's name in the standard, e.g. `Privilege Escalation`. */
  readonly control: string;
  readonly path: string;
  /** What is wrong, for whom (`container "main" sets privileged: true`). */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Capabilities "baseline" lets a container add (the container runtime's default set). */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
/** Sysctls "baseline" allows (namespaced and isolated; the list grew up to Kubernetes 1.29). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);
const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
/** Volume types "restricted" allows. */
export const RESTRICTED_VOLUMES: readonly string[] = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** Every violation of "baseline" and of "restricted" by the pod (restricted includes baseline: a baseline violation is listed once, as baseline). */
export function podSecurityViolations(pod: PodModel): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const add = (level: PodSecurityLevel, control: string, path: string, problem: string, fix: string) => out.push({ level, control, path, problem, fix });
  baselinePod(pod, add);
  for (const c of pod.containers) baselineContainer(pod, c, add);
  if (!pod.windows) restricted(pod, add);
  return out;
}

type Add = (level: PodSecurityLevel, control: string, path: string, problem: string, fix: string) => void;

function get(s: SecuritySettings, field: string): Located | undefined {
  return s.fields.get(field);
}

/** A field inside an object-valued setting (`seccompProfile.type`); one written by a podSpecPatch points at the patch. */
function nested(l: Located | undefined, field: string): Located | undefined {
  if (!l || !isJsonObject(l.value)) return undefined;
  const v = l.value[field];
  if (v === undefined || v === null) return undefined;
  return { value: v, path: fromPatch(l) ? l.path : childPath(l.path, field) };
}

function fromPatch(l: Located): boolean {
  return l.path.endsWith('podSpecPatch');
}

function baselinePod(pod: PodModel, add: Add): void {
  const sc = pod.securityContext;
  for (const h of pod.hostNamespaces) {
    add('baseline', 'Host Namespaces', h.path, `${pod.what} sets ${h.field}: true (the node's ${h.field === 'hostNetwork' ? 'network' : h.field === 'hostPID' ? 'processes' : 'IPC'})`,
      `Remove ${h.field}.`);
  }
  const hostProcess = nested(get(sc, 'windowsOptions'), 'hostProcess');
  if (hostProcess?.value === true) add('baseline', 'HostProcess', hostProcess.path, `${pod.what} runs as a Windows HostProcess pod`, 'Remove windowsOptions.hostProcess.');
  for (const v of pod.volumes) {
    if (v.value.hostPath !== undefined) {
      add('baseline', 'HostPath Volumes', v.path, `${pod.what} has volume "${v.value.name}" of type hostPath (a directory of the node)`,
        'Use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead.');
    }
  }
  for (const a of pod.appArmorAnnotations) {
    const value = typeof a.value === 'string' ? a.value : '';
    if (value !== 'runtime/default' && !value.startsWith('localhost/')) {
      add('baseline', 'AppArmor', a.path, `${pod.what} sets AppArmor "${value}" for container ${a.key.slice(a.key.indexOf('/') + 1)}`, 'Use runtime/default or a localhost/ profile.');
    }
  }
  appArmorProfile(pod.what, get(sc, 'appArmorProfile'), add);
  seLinux(pod.what, get(sc, 'seLinuxOptions'), add);
  const seccomp = nested(get(sc, 'seccompProfile'), 'type');
  if (seccomp?.value === 'Unconfined') add('baseline', 'Seccomp', seccomp.path, `${pod.what} sets seccompProfile Unconfined`, 'Use RuntimeDefault (or a Localhost profile).');
  const sysctls = get(sc, 'sysctls');
  if (sysctls && Array.isArray(sysctls.value)) {
    sysctls.value.forEach((x: unknown, i: number) => {
      const name = isJsonObject(x) ? x.name : undefined;
      if (typeof name === 'string' && !SAFE_SYSCTLS.has(name)) {
        add('baseline', 'Sysctls', fromPatch(sysctls) ? sysctls.path : childPath(sysctls.path, i, 'name'), `${pod.what} sets sysctl ${name}, which is not one of the safe, namespaced sysctls`,
          `Remove it (allowed: ${[...SAFE_SYSCTLS].join(', ')}).`);
      }
    });
  }
}

function appArmorProfile(what: string, profile: Located | undefined, add: Add): void {
  const type = nested(profile, 'type');
  if (type && type.value !== 'RuntimeDefault' && type.value !== 'Localhost') {
    add('baseline', 'AppArmor', type.path, `${what} sets appArmorProfile ${String(type.value)}`, 'Use RuntimeDefault (or a Localhost profile).');
  }
}

function seLinux(what: string, options: Located | undefined, add: Add): void {
  const type = nested(options, 'type');
  if (type && type.value !== '' && !SELINUX_TYPES.has(String(type.value))) {
    add('baseline', 'SELinux', type.path, `${what} sets SELinux type ${String(type.value)}`, `Use one of ${[...SELINUX_TYPES].join(', ')}, or leave the type unset.`);
  }
  for (const field of ['user', 'role']) {
    const v = nested(options, field);
    if (v && v.value !== '') add('baseline', 'SELinux', v.path, `${what} sets SELinux ${field} ${String(v.value)}`, `Remove seLinuxOptions.${field}.`);
  }
}

function baselineContainer(pod: PodModel, c: ContainerModel, add: Add): void {
  const who = `container "${c.name}" of ${pod.what}`;
  const sc = c.securityContext;
  const privileged = get(sc, 'privileged');
  if (privileged?.value === true) add('baseline', 'Privileged Containers', privileged.path, `${who} is privileged (root on the node)`, 'Remove privileged, and add only the capabilities it needs.');
  const hostProcess = nested(get(sc, 'windowsOptions'), 'hostProcess');
  if (hostProcess?.value === true) add('baseline', 'HostProcess', hostProcess.path, `${who} runs as a Windows HostProcess container`, 'Remove windowsOptions.hostProcess.');
  const capabilities = nested(get(sc, 'capabilities'), 'add');
  if (capabilities && Array.isArray(capabilities.value)) {
    const extra = capabilities.value.filter((x: unknown) => typeof x === 'string' && x !== '' && !BASELINE_CAPABILITIES.has(x.replace(/^CAP_/, '')));
    if (extra.length) {
      add('baseline', 'Capabilities', capabilities.path, `${who} adds ${extra.join(', ')}`, `Add only capabilities of the default set (${[...BASELINE_CAPABILITIES].join(', ')}).`);
    }
  }
  for (const port of c.hostPorts) add('baseline', 'Host Ports', port.path, `${who} binds a port of the node (hostPort ${String(port.value)})`, 'Remove hostPort; reach the container through a Service.');
  appArmorProfile(who, get(sc, 'appArmorProfile'), add);
  seLinux(who, get(sc, 'seLinuxOptions'), add);
  const procMount = get(sc, 'procMount');
  if (procMount && procMount.value !== 'Default') add('baseline', '/proc Mount Type', procMount.path, `${who} sets procMount ${String(procMount.value)}`, 'Remove procMount (Default masks /proc).');
  const seccomp = nested(get(sc, 'seccompProfile'), 'type');
  if (seccomp?.value === 'Unconfined') add('baseline', 'Seccomp', seccomp.path, `${who} sets seccompProfile Unconfined`, 'Use RuntimeDefault (or a Localhost profile).');
}

function restricted(pod: PodModel, add: Add): void {
  for (const v of pod.volumes) {
    const type = Object.keys(v.value).find(k => k !== 'name');
    if (type && type !== 'hostPath' && !RESTRICTED_VOLUMES.includes(type)) {
      add('restricted', 'Volume Types', v.path, `${pod.what} has volume "${v.value.name}" of type ${type}`,
        `Use one of ${RESTRICTED_VOLUMES.join(', ')} (a PersistentVolumeClaim can bind any storage).`);
    }
  }
  const podSc = pod.securityContext;
  const podNonRoot = get(podSc, 'runAsNonRoot');
  const podUser = get(podSc, 'runAsUser');
  const podSeccomp = nested(get(podSc, 'seccompProfile'), 'type');
  if (podUser?.value === 0) add('restricted', 'Running as Non-root user', podUser.path, `${pod.what} runs as user 0 (root)`, 'Run as a non-root user id (e.g. 8737, or the image\'s user).');
  const seccompOk = (l: Located | undefined) => l?.value === 'RuntimeDefault' || l?.value === 'Localhost';
  // Set neither on a container nor on the pod: one finding for the pod, naming the containers.
  const mayRunAsRoot: string[] = [];
  const noSeccomp: string[] = [];
  for (const c of pod.containers) {
    const who = `container "${c.name}" of ${pod.what}`;
    const sc = c.securityContext;
    const escalation = get(sc, 'allowPrivilegeEscalation');
    if (escalation?.value !== false) {
      add('restricted', 'Privilege Escalation', escalation?.path ?? childPath(sc.at, 'allowPrivilegeEscalation'),
        `${who} ${escalation ? `sets allowPrivilegeEscalation: ${String(escalation.value)}` : 'does not set allowPrivilegeEscalation: false'} (setuid binaries can gain privileges)`,
        'Set securityContext.allowPrivilegeEscalation: false.');
    }
    const nonRoot = get(sc, 'runAsNonRoot');
    if (nonRoot ? nonRoot.value !== true : podNonRoot?.value !== true) {
      if (!nonRoot && !podNonRoot) mayRunAsRoot.push(c.name);
      else {
        add('restricted', 'Running as Non-root', (nonRoot ?? podNonRoot)!.path,
          `${who} ${nonRoot ? `sets runAsNonRoot: ${String(nonRoot.value)}` : `runs with runAsNonRoot: ${String(podNonRoot!.value)} from the pod`}`,
          'Set runAsNonRoot: true (and a non-root runAsUser when the image\'s user is root).');
      }
    }
    const user = get(sc, 'runAsUser');
    if (user?.value === 0) add('restricted', 'Running as Non-root user', user.path, `${who} runs as user 0 (root)`, 'Run as a non-root user id (e.g. 8737, or the image\'s user).');
    const seccomp = nested(get(sc, 'seccompProfile'), 'type');
    // Unconfined is baseline's finding, on the container or on the pod.
    if (seccomp ? !seccompOk(seccomp) && seccomp.value !== 'Unconfined' : !seccompOk(podSeccomp) && podSeccomp?.value !== 'Unconfined') {
      if (!seccomp && !podSeccomp) noSeccomp.push(c.name);
      else {
        add('restricted', 'Seccomp', (seccomp ?? podSeccomp)!.path, `${who} ${seccomp ? `sets seccompProfile ${String(seccomp.value)}` : `gets seccompProfile ${String(podSeccomp!.value)} from the pod`}`,
          'Use RuntimeDefault (or a Localhost profile).');
      }
    }
    const capabilities = get(sc, 'capabilities');
    const drop = nested(capabilities, 'drop');
    if (!(drop && Array.isArray(drop.value) && drop.value.some((x: unknown) => x === 'ALL' || x === 'CAP_ALL'))) {
      add('restricted', 'Capabilities', drop?.path ?? childPath(capabilities?.path ?? childPath(sc.at, 'capabilities'), 'drop'), `${who} does not drop ALL capabilities`,
        'Set securityContext.capabilities.drop: [ALL] (and add back only NET_BIND_SERVICE if it binds a port below 1024).');
    }
    const added = nested(capabilities, 'add');
    if (added && Array.isArray(added.value)) {
      const extra = added.value.filter((x: unknown) => typeof x === 'string' && x !== 'NET_BIND_SERVICE' && x !== 'CAP_NET_BIND_SERVICE' && BASELINE_CAPABILITIES.has(x.replace(/^CAP_/, '')));
      if (extra.length) add('restricted', 'Capabilities', added.path, `${who} adds ${extra.join(', ')}`, 'Add only NET_BIND_SERVICE, if anything.');
    }
  }
  const names = (list: string[]) => `${list.length === 1 ? 'container' : 'containers'} ${list.map(n => `"${n}"`).join(', ')} of ${pod.what}`;
  if (mayRunAsRoot.length) {
    add('restricted', 'Running as Non-root', childPath(podSc.at, 'runAsNonRoot'), `${names(mayRunAsRoot)} may run as root (runAsNonRoot is set neither on ${mayRunAsRoot.length === 1 ? 'it' : 'them'} nor on the pod)`,
      'Set runAsNonRoot: true on the pod\'s securityContext (and a non-root runAsUser when the image\'s user is root).');
  }
  if (noSeccomp.length) {
    add('restricted', 'Seccomp', childPath(podSc.at, 'seccompProfile'), `${names(noSeccomp)} ${noSeccomp.length === 1 ? 'has' : 'have'} no seccomp profile (neither ${noSeccomp.length === 1 ? 'it' : 'they'} nor the pod sets one)`,
      'Set seccompProfile: { type: RuntimeDefault } on the pod\'s securityContext.');
  }
}
