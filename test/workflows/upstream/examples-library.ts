/**
 * Upstream examples rebuilt with the typed API: WorkflowTemplates and ClusterWorkflowTemplates
 * called by templateRef or run by workflowTemplateRef, CronWorkflows.
 */
import { Chart, Cron } from 'cdk8s';
import {
  ArtifactLocation, ClusterWorkflowTemplate, Condition, CronConcurrencyPolicy, CronWorkflow, InputArtifact, InputParameter, Loop, ResourceAction,
  SecretRef, ServiceAccountRef, Workflow, WorkflowTemplate, WorkflowVariables,
} from '../../../src';
import { kindIs, UpstreamExample } from './compare';
import { workflow } from './examples-steps';

const RANDOM_EXIT = 'import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)';

/** The WorkflowTemplates (or ClusterWorkflowTemplates) of workflow-template/templates.yaml. */
export function libraryTemplates(chart: Chart, prefix: 'workflow-template' | 'cluster-workflow-template' = 'workflow-template') {
  const cluster = prefix === 'cluster-workflow-template';
  const make = (id: string, name: string) => (cluster ? new ClusterWorkflowTemplate(chart, id, { metadata: { name } }) : new WorkflowTemplate(chart, id, { metadata: { name } }));
  const printer = (wt: WorkflowTemplate | ClusterWorkflowTemplate) => {
    const message = new InputParameter('message');
    return { template: wt.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [message], inputs: [message] }), message };
  };

  const printWt = make('print', `${prefix}-print-message`);
  const print = printer(printWt);
  if (!cluster) printWt.setEntrypoint(print.template);

  const randomWt = make('random', `${prefix}-random-fail-template`);
  const randomFail = randomWt.addContainerTemplate('random-fail-template', { retryStrategy: { limit: 10 }, image: 'python:alpine3.23', command: ['python', '-c'], args: [RANDOM_EXIT] });

  const stepsWt = make('inner-steps', `${prefix}-inner-steps`);
  const localPrint = printer(stepsWt);
  const innerSteps = stepsWt.addStepsTemplate('inner-steps');
  innerSteps.addStep('inner-hello1', print.template, { arguments: [print.message.set('inner-hello1')] });
  // The WorkflowTemplate version calls its own print-message for inner-hello2b, the cluster one the shared one.
  const second = cluster ? print : localPrint;
  innerSteps.addParallelSteps(
    ['inner-hello2a', print.template, { arguments: [print.message.set('inner-hello2a')] }],
    ['inner-hello2b', second.template, { arguments: [second.message.set('inner-hello2b')] }]);

  const dagWt = make('inner-dag', `${prefix}-inner-dag`);
  const dagPrint = printer(dagWt);
  const innerDiamond = dagWt.addDagTemplate('inner-diamond');
  const a = innerDiamond.addTask('inner-A', print.template, { arguments: [print.message.set('inner-A')] });
  const b = innerDiamond.addTask('inner-B', dagPrint.template, { depends: a, arguments: [dagPrint.message.set('inner-B')] });
  const c = innerDiamond.addTask('inner-C', dagPrint.template, { depends: a, arguments: [dagPrint.message.set('inner-C')] });
  innerDiamond.addTask('inner-D', print.template, { depends: [b, c], arguments: [print.message.set('inner-D')] });

  const submittable = make('submittable', `${prefix}-submittable`);
  submittable.addArgument('message', { value: 'hello world' });
  submittable.setEntrypoint(printer(submittable).template);
  return { printWt, print, randomWt, randomFail, stepsWt, innerSteps, dagWt, innerDiamond, submittable };
}

const WF = kindIs('Workflow');

export const LIBRARY_EXAMPLES: UpstreamExample[] = [
  {
    file: 'workflow-template/templates.yaml', title: 'WorkflowTemplates calling each other by templateRef',
    build: c => { libraryTemplates(c); },
  },
  {
    file: 'cluster-workflow-template/clustertemplates.yaml', title: 'ClusterWorkflowTemplates: references carry clusterScope',
    build: c => { libraryTemplates(c, 'cluster-workflow-template'); },
  },
  {
    file: 'workflow-template/hello-world.yaml', title: 'templateRef to a WorkflowTemplate that lives only in the cluster',
    build: c => {
      const lib = WorkflowTemplate.fromName(c, 'lib', 'workflow-template-print-message');
      const message = new InputParameter('message');
      const print = lib.template('print-message', { inputs: [message] });
      const wf = workflow(c, 'workflow-template-hello-world-');
      wf.addStepsTemplate('hello-world-from-templateRef').addStep('call-print-message', print, { arguments: [message.set('hello world')] });
    },
  },
  {
    file: 'workflow-template/dag.yaml', title: 'a Workflow calling WorkflowTemplate templates by object', pick: WF,
    build: c => {
      const lib = libraryTemplates(c);
      const wf = workflow(c, 'workflow-template-dag-diamond-');
      const diamond = wf.addDagTemplate('diamond');
      const m = lib.print.message;
      const a = diamond.addTask('A', lib.print.template, { arguments: [m.set('A')] });
      const b = diamond.addTask('B', lib.print.template, { depends: a, arguments: [m.set('B')] });
      const cc = diamond.addTask('C', lib.innerDiamond, { depends: a });
      diamond.addTask('D', lib.print.template, { depends: [b, cc], arguments: [m.set('D')] });
    },
  },
  {
    file: 'cluster-workflow-template/cluster-wftmpl-dag.yaml', title: 'a DAG calling ClusterWorkflowTemplate templates', pick: WF,
    build: c => {
      const lib = libraryTemplates(c, 'cluster-workflow-template');
      const wf = workflow(c, 'workflow-template-dag-diamond-');
      const diamond = wf.addDagTemplate('diamond');
      const m = lib.print.message;
      const a = diamond.addTask('A', lib.print.template, { arguments: [m.set('A')] });
      const b = diamond.addTask('B', lib.print.template, { depends: a, arguments: [m.set('B')] });
      const cc = diamond.addTask('C', lib.innerDiamond, { depends: a });
      diamond.addTask('D', lib.print.template, { depends: [b, cc], arguments: [m.set('D')] });
    },
  },
  {
    file: 'workflow-template/steps.yaml', title: 'steps calling WorkflowTemplate templates', pick: WF,
    build: c => {
      const lib = libraryTemplates(c);
      const wf = workflow(c, 'workflow-template-steps-');
      const main = wf.addStepsTemplate('hello-hello-hello');
      const m = lib.print.message;
      main.addStep('hello1', lib.print.template, { arguments: [m.set('hello1')] });
      main.addParallelSteps(['hello2a', lib.innerSteps], ['hello2b', lib.print.template, { arguments: [m.set('hello2b')] }]);
    },
    differences: [{
      reason: 'upstream passes "message" to inner-steps, which declares no input (Argo ignores it); an argument is made from an input object of the called template, so one for an input it lacks cannot be written',
      apply: up => { delete up[0].spec.templates[0].steps[1][0].arguments; },
    }],
  },
  {
    file: 'cluster-workflow-template/mixed-cluster-namespaced-wftmpl-steps.yaml', title: 'steps calling WorkflowTemplate and ClusterWorkflowTemplate templates', pick: WF,
    build: c => {
      const lib = WorkflowTemplate.fromName(c, 'lib', 'workflow-template-print-message');
      const message = new InputParameter('message');
      const print = lib.template('print-message', { inputs: [message] });
      const clusterSteps = ClusterWorkflowTemplate.fromName(c, 'cluster', 'cluster-workflow-template-inner-steps').template('inner-steps', { inputs: [] });
      const wf = workflow(c, 'workflow-template-steps-');
      const main = wf.addStepsTemplate('hello-hello-hello');
      main.addStep('hello1', print, { arguments: [message.set('hello1')] });
      main.addParallelSteps(['hello2a', clusterSteps], ['hello2b', print, { arguments: [message.set('hello2b')] }]);
    },
    differences: [{
      reason: 'upstream passes "message" to inner-steps, which declares no input (Argo ignores it); an argument is made from an input object of the called template, so one for an input it lacks cannot be written',
      apply: up => { delete up[0].spec.templates[0].steps[1][0].arguments; },
    }],
  },
  {
    file: 'workflow-template/retry-with-steps.yaml', title: 'steps calling a retried WorkflowTemplate template', pick: WF,
    build: c => {
      const lib = libraryTemplates(c);
      const wf = workflow(c, 'workflow-template-retry-with-steps-');
      const main = wf.addStepsTemplate('retry-with-steps');
      main.addStep('hello1', lib.randomFail);
      main.addParallelSteps(['hello2a', lib.randomFail], ['hello2b', lib.randomFail]);
    },
  },
  {
    file: 'workflow-template/workflow-template-ref.yaml', title: 'a Workflow running a whole WorkflowTemplate', pick: WF,
    build: c => {
      const { submittable } = libraryTemplates(c);
      new Workflow(c, 'wf', { generateName: 'workflow-template-hello-world-', workflowTemplate: submittable });
    },
  },
  {
    file: 'cluster-workflow-template/workflow-template-ref.yaml', title: 'a Workflow running a whole ClusterWorkflowTemplate', pick: WF,
    build: c => {
      const { submittable } = libraryTemplates(c, 'cluster-workflow-template');
      new Workflow(c, 'wf', { generateName: 'cluster-workflow-template-hello-world-', workflowTemplate: submittable });
    },
  },
  {
    file: 'workflow-template/workflow-template-ref-with-entrypoint-arg-passing.yaml', title: 'a run choosing the entrypoint of the WorkflowTemplate and filling its input', pick: WF,
    build: c => {
      const { printWt, print } = libraryTemplates(c);
      const wf = new Workflow(c, 'wf', { generateName: 'workflow-template-hello-world-', workflowTemplate: printWt, arguments: [print.message.set('hello world')] });
      wf.setEntrypoint(print.template);
    },
  },
  {
    file: 'cluster-workflow-template/workflow-template-ref-with-entrypoint-arg-passing.yaml', title: 'the same with a ClusterWorkflowTemplate', pick: WF,
    build: c => {
      const { printWt, print } = libraryTemplates(c, 'cluster-workflow-template');
      const wf = new Workflow(c, 'wf', { generateName: 'cluster-workflow-template-hello-world-', workflowTemplate: printWt, arguments: [print.message.set('hello world')] });
      wf.setEntrypoint(print.template);
    },
  },
  {
    file: 'workflow-template/input-artifacts.yaml', title: 'a WorkflowTemplate whose arguments give the entrypoint\'s input artifact an S3 location',
    build: c => {
      const creds = SecretRef.fromName('s3-creds');
      const input = new InputArtifact('input-file', { path: '/tmp/input-file' });
      const wt = new WorkflowTemplate(c, 'wt', {
        metadata: { name: 'workflow-template-input-artifacts' },
        arguments: [input.from(ArtifactLocation.s3({
          endpoint: 's3.amazonaws.com', region: 'us-east-1', bucket: 'your-bucket-name', key: 'input-file/upload.zip',
          accessKey: { secret: creds, key: 'accessKey' }, secretKey: { secret: creds, key: 'secretKey' },
        }))],
      });
      wt.setEntrypoint(wt.addContainerTemplate('argosay', { inputs: [input], image: 'alpine:latest', command: ['cat'], args: ['/tmp/input-file'] }));
    },
  },
  {
    file: 'workflow-template/workflow-archive-logs.yaml', title: 'archiveLogs for the whole workflow',
    build: c => {
      const wf = workflow(c, 'archive-location-', { archiveLogs: true });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'cron-workflow.yaml', title: 'a CronWorkflow with typed concurrency policy',
    build: c => {
      const cron = new CronWorkflow(c, 'cron', {
        metadata: { name: 'hello-world' }, schedules: ['* * * * *'], timezone: 'America/Los_Angeles', startingDeadlineSeconds: 0,
        concurrencyPolicy: CronConcurrencyPolicy.REPLACE, successfulJobsHistoryLimit: 4, failedJobsHistoryLimit: 4, suspend: false,
      });
      cron.addContainerTemplate('hello-world-with-time', { image: 'busybox', command: ['echo'], args: [`🕓 hello world. Scheduled on: ${WorkflowVariables.scheduledTime}`] });
    },
  },
  {
    file: 'cron-workflow-multiple-schedules.yaml', title: 'several schedules, one a cdk8s Cron',
    build: c => {
      const cron = new CronWorkflow(c, 'cron', {
        metadata: { name: 'hello-world-multiple-schedules' }, schedules: ['*/3 * * * 1-5', Cron.schedule({ minute: '*/2' })],
        timezone: 'America/Los_Angeles', startingDeadlineSeconds: 0, concurrencyPolicy: CronConcurrencyPolicy.REPLACE,
        successfulJobsHistoryLimit: 4, failedJobsHistoryLimit: 4, suspend: false,
      });
      cron.addContainerTemplate('whalesay', { image: 'docker/whalesay:latest', command: ['cowsay'], args: [`🕓 hello world. Scheduled on: ${WorkflowVariables.scheduledTime}`] });
    },
  },
  {
    file: 'cron-when.yaml', title: 'a CronWorkflow when expression',
    build: c => {
      const cron = new CronWorkflow(c, 'cron', {
        metadata: { name: 'sleep-when' }, schedules: ['* * * * *'], concurrencyPolicy: CronConcurrencyPolicy.ALLOW,
        when: Condition.expr('cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 360'),
      });
      cron.addContainerTemplate('sleep-busybox', { image: 'busybox', command: ['sleep'], args: ['10'] });
    },
  },
  {
    file: 'cron-backfill.yaml', title: 'a WorkflowTemplate run on a schedule, and backfilled by resource templates and by templateRef',
    build: c => {
      const job = new WorkflowTemplate(c, 'job', { metadata: { name: 'job' } });
      job.addArgument('date', { value: 'yesterday' });
      const date = new InputParameter('date');
      const main = job.addScriptTemplate('main', {
        inputs: [date], image: 'busybox', command: ['sh'],
        source: `date="${date}"\nif [ $date = yesterday ]; then\n  date=$(date -d yesterday +%Y-%m-%d)\nfi\necho "run for $date"\n`,
      });
      job.setEntrypoint(main);
      new CronWorkflow(c, 'daily', { metadata: { name: 'daily-job' }, schedules: ['0 2 * * *'], workflowTemplate: job });

      const v1 = new Workflow(c, 'v1', { metadata: { name: 'backfill-v1' }, serviceAccount: ServiceAccountRef.fromName('argo-server') });
      const steps = v1.addStepsTemplate('main');
      const jobDate = new InputParameter('date');
      const createJob = v1.addResourceTemplate('create-job', {
        inputs: [jobDate], action: ResourceAction.APPLY,
        manifest: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  # using a name based on the date prevents re-creating resources,\n  # making this more robust\n'
          + `  name: job-${jobDate}\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      steps:\n`
          + `        - - name: start-job\n            arguments:\n              parameters:\n                - name: date\n                  value: "${jobDate}"\n`
          + '            templateRef:\n              name: job\n              template: main\n',
      });
      steps.addStep('day', createJob, { arguments: [jobDate.set(Loop.item)], loop: Loop.sequence({ start: '19', end: '21', format: '2020-05-%02X' }) });

      const v2 = new Workflow(c, 'v2', { metadata: { name: 'backfill-v2' }, parallelism: 1 });
      v2.addStepsTemplate('main').addStep('create-job', main, { arguments: [date.set(Loop.item)], loop: Loop.sequence({ start: '19', end: '21', format: '2020-05-%02d' }) });
    },
  },
];
