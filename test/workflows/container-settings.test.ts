/** The library's own container settings: resources, security contexts, run-time env values, volume options. */
import { Size } from 'cdk8s';
import { ConfigMapRef, SecretRef } from '../../src/core/object-refs';
import { PodSecurity } from '../../src/core/pod-security';
import {
  AppArmor, EnvVarSource, PullPolicy, Seccomp, StorageMedium, VolumeAccessMode, Workflow, WorkflowTemplate, WorkflowVolume,
} from '../../src/workflows';
import { newChart, schemaViolations, synth, synthError } from './helpers';

function workflow() {
  const { app, chart } = newChart();
  const wf = new WorkflowTemplate(chart, 'wf', { metadata: { name: 'wf' } });
  return { app, chart, wf };
}

function onlyTemplate(app: ReturnType<typeof newChart>['app'], name = 'main'): any {
  const docs = synth(app);
  for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  return docs[0].spec.templates.find((t: any) => t.name === name);
}

describe('resources', () => {
  test('CPU as cores, quantity or cdk8s-plus Cpu; memory as Size (whole MiB, else KiB) or quantity', () => {
    const { app, wf } = workflow();
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36',
      resources: {
        cpu: { request: 0.25, limit: 2 },
        memory: { request: Size.kibibytes(1536), limit: '1Gi' },
        ephemeralStorage: { limit: Size.gibibytes(2) },
      },
    }));
    expect(onlyTemplate(app).container.resources).toEqual({
      requests: { 'cpu': '0.25', 'memory': '1536Ki' },
      limits: { 'cpu': '2', 'memory': '1Gi', 'ephemeral-storage': '2Gi' },
    });
  });

  test.each([
    [{ cpu: { limit: '250 m' } }, '.container.resources.limits.cpu', /cpu limit "250 m" is not a Kubernetes quantity: .* e\.g\. "250m", "0\.5" or "2"/],
    [{ memory: { request: '512MB' } }, '.container.resources.requests.memory', /memory request "512MB" is not a Kubernetes quantity: .* e\.g\. "512Mi", "1Gi" or "500M"/],
    [{ cpu: { request: -1 } }, '.container.resources.requests.cpu', /cpu request "-1" is negative: Kubernetes rejects the pod/],
    [{ cpu: { request: '1', limit: '500m' } }, '.container.resources.requests.cpu', /cpu request 1 is above its limit 500m: Kubernetes rejects the pod/],
    [{ memory: { request: Size.gibibytes(1), limit: '512Mi' } }, '.container.resources.requests.memory', /memory request 1Gi is above its limit 512Mi/],
    [{ ephemeralStorage: { request: '2e3', limit: '1k' } }, '.container.resources.requests.ephemeral-storage', /ephemeralStorage request 2e3 is above its limit 1k/],
  ])('%j is a synth error at %s', (resources, field, message) => {
    const { app, wf } = workflow();
    wf.addContainerTemplate('main', { image: 'busybox:1.36', resources });
    const error = synthError(app);
    expect(error).toContain(`[test/wf/main] WorkflowTemplate/wf: spec.templates[0]${field}: `);
    expect(error).toMatch(message);
  });

  test('quantities Kubernetes accepts are not reported', () => {
    const { app, wf } = workflow();
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36',
      resources: { cpu: { request: '100m', limit: '.5' }, memory: { request: '128974848', limit: '129e6' }, ephemeralStorage: { request: '1Gi', limit: '2G' } },
    }));
    expect(onlyTemplate(app).container.resources.limits).toEqual({ 'cpu': '.5', 'memory': '129e6', 'ephemeral-storage': '2G' });
  });

  test('sidecars, init containers, script and container-set containers and templateDefaults are checked at their own paths', () => {
    const { app, chart } = newChart();
    const bad = { cpu: { limit: 'lots' } };
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' }, templateDefaults: { container: { resources: bad } } });
    const script = wf.addScriptTemplate('script', { image: 'python:3.12', command: ['python'], source: 'print(1)', resources: bad });
    script.addSidecar('proxy', { image: 'envoy:1.30', resources: bad });
    script.addInitContainer('setup', { image: 'busybox:1.36', resources: bad });
    wf.addContainerSetTemplate('set').addContainer('main', { image: 'busybox:1.36', resources: bad });
    const error = synthError(app);
    for (const path of [
      'spec.templateDefaults.container.resources.limits.cpu', 'spec.templates[0].script.resources.limits.cpu', 'spec.templates[0].sidecars[0].resources.limits.cpu',
      'spec.templates[0].initContainers[0].resources.limits.cpu', 'spec.templates[1].containerSet.containers[0].resources.limits.cpu',
    ]) expect(error).toContain(`Workflow/wf: ${path}: cpu limit "lots" is not a Kubernetes quantity`);
  });
});

describe('security contexts', () => {
  test('opted out of the defaults (PodSecurity.PRIVILEGED), every field of a container and a pod security context is rendered as given, and nothing else', () => {
    const { app, wf } = workflow();
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36',
      podSecurity: PodSecurity.PRIVILEGED, // net.core.somaxconn is not a sysctl "baseline" allows
      containerSecurityContext: {
        runAsUser: 1000, runAsGroup: 2000, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false,
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, seccompProfile: Seccomp.localhost('profiles/audit.json'),
        appArmorProfile: AppArmor.runtimeDefault(), seLinuxOptions: { level: 's0:c123,c456' }, procMount: 'Default',
      },
      securityContext: {
        runAsUser: 1000, fsGroup: 3000, fsGroupChangePolicy: 'OnRootMismatch', supplementalGroups: [4000], supplementalGroupsPolicy: 'Strict',
        seccompProfile: Seccomp.runtimeDefault(), appArmorProfile: AppArmor.localhost('k8s-apparmor-example'), seLinuxChangePolicy: 'MountOption',
        sysctls: [{ name: 'net.core.somaxconn', value: '1024' }],
      },
    }));
    const t = onlyTemplate(app);
    expect(t.container.securityContext).toEqual({
      runAsUser: 1000, runAsGroup: 2000, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
      appArmorProfile: { type: 'RuntimeDefault' }, seLinuxOptions: { level: 's0:c123,c456' }, procMount: 'Default',
    });
    expect(t.securityContext).toEqual({
      runAsUser: 1000, fsGroup: 3000, fsGroupChangePolicy: 'OnRootMismatch', supplementalGroups: [4000], supplementalGroupsPolicy: 'Strict',
      seccompProfile: { type: 'RuntimeDefault' }, appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example' }, seLinuxChangePolicy: 'MountOption',
      sysctls: [{ name: 'net.core.somaxconn', value: '1024' }],
    });
  });

  test('opted out of the defaults, an empty security context renders empty (no defaults are invented)', () => {
    const { app, wf } = workflow();
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36', containerSecurityContext: {}, securityContext: { seccompProfile: Seccomp.unconfined() }, podSecurity: PodSecurity.PRIVILEGED,
    }));
    const t = onlyTemplate(app);
    expect(t.container.securityContext).toEqual({});
    expect(t.securityContext).toEqual({ seccompProfile: { type: 'Unconfined' } });
  });

  test.each([
    [{ containerSecurityContext: { privileged: true, allowPrivilegeEscalation: false } }, '.container.securityContext.allowPrivilegeEscalation', /privileged container always can escalate/],
    [{ containerSecurityContext: { capabilities: { add: ['SYS_ADMIN'] }, allowPrivilegeEscalation: false } }, '.container.securityContext.allowPrivilegeEscalation', /SYS_ADMIN lets a process escalate/],
    [{ containerSecurityContext: { runAsUser: -1 } }, '.container.securityContext.runAsUser', /runAsUser -1 is not a user or group id: Kubernetes rejects the pod/],
    [{ containerSecurityContext: { runAsNonRoot: true, runAsUser: 0 } }, '.container.securityContext.runAsUser', /runAsUser 0 is root, and runAsNonRoot is set/],
    [{ securityContext: { fsGroup: 1.5 } }, '.securityContext.fsGroup', /fsGroup 1\.5 is not a user or group id/],
  ])('%j is a synth error at %s', (props, field, message) => {
    const { app, wf } = workflow();
    wf.addContainerTemplate('main', { image: 'busybox:1.36', ...props });
    const error = synthError(app);
    expect(error).toContain(`WorkflowTemplate/wf: spec.templates[0]${field}: `);
    expect(error).toMatch(message);
  });

  test('the workflow-level pod security context is rendered and checked at spec.securityContext', () => {
    const { app, chart } = newChart();
    new Workflow(chart, 'ok', { metadata: { name: 'ok' }, securityContext: { runAsNonRoot: true, seccompProfile: Seccomp.runtimeDefault() } })
      .addContainerTemplate('main', { image: 'busybox:1.36' });
    expect(synth(app)[0].spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    new Workflow(chart, 'bad', { metadata: { name: 'bad' }, securityContext: { runAsUser: 0, runAsNonRoot: true } }).addContainerTemplate('main', { image: 'busybox:1.36' });
    expect(synthError(app)).toMatch(/Workflow\/bad: spec\.securityContext\.runAsUser: runAsUser 0 is root/);
  });
});

describe('environment values read at run time', () => {
  test('Secret and ConfigMap keys, pod fields, container resources and any L1 source', () => {
    const { app, wf } = workflow();
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36',
      env: {
        TOKEN: EnvVarSource.fromSecretKey(SecretRef.fromName('api').keyRef('token'), { optional: true }),
        MODE: EnvVarSource.fromConfigMapKey(ConfigMapRef.fromName('settings'), 'mode'),
        POD: EnvVarSource.fromPodField('metadata.name'),
        MEMORY_MI: EnvVarSource.fromContainerResource('limits.memory', '1Mi'),
        NODE: EnvVarSource.fromL1({ fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } }),
      },
    }));
    expect(onlyTemplate(app).container.env).toEqual([
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token', optional: true } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } },
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'MEMORY_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } },
    ]);
  });
});

describe('image pull policy and volumes', () => {
  test('enum values and their strings render the same', () => {
    const { app, wf } = workflow();
    wf.addVolume(WorkflowVolume.fromClaimTemplate('work', { storage: Size.mebibytes(1536), accessModes: [VolumeAccessMode.READ_WRITE_ONCE_POD, 'ReadOnlyMany'] }));
    wf.setEntrypoint(wf.addContainerTemplate('main', {
      image: 'busybox:1.36',
      imagePullPolicy: PullPolicy.NEVER,
      volumes: [WorkflowVolume.emptyDir('shm', { medium: StorageMedium.MEMORY, sizeLimit: Size.kibibytes(512) }), WorkflowVolume.emptyDir('disk', { medium: '' })],
    }));
    const docs = synth(app);
    const t = docs[0].spec.templates[0];
    expect(t.container.imagePullPolicy).toBe('Never');
    expect(t.volumes).toEqual([{ name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '512Ki' } }, { name: 'disk', emptyDir: { medium: '' } }]);
    expect(docs[0].spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], resources: { requests: { storage: '1536Mi' } } });
  });
});
