/** The snippets of docs/workflows.md, in the order of the page, assembled into one app: they compile, synthesize and pass both schemas. */
import { Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  ArtifactLocation, ClusterWorkflowTemplate, Condition, ContainerHandler, ContainerProbe, CronConcurrencyPolicy, CronWorkflow, CronWorkflowVariables,
  DataSource, Depends, EnvSource, EnvVarSource, HttpVariables, InputArtifact, InputParameter, Loop, MetricVariables, NodePhase, OutputArtifact, OutputParameter,
  OutputSource, PersistentVolumeClaimRef, ResourceAction, Seccomp, SecretRef, ServiceAccountRef, TemplateVariables, Workflow, WorkflowEventBinding, WorkflowMetric,
  WorkflowPhase, WorkflowServiceAccount, WorkflowTemplate, WorkflowVariables, WorkflowVolume,
} from '../../src';
import { newChart, schemaViolations, synth } from './helpers';

test('the documented examples synthesize and pass both schemas', () => {
  const { app, chart: self } = newChart();
  const sa = ServiceAccountRef.fromName('runner');

  // Workflow
  const wf = new Workflow(self, 'hello', { generateName: 'hello-' });
  const message = new InputParameter('message');
  const print = wf.addContainerTemplate('print-message', { image: 'busybox:1.36', command: ['echo'], args: [message], inputs: [message] });
  const main = wf.addStepsTemplate('main');
  main.addStep('hello1', print, { arguments: [message.set('hello1')] });
  main.addParallelSteps(['hello2a', print, { arguments: [message.set('a')] }], ['hello2b', print, { arguments: [message.set('b')] }]);
  wf.setEntrypoint(main);

  // Calling a template: arguments by object
  const data = new InputArtifact('data', { path: '/data' });
  const consume = wf.addContainerTemplate('consume', { image: 'busybox:1.36', command: ['cat', '/data'], inputs: [data] });
  const out = new OutputArtifact('out', { path: '/tmp/out' });
  const produce = wf.addContainerTemplate('produce', { image: 'busybox:1.36', command: ['sh', '-c', 'mkdir -p /tmp/out; date > /tmp/out/now'], outputs: [out] });
  const p = main.addStep('produce', produce);
  main.addStep('consume', consume, { arguments: [data.from(p.outputArtifact(out), { subPath: 'now' })] });

  const a = new WorkflowTemplate(self, 'a', { metadata: { name: 'a-workflow' }, serviceAccount: sa });
  const size = a.addArgument('size', { value: 'tall' });
  const aStart = a.addContainerTemplate('start', { image: 'a:1.4.2', args: [size] });
  a.setEntrypoint(aStart);
  new Workflow(self, 'run', { workflowTemplate: a, arguments: [size.set('grande')] });

  const kubectl = new InputArtifact('kubectl', { path: '/usr/local/bin/kubectl', mode: 0o755 });
  const tool = new Workflow(self, 'tool', { arguments: [kubectl.from(ArtifactLocation.http({ url: 'https://dl.k8s.io/v1.31.0/bin/linux/amd64/kubectl' }))] });
  tool.addContainerTemplate('version', { image: 'busybox:1.36', command: ['kubectl', 'version'], inputs: [kubectl] });

  // WorkflowTemplate and ClusterWorkflowTemplate
  const common = new WorkflowTemplate(self, 'common', { metadata: { name: 'common' } });
  const notify = common.addContainerTemplate('slack-noti', { image: 'technosophos/slack-notify:1.0', env: { SLACK_MESSAGE: `${WorkflowVariables.failures}` } });
  const shared = ClusterWorkflowTemplate.fromName(self, 'lib', 'cluster-lib');
  main.addStep('call', shared.template('print-message', { inputs: [message] }), { arguments: [message.set('x')] });

  // CronWorkflow
  const daily = new CronWorkflow(self, 'daily', {
    schedules: [Cron.schedule({ minute: '0', hour: '9' })], timezone: 'Asia/Seoul',
    concurrencyPolicy: CronConcurrencyPolicy.FORBID, startingDeadlineSeconds: 0, stopWhen: CronWorkflowVariables.failed.ge(3),
  });
  daily.addArgument('size', { value: 'tall' });
  daily.addStepsTemplate('main').addStep('first', aStart);
  daily.setOnExit(notify, { when: WorkflowVariables.status.eq(WorkflowPhase.FAILED) });

  // WorkflowEventBinding
  const who = a.addArgument('who', { value: 'world' });
  new WorkflowEventBinding(self, 'on-event', { selector: 'payload.who != ""', workflowTemplate: a, arguments: [{ parameter: who, fromEvent: 'payload.who' }] });

  // Templates
  const t = new Workflow(self, 'templates', { generateName: 'templates-' });
  const ts = WorkflowVariables.creationTimestamp;
  const report = new OutputArtifact('report', { path: '/report', location: ArtifactLocation.s3({ bucket: 'starbucks', key: `americano/${ts.year}-${ts.month}.tgz` }) });
  const gen = t.addScriptTemplate('gen', { image: 'python:3.12', command: ['python'], source: 'print(42)', outputs: [report], displayName: 'generate' });
  t.addResourceTemplate('job', {
    action: ResourceAction.CREATE, manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'j-' } },
    successCondition: 'status.succeeded > 0', outputs: [new OutputParameter('name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') })],
  });
  t.addSuspendTemplate('approve');
  const http = t.addHttpTemplate('ping', { url: 'https://example.com', successCondition: HttpVariables.statusCode.eq(200) });
  const set = t.addContainerSetTemplate('set');
  const first = set.addContainer('a', { image: 'alpine:3.20' });
  set.addContainer('main', { image: 'alpine:3.20', dependencies: [first] });
  t.addDataTemplate('list', { source: DataSource.artifactPaths('logs', ArtifactLocation.s3({ bucket: 'logs' })), transformations: ['filter(data, {# endsWith ".log"})'] });
  t.addPluginTemplate('hello', { plugin: 'hello', configuration: { greeting: 'hi' } });
  const hello = t.addExecutorPlugin('hello', {
    image: 'python:3.12-alpine', ports: [{ number: 4355 }],
    resources: { cpu: { request: 0.1, limit: 0.5 }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) } },
    containerSecurityContext: { runAsNonRoot: true, runAsUser: 65534, allowPrivilegeEscalation: false },
  });
  hello.container.addEnv('LOG_LEVEL', 'info');

  // Containers
  const server = t.addContainerTemplate('server', {
    image: 'nginx:1.27', daemon: true, ports: [{ number: 80, name: 'http' }],
    readinessProbe: ContainerProbe.httpGet('/', { port: 'http', initialDelay: Duration.seconds(2), timeout: Duration.seconds(1) }),
    lifecycle: { preStop: ContainerHandler.sleep(Duration.seconds(5)) },
  });
  server.addSidecar('logs', { image: 'fluent/fluent-bit:3.2', mirrorVolumeMounts: true });

  // Kubernetes objects
  const registry = SecretRef.fromName('registry-credentials');
  const settings = new kplus.ConfigMap(self, 'settings', { data: { MODE: 'fast' } });
  const runner = new WorkflowServiceAccount(self, 'runner', { metadata: { name: 'runner' }, imagePullSecrets: [registry] });
  const jobs = new WorkflowTemplate(self, 'jobs', { serviceAccount: runner, imagePullSecrets: [registry] });
  jobs.addContainerTemplate('job', {
    image: 'registry.example.com/job:1.0.0',
    envFrom: [EnvSource.fromConfigMap(settings)],
    env: { TOKEN: EnvVarSource.fromSecretKey({ secret: SecretRef.fromName('api'), key: 'token' }), POD: EnvVarSource.fromPodField('metadata.name') },
    volumes: [WorkflowVolume.fromPersistentVolumeClaim('data', PersistentVolumeClaimRef.fromName('shared-data'))],
  });

  // Pod settings
  jobs.addContainerTemplate('hardened', {
    image: 'registry.example.com/job:1.0.0',
    resources: { cpu: { request: '250m', limit: 1 }, memory: { request: Size.mebibytes(256), limit: '512Mi' } },
    containerSecurityContext: {
      runAsNonRoot: true, runAsUser: 10001, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] }, seccompProfile: Seccomp.runtimeDefault(),
    },
    securityContext: { fsGroup: 10001, fsGroupChangePolicy: 'OnRootMismatch' },
  });

  // Artifacts
  const creds = SecretRef.fromName('my-s3-credentials');
  const fromS3 = new InputArtifact('my-art', {
    path: '/my-artifact',
    location: ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', bucket: 'my-bucket-name', key: 'path/in/bucket', region: 'us-west-2',
      accessKey: { secret: creds, key: 'accessKey' }, secretKey: { secret: creds, key: 'secretKey' },
    }),
  });
  t.addContainerTemplate('ls', { image: 'debian:12', command: ['ls', '-l', '/my-artifact'], inputs: [fromS3] });

  // Steps, DAGs, loops
  const m = new InputParameter('m', { default: 'x' });
  const echo = t.addContainerTemplate('echo', { image: 'busybox:1.36', args: [m], inputs: [m] });
  const fail = t.addContainerTemplate('fail', { image: 'busybox:1.36', command: ['false'] });
  const dag = t.addDagTemplate('diamond');
  const A = dag.addTask('A', echo);
  const B = dag.addTask('B', echo, { depends: A });
  const C = dag.addTask('C', fail, { depends: A });
  dag.addTask('D', echo, { depends: Depends.and(B, Depends.or(C.succeeded, C.failed)) });
  dag.addTask('E', echo, { arguments: [m.set(B.result)] });
  const steps = t.addStepsTemplate('steps');
  const flip = steps.addStep('flip', gen);
  steps.addParallelSteps(['heads', echo, { when: flip.result.eq('heads') }], ['tails', echo, { when: flip.result.eq('tails') }]);
  steps.addStep('each', echo, { arguments: [m.set(Loop.item)], loop: Loop.items(['a', 'b']) });
  steps.addStep('each-json', echo, { arguments: [m.set(Loop.itemField('name'))], loop: Loop.fromParameter(flip.result) });
  steps.addStep('seq', echo, { arguments: [m.set(Loop.item)], loop: Loop.sequence({ count: 5, format: 'u%02d' }) });
  t.setEntrypoint(dag);

  // Conditions and expressions
  const safe = new InputParameter('safe-to-retry', { default: 'true' });
  t.addScriptTemplate('retry-script', {
    inputs: [safe], image: 'python:3.12-alpine', command: ['python'], source: 'import sys; sys.exit(2)',
    retryStrategy: {
      limit: 10,
      expression: Condition.and(TemplateVariables.lastRetryExitCode.gt(1), Condition.or(safe.eq(true), TemplateVariables.lastRetryMessage.matches('pod deleted'))),
    },
  });

  // Hooks and exit handlers
  t.setOnExit(echo);
  t.addHook('running', http, { expression: WorkflowVariables.status.eq(WorkflowPhase.RUNNING) });
  const s1 = steps.addStep('step-1', echo);
  s1.addHook('success', http, { expression: s1.status.eq(NodePhase.SUCCEEDED) });
  s1.addExitHook(echo, { arguments: [m.set(s1.exitCode)] });

  // Metrics
  t.addContainerTemplate('flakey', {
    image: 'python:3.12-alpine', command: ['python', '-c', 'import random, sys; sys.exit(random.choice([0, 1]))'],
    metrics: [WorkflowMetric.counter('result_counter', { help: 'Runs by status', labels: { status: MetricVariables.status } }),
      WorkflowMetric.gauge('duration_seconds', { help: 'Duration', value: MetricVariables.duration, realtime: true })],
  });

  // Escape hatch
  server.addOverride('container.readinessProbe.periodSeconds', 5);
  server.container.addOverride(['resources', 'limits', 'nvidia.com/gpu'], 1);
  s1.addOverride('continueOn.error', true);
  t.addOverride('hostNetwork', true);

  const docs = synth(app);
  for (const d of docs.filter(x => /argoproj/.test(x.apiVersion))) {
    const label = `${d.kind}/${d.metadata.name ?? d.metadata.generateName}`;
    const { v4, v37 } = schemaViolations(d);
    // the plugin template is a v4 field: only the templates workflow has one
    expect({ label, v4, v37: label.startsWith('Workflow/templates-') ? [] : v37 }).toEqual({ label, v4: [], v37: [] });
  }
  const job = docs.find(d => d.kind === 'WorkflowTemplate' && d.spec.templates?.some((x: any) => x.name === 'job'));
  expect(job.spec).toMatchObject({ serviceAccountName: 'runner', imagePullSecrets: [{ name: 'registry-credentials' }] });
  expect(job.spec.templates[0].container.envFrom).toEqual([{ configMapRef: { name: settings.name } }]);
  expect(job.spec.templates[1].container.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } });
  const tpl = docs.find(d => d.metadata.generateName === 'templates-');
  expect(tpl.spec.templates.find((x: any) => x.name === 'diamond').dag.tasks.map((x: any) => x.depends)).toEqual([undefined, 'A', 'A', 'B && (C.Succeeded || C.Failed)', 'B']);
  expect(tpl.spec.hooks.running.expression).toBe('workflow.status == "Running"');
  expect(tpl.spec.templates.find((x: any) => x.name === 'retry-script').retryStrategy.expression)
    .toBe('asInt(lastRetry.exitCode) > 1 && ({{inputs.parameters.safe-to-retry}} == true || lastRetry.message matches "pod deleted")');
  expect(tpl.spec.templates.find((x: any) => x.name === 'server').container).toMatchObject({ readinessProbe: { periodSeconds: 5 }, resources: { limits: { 'nvidia.com/gpu': 1 } } });
  expect(tpl.spec.hostNetwork).toBe(true);
  expect(tpl.spec.executorPlugins[0].spec.sidecar.container).toMatchObject({ name: 'hello', env: [{ name: 'LOG_LEVEL', value: 'info' }], resources: { requests: { cpu: '0.1', memory: '32Mi' }, limits: { cpu: '0.5', memory: '64Mi' } } });
  expect(docs.find(d => d.kind === 'WorkflowEventBinding').spec.submit.arguments.parameters).toEqual([{ name: 'who', valueFrom: { event: 'payload.who' } }]);
});
