/** The snippets of docs/workflows.md, assembled into one app: they compile and synthesize. */
import { Cron, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { PersistentVolumeClaimRef, SecretRef, ServiceAccountRef } from '../../src/core/object-refs';
import {
  ArtifactLocation, ClusterWorkflowTemplate, CronConcurrencyPolicy, CronWorkflow, CronWorkflowVariables, Depends, HttpVariables,
  EnvSource, EnvVarSource, InputParameter, Loop, NodePhase, OutputArtifact, OutputParameter, OutputSource, ResourceAction, Seccomp, Workflow,
  WorkflowPhase, WorkflowServiceAccount, WorkflowTemplate, WorkflowVariables, WorkflowVolume,
} from '../../src/workflows';
import { newChart, schemaViolations, synth } from './helpers';

test('the documented examples synthesize and pass both schemas', () => {
  const { app, chart: self } = newChart();
  const sa = ServiceAccountRef.fromName('runner');

  const wf = new Workflow(self, 'hello', { generateName: 'hello-' });
  const message = new InputParameter('message');
  const print = wf.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [message], inputs: [message] });
  const main = wf.addStepsTemplate('main');
  main.addStep('hello1', print, { parameters: { [message.name]: 'hello1' } });
  main.addParallelSteps(['hello2a', print, { parameters: { [message.name]: 'a' } }], ['hello2b', print, { parameters: { [message.name]: 'b' } }]);
  wf.setEntrypoint(main);

  const common = new WorkflowTemplate(self, 'common', { metadata: { name: 'common' } });
  const notify = common.addContainerTemplate('slack-noti', { image: 'technosophos/slack-notify', env: { SLACK_MESSAGE: `${WorkflowVariables.failures}` } });
  const a = new WorkflowTemplate(self, 'a', { metadata: { name: 'a-workflow' }, serviceAccount: sa });
  const size = a.addArgument('size', { value: 'tall' });
  const aStart = a.addContainerTemplate('start', { image: 'a:1.4.2', args: [size] });
  a.setEntrypoint(aStart);
  new Workflow(self, 'run', { workflowTemplate: a, parameters: { [size.name]: 'grande' } });
  const shared = ClusterWorkflowTemplate.fromName(self, 'lib', 'cluster-lib');
  main.addStep('call', shared.template('print-message', { inputs: [message] }), { parameters: { [message.name]: 'x' } });

  const daily = new CronWorkflow(self, 'daily', {
    schedules: [Cron.schedule({ minute: '0', hour: '9' })], timezone: 'Asia/Seoul',
    concurrencyPolicy: CronConcurrencyPolicy.FORBID, startingDeadlineSeconds: 0, stopWhen: CronWorkflowVariables.failed.ge(3),
  });
  daily.addArgument('size', { value: 'tall' });
  daily.addStepsTemplate('main').addStep('first', aStart);
  daily.setOnExit(notify, { when: WorkflowVariables.status.eq(WorkflowPhase.FAILED) });

  const t = new Workflow(self, 'templates', { generateName: 'templates-' });
  const ts = WorkflowVariables.creationTimestamp;
  const data = new OutputArtifact('data', { path: '/data', location: ArtifactLocation.s3({ bucket: 'starbucks', key: `americano/${ts.year}-${ts.month}.tgz` }) });
  const gen = t.addScriptTemplate('gen', { image: 'python:3.12', command: ['python'], source: 'print(42)', outputs: [data] });
  t.addResourceTemplate('job', {
    action: ResourceAction.CREATE, manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'j-' } },
    successCondition: 'status.succeeded > 0', outputs: [new OutputParameter('name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') })],
  });
  t.addSuspendTemplate('approve');
  const http = t.addHttpTemplate('ping', { url: 'https://example.com', successCondition: HttpVariables.statusCode.eq(200) });
  const set = t.addContainerSetTemplate('set');
  const first = set.addContainer('a', { image: 'alpine' });
  set.addContainer('main', { image: 'alpine', dependencies: [first] });

  const m = new InputParameter('m', { default: 'x' });
  const echo = t.addContainerTemplate('echo', { image: 'busybox', args: [m], inputs: [m] });
  const fail = t.addContainerTemplate('fail', { image: 'busybox', command: ['false'] });
  const dag = t.addDagTemplate('diamond');
  const A = dag.addTask('A', echo);
  const B = dag.addTask('B', echo, { depends: A });
  const C = dag.addTask('C', fail, { depends: A });
  dag.addTask('D', echo, { depends: Depends.and(B, Depends.or(C.succeeded, C.failed)) });
  dag.addTask('E', echo, { parameters: { [m.name]: B.result } });
  const steps = t.addStepsTemplate('steps');
  const flip = steps.addStep('flip', gen);
  steps.addParallelSteps(['heads', echo, { when: flip.result.eq('heads') }], ['tails', echo, { when: flip.result.eq('tails') }]);
  steps.addStep('each', echo, { parameters: { [m.name]: Loop.item }, loop: Loop.items(['a', 'b']) });
  steps.addStep('each-json', echo, { parameters: { [m.name]: Loop.itemField('name') }, loop: Loop.fromParameter(flip.result) });
  steps.addStep('seq', echo, { parameters: { [m.name]: Loop.item }, loop: Loop.sequence({ count: 5, format: 'u%02d' }) });
  t.setEntrypoint(dag);
  t.setOnExit(echo);
  t.addHook('running', http, { expression: WorkflowVariables.status.eq(WorkflowPhase.RUNNING) });
  const s1 = steps.addStep('step-1', echo);
  s1.addHook('success', http, { expression: s1.status.eq(NodePhase.SUCCEEDED) });
  s1.addExitHook(echo);

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

  const docs = synth(app);
  for (const d of docs.filter(x => /argoproj/.test(x.apiVersion))) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  const job = docs.find(d => d.kind === 'WorkflowTemplate' && d.spec.templates?.some((x: any) => x.name === 'job'));
  expect(job.spec).toMatchObject({ serviceAccountName: 'runner', imagePullSecrets: [{ name: 'registry-credentials' }] });
  expect(job.spec.templates[0].container.envFrom).toEqual([{ configMapRef: { name: settings.name } }]);
  expect(job.spec.templates[1].container.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } });
  const tpl = docs.find(d => d.metadata.generateName === 'templates-');
  expect(tpl.spec.templates.find((x: any) => x.name === 'diamond').dag.tasks.map((x: any) => x.depends))
    .toEqual([undefined, 'A', 'A', 'B && (C.Succeeded || C.Failed)', 'B']);
  expect(tpl.spec.hooks.running.expression).toBe('workflow.status == "Running"');
});
