/** The snippets of docs/building-blocks.md, assembled into one app: they compile, synthesize and pass both schemas. */
import { Cron } from 'cdk8s';
import { ArtifactKey, ArtifactRepositories, IamRoleServiceAccount, S3ArtifactStep, S3Credentials, S3Location } from '../../src/artifacts';
import { ConfigMapEnv } from '../../src/config';
import { SecretRef } from '../../src/core/object-refs';
import { RestrictedContainerTemplate, SlackExitHandler, SlackWebhook } from '../../src/notify';
import { CronConcurrencyPolicy, CronWorkflow, Workflow, WorkflowTemplate, WorkflowVariables } from '../../src/workflows';
import { doc, findings, newChart, schemaViolations, synth, template } from './helpers';

test('the documented examples synthesize, pass both schemas and lint without errors', () => {
  const { app, chart: self } = newChart();
  const a = new WorkflowTemplate(self, 'a', { metadata: { name: 'a-workflow' } });
  const b = new WorkflowTemplate(self, 'b', { metadata: { name: 'b-workflow' } });

  // ConfigMapEnv
  const env = new ConfigMapEnv(self, 'env');
  const common = env.addGroup('common', { COUNTRY: 'South Korea' });
  const aEnv = env.addGroup('a-workflow', { SIZE: 'tall', DRINK: 'americano' });
  const bEnv = env.addGroup('b-workflow', { SERVER_ADDRESS: 'localhost', S3_IMAGE_BUCKET_NAME: 'starbucks' });
  env.addSecretGroup('db', SecretRef.fromName('db-credentials'));

  // S3ArtifactStep
  const role = new IamRoleServiceAccount(self, 'artifacts', { metadata: { name: 'starbucks-artifacts' }, roleArn: 'arn:aws:iam::123456789012:role/starbucks-artifacts' });
  const vectors = S3Location.of({
    endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', bucket: 'starbucks',
    key: `americano/tall/${ArtifactKey.creationDate()}.tar.gz`,
    credentials: S3Credentials.fromServiceAccount(role),
  });
  const createVector = new S3ArtifactStep(a, 'create-vector', { image: 'a-workflow:1.4.2', command: ['python', '-m', 'app.create_vector'], envFrom: [common, aEnv] });
  const vector = createVector.store('/data', { name: 'vector', location: vectors });
  const load = new S3ArtifactStep(b, 'load-vector', { image: 'b-workflow:2.0.1', command: ['python', '-m', 'app.load_vector'] });
  load.load('/data', vector);
  b.addContainerTemplate('start', { image: 'b-workflow:2.0.1' }).addEnvFrom(bEnv);

  const repos = new ArtifactRepositories(self, 'repos');
  const starbucks = repos.addS3('starbucks', { bucket: 'starbucks', region: 'ap-northeast-2', credentials: S3Credentials.fromServiceAccount(role), keyFormat: `americano/${WorkflowVariables.name}` });
  const wf = new Workflow(self, 'handoff', { metadata: { name: 'handoff' }, artifactRepositoryRef: starbucks.ref, serviceAccount: role });
  const main = wf.addStepsTemplate('main');
  const produce = new S3ArtifactStep(wf, 'produce', { image: 'a-workflow:1.4.2' });
  const consume = new S3ArtifactStep(wf, 'consume', { image: 'b-workflow:2.0.1' });
  const out = produce.store('/data', { name: 'vector' });
  const inp = consume.load('/data', out);
  const first = main.addStep('produce', produce);
  main.addStep('consume', consume, { arguments: [inp.from(first)] });

  // SlackExitHandler
  const commonWt = new WorkflowTemplate(self, 'common', { metadata: { name: 'common' } });
  const slack = new SlackExitHandler(self, 'slack', {
    webhook: SlackWebhook.fromSecretName('slack-webhook', 'url'),
    sharedIn: commonWt,
    argoUiUrl: 'https://argo.example.com',
  });
  const daily = new CronWorkflow(self, 'daily', { metadata: { name: 'daily' }, schedules: [Cron.schedule({ minute: '0', hour: '9' })], timezone: 'Asia/Seoul', concurrencyPolicy: CronConcurrencyPolicy.FORBID });
  daily.addStepsTemplate('main').addStep('a', createVector);
  slack.attachTo(daily);
  slack.attachTo(wf);
  slack.templateFor(wf).container.addOverride('terminationMessagePolicy', 'FallbackToLogsOnError');

  // RestrictedContainerTemplate
  new RestrictedContainerTemplate(wf, 'report', { image: 'python:3.12.7-alpine3.20', runAsUser: 10001, command: ['python', '-c', 'print("ok")'] });

  const docs = synth(app);
  for (const d of docs) expect({ doc: `${d.kind}/${d.metadata.name}`, ...schemaViolations(d) }).toEqual({ doc: `${d.kind}/${d.metadata.name}`, v4: [], v37: [] });
  expect(findings(app).filter(f => f.severity === 'error')).toEqual([]);
  expect(template(doc(docs, 'WorkflowTemplate', 'common'), 'slack-notify').container.terminationMessagePolicy).toBe('FallbackToLogsOnError');
  expect(template(doc(docs, 'CronWorkflow', 'daily'), 'exit-handler').steps[0][0]).toEqual({
    name: 'slack-notify', templateRef: { name: 'common', template: 'slack-notify' }, when: '{{workflow.status}} == Failed || {{workflow.status}} == Error',
  });
});
