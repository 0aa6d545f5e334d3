/**
 * The library's own containers (the Slack notifier, any RestrictedContainerTemplate) would pass the
 * Kubernetes Pod Security "restricted" profile. The checker below applies the profile's controls
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/) to the pod Argo builds
 * from a template: the template's pod security context and volumes plus its main container.
 */
import * as kplus from 'cdk8s-plus-27';
import { Size } from 'cdk8s';
import { RestrictedContainerTemplate, SlackExitHandler, SlackWebhook } from '../../src/notify';
import { Workflow, WorkflowTemplate, WorkflowVolume } from '../../src/workflows';
import { doc, newChart, schemaViolations, synth, synthError, template } from './helpers';

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** Violations of the restricted profile (plus this library's own rules) by the pod of template `t`. */
function restrictedViolations(t: any): string[] {
  const out: string[] = [];
  const pod = t.securityContext ?? {};
  const c = t.container ?? {};
  const sc = c.securityContext ?? {};
  if (t.podSpecPatch) out.push('podSpecPatch can add anything to the pod');
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) if (t[f]) out.push(`${f}`);
  for (const v of t.volumes ?? []) {
    const type = Object.keys(v).find(k => k !== 'name')!;
    if (!ALLOWED_VOLUMES.includes(type)) out.push(`volume ${v.name} is ${type}`);
  }
  if (sc.privileged) out.push('privileged');
  if (sc.allowPrivilegeEscalation !== false) out.push('allowPrivilegeEscalation is not false');
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push('capabilities.drop lacks ALL');
  for (const cap of sc.capabilities?.add ?? []) if (cap !== 'NET_BIND_SERVICE') out.push(`adds capability ${cap}`);
  for (const p of c.ports ?? []) if (p.hostPort) out.push(`hostPort ${p.hostPort}`);
  if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) out.push('runAsNonRoot is not true');
  if ((sc.runAsUser ?? pod.runAsUser) === 0) out.push('runAsUser is 0');
  const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
  if (!['RuntimeDefault', 'Localhost'].includes(seccomp)) out.push(`seccompProfile is ${seccomp ?? 'unset'}`);
  if (!['RuntimeDefault', 'Localhost'].includes(pod.seccompProfile?.type)) out.push('pod seccompProfile does not cover Argo\'s init and wait containers');
  if (pod.runAsNonRoot !== true) out.push('pod runAsNonRoot does not cover Argo\'s init and wait containers');
  if (pod.sysctls?.length) out.push('sysctls');
  if (sc.procMount && sc.procMount !== 'Default') out.push('procMount');
  if (sc.readOnlyRootFilesystem !== true) out.push('root filesystem is writable');
  const r = c.resources ?? {};
  for (const k of ['cpu', 'memory']) {
    if (!r.requests?.[k]) out.push(`no ${k} request`);
    if (!r.limits?.[k]) out.push(`no ${k} limit`);
  }
  return out;
}

describe('Pod Security "restricted"', () => {
  test('the shared Slack notifier passes', () => {
    const { app, chart } = newChart();
    const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecretName('slack-webhook'), sharedIn: common });
    const t = template(doc(synth(app), 'WorkflowTemplate', 'common'), 'slack-notify');
    expect(restrictedViolations(t)).toEqual([]);
    expect(t.container.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, privileged: false, allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(t.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('an inline notifier passes too', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    wf.addContainerTemplate('main', { image: 'busybox:1.36' });
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecretName('slack-webhook') }).attachTo(wf);
    expect(restrictedViolations(template(doc(synth(app), 'Workflow', 'wf'), 'slack-notify'))).toEqual([]);
  });

  test('the checker rejects a plain container template (it can fail)', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    wf.addContainerTemplate('plain', { image: 'busybox:1.36', volumes: [WorkflowVolume.fromL1({ name: 'host', hostPath: { path: '/var/run' } })] });
    expect(restrictedViolations(template(doc(synth(app), 'Workflow', 'wf'), 'plain'))).toEqual([
      'volume host is hostPath', 'allowPrivilegeEscalation is not false', 'capabilities.drop lacks ALL', 'runAsNonRoot is not true',
      'seccompProfile is unset', 'pod seccompProfile does not cover Argo\'s init and wait containers',
      'pod runAsNonRoot does not cover Argo\'s init and wait containers', 'root filesystem is writable',
      'no cpu request', 'no cpu limit', 'no memory request', 'no memory limit',
    ]);
  });

  test('RestrictedContainerTemplate passes with allowed volumes and passes both schemas', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    const scratch = WorkflowVolume.emptyDir('scratch');
    wf.addVolume(scratch);
    const t = new RestrictedContainerTemplate(wf, 'job', {
      image: 'python:3.12.7-alpine3.20', command: ['python', '-c', 'print(1)'], runAsUser: 10001,
      resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
      volumeMounts: [{ volume: scratch, mountPath: '/tmp' }],
    });
    const docs = synth(app);
    const rendered = template(doc(docs, 'Workflow', 'wf'), t.name);
    expect(restrictedViolations(rendered)).toEqual([]);
    expect(rendered.container.securityContext.runAsUser).toBe(10001);
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  });

  test('a hostPath volume on a RestrictedContainerTemplate is a synth error', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    const host = WorkflowVolume.fromL1({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } });
    new RestrictedContainerTemplate(wf, 'job', { image: 'busybox:1.36', volumeMounts: [{ volume: host, mountPath: '/var/run/docker.sock' }] });
    expect(synthError(app)).toMatch(/\[test\/wf\/job\] Workflow\/wf: spec\.templates\[0\]\.volumes: mounts volume "docker" of type hostPath, which the Pod Security "restricted" profile forbids/);
  });

  test('a hostPath volume declared on the workflow and mounted is caught too', () => {
    const { app, chart } = newChart();
    const host = WorkflowVolume.fromL1({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } });
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' }, volumes: [host] });
    new RestrictedContainerTemplate(wf, 'job', { image: 'busybox:1.36', volumeMounts: [{ volume: host, mountPath: '/var/run/docker.sock' }] });
    expect(synthError(app)).toMatch(/mounts volume "docker" of type hostPath/);
  });

  test('running as root is a synth error', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    new RestrictedContainerTemplate(wf, 'job', { image: 'busybox:1.36', runAsUser: 0 });
    expect(synthError(app)).toMatch(/\.container\.securityContext\.runAsUser: runAsUser 0 is root, and runAsNonRoot is set: the kubelet refuses to start the container/);
  });
});
