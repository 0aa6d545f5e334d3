/**
 * Secure by default (issue #15): every pod the constructs render meets the Kubernetes Pod
 * Security "restricted" profile unless the construct opts out (`podSecurity`), as the rule engine
 * checks it (K8S-POD-BASELINE, K8S-POD-RESTRICTED: every control of both profiles, see
 * test/lint/pod-security-rules.test.ts). A setting that breaks the construct's level fails the
 * synth, naming the construct and the opt-out; an opt-out is recorded in the manifest, so the
 * linter reading the output agrees with the synth.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { PodSecurity } from '../../src/core/pod-security';
import { SecureNamespace } from '../../src/core/secure-namespace';
import { EventBus, EventBusBackend, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';
import { RestrictedContainerTemplate, SlackExitHandler, SlackWebhook } from '../../src/notify';
import { Seccomp, Workflow, WorkflowTemplate, WorkflowVolume } from '../../src/workflows';
import { captureWarnings, doc, newChart, schemaViolations, synth, synthError, template } from './helpers';

const POD_RULES = ['K8S-POD-BASELINE', 'K8S-POD-RESTRICTED'];

/** What the Pod Security rules say about the documents, as the CLI would lint them (annotations honoured). */
function podFindings(docs: Manifest[]): string[] {
  return lint(docs, { schema: false, only: POD_RULES }).map(f => `${f.severity} ${f.ruleId} ${f.object} ${f.path}`);
}

const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
const workflowPod = (extra: object = {}) => ({ runAsNonRoot: true, runAsUser: 8737, seccompProfile: { type: 'RuntimeDefault' }, ...extra });

describe('every pod the constructs render meets "restricted" by default', () => {
  test('container, script and containerSet templates, their sidecars and init containers', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    const c = wf.addContainerTemplate('c', { image: 'busybox:1.36' });
    c.addSidecar('side', { image: 'busybox:1.36' });
    c.addInitContainer('init', { image: 'busybox:1.36' });
    wf.addScriptTemplate('s', { image: 'python:3.12', source: 'print(1)' });
    const set = wf.addContainerSetTemplate('set');
    set.addContainer('main', { image: 'busybox:1.36' });
    wf.addSuspendTemplate('wait');
    const docs = synth(app);
    expect(podFindings(docs)).toEqual([]);
    const w = doc(docs, 'Workflow', 'wf');
    expect(template(w, 'c')).toMatchObject({ securityContext: workflowPod(), container: { securityContext: RESTRICTED_CONTAINER },
      sidecars: [{ securityContext: RESTRICTED_CONTAINER }], initContainers: [{ securityContext: RESTRICTED_CONTAINER }] });
    expect(template(w, 's')).toMatchObject({ securityContext: workflowPod(), script: { securityContext: RESTRICTED_CONTAINER } });
    expect(template(w, 'set')).toMatchObject({ securityContext: workflowPod(), containerSet: { containers: [{ securityContext: RESTRICTED_CONTAINER }] } });
    // A template without a pod of its own gets nothing.
    expect(template(w, 'wait').securityContext).toBeUndefined();
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  });

  test('the given settings win field by field; the workflow\'s are rendered on each template (Argo takes a template\'s instead of the workflow\'s)', () => {
    const { app, chart } = newChart();
    const wf = new WorkflowTemplate(chart, 'wf', { metadata: { name: 'wf' }, securityContext: { fsGroup: 2000, runAsUser: 1000 } });
    wf.addContainerTemplate('a', { image: 'busybox:1.36', securityContext: { runAsUser: 4000 },
      containerSecurityContext: { readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'] } } });
    wf.addContainerTemplate('b', { image: 'busybox:1.36' });
    const docs = synth(app);
    const w = doc(docs, 'WorkflowTemplate', 'wf');
    expect(w.spec.securityContext).toEqual({ fsGroup: 2000, runAsUser: 1000 });
    expect(template(w, 'a').securityContext).toEqual(workflowPod({ fsGroup: 2000, runAsUser: 4000 }));
    expect(template(w, 'a').container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } });
    expect(template(w, 'b').securityContext).toEqual(workflowPod({ fsGroup: 2000, runAsUser: 1000 }));
    expect(podFindings(docs)).toEqual([]);
  });

  test('EventBus (JetStream and native NATS), EventSource and Sensor pods', () => {
    const { app, chart } = newChart();
    const bus = new EventBus(chart, 'bus');
    new EventBus(chart, 'nats', { metadata: { name: 'nats' }, backend: EventBusBackend.nativeNats({ replicas: 3 }) });
    new EventBus(chart, 'kafka', { metadata: { name: 'kafka' }, backend: EventBusBackend.kafka({ url: 'kafka:9092' }) });
    const hooks = new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus, template: { container: { securityContext: { readOnlyRootFilesystem: true } } } });
    const endpoint = hooks.addEndpoint('run', { path: '/run' });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
    wt.setEntrypoint(wt.addContainerTemplate('main', { image: 'busybox:1.36' }));
    const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 'sensor' }, eventBus: bus });
    sensor.submitWorkflow('run', wt, { conditions: sensor.addDependency(endpoint) });
    const docs = synth(app);
    expect(podFindings(docs)).toEqual([]);
    const jetstream = doc(docs, 'EventBus', 'default').spec.jetstream;
    expect(jetstream.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    for (const c of ['containerTemplate', 'reloaderContainerTemplate', 'metricsContainerTemplate']) expect(jetstream[c].securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(doc(docs, 'EventBus', 'nats').spec.nats.native.metricsContainerTemplate.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(doc(docs, 'EventBus', 'kafka').spec).toEqual({ kafka: { url: 'kafka:9092' } });
    expect(doc(docs, 'EventSource', 'hooks').spec.template).toEqual({
      securityContext: { runAsNonRoot: true, runAsUser: 9731, seccompProfile: { type: 'RuntimeDefault' } },
      container: { securityContext: { ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true } },
    });
    expect(doc(docs, 'Sensor', 'sensor').spec.template.securityContext.runAsUser).toBe(9731);
  });

  test('the shared Slack notifier and a RestrictedContainerTemplate: one user for the whole pod (Argo\'s init and wait containers included)', () => {
    const { app, chart } = newChart();
    const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecretName('slack-webhook'), sharedIn: common });
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    const scratch = WorkflowVolume.emptyDir('scratch');
    wf.addVolume(scratch);
    new RestrictedContainerTemplate(wf, 'job', {
      image: 'python:3.12.7-alpine3.20', command: ['python', '-c', 'print(1)'], runAsUser: 10001,
      resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
      volumeMounts: [{ volume: scratch, mountPath: '/tmp' }],
    });
    const docs = synth(app);
    expect(podFindings(docs)).toEqual([]);
    const slack = template(doc(docs, 'WorkflowTemplate', 'common'), 'slack-notify');
    expect(slack.container.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, privileged: false, allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(slack.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(template(doc(docs, 'Workflow', 'wf'), 'job').securityContext.runAsUser).toBe(10001);
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  });

  test('every pod of the example app\'s dist/ passes "restricted" (and requests resources)', () => {
    const docs = parseAllDocuments(readFileSync(join(__dirname, '..', '..', 'dist', 'vector-pipeline.k8s.yaml'), 'utf8')).map(d => d.toJS());
    expect(lint(docs, { schema: false, only: [...POD_RULES, 'K8S-RESOURCES'] })).toEqual([]);
    const pods = docs.filter(d => ['WorkflowTemplate', 'CronWorkflow', 'EventSource', 'Sensor', 'EventBus'].includes(d.kind));
    expect(pods.map(d => `${d.kind}/${d.metadata.name}`)).toEqual([
      'WorkflowTemplate/common', 'WorkflowTemplate/a-workflow', 'WorkflowTemplate/b-workflow', 'CronWorkflow/a-workflow-daily',
      'EventBus/default', 'EventSource/webhook', 'Sensor/vendor-a', 'Sensor/vendor-b',
    ]);
    // The namespace enforces the level: with it in the set, a pod that broke it would be an error.
    expect(doc(docs, 'Namespace', 'vector-pipeline').metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'restricted' });
  });
});

describe('a setting that breaks the construct\'s level fails the synth, naming the construct and the opt-out', () => {
  test('restricted (the default): running as root, a privileged sidecar, a hostPath volume', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    wf.addContainerTemplate('root', { image: 'busybox:1.36', securityContext: { runAsUser: 0 } });
    wf.addContainerTemplate('dind', { image: 'docker:27' }).addSidecar('daemon', { image: 'docker:27-dind', containerSecurityContext: { privileged: true } });
    wf.addContainerTemplate('host', { image: 'busybox:1.36', volumes: [WorkflowVolume.fromL1({ name: 'host', hostPath: { path: '/var/run' } })] });
    const error = synthError(app);
    expect(error).toMatch(/\[test\/wf\/root\] Workflow\/wf: spec\.templates\[0\]\.securityContext\.runAsUser: Pod Security "restricted", control "Running as Non-root user": template "root" runs as user 0 \(root\); .*\(podSecurity is PodSecurity\.RESTRICTED \(the default\): fix the setting, or set podSecurity: PodSecurity\.BASELINE on this construct to allow it\) \[K8S-POD-RESTRICTED\]/);
    expect(error).toMatch(/\[test\/wf\/dind\] Workflow\/wf: spec\.templates\[1\]\.sidecars\[0\]\.securityContext\.privileged: Pod Security "baseline", control "Privileged Containers": container "daemon" of template "dind" is privileged .*set podSecurity: PodSecurity\.PRIVILEGED on this construct to allow it\) \[K8S-POD-BASELINE\]/);
    expect(error).toMatch(/\[test\/wf\/host\] Workflow\/wf: spec\.templates\[2\]\.volumes\[0\]: Pod Security "baseline", control "HostPath Volumes": template "host" has volume "host" of type hostPath/);
  });

  test('a hostPath volume declared on the workflow and mounted by a RestrictedContainerTemplate', () => {
    const { app, chart } = newChart();
    const host = WorkflowVolume.fromL1({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } });
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' }, volumes: [host] });
    new RestrictedContainerTemplate(wf, 'job', { image: 'busybox:1.36', volumeMounts: [{ volume: host, mountPath: '/var/run/docker.sock' }] });
    expect(synthError(app)).toMatch(/\[test\/wf\/job\] Workflow\/wf: spec\.templates\[0\]\.container\.volumeMounts\[0\]: Pod Security "baseline", control "HostPath Volumes": template "job" has volume "docker" of type hostPath/);
  });

  test('a workflow-level setting reaches every template, and is reported on the template that renders it', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' }, securityContext: { seccompProfile: Seccomp.unconfined() } });
    wf.addContainerTemplate('main', { image: 'busybox:1.36' });
    expect(synthError(app)).toMatch(/\[test\/wf\/main\] Workflow\/wf: spec\.templates\[0\]\.securityContext\.seccompProfile\.type: Pod Security "baseline", control "Seccomp": template "main" sets seccompProfile Unconfined/);
  });

  test('an EventSource running as root; a Sensor with an added capability', () => {
    const { app, chart } = newChart();
    new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, template: { securityContext: { runAsUser: 0 } } }).addEndpoint('run', { path: '/run' });
    const error = synthError(app);
    expect(error).toMatch(/\[test\/hooks\] EventSource\/hooks: spec\.template\.securityContext\.runAsUser: Pod Security "restricted", control "Running as Non-root user": the EventSource pod runs as user 0/);
  });
});

describe('opting out per construct (podSecurity)', () => {
  test('BASELINE: no defaults, root allowed, baseline still checked; the opt-out is recorded for the linter', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    wf.addContainerTemplate('nginx', { image: 'nginx:1.27', podSecurity: PodSecurity.BASELINE });
    wf.addContainerTemplate('other', { image: 'busybox:1.36' });
    const docs = synth(app);
    const w = doc(docs, 'Workflow', 'wf');
    expect(template(w, 'nginx').securityContext).toBeUndefined();
    expect(template(w, 'nginx').container.securityContext).toBeUndefined();
    expect(template(w, 'other').securityContext).toEqual(workflowPod());
    expect(w.metadata.annotations['cdk8s-argo.io/disable']).toBe('K8S-POD-RESTRICTED@spec.templates[0] -- podSecurity: PodSecurity.BASELINE on test/wf/nginx');
    // The linter reading the output agrees: the restricted findings of "nginx" are suppressed, nothing else is reported.
    expect(podFindings(docs)).toEqual([]);
    expect(lint(docs, { schema: false, only: ['K8S-POD-RESTRICTED'] })).toEqual([]);

    const privileged = newChart();
    const w2 = new Workflow(privileged.chart, 'wf', { metadata: { name: 'wf' } });
    w2.addContainerTemplate('dind', { image: 'docker:27', podSecurity: PodSecurity.BASELINE, containerSecurityContext: { privileged: true } });
    expect(synthError(privileged.app)).toMatch(/control "Privileged Containers".*set podSecurity: PodSecurity\.PRIVILEGED on this construct to allow it\) \[K8S-POD-BASELINE\]/);
  });

  test('PRIVILEGED: docker-in-docker synthesizes, rendered as given; the workflow-level level applies to every template that sets none', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' }, podSecurity: PodSecurity.PRIVILEGED });
    wf.addContainerTemplate('dind', { image: 'docker:27' }).addSidecar('daemon', { image: 'docker:27-dind', containerSecurityContext: { privileged: true } });
    wf.addContainerTemplate('strict', { image: 'busybox:1.36', podSecurity: PodSecurity.RESTRICTED });
    let warnings = '';
    let docs: any[] = [];
    warnings = captureWarnings(() => { docs = synth(app); });
    expect(warnings).not.toMatch(/K8S-POD|SUPPRESSION/);
    const w = doc(docs, 'Workflow', 'wf');
    expect(template(w, 'dind').sidecars[0].securityContext).toEqual({ privileged: true });
    expect(template(w, 'strict').securityContext).toEqual(workflowPod());
    expect(w.metadata.annotations['cdk8s-argo.io/disable'].split('\n')).toEqual([
      'K8S-POD-RESTRICTED@spec.templates[0] -- podSecurity: PodSecurity.PRIVILEGED on test/wf/dind',
      'K8S-POD-BASELINE@spec.templates[0] -- podSecurity: PodSecurity.PRIVILEGED on test/wf/dind',
    ]);
    expect(podFindings(docs)).toEqual([]);
  });

  test('EventBus, EventSource and Sensor opt out the same way', () => {
    const { app, chart } = newChart();
    new EventBus(chart, 'bus', { podSecurity: PodSecurity.BASELINE });
    new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, podSecurity: PodSecurity.BASELINE }).addEndpoint('run', { path: '/run' });
    const docs = synth(app);
    expect(doc(docs, 'EventBus', 'default').spec).toEqual({ jetstream: { version: '2.10.10', replicas: 3 } });
    expect(doc(docs, 'EventSource', 'hooks').spec.template).toBeUndefined();
    expect(doc(docs, 'EventSource', 'hooks').metadata.annotations['cdk8s-argo.io/disable']).toBe('K8S-POD-RESTRICTED -- podSecurity: PodSecurity.BASELINE on test/hooks');
    expect(podFindings(docs)).toEqual([]);
  });

  test('a value that is not a level is refused where it is passed', () => {
    const { chart } = newChart();
    expect(() => new Workflow(chart, 'wf', { podSecurity: 'root' as PodSecurity })).toThrow(/\[test\/wf\] podSecurity: "root" is not a Pod Security level\. Use PodSecurity\.RESTRICTED, PodSecurity\.BASELINE or PodSecurity\.PRIVILEGED\./);
  });
});

describe('SecureNamespace', () => {
  test('enforces "restricted" by default (or the level given), keeps other labels, drops the chart namespace', () => {
    const { app, chart } = newChart({ namespace: 'team' });
    new SecureNamespace(chart, 'ns', { metadata: { name: 'team', labels: { owner: 'data' } } });
    new SecureNamespace(chart, 'legacy', { metadata: { name: 'legacy' }, podSecurity: PodSecurity.BASELINE });
    const docs = synth(app);
    expect(doc(docs, 'Namespace', 'team')).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { 'owner': 'data', 'pod-security.kubernetes.io/enforce': 'restricted' } } });
    expect(doc(docs, 'Namespace', 'legacy').metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'baseline' });
  });

  test('an opt-out below the level a Namespace of the app enforces is a synth error (a suppression cannot stop Kubernetes)', () => {
    const { app, chart } = newChart({ namespace: 'team' });
    new SecureNamespace(chart, 'ns', { metadata: { name: 'team' } });
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'wf' } });
    wf.addContainerTemplate('nginx', { image: 'nginx:1.27', podSecurity: PodSecurity.BASELINE });
    expect(synthError(app)).toMatch(/\[test\/wf\/nginx\] Workflow\/wf: spec\.templates\[0\]: podSecurity is PodSecurity\.BASELINE, but namespace "team" \(test\/ns\/Resource\) enforces Pod Security "restricted" \(label pod-security\.kubernetes\.io\/enforce\): Kubernetes rejects every pod that breaks it/);
    // A namespace that allows the level: no error.
    const ok = newChart({ namespace: 'legacy' });
    new SecureNamespace(ok.chart, 'ns', { metadata: { name: 'legacy' }, podSecurity: PodSecurity.BASELINE });
    new Workflow(ok.chart, 'wf', { metadata: { name: 'wf' } }).addContainerTemplate('nginx', { image: 'nginx:1.27', podSecurity: PodSecurity.BASELINE });
    expect(() => synth(ok.app)).not.toThrow();
  });

  test('without an opt-out, a pod in a namespace of the app that enforces the level is checked as an error by the linter too', () => {
    const docs = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'busybox:1.36' }] } },
    ];
    expect(podFindings(docs)).toEqual(expect.arrayContaining(['error K8S-POD-BASELINE Pod/p spec.hostNetwork', 'warning K8S-POD-RESTRICTED Pod/p spec.containers[0].securityContext.allowPrivilegeEscalation']));
  });
});
