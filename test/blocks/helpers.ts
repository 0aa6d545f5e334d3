import { join } from 'path';
import { App, Chart, ChartProps, Cron } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { ArtifactKey, IamRoleServiceAccount, S3ArtifactStep, S3Credentials, S3Location, StoredS3Artifact } from '../../src/artifacts';
import { ConfigMapEnv, EnvGroup } from '../../src/config';
import { lintConstructTree } from '../../src/core/validation';
import { Finding } from '../../src/lint/types';
import { SlackExitHandler, SlackWebhook } from '../../src/notify';
import { validateManifest } from '../../src/schema/validator';
import { CronConcurrencyPolicy, CronWorkflow, WorkflowTemplate } from '../../src/workflows';

/** A fresh app and chart, writing nowhere (tests call synthYaml()). */
export function newChart(props: ChartProps = {}): { app: App; chart: Chart } {
  const app = new App({ outdir: join(__dirname, '.never-written') });
  return { app, chart: new Chart(app, 'test', props) };
}

/** Synthesizes like `cdk8s synth`, running every validation; throws on any error. Warnings are swallowed (see captureWarnings). */
export function synth(app: App): any[] {
  let yaml = '';
  captureWarnings(() => { yaml = app.synthYaml(); });
  return parseAllDocuments(yaml).map(d => d.toJS());
}

/** The validation error text of an app that must not synthesize. */
export function synthError(app: App): string {
  try {
    captureWarnings(() => app.synthYaml());
  } catch (e: any) {
    return String(e.message);
  }
  throw new Error('expected synthesis to fail validation, but it succeeded');
}

/** Warnings written to stderr while `fn` runs. */
export function captureWarnings(fn: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    fn();
    return spy.mock.calls.map(c => String(c[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

/** Strict schema violations of a document under both pinned Argo Workflows schemas. */
export function schemaViolations(doc: any): { v4: unknown[]; v37: unknown[] } {
  return { v4: validateManifest(doc), v37: validateManifest(doc, { workflowsVersion: 'v3.7.18' }) };
}

/** Every rule-engine finding (schema check included) of the app. */
export function findings(app: App): Finding[] {
  let out: Finding[] = [];
  captureWarnings(() => { out = lintConstructTree(app, { schema: true }); });
  return out;
}

/** The document of that kind and name. */
export function doc(docs: any[], kind: string, name: string): any {
  const found = docs.find(d => d.kind === kind && d.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name} among ${docs.map(d => `${d.kind}/${d.metadata?.name}`).join(', ')}`);
  return found;
}

/** The template of that name in a Workflow-kind document (CronWorkflows included). */
export function template(document: any, name: string): any {
  const spec = document.spec.workflowSpec ?? document.spec;
  const found = (spec.templates ?? []).find((t: any) => t.name === name);
  if (!found) throw new Error(`no template ${name} in ${document.kind}/${document.metadata.name}`);
  return found;
}

/** The story's app, built the way the docs show it. */
export interface Story {
  readonly app: App;
  readonly chart: Chart;
  readonly common: WorkflowTemplate;
  readonly a: WorkflowTemplate;
  readonly b: WorkflowTemplate;
  readonly cron: CronWorkflow;
  readonly slack: SlackExitHandler;
  readonly create: S3ArtifactStep;
  readonly load: S3ArtifactStep;
  readonly vector: StoredS3Artifact;
  readonly location: S3Location;
  readonly groups: { common: EnvGroup; a: EnvGroup; b: EnvGroup };
}

/** The blog post's setup, done right (namespace `batch`). */
export function story(): Story {
  const { app, chart } = newChart({ namespace: 'batch' });
  const env = new ConfigMapEnv(chart, 'env');
  const groups = {
    common: env.addGroup('common', { COUNTRY: 'South Korea' }),
    a: env.addGroup('a-workflow', { SIZE: 'tall', DRINK: 'americano' }),
    b: env.addGroup('b-workflow', { SERVER_ADDRESS: 'localhost', S3_IMAGE_BUCKET_NAME: 'starbucks' }),
  };
  const role = new IamRoleServiceAccount(chart, 'artifacts', { metadata: { name: 'starbucks-artifacts' }, roleArn: 'arn:aws:iam::123456789012:role/starbucks-artifacts' });
  const location = S3Location.of({
    endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', bucket: 'starbucks',
    key: `americano/tall/${ArtifactKey.creationDate()}.tar.gz`,
    credentials: S3Credentials.fromServiceAccount(role),
  });

  const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
  const slack = new SlackExitHandler(chart, 'slack', {
    webhook: SlackWebhook.fromSecretName('slack-webhook', 'url'),
    sharedIn: common,
    argoUiUrl: 'https://argo.example.com',
  });

  const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
  const create = new S3ArtifactStep(a, 'create-vector', { image: 'a-workflow:1.4.2', command: ['python', '-m', 'app.create_vector'], envFrom: [groups.common, groups.a] });
  const vector = create.store('/data', { name: 'vector', location });
  a.setEntrypoint(create);

  const b = new WorkflowTemplate(chart, 'b', { metadata: { name: 'b-workflow' } });
  const load = new S3ArtifactStep(b, 'load-vector', { image: 'b-workflow:2.0.1', command: ['python', '-m', 'app.load_vector'], envFrom: [groups.common, groups.b] });
  load.load('/data', vector);
  b.setEntrypoint(load);

  const cron = new CronWorkflow(chart, 'daily', {
    metadata: { name: 'daily-a' },
    schedules: [Cron.schedule({ minute: '0', hour: '9' })],
    timezone: 'Asia/Seoul',
    concurrencyPolicy: CronConcurrencyPolicy.FORBID,
  });
  cron.addStepsTemplate('main').addStep('a', create);
  slack.attachTo(cron);
  return { app, chart, common, a, b, cron, slack, create, load, vector, location, groups };
}
