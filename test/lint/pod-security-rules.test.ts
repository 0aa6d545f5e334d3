/**
 * K8S-POD-BASELINE and K8S-POD-RESTRICTED, control by control, from the Kubernetes Pod Security
 * Standards (kubernetes.io/docs/concepts/security/pod-security-standards): each control of
 * "baseline" and of "restricted" broken once on a pod that otherwise passes both (and the values
 * the standard allows, accepted), then every kind of container and every place a pod is made
 * (init and ephemeral containers, workloads, Argo's container/script/containerSet templates with
 * sidecars and init containers, templateDefaults, podSpecPatch, EventSource/Sensor/EventBus pods).
 */
import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';

type Json = any;

const RULES = ['K8S-POD-BASELINE', 'K8S-POD-RESTRICTED'];

/** `severity ruleId object path (control)` of every Pod Security finding, sorted (the engine orders findings by object and path). */
function findings(manifests: Manifest[]): string[] {
  return lint(manifests, { schema: false, only: RULES })
    .map(f => `${f.severity} ${f.ruleId} ${f.object} ${f.path} (${/control "([^"]+)"/.exec(f.message)?.[1]})`).sort();
}

const sorted = (list: string[]) => [...list].sort();

const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const RESTRICTED_POD = { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } };

/** A Pod that passes "restricted", changed by `change` (which edits the spec in place). */
function pod(change: (spec: Json, metadata: Json) => void = () => undefined): Manifest {
  const metadata: Json = { name: 'p' };
  const spec: Json = {
    securityContext: { ...RESTRICTED_POD },
    containers: [{ name: 'app', image: 'busybox:1.36', securityContext: structuredClone(RESTRICTED_CONTAINER) }],
    volumes: [{ name: 'scratch', emptyDir: {} }],
  };
  change(spec, metadata);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

const app = (spec: Json) => spec.containers[0];
const B = (path: string, control: string) => `warning K8S-POD-BASELINE Pod/p ${path} (${control})`;
const R = (path: string, control: string) => `warning K8S-POD-RESTRICTED Pod/p ${path} (${control})`;

describe('a pod that passes "restricted" passes both rules', () => {
  test('the reference pod, and the values the standard allows', () => {
    expect(findings([pod()])).toEqual([]);
    expect(findings([pod((s, m) => {
      s.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/audit.json' };
      s.securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
      s.securityContext.sysctls = [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }, { name: 'kernel.shm_rmid_forced', value: '1' }];
      s.securityContext.appArmorProfile = { type: 'RuntimeDefault' };
      app(s).securityContext.capabilities.add = ['NET_BIND_SERVICE'];
      app(s).securityContext.procMount = 'Default';
      app(s).securityContext.runAsNonRoot = true;
      app(s).ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }];
      m.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' };
      s.volumes.push({ name: 'c', configMap: { name: 'c' } }, { name: 's', secret: { secretName: 's' } }, { name: 'd', downwardAPI: { items: [] } },
        { name: 'pvc', persistentVolumeClaim: { claimName: 'data' } }, { name: 'proj', projected: { sources: [] } }, { name: 'csi', csi: { driver: 'x' } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: {} } } });
    })])).toEqual([]);
  });
});

describe('every control of "baseline"', () => {
  test.each<[string, (s: Json, m: Json) => void, string[]]>([
    ['HostProcess (pod)', s => { s.securityContext.windowsOptions = { hostProcess: true }; }, [B('spec.securityContext.windowsOptions.hostProcess', 'HostProcess')]],
    ['HostProcess (container)', s => { app(s).securityContext.windowsOptions = { hostProcess: true }; }, [B('spec.containers[0].securityContext.windowsOptions.hostProcess', 'HostProcess')]],
    ['Host Namespaces', s => { s.hostNetwork = true; s.hostPID = true; s.hostIPC = true; },
      ['hostNetwork', 'hostPID', 'hostIPC'].map(f => B(`spec.${f}`, 'Host Namespaces'))],
    ['Privileged Containers', s => { app(s).securityContext.privileged = true; }, [B('spec.containers[0].securityContext.privileged', 'Privileged Containers')]],
    ['Capabilities beyond the default set', s => { app(s).securityContext.capabilities.add = ['SYS_ADMIN']; }, [B('spec.containers[0].securityContext.capabilities.add', 'Capabilities')]],
    ['HostPath Volumes', s => { s.volumes.push({ name: 'host', hostPath: { path: '/var/run/docker.sock' } }); }, [B('spec.volumes[1]', 'HostPath Volumes')]],
    ['Host Ports', s => { app(s).ports = [{ containerPort: 80, hostPort: 8080 }]; }, [B('spec.containers[0].ports[0].hostPort', 'Host Ports')]],
    ['AppArmor (annotation)', (_s, m) => { m.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }; },
      [B('metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]', 'AppArmor')]],
    ['AppArmor (field)', s => { s.securityContext.appArmorProfile = { type: 'Unconfined' }; app(s).securityContext.appArmorProfile = { type: 'Unconfined' }; },
      [B('spec.securityContext.appArmorProfile.type', 'AppArmor'), B('spec.containers[0].securityContext.appArmorProfile.type', 'AppArmor')]],
    ['SELinux', s => { s.securityContext.seLinuxOptions = { type: 'spc_t' }; app(s).securityContext.seLinuxOptions = { user: 'system_u', role: 'system_r' }; },
      [B('spec.securityContext.seLinuxOptions.type', 'SELinux'), B('spec.containers[0].securityContext.seLinuxOptions.user', 'SELinux'),
        B('spec.containers[0].securityContext.seLinuxOptions.role', 'SELinux')]],
    ['/proc Mount Type', s => { app(s).securityContext.procMount = 'Unmasked'; }, [B('spec.containers[0].securityContext.procMount', '/proc Mount Type')]],
    ['Seccomp Unconfined (pod and container)', s => { s.securityContext.seccompProfile = { type: 'Unconfined' }; app(s).securityContext.seccompProfile = { type: 'Unconfined' }; },
      [B('spec.securityContext.seccompProfile.type', 'Seccomp'), B('spec.containers[0].securityContext.seccompProfile.type', 'Seccomp')]],
    ['Sysctls', s => { s.securityContext.sysctls = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.msgmax', value: '65536' }]; },
      [B('spec.securityContext.sysctls[1].name', 'Sysctls')]],
  ])('%s', (_name, change, expected) => {
    expect(findings([pod(change)])).toEqual(sorted(expected));
  });
});

describe('every control "restricted" adds', () => {
  test.each<[string, (s: Json) => void, string[]]>([
    ['Volume Types', s => { s.volumes.push({ name: 'nfs', nfs: { server: 'x', path: '/' } }, { name: 'disk', gcePersistentDisk: { pdName: 'd' } }); },
      [R('spec.volumes[1]', 'Volume Types'), R('spec.volumes[2]', 'Volume Types')]],
    ['Privilege Escalation (unset)', s => { delete app(s).securityContext.allowPrivilegeEscalation; },
      [R('spec.containers[0].securityContext.allowPrivilegeEscalation', 'Privilege Escalation')]],
    ['Privilege Escalation (true)', s => { app(s).securityContext.allowPrivilegeEscalation = true; },
      [R('spec.containers[0].securityContext.allowPrivilegeEscalation', 'Privilege Escalation')]],
    ['Running as Non-root (set nowhere)', s => { delete s.securityContext.runAsNonRoot; }, [R('spec.securityContext.runAsNonRoot', 'Running as Non-root')]],
    ['Running as Non-root (false on the pod)', s => { s.securityContext.runAsNonRoot = false; }, [R('spec.securityContext.runAsNonRoot', 'Running as Non-root')]],
    ['Running as Non-root (false on the container, over the pod\'s true)', s => { app(s).securityContext.runAsNonRoot = false; },
      [R('spec.containers[0].securityContext.runAsNonRoot', 'Running as Non-root')]],
    ['Running as Non-root user (pod and container)', s => { s.securityContext.runAsUser = 0; app(s).securityContext.runAsUser = 0; },
      [R('spec.securityContext.runAsUser', 'Running as Non-root user'), R('spec.containers[0].securityContext.runAsUser', 'Running as Non-root user')]],
    ['Seccomp (set nowhere)', s => { delete s.securityContext.seccompProfile; }, [R('spec.securityContext.seccompProfile', 'Seccomp')]],
    ['Capabilities (ALL not dropped)', s => { app(s).securityContext.capabilities = { drop: ['NET_RAW'] }; },
      [R('spec.containers[0].securityContext.capabilities.drop', 'Capabilities')]],
    ['Capabilities (a default one added back)', s => { app(s).securityContext.capabilities.add = ['CHOWN']; },
      [R('spec.containers[0].securityContext.capabilities.add', 'Capabilities')]],
  ])('%s', (_name, change, expected) => {
    expect(findings([pod(change)])).toEqual(sorted(expected));
  });

  test('a container\'s own settings stand in for the pod\'s: non-root and seccomp on every container pass', () => {
    expect(findings([pod(s => {
      s.securityContext = {};
      Object.assign(app(s).securityContext, { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    })])).toEqual([]);
  });

  test('a Windows pod is held to "baseline" only (the Linux-only controls do not apply)', () => {
    expect(findings([pod(s => { s.os = { name: 'windows' }; s.securityContext = {}; app(s).securityContext = {}; })])).toEqual([]);
    expect(findings([pod(s => { s.os = { name: 'windows' }; s.hostNetwork = true; })])).toEqual([B('spec.hostNetwork', 'Host Namespaces')]);
  });

  test('the message names the profile, the control, the container and the fix', () => {
    const [f] = lint([pod(s => { app(s).securityContext.allowPrivilegeEscalation = true; })], { schema: false, only: RULES });
    expect(f.message).toBe('Pod Security "restricted", control "Privilege Escalation": container "app" of the pod sets allowPrivilegeEscalation: true '
      + '(setuid binaries can gain privileges); a namespace enforcing Pod Security "restricted" rejects the pod. Set securityContext.allowPrivilegeEscalation: false.');
  });
});

describe('every container of every pod a manifest makes', () => {
  const bare = { name: 'x', image: 'busybox:1.36' };

  test('init and ephemeral containers of a Pod; the pod templates of workloads', () => {
    expect(findings([pod(s => { s.initContainers = [{ ...bare, name: 'init' }]; s.ephemeralContainers = [{ ...bare, name: 'debug' }]; })])).toEqual(sorted([
      R('spec.initContainers[0].securityContext.allowPrivilegeEscalation', 'Privilege Escalation'), R('spec.initContainers[0].securityContext.capabilities.drop', 'Capabilities'),
      R('spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation', 'Privilege Escalation'), R('spec.ephemeralContainers[0].securityContext.capabilities.drop', 'Capabilities'),
    ]));
    const podSpec = { containers: [{ ...bare, securityContext: { privileged: true } }] };
    const workloads = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: podSpec } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: podSpec } } } } },
    ];
    expect(findings(workloads).filter(f => f.includes('BASELINE'))).toEqual([
      'warning K8S-POD-BASELINE CronJob/c spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged (Privileged Containers)',
      'warning K8S-POD-BASELINE Deployment/d spec.template.spec.containers[0].securityContext.privileged (Privileged Containers)',
    ]);
  });

  test('Argo templates: container, script, containerSet, sidecars, init containers; the workflow\'s settings and templateDefaults reach them', () => {
    const wt: Manifest = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' },
      spec: {
        securityContext: RESTRICTED_POD,
        templateDefaults: { container: { securityContext: RESTRICTED_CONTAINER } },
        templates: [
          { name: 'c', container: { image: 'busybox:1.36' }, initContainers: [{ ...bare, name: 'init', securityContext: { privileged: true } }],
            sidecars: [{ ...bare, name: 'side', securityContext: RESTRICTED_CONTAINER, ports: [{ containerPort: 1, hostPort: 1 }] }] },
          { name: 's', script: { image: 'python:3.12', source: 'print(1)', securityContext: { allowPrivilegeEscalation: true } } },
          { name: 'set', containerSet: { containers: [{ ...bare, name: 'one', securityContext: RESTRICTED_CONTAINER }, { ...bare, name: 'two' }] } },
          { name: 'own', securityContext: { runAsUser: 0 }, container: { image: 'busybox:1.36' } },
          { name: 'suspend', suspend: {} },
        ],
      },
    };
    expect(findings([wt])).toEqual(sorted([
      'warning K8S-POD-BASELINE WorkflowTemplate/w spec.templates[0].initContainers[0].securityContext.privileged (Privileged Containers)',
      'warning K8S-POD-BASELINE WorkflowTemplate/w spec.templates[0].sidecars[0].ports[0].hostPort (Host Ports)',
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[0].initContainers[0].securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[0].initContainers[0].securityContext.capabilities.drop (Capabilities)',
      // The templateDefaults' container settings are laid under the script's own.
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[1].script.securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      // containerSet containers are not the template's main container: templateDefaults.container does not reach them.
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[2].containerSet.containers[1].securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[2].containerSet.containers[1].securityContext.capabilities.drop (Capabilities)',
      // A template's securityContext replaces the workflow's (Argo does not merge them).
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[3].securityContext.runAsUser (Running as Non-root user)',
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[3].securityContext.runAsNonRoot (Running as Non-root)',
      'warning K8S-POD-RESTRICTED WorkflowTemplate/w spec.templates[3].securityContext.seccompProfile (Seccomp)',
    ]));
  });

  test('a podSpecPatch and a CronWorkflow\'s workflowSpec', () => {
    const cron: Manifest = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'cw' },
      spec: { schedules: ['@daily'], workflowSpec: { securityContext: RESTRICTED_POD, templates: [
        { name: 'main', container: { image: 'busybox:1.36', securityContext: RESTRICTED_CONTAINER }, podSpecPatch: 'hostNetwork: true\ncontainers:\n- name: main\n  securityContext: {privileged: true}\n' },
      ] } },
    };
    expect(findings([cron])).toEqual([
      'warning K8S-POD-BASELINE CronWorkflow/cw spec.workflowSpec.templates[0].podSpecPatch (Host Namespaces)',
      'warning K8S-POD-BASELINE CronWorkflow/cw spec.workflowSpec.templates[0].podSpecPatch (Privileged Containers)',
    ]);
  });

  test('EventSource and Sensor pods; the EventBus StatefulSet with the containers the controller adds', () => {
    const events: Manifest[] = [
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'es' }, spec: { webhook: {} } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 'sn' },
        spec: { template: { securityContext: RESTRICTED_POD, container: { securityContext: { ...RESTRICTED_CONTAINER, capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } } } } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventBus', metadata: { name: 'default' },
        spec: { jetstream: { version: 'latest', securityContext: RESTRICTED_POD, containerTemplate: { securityContext: RESTRICTED_CONTAINER } } } },
    ];
    expect(findings(events)).toEqual(sorted([
      'warning K8S-POD-RESTRICTED EventSource/es spec.template.container.securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      'warning K8S-POD-RESTRICTED EventSource/es spec.template.container.securityContext.capabilities.drop (Capabilities)',
      'warning K8S-POD-RESTRICTED EventSource/es spec.template.securityContext.runAsNonRoot (Running as Non-root)',
      'warning K8S-POD-RESTRICTED EventSource/es spec.template.securityContext.seccompProfile (Seccomp)',
      'warning K8S-POD-BASELINE Sensor/sn spec.template.container.securityContext.capabilities.add (Capabilities)',
      'warning K8S-POD-RESTRICTED EventBus/default spec.jetstream.reloaderContainerTemplate.securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      'warning K8S-POD-RESTRICTED EventBus/default spec.jetstream.reloaderContainerTemplate.securityContext.capabilities.drop (Capabilities)',
      'warning K8S-POD-RESTRICTED EventBus/default spec.jetstream.metricsContainerTemplate.securityContext.allowPrivilegeEscalation (Privilege Escalation)',
      'warning K8S-POD-RESTRICTED EventBus/default spec.jetstream.metricsContainerTemplate.securityContext.capabilities.drop (Capabilities)',
    ]));
  });
});

describe('a Namespace of the set that enforces a level makes its findings errors', () => {
  const ns = (level: string): Manifest => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { 'pod-security.kubernetes.io/enforce': level } } });
  const inTeam = (change: (s: Json) => void) => pod((s, m) => { change(s); m.namespace = 'team'; });

  test('restricted: both rules are errors; baseline: only baseline\'s; privileged, or a namespace outside the set: warnings', () => {
    const root = inTeam(s => { app(s).securityContext.privileged = true; s.securityContext.runAsUser = 0; });
    const severities = (set: Manifest[]) => lint(set, { schema: false, only: RULES }).map(f => `${f.severity} ${f.ruleId}`);
    expect(severities([ns('restricted'), root])).toEqual(['error K8S-POD-BASELINE', 'error K8S-POD-RESTRICTED']);
    expect(severities([ns('baseline'), root])).toEqual(['error K8S-POD-BASELINE', 'warning K8S-POD-RESTRICTED']);
    expect(severities([ns('privileged'), root])).toEqual(['warning K8S-POD-BASELINE', 'warning K8S-POD-RESTRICTED']);
    expect(severities([root])).toEqual(['warning K8S-POD-BASELINE', 'warning K8S-POD-RESTRICTED']);
    const [f] = lint([ns('restricted'), root], { schema: false, only: ['K8S-POD-BASELINE'] });
    expect(f.message).toMatch(/namespace "team" enforces Pod Security "restricted", so Kubernetes rejects the pod\./);
  });
});
