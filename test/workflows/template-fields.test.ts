/** Every container and template field Argo's generated types hold is reachable through the typed API, and rendered as given. */
import { Cron, Duration, Size } from 'cdk8s';
import { ConfigMapRef, SecretRef, ServiceAccountRef } from '../../src/core/object-refs';
import {
  argoExpr, ArtifactGcStrategy, ArtifactLocation, ClusterWorkflowTemplate, ContainerHandler, CronWorkflow, ContainerProbe, DataSource, HttpArtifactAuth, InputArtifact, InputParameter, MetricVariables, NodePhase,
  OutputArtifact, OutputParameter, OutputSource, VolumeClaimGcStrategy, Workflow, WorkflowEventBinding, WorkflowMetric, WorkflowParameter, WorkflowTemplate, WorkflowVolume,
} from '../../src/workflows';
import { PodSecurity } from '../../src/core/pod-security';
import { withRestrictedDefaults } from '../support/pod-security';
import { newChart, schemaViolations, synth, synthError } from './helpers';

/** A template as the library renders it under the default Pod Security "restricted" (test/support/pod-security.ts). */
function restricted(template: object): any {
  return withRestrictedDefaults({ kind: 'Workflow', spec: { templates: [template] } }).spec.templates[0];
}

function fixture() {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'wf-' });
  return { app, chart, wf };
}

describe('containers', () => {
  test('probes, lifecycle, ports, devices, stdin/tty, termination message, restart policy', () => {
    const { app, wf } = fixture();
    const dev = WorkflowVolume.fromL1({ name: 'dev', persistentVolumeClaim: { claimName: 'block' } });
    const t = wf.addContainerTemplate('c', {
      image: 'nginx:1.27', podSecurity: PodSecurity.PRIVILEGED, // hostPort: Pod Security baseline and restricted forbid it
      ports: [{ number: 80, name: 'http' }, { number: 53, protocol: 'UDP', hostPort: 5353, hostIp: '10.0.0.1' }],
      readinessProbe: ContainerProbe.httpGet('/healthz', { port: 'http', scheme: 'HTTPS', headers: { 'X-A': 'b' }, initialDelay: Duration.seconds(2), period: Duration.seconds(5) }),
      livenessProbe: ContainerProbe.tcpSocket(80, { failureThreshold: 3, terminationGracePeriod: Duration.seconds(10) }),
      startupProbe: ContainerProbe.grpc(9000, { service: 'health', successThreshold: 1, timeout: Duration.seconds(1) }),
      lifecycle: { postStart: ContainerHandler.exec(['touch', '/ready']), preStop: ContainerHandler.sleep(Duration.seconds(5)), stopSignal: 'SIGTERM' },
      stdin: true, stdinOnce: true, tty: true, terminationMessagePath: '/tmp/msg', terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeDevices: [{ volume: dev, devicePath: '/dev/xvda' }],
    });
    t.addInitContainer('side', { image: 'busybox:1.36', restartPolicy: 'Always', mirrorVolumeMounts: true, lifecycle: { preStop: ContainerHandler.httpGet('/stop', { port: 8080 }) } });
    const doc = synth(app)[0];
    const c = doc.spec.templates[0];
    expect(c.container).toEqual({
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, name: 'http' }, { containerPort: 53, protocol: 'UDP', hostPort: 5353, hostIP: '10.0.0.1' }],
      readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS', httpHeaders: [{ name: 'X-A', value: 'b' }] }, initialDelaySeconds: 2, periodSeconds: 5 },
      livenessProbe: { tcpSocket: { port: 80 }, failureThreshold: 3, terminationGracePeriodSeconds: 10 },
      startupProbe: { grpc: { port: 9000, service: 'health' }, successThreshold: 1, timeoutSeconds: 1 },
      lifecycle: { postStart: { exec: { command: ['touch', '/ready'] } }, preStop: { sleep: { seconds: 5 } }, stopSignal: 'SIGTERM' },
      stdin: true, stdinOnce: true, tty: true, terminationMessagePath: '/tmp/msg', terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeDevices: [{ name: 'dev', devicePath: '/dev/xvda' }],
    });
    expect(c.volumes).toEqual([{ name: 'dev', persistentVolumeClaim: { claimName: 'block' } }]);
    expect(c.initContainers).toEqual([{ name: 'side', image: 'busybox:1.36', restartPolicy: 'Always', mirrorVolumeMounts: true, lifecycle: { preStop: { httpGet: { path: '/stop', port: 8080 } } } }]);
    expect(schemaViolations(doc).v4).toEqual([]);
  });

  test('probe times are whole seconds', () => {
    expect(() => ContainerProbe.exec(['true'], { period: Duration.millis(1500) })).toThrow(/period must be a whole, non-negative number of seconds .*got 1.5s/);
  });

  test('resource claims of the pod, used by containers by name', () => {
    const { app, wf } = fixture();
    wf.addContainerTemplate('gpu', { image: 'busybox:1.36', resourceClaims: [{ name: 'gpu', resourceClaimName: 'shared-gpu' }], resources: { claims: ['gpu'], memory: { limit: Size.gibibytes(2) } } });
    const t = synth(app)[0].spec.templates[0];
    expect(t.resourceClaims).toEqual([{ name: 'gpu', resourceClaimName: 'shared-gpu' }]);
    expect(t.container.resources).toEqual({ limits: { memory: '2Gi' }, claims: [{ name: 'gpu' }] });
  });
});

describe('container sets', () => {
  test('containers retried inside the pod', () => {
    const { app, wf } = fixture();
    wf.addContainerSetTemplate('set', { containerRetries: { retries: 2, duration: Duration.seconds(10) } }).addContainer('main', { image: 'busybox:1.36' });
    expect(synth(app)[0].spec.templates[0].containerSet).toEqual({
      containers: [{ name: 'main', image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }], retryStrategy: { retries: 2, duration: '10s' },
    });
  });
});

describe('template fields', () => {
  test('node annotations and display name, metrics, executor, host aliases, scheduler, pod resources, pending timeout, archive logs', () => {
    const { app, wf } = fixture();
    const who = new InputParameter('who', { default: 'x' });
    wf.addContainerTemplate('t', {
      image: 'busybox:1.36', inputs: [who],
      displayName: `hello ${who}`, annotations: { 'example.com/owner': 'team-a' },
      metrics: [WorkflowMetric.counter('runs_total', { help: 'Runs', labels: { status: MetricVariables.status }, when: MetricVariables.status.eq(NodePhase.FAILED) })],
      executorServiceAccount: ServiceAccountRef.fromName('executor'), automountServiceAccountToken: false,
      hostAliases: [{ ip: '10.0.0.2', hostnames: ['db.local'] }], schedulerName: 'batch',
      podResources: { cpu: { limit: 2 }, memory: { limit: Size.gibibytes(4) } }, pendingTimeout: Duration.minutes(5), archiveLogs: true,
      archiveLocation: ArtifactLocation.s3({ key: 'logs/{{workflow.name}}' }),
    });
    const t = synth(app)[0].spec.templates[0];
    expect(t).toMatchObject({
      annotations: { 'example.com/owner': 'team-a', 'workflows.argoproj.io/display-name': 'hello {{inputs.parameters.who}}' },
      metrics: { prometheus: [{ name: 'runs_total', help: 'Runs', labels: [{ key: 'status', value: '{{status}}' }], when: '{{status}} == Failed', counter: { value: '1' } }] },
      executor: { serviceAccountName: 'executor' }, automountServiceAccountToken: false, hostAliases: [{ ip: '10.0.0.2', hostnames: ['db.local'] }], schedulerName: 'batch',
      podResources: { limits: { cpu: '2', memory: '4Gi' } }, pendingTimeout: '300s', archiveLocation: { archiveLogs: true, s3: { key: 'logs/{{workflow.name}}' } },
    });
  });

  test('pod resources are checked at their own path; a metric reading a step output is refused', () => {
    const { app, wf } = fixture();
    wf.addContainerTemplate('t', { image: 'busybox:1.36', podResources: { cpu: { request: '2', limit: '1' } } });
    const main = wf.addStepsTemplate('main');
    const s = main.addStep('a', wf.addContainerTemplate('a', { image: 'busybox:1.36' }));
    // @ts-expect-error a metric's when reads the node's metric variables, workflow variables and inputs, not a step's output
    wf.addContainerTemplate('m', { image: 'busybox:1.36', metrics: [WorkflowMetric.counter('c', { help: 'h', when: s.result.eq('x') })] });
    const message = synthError(app);
    expect(message).toMatch(/\[test\/wf\/t\] Workflow\/wf-\*: spec\.templates\[0\]\.podResources\.requests\.cpu: cpu request 2 is above its limit 1/);
    expect(message).toMatch(/\[test\/wf\/m\] Workflow\/wf-\*: spec\.templates\[3\]\.metrics\.prometheus\[0\]\.when: metric "c": a metric's when reads \{\{steps\.a\.outputs\.result\}\} .*which Argo does not bind there/);
  });

  test('data and plugin templates, executor plugins', () => {
    const { app, wf } = fixture();
    wf.addDataTemplate('list', { source: DataSource.artifactPaths('bucket', ArtifactLocation.s3({ bucket: 'b' })), transformations: ['filter(data, {# endsWith ".log"})', 'map(data, {# + "x"})'] });
    wf.addPluginTemplate('hello', { plugin: 'hello', configuration: { greeting: 'hi', times: 2 } });
    const plugin = wf.addExecutorPlugin('hello', { image: 'python:3.12-alpine', ports: [{ number: 4355 }], resources: { memory: { limit: '64Mi', request: '128Mi' } } });
    expect(wf.executorPlugins).toEqual([plugin]);
    expect(synthError(app)).toMatch(/Workflow\/wf-\*: spec\.executorPlugins\[0\]\.spec\.sidecar\.container\.resources\.requests\.memory: memory request 128Mi is above its limit 64Mi/);
  });

  test('an executor plugin renders as the sidecar Argo runs in its agent pod; its container takes env and overrides after creation', () => {
    const { app, wf } = fixture();
    wf.addPluginTemplate('hello', { plugin: 'hello', configuration: { greeting: `hi ${'{{workflow.name}}'}`, nested: { list: [1, true, null] } } });
    const plugin = wf.addExecutorPlugin('hello', {
      image: 'python:3.12-alpine', ports: [{ number: 4355 }], automountServiceAccountToken: true,
      containerSecurityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }, resources: { memory: { limit: Size.mebibytes(64), request: Size.mebibytes(32) } },
    });
    plugin.container.addEnv('LOG_LEVEL', 'debug');
    plugin.container.addOverride('readinessProbe.httpGet', { path: '/healthz', port: 4355 });
    const spec = synth(app)[0].spec;
    expect(spec.executorPlugins).toEqual([{
      metadata: { name: 'hello' },
      spec: {
        sidecar: {
          automountServiceAccountToken: true,
          container: {
            name: 'hello', image: 'python:3.12-alpine', ports: [{ containerPort: 4355 }], env: [{ name: 'LOG_LEVEL', value: 'debug' }],
            resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi' } }, securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
            readinessProbe: { httpGet: { path: '/healthz', port: 4355 } },
          },
        },
      },
    }]);
    expect(spec.templates[0].plugin).toEqual({ hello: { greeting: 'hi {{workflow.name}}', nested: { list: [1, true, null] } } });
  });

  test('an executor plugin without resource requests or a security context is refused as Argo refuses it (rule W41, at the plugin\'s path)', () => {
    const { app, wf } = fixture();
    wf.addExecutorPlugin('hello', { image: 'python:3.12-alpine', ports: [{ number: 4355 }], resources: {} });
    // @ts-expect-error a port and resources are required props
    expect(() => wf.addExecutorPlugin('typed', { image: 'python:3.12-alpine' })).not.toThrow();
    expect(synthError(app)).toMatch(/\[test\/wf\] Workflow\/wf-\*: spec\.executorPlugins\[0\]\.spec\.sidecar\.container\.resources\.requests: the plugin's sidecar has no resource requests: Argo rejects the workflow .*\[W41\]/);
    const other = fixture();
    other.wf.addExecutorPlugin('hello', { image: 'python:3.12-alpine', ports: [{ number: 4355 }], resources: { cpu: { request: 0.1, limit: 0.5 }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) } } });
    expect(synthError(other.app)).toMatch(/\[test\/wf\] Workflow\/wf-\*: spec\.executorPlugins\[0\]\.spec\.sidecar\.container\.securityContext: the plugin's sidecar has no securityContext: Argo rejects the workflow .*\[W41\]/);
  });

  test('data and plugin templates render their fields', () => {
    const { app, wf } = fixture();
    wf.addDataTemplate('list', { source: DataSource.artifactPaths('bucket', ArtifactLocation.s3({ bucket: 'b' })), transformations: ['filter(data, {# endsWith ".log"})'] });
    wf.addPluginTemplate('hello', { plugin: 'hello', configuration: { greeting: 'hi', times: 2 } });
    const [data, plugin] = synth(app)[0].spec.templates;
    expect(data.data).toEqual({ source: { artifactPaths: { name: 'bucket', s3: { bucket: 'b' } } }, transformation: [{ expression: 'filter(data, {# endsWith ".log"})' }] });
    expect(plugin.plugin).toEqual({ hello: { greeting: 'hi', times: 2 } });
  });
});

describe('inline templates', () => {
  test('rendered in the one step that calls it, not in spec.templates', () => {
    const { app, wf } = fixture();
    const main = wf.addStepsTemplate('main');
    main.addStep('a', wf.addContainerTemplate('a', { inline: true, image: 'busybox:1.36', args: ['hi'] }));
    const spec = synth(app)[0].spec;
    const inline = restricted({ container: { image: 'busybox:1.36', args: ['hi'] } });
    expect(spec.templates).toEqual([{ name: 'main', steps: [[{ name: 'a', inline }]] }]);
  });

  test('an inline script in a DAG task takes its inputs from the task\'s arguments', () => {
    const { app, wf } = fixture();
    const who = new InputParameter('who');
    const say = wf.addScriptTemplate('say', { inline: true, image: 'python:3.12', command: ['python'], source: `print("${who}")`, inputs: [who] });
    wf.addDagTemplate('main').addTask('a', say, { arguments: [who.set('x')] });
    const doc = synth(app)[0];
    expect(doc.spec.templates).toEqual([{
      name: 'main',
      dag: { tasks: [{ name: 'a', arguments: { parameters: [{ name: 'who', value: 'x' }] }, inline: restricted({ inputs: { parameters: [{ name: 'who' }] }, script: { image: 'python:3.12', command: ['python'], source: 'print("{{inputs.parameters.who}}")' } }) }] },
    }]);
    expect(schemaViolations(doc).v4).toEqual([]);
  });

  test('called twice, never, from a hook or named as entrypoint: refused with the fix', () => {
    const { wf } = fixture();
    const main = wf.addStepsTemplate('main');
    const inline = wf.addContainerTemplate('a', { inline: true, image: 'busybox:1.36' });
    main.addStep('a', inline);
    expect(() => main.addStep('b', inline)).toThrow(/test\/wf\/a: inline template "a" is already rendered inside step "a": an inline template belongs to the one step or task that calls it/);

    const other = fixture();
    other.wf.addStepsTemplate('main').addStep('x', other.wf.addContainerTemplate('x', { image: 'busybox:1.36' }));
    const lonely = other.wf.addContainerTemplate('lonely', { inline: true, image: 'busybox:1.36' });
    other.wf.addExitHook(lonely);
    const message = synthError(other.app);
    expect(message).toMatch(/\[test\/wf\/lonely\] .*is an inline template that no step or task calls/);
    expect(message).toMatch(/spec\.hooks\.exit\.template: hook "exit" calls inline template "lonely": hooks name their template/);
  });
});

describe('workflow spec fields', () => {
  test('metrics, artifact GC, volume claim GC, DNS, host network, executor, PDB, pod resources, priority, scheduler', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', {
      generateName: 'wf-', priority: 3, metrics: [WorkflowMetric.gauge('duration', { help: 'Duration', value: '{{workflow.duration}}' })],
      artifactGc: { strategy: ArtifactGcStrategy.ON_WORKFLOW_DELETION, serviceAccount: ServiceAccountRef.fromName('gc'), forceFinalizerRemoval: true },
      volumeClaimGc: VolumeClaimGcStrategy.ON_WORKFLOW_COMPLETION, dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc'], options: { ndots: '2', edns0: undefined } },
      dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true, executorServiceAccount: ServiceAccountRef.fromName('executor'), podDisruptionBudget: { maxUnavailable: '10%' },
      podResources: { memory: { limit: Size.mebibytes(512) } }, schedulerName: 'batch', automountServiceAccountToken: false, suspend: true,
    });
    wf.addContainerTemplate('t', { image: 'busybox:1.36' });
    const spec = synth(app)[0].spec;
    expect(spec).toMatchObject({
      priority: 3, metrics: { prometheus: [{ name: 'duration', help: 'Duration', gauge: { value: '{{workflow.duration}}', realtime: false } }] },
      artifactGC: { strategy: 'OnWorkflowDeletion', serviceAccountName: 'gc', forceFinalizerRemoval: true }, volumeClaimGC: { strategy: 'OnWorkflowCompletion' },
      dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
      dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true, executor: { serviceAccountName: 'executor' }, podDisruptionBudget: { maxUnavailable: '10%' },
      podResources: { limits: { memory: '512Mi' } }, schedulerName: 'batch', automountServiceAccountToken: false, suspend: true,
    });
  });

  test('a labelsFrom expression reading a step output is refused', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { generateName: 'wf-', workflowMetadata: { labelsFrom: { x: 'workflow.name' } } });
    const main = wf.addStepsTemplate('main');
    const s = main.addStep('a', wf.addContainerTemplate('a', { image: 'busybox:1.36' }));
    // @ts-expect-error labels are computed from workflow variables only
    new Workflow(chart, 'bad', { generateName: 'bad-', workflowMetadata: { labelsFrom: { y: s.result } } }).addContainerTemplate('t', { image: 'busybox:1.36' });
    expect(synthError(app)).toMatch(/\[test\/bad\] Workflow\/bad-\*: spec\.workflowMetadata\.labelsFrom\.y\.expression: reads \{\{steps\.a\.outputs\.result\}\}, which Argo does not bind when it sets the workflow's labels/);
  });
});

describe('artifact locations and arguments', () => {
  test('one option shape for every location; credentials as Secret keys', () => {
    const key = (k: string) => ({ secret: SecretRef.fromName('creds'), key: k });
    const l = (loc: ArtifactLocation) => loc._location;
    expect(l(ArtifactLocation.s3({ key: 'k', sessionToken: key('t'), caCertificate: key('ca'), addressingStyle: 'path', createBucketIfNotPresent: { objectLocking: true }, encryption: { kmsKeyId: 'id', serverSideCustomerKey: key('c') } })).s3)
      .toMatchObject({ key: 'k', sessionTokenSecret: { name: 'creds', key: 't' }, caSecret: { name: 'creds', key: 'ca' }, addressingStyle: 'path', createBucketIfNotPresent: { objectLocking: true }, encryptionOptions: { kmsKeyId: 'id', serverSideCustomerKeySecret: { name: 'creds', key: 'c' } } });
    expect(l(ArtifactLocation.git({ repo: 'r', branch: 'main', singleBranch: true, fetch: ['refs/meta/*'], disableSubmodules: true, insecureSkipTls: true, sshPrivateKey: key('ssh') })).git)
      .toMatchObject({ repo: 'r', branch: 'main', singleBranch: true, fetch: ['refs/meta/*'], disableSubmodules: true, insecureSkipTls: true, sshPrivateKeySecret: { name: 'creds', key: 'ssh' } });
    expect(l(ArtifactLocation.http({ url: 'u', auth: HttpArtifactAuth.basic({ username: key('u'), password: key('p') }) })).http)
      .toEqual({ url: 'u', auth: { basicAuth: { usernameSecret: { name: 'creds', key: 'u' }, passwordSecret: { name: 'creds', key: 'p' } } } });
    expect(l(ArtifactLocation.hdfs({ path: '/p', krbKeytab: key('kt'), krbConfig: { configMap: ConfigMapRef.fromName('krb'), key: 'krb5.conf' }, dataTransferProtection: 'privacy' })).hdfs)
      .toMatchObject({ path: '/p', krbKeytabSecret: { name: 'creds', key: 'kt' }, krbConfigConfigMap: { name: 'krb', key: 'krb5.conf' }, dataTransferProtection: 'privacy' });
    expect(l(ArtifactLocation.oss({ key: 'k', lifecycleRule: { markDeletionAfterDays: 30 }, createBucketIfNotPresent: true })).oss).toMatchObject({ key: 'k', lifecycleRule: { markDeletionAfterDays: 30 }, createBucketIfNotPresent: true });
    expect(ArtifactLocation.fromL1({ gcs: { key: 'k' } }).kind).toBe('gcs');
    expect(() => ArtifactLocation.s3({ key: 'k', accessKey: { secret: ConfigMapRef.fromName('cm') as never, key: 'a' } })).toThrow(/ArtifactLocation\.s3\(\): expects a Secret, but ConfigMap "cm" was passed/);
  });

  test('artifact arguments: from another node, with sub-path and mode, from a location, from an expression', () => {
    const { app, wf } = fixture();
    const out = new OutputArtifact('out', { path: '/out', globalName: 'g' });
    const producer = wf.addContainerTemplate('producer', { image: 'busybox:1.36', outputs: [out] });
    const a = new InputArtifact('a', { path: '/a' });
    const b = new InputArtifact('b', { path: '/b' });
    const c = new InputArtifact('c', { path: '/c' });
    const consumer = wf.addContainerTemplate('consumer', { image: 'busybox:1.36', inputs: [a, b, c] });
    const dag = wf.addDagTemplate('dag');
    const p = dag.addTask('p', producer);
    dag.addTask('c', consumer, {
      depends: p,
      arguments: [a.from(p.outputArtifact(out), { subPath: 'dir/file', mode: 0o600, recurseMode: true, optional: true }), b.from(ArtifactLocation.raw({ data: 'x' })), c.from(out.global)],
    });
    wf.setEntrypoint(dag);
    expect(synth(app)[0].spec.templates[2].dag.tasks[1].arguments.artifacts).toEqual([
      { name: 'a', from: '{{tasks.p.outputs.artifacts.out}}', subPath: 'dir/file', mode: 0o600, recurseMode: true, optional: true },
      { name: 'b', raw: { data: 'x' } },
      { name: 'c', from: '{{workflow.outputs.artifacts.g}}' },
    ]);
    expect(() => c.from(argoExpr`${p.outputArtifact(out)}`)).toThrow(/input artifact "c": an argument cannot take an expression .*Argo requires from, a location or a key there/);
  });

  test('a workflow parameter passed to a template, and a run argument the entrypoint does not declare, are refused', () => {
    const { app, chart, wf } = fixture();
    const size = wf.addArgument('size', { value: 'tall' });
    const main = wf.addStepsTemplate('main');
    main.addStep('a', wf.addContainerTemplate('a', { image: 'busybox:1.36' }), { arguments: [size.set('x')] });
    const stray = new InputParameter('stray');
    new Workflow(chart, 'run', { generateName: 'run-', arguments: [stray.set('x')] }).addContainerTemplate('t', { image: 'busybox:1.36' });
    const message = synthError(app);
    expect(message).toMatch(/step "a" passes workflow parameter "size" to template "a": a call fills the template's inputs/);
    expect(message).toMatch(/\[test\/run\] Workflow\/run-\*: spec\.arguments\.parameters\[0\]: gives a value to input "stray", which the entrypoint template "t" does not declare/);
  });

  test('arguments are objects: the name-keyed maps of earlier versions do not compile, and forced through are refused at once with the new form', () => {
    const { chart, wf } = fixture();
    const m = new InputParameter('m');
    const t = wf.addContainerTemplate('t', { image: 'busybox:1.36', inputs: [m], args: [m] });
    const main = wf.addStepsTemplate('main');
    // @ts-expect-error arguments are made from the input objects: m.set('x')
    expect(() => main.addStep('a', t, { parameters: { m: 'x' } })).toThrow(/test\/wf\/main\/a: parameters keyed by name is no longer taken \(got \["m"\]\): pass arguments made from the input objects instead, e\.g\. arguments: \[message\.set\('hello'\)\]/);
    // @ts-expect-error artifacts are made from the input objects: a.from(source)
    expect(() => wf.addDagTemplate('dag').addTask('a', t, { artifacts: { in: 'x' } })).toThrow(/test\/wf\/dag\/a: artifacts keyed by name is no longer taken .*arguments: \[data\.from\(step\.outputArtifact\(out\)\)\]/);
    // @ts-expect-error a map keyed by name is not a list of arguments
    expect(() => main.addStep('b', t, { arguments: { m: 'x' } })).toThrow(/test\/wf\/main\/b: arguments must be a list made from the input objects, e\.g\. \[message\.set\('hello'\)\]/);
    expect(main.node.tryFindChild('a')).toBeUndefined();
    // @ts-expect-error hooks and exit handlers take arguments by object too
    expect(() => wf.addExitHook(t, { parameters: { m: 'x' } })).toThrow(/test\/wf: hook "exit": parameters keyed by name is no longer taken/);
    // @ts-expect-error
    expect(() => wf.setOnExit(t, { parameters: { m: 'x' } })).toThrow(/test\/wf: exit handler: parameters keyed by name/);
    const step = main.addStep('c', t, { arguments: [m.set('x')] });
    // @ts-expect-error
    expect(() => step.addHook('running', t, { parameters: { m: 'x' } })).toThrow(/test\/wf\/main\/c: hook "running": parameters keyed by name/);
    // @ts-expect-error a Workflow's run arguments are objects too
    expect(() => new Workflow(chart, 'run', { workflowTemplate: WorkflowTemplate.fromName(chart, 'wt', 'wt'), parameters: { size: 'x' } })).toThrow(/test\/run: parameters keyed by name is no longer taken/);
    // @ts-expect-error and a CronWorkflow's
    expect(() => new CronWorkflow(chart, 'cron', { schedules: [Cron.daily()], arguments: { size: 'x' } })).toThrow(/test\/cron: arguments must be a list/);
  });
});

describe('WorkflowEventBinding', () => {
  test('submits a WorkflowTemplate by object with parameters from the event; a parameter filled twice is refused', () => {
    const { app, chart } = newChart();
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'consumer' } });
    const who = wt.addArgument('who', { value: 'world' });
    wt.setEntrypoint(wt.addContainerTemplate('t', { image: 'busybox:1.36', args: [who] }));
    const binding = new WorkflowEventBinding(chart, 'b', { metadata: { name: 'b' }, selector: 'payload.who != ""', workflowTemplate: wt, arguments: [{ parameter: who, fromEvent: 'payload.who' }] });
    expect(synth(app).find(d => d.kind === 'WorkflowEventBinding')).toEqual({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowEventBinding', metadata: { name: 'b' },
      spec: { event: { selector: 'payload.who != ""' }, submit: { workflowTemplateRef: { name: 'consumer' }, arguments: { parameters: [{ name: 'who', valueFrom: { event: 'payload.who' } }] } } },
    });
    binding.addArgument({ parameter: who, fromEvent: 'payload.name' });
    expect(synthError(app)).toMatch(/\[test\/b\] WorkflowEventBinding\/b: spec\.submit\.arguments\.parameters\[1\]: fills parameter "who" twice/);
  });

  test('a ClusterWorkflowTemplate is submitted with clusterScope; one that lives only in the cluster by the parameters it declares', () => {
    const { app, chart } = newChart();
    const cwt = new ClusterWorkflowTemplate(chart, 'cwt', { metadata: { name: 'builds' } });
    const size = cwt.addArgument('size');
    cwt.setEntrypoint(cwt.addContainerTemplate('t', { image: 'busybox:1.36', args: [size] }));
    new WorkflowEventBinding(chart, 'b', { metadata: { name: 'b' }, selector: 'discriminator == "build"', workflowTemplate: cwt, arguments: [{ parameter: size, fromEvent: 'payload.size' }] });
    const remote = WorkflowTemplate.fromName(chart, 'remote', 'remote', { parameters: ['x'] });
    new WorkflowEventBinding(chart, 'r', { metadata: { name: 'r' }, selector: 'true', workflowTemplate: remote, arguments: [{ parameter: remote.parameter('x'), fromEvent: 'payload.x' }] });
    const bindings = synth(app).filter(d => d.kind === 'WorkflowEventBinding');
    expect(bindings.map(b => b.spec.submit)).toEqual([
      { workflowTemplateRef: { name: 'builds', clusterScope: true }, arguments: { parameters: [{ name: 'size', valueFrom: { event: 'payload.size' } }] } },
      { workflowTemplateRef: { name: 'remote' }, arguments: { parameters: [{ name: 'x', valueFrom: { event: 'payload.x' } }] } },
    ]);
  });
  test('a parameter the submitted template neither declares nor reads is refused; one it reads undeclared is accepted (Argo\'s event-consumer example)', () => {
    const { app, chart } = newChart();
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'consumer' } });
    const appellation = new WorkflowParameter('appellation');
    wt.setEntrypoint(wt.addContainerTemplate('t', { image: 'busybox:1.36', args: [`hello ${appellation}`] }));
    new WorkflowEventBinding(chart, 'ok', { metadata: { name: 'ok' }, selector: 'true', workflowTemplate: wt, arguments: [{ parameter: appellation, fromEvent: 'payload.appellation' }] });
    expect(synth(app).filter(d => d.kind === 'WorkflowEventBinding')).toHaveLength(1);
    new WorkflowEventBinding(chart, 'bad', { metadata: { name: 'bad' }, selector: 'true', workflowTemplate: wt }).addArgument({ parameter: new WorkflowParameter('who'), fromEvent: 'payload.who' });
    expect(synthError(app)).toMatch(/\[test\/bad\] WorkflowEventBinding\/bad: spec\.submit\.arguments\.parameters\[0\]: fills a parameter "who" that WorkflowTemplate "consumer" neither declares \(it declares none\) nor reads: the workflow would ignore it/);
  });
});

describe('outputs', () => {
  test('output paths as variables inside the template', () => {
    const p = new OutputParameter('p', { valueFrom: OutputSource.fromPath('/p') });
    expect(String(p.pathVariable)).toBe('{{outputs.parameters.p.path}}');
    expect(String(new OutputArtifact('a').pathVariable)).toBe('{{outputs.artifacts.a.path}}');
  });
});
