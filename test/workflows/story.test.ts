/**
 * The story of ../shared/mission (Workflows side): a shared `common` WorkflowTemplate with a
 * Slack notifier, an A workflow storing /data to S3 under a date-stamped key, a B workflow
 * loading it, env from ConfigMaps, and a daily 09:00 Asia/Seoul CronWorkflow that runs A's
 * template by templateRef and notifies Slack on failure from its exit handler.
 */
import { Cron } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  ArtifactLocation, CronConcurrencyPolicy, CronWorkflow, EnvSource, InputArtifact, OutputArtifact, WorkflowPhase, WorkflowTemplate,
  WorkflowVariables as wfv,
} from '../../src/workflows';
import { newChart, schemaViolations, synth } from './helpers';

function story() {
  const { app, chart } = newChart();
  const commonEnv = new kplus.ConfigMap(chart, 'common-env', { metadata: { name: 'common-configmap' }, data: { COUNTRY: 'South Korea' } });
  const aEnv = new kplus.ConfigMap(chart, 'a-env', { metadata: { name: 'a-workflow-configmap' }, data: { SIZE: 'tall', DRINK: 'americano' } });
  const slackSecret = kplus.Secret.fromSecretName(chart, 'slack', 'slack-webhook');

  const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common-base-template' } });
  const slackNoti = common.addContainerTemplate('slack-noti', {
    image: 'technosophos/slack-notify',
    env: {
      SLACK_WEBHOOK: kplus.EnvValue.fromSecretValue({ secret: slackSecret, key: 'url' }),
      SLACK_TITLE: `[${wfv.status}][${wfv.creationTimestamp}] ${wfv.namespace}-${wfv.name}`,
      SLACK_MESSAGE: `\`\`\`${wfv.failures}\`\`\``,
      SLACK_COLOR: '#FF0000',
    },
  });

  const ts = wfv.creationTimestamp;
  const vector = (path: string) => ({
    path,
    location: ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', bucket: 'starbucks', useSdkCreds: true,
      key: `americano/tall/${ts.year}-${ts.month}-${ts.day}.tar.gz`,
    }),
  });

  const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
  const start = a.addContainerTemplate('start-workflow', {
    image: 'a-workflow:1.4.2', command: ['python', '-m', 'app.create_vector'],
    envFrom: [EnvSource.fromConfigMap(commonEnv)],
    outputs: [new OutputArtifact('create-vector', vector('/data'))],
  });
  start.addEnvFrom(EnvSource.fromConfigMap(aEnv));
  a.setEntrypoint(start);

  const b = new WorkflowTemplate(chart, 'b', { metadata: { name: 'b-workflow' } });
  b.setEntrypoint(b.addContainerTemplate('start-workflow', {
    image: 'b-workflow:1.0.0', command: ['python', '-m', 'app.load_vector'],
    inputs: [new InputArtifact('load-vector', vector('/data'))],
    envFrom: [EnvSource.fromConfigMap(commonEnv)],
  }));

  const cron = new CronWorkflow(chart, 'daily', {
    metadata: { name: 'cron-workflow-example' },
    schedules: [Cron.schedule({ minute: '0', hour: '9' })], timezone: 'Asia/Seoul',
    concurrencyPolicy: CronConcurrencyPolicy.FORBID, startingDeadlineSeconds: 0, suspend: false,
  });
  cron.addStepsTemplate('start-cron-workflow-example').addStep('first', start);
  cron.setOnExit(slackNoti, { when: wfv.status.eq(WorkflowPhase.FAILED), wrapperName: 'call-slack-noti' });
  return app;
}

test('the story synthesizes, passes both strict schemas and every rule', () => {
  const docs = synth(story());
  for (const d of docs) expect({ doc: `${d.kind}/${d.metadata.name}`, ...schemaViolations(d) }).toEqual({ doc: `${d.kind}/${d.metadata.name}`, v4: [], v37: [] });
  expect(docs.map(d => `${d.kind}/${d.metadata.name}`)).toEqual([
    'ConfigMap/common-configmap', 'ConfigMap/a-workflow-configmap', 'WorkflowTemplate/common-base-template',
    'WorkflowTemplate/a-workflow', 'WorkflowTemplate/b-workflow', 'CronWorkflow/cron-workflow-example',
  ]);
});

test('the CronWorkflow runs the shared template by templateRef and notifies only on failure', () => {
  const cron = synth(story()).find(d => d.kind === 'CronWorkflow');
  expect(cron.spec).toMatchObject({ schedules: ['0 9 * * *'], timezone: 'Asia/Seoul', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 0, suspend: false });
  expect(cron.spec.workflowSpec).toEqual({
    entrypoint: 'start-cron-workflow-example',
    onExit: 'call-slack-noti',
    templates: [
      { name: 'start-cron-workflow-example', steps: [[{ name: 'first', templateRef: { name: 'a-workflow', template: 'start-workflow' } }]] },
      { name: 'call-slack-noti', steps: [[{ name: 'slack-noti', templateRef: { name: 'common-base-template', template: 'slack-noti' }, when: '{{workflow.status}} == Failed' }]] },
    ],
  });
});

test('artifacts use a date-stamped S3 key and containers take env from ConfigMaps', () => {
  const docs = synth(story());
  const a = docs.find(d => d.metadata.name === 'a-workflow').spec.templates[0];
  expect(a.outputs.artifacts[0].s3.key).toBe('americano/tall/{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}.tar.gz');
  expect(a.container.envFrom).toEqual([{ configMapRef: { name: 'common-configmap' } }, { configMapRef: { name: 'a-workflow-configmap' } }]);
  const slack = docs.find(d => d.metadata.name === 'common-base-template').spec.templates[0].container.env;
  expect(slack[0]).toEqual({ name: 'SLACK_WEBHOOK', valueFrom: { secretKeyRef: { name: 'slack-webhook', key: 'url' } } });
  expect(slack[2]).toEqual({ name: 'SLACK_MESSAGE', value: '```{{workflow.failures}}```' });
});
