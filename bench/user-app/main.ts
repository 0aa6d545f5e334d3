// A small user app of the library, as a user writes it: type-checked by the benchmark (target 4).
import { App, Chart, Cron } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ArtifactLocation, CronWorkflow, EventBus, InputParameter, OutputArtifact, WebhookEventSource, WorkflowSensor, WorkflowTemplate,
  WorkflowVariables as wfv,
} from 'cdk8s-argo';

class PipelineChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const template = new WorkflowTemplate(this, 'pipeline', { metadata: { name: 'pipeline' } });
    const size = template.addArgument('size', { value: 'tall' });
    const message = new InputParameter('message');
    const report = new OutputArtifact('report', {
      path: '/tmp/report',
      location: ArtifactLocation.s3({ bucket: 'reports', endpoint: 's3.amazonaws.com', useSdkCreds: true, key: `reports/${wfv.uid}.tgz` }),
    });
    const build = template.addContainerTemplate('build', { image: 'busybox:1.36', command: ['echo', message], inputs: [message], outputs: [report] });
    const dag = template.addDagTemplate('main');
    dag.addTask('build', build, { arguments: [message.set(size)] });
    template.setEntrypoint(dag);

    const nightly = new CronWorkflow(this, 'nightly', { metadata: { name: 'nightly' }, schedules: [Cron.schedule({ minute: '0', hour: '2' })] });
    nightly.addStepsTemplate('run').addStep('build', build, { arguments: [message.set('nightly')] });

    const bus = new EventBus(this, 'bus');
    const hooks = new WebhookEventSource(this, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus });
    const sensor = new WorkflowSensor(this, 'on-push', { metadata: { name: 'on-push' }, eventBus: bus });
    const push = sensor.addDependency(hooks.addEndpoint('push', { path: '/push' }));
    sensor.submitWorkflow('run-pipeline', template, { arguments: [{ parameter: size, from: push.body('size') }] });
  }
}

const app = new App();
new PipelineChart(app, 'pipeline');
app.synth();
