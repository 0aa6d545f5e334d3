/**
 * More upstream Argo Workflows v4.1.2 examples rebuilt through the public API: templateRef to
 * WorkflowTemplates and ClusterWorkflowTemplates, workflowTemplateRef, CronWorkflows, suspend,
 * resource, HTTP and containerSet templates, retries, hooks, policies. Same normalization as
 * upstream-basics (helpers.ts).
 */
import { Chart, Cron } from 'cdk8s';
import {
  argoExpr, ClusterWorkflowTemplate, Condition, CronConcurrencyPolicy, CronWorkflow, InputParameter, NodePhase, OutputParameter, OutputSource,
  PodGcStrategy, ResourceAction, Workflow, WorkflowMutex, WorkflowPhase, WorkflowTemplate, WorkflowVariables,
} from '../../src/workflows';
import { expectUpstream, newChart, normalize, synth, synthError, upstream } from './helpers';
// Every test here compares with an upstream example: skipped, saying why, without ../shared/argo.
import { withRestrictedDefaults } from '../support/pod-security';
import { testUpstream as test } from '../support/upstream';
import { PodSecurity } from '../../src/core/pod-security';

/** The WorkflowTemplates of workflow-template/templates.yaml, built in `chart`. */
function libraryTemplates(chart: Chart, prefix = 'workflow-template') {
  const Kind = prefix.startsWith('cluster') ? ClusterWorkflowTemplate : WorkflowTemplate;
  const message = () => new InputParameter('message');
  const printer = (wt: WorkflowTemplate | ClusterWorkflowTemplate) => {
    const m = message();
    return { template: wt.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [m], inputs: [m] }), message: m };
  };

  const printWt = new Kind(chart, 'print', { metadata: { name: `${prefix}-print-message` } });
  const print = printer(printWt);
  if (Kind === WorkflowTemplate) printWt.setEntrypoint(print.template);

  const randomWt = new Kind(chart, 'random', { metadata: { name: `${prefix}-random-fail-template` } });
  randomWt.addContainerTemplate('random-fail-template', {
    retryStrategy: { limit: 10 }, image: 'python:alpine3.23', command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  });

  const stepsWt = new Kind(chart, 'inner-steps', { metadata: { name: `${prefix}-inner-steps` } });
  const localPrint = printer(stepsWt);
  const innerSteps = stepsWt.addStepsTemplate('inner-steps');
  innerSteps.addStep('inner-hello1', print.template, { parameters: { [print.message.name]: 'inner-hello1' } });
  const inner = Kind === WorkflowTemplate ? localPrint.template : print.template;
  innerSteps.addParallelSteps(
    ['inner-hello2a', print.template, { parameters: { [print.message.name]: 'inner-hello2a' } }],
    ['inner-hello2b', inner, { parameters: { [localPrint.message.name]: 'inner-hello2b' } }]);

  const dagWt = new Kind(chart, 'inner-dag', { metadata: { name: `${prefix}-inner-dag` } });
  const dagPrint = printer(dagWt);
  const innerDiamond = dagWt.addDagTemplate('inner-diamond');
  const a = innerDiamond.addTask('inner-A', print.template, { parameters: { [print.message.name]: 'inner-A' } });
  const b = innerDiamond.addTask('inner-B', dagPrint.template, { depends: a, parameters: { message: 'inner-B' } });
  const c = innerDiamond.addTask('inner-C', dagPrint.template, { depends: a, parameters: { message: 'inner-C' } });
  innerDiamond.addTask('inner-D', print.template, { depends: [b, c], parameters: { message: 'inner-D' } });

  const submittable = new Kind(chart, 'submittable', { metadata: { name: `${prefix}-submittable` } });
  submittable.addArgument('message', { value: 'hello world' });
  submittable.setEntrypoint(printer(submittable).template);
  return { printWt, print, stepsWt, innerSteps, dagWt, innerDiamond, submittable };
}

const kindIs = (kind: string) => (docs: any[]) => docs.filter(d => d.kind === kind);

test('workflow-template/templates.yaml: WorkflowTemplates calling each other by templateRef', () => {
  const { app, chart } = newChart();
  libraryTemplates(chart);
  expectUpstream(app, 'workflow-template/templates.yaml');
});

test('workflow-template/dag.yaml: a Workflow calling WorkflowTemplate templates by object', () => {
  const { app, chart } = newChart();
  const lib = libraryTemplates(chart);
  const wf = new Workflow(chart, 'wf', { generateName: 'workflow-template-dag-diamond-' });
  const diamond = wf.addDagTemplate('diamond');
  const m = lib.print.message.name;
  const a = diamond.addTask('A', lib.print.template, { parameters: { [m]: 'A' } });
  const b = diamond.addTask('B', lib.print.template, { depends: a, parameters: { [m]: 'B' } });
  const c = diamond.addTask('C', lib.innerDiamond, { depends: a });
  diamond.addTask('D', lib.print.template, { depends: [b, c], parameters: { [m]: 'D' } });
  expectUpstream(app, 'workflow-template/dag.yaml', kindIs('Workflow'));
});

test('workflow-template/steps.yaml: equal except an argument upstream passes to a template that declares no input', () => {
  const build = (passIgnoredArgument: boolean) => {
    const { app, chart } = newChart();
    const lib = libraryTemplates(chart);
    const wf = new Workflow(chart, 'wf', { generateName: 'workflow-template-steps-' });
    const main = wf.addStepsTemplate('hello-hello-hello');
    const m = lib.print.message.name;
    main.addStep('hello1', lib.print.template, { parameters: { [m]: 'hello1' } });
    main.addParallelSteps(
      ['hello2a', lib.innerSteps, passIgnoredArgument ? { parameters: { [m]: 'hello2a' } } : {}],
      ['hello2b', lib.print.template, { parameters: { [m]: 'hello2b' } }]);
    return app;
  };
  // Upstream passes "message" to inner-steps, which declares no input: Argo silently ignores it.
  // We reject it, since an argument keyed by a name the template lacks is usually a typo.
  expect(synthError(build(true))).toMatch(/step "hello2a" passes parameter "message" but template "inner-steps" declares no such input \(it declares none\)/);
  const ours = synth(build(false)).filter(d => d.kind === 'Workflow').map(normalize);
  const theirs = upstream('workflow-template/steps.yaml').map(normalize);
  delete theirs[0].spec.templates[0].steps[1][0].arguments;
  expect(ours).toEqual(theirs);
});

test('workflow-template/hello-world.yaml: templateRef to a WorkflowTemplate that lives only in the cluster', () => {
  const { app, chart } = newChart();
  const lib = WorkflowTemplate.fromName(chart, 'lib', 'workflow-template-print-message');
  const message = new InputParameter('message');
  const print = lib.template('print-message', { inputs: [message] });
  const wf = new Workflow(chart, 'wf', { generateName: 'workflow-template-hello-world-' });
  wf.addStepsTemplate('hello-world-from-templateRef').addStep('call-print-message', print, { parameters: { [message.name]: 'hello world' } });
  expectUpstream(app, 'workflow-template/hello-world.yaml');
});

test('workflow-template/workflow-template-ref.yaml: a Workflow running a whole WorkflowTemplate', () => {
  const { app, chart } = newChart();
  const { submittable } = libraryTemplates(chart);
  new Workflow(chart, 'wf', { generateName: 'workflow-template-hello-world-', workflowTemplate: submittable });
  expectUpstream(app, 'workflow-template/workflow-template-ref.yaml', kindIs('Workflow'));
});

test('cluster-workflow-template/clustertemplates.yaml and cluster-wftmpl-dag.yaml: clusterScope references', () => {
  const { app, chart } = newChart();
  const lib = libraryTemplates(chart, 'cluster-workflow-template');
  const wf = new Workflow(chart, 'wf', { generateName: 'workflow-template-dag-diamond-' });
  const diamond = wf.addDagTemplate('diamond');
  const m = lib.print.message.name;
  const a = diamond.addTask('A', lib.print.template, { parameters: { [m]: 'A' } });
  const b = diamond.addTask('B', lib.print.template, { depends: a, parameters: { [m]: 'B' } });
  const c = diamond.addTask('C', lib.innerDiamond, { depends: a });
  diamond.addTask('D', lib.print.template, { depends: [b, c], parameters: { [m]: 'D' } });
  expectUpstream(app, 'cluster-workflow-template/clustertemplates.yaml', kindIs('ClusterWorkflowTemplate'));
  expectUpstream(app, 'cluster-workflow-template/cluster-wftmpl-dag.yaml', kindIs('Workflow'));
});

test('cron-workflow.yaml: a CronWorkflow with typed concurrency policy', () => {
  const { app, chart } = newChart();
  const cron = new CronWorkflow(chart, 'cron', {
    metadata: { name: 'hello-world' }, schedules: ['* * * * *'], timezone: 'America/Los_Angeles', startingDeadlineSeconds: 0,
    concurrencyPolicy: CronConcurrencyPolicy.REPLACE, successfulJobsHistoryLimit: 4, failedJobsHistoryLimit: 4, suspend: false,
  });
  cron.addContainerTemplate('hello-world-with-time', { image: 'busybox', command: ['echo'], args: [`🕓 hello world. Scheduled on: ${WorkflowVariables.scheduledTime}`] });
  expectUpstream(app, 'cron-workflow.yaml');
});

test('cron-workflow-multiple-schedules.yaml: several schedules, one a cdk8s Cron', () => {
  const { app, chart } = newChart();
  const cron = new CronWorkflow(chart, 'cron', {
    metadata: { name: 'hello-world-multiple-schedules' },
    schedules: ['*/3 * * * 1-5', Cron.schedule({ minute: '*/2' })],
    timezone: 'America/Los_Angeles', startingDeadlineSeconds: 0, concurrencyPolicy: CronConcurrencyPolicy.REPLACE,
    successfulJobsHistoryLimit: 4, failedJobsHistoryLimit: 4, suspend: false,
  });
  cron.addContainerTemplate('whalesay', { image: 'docker/whalesay:latest', command: ['cowsay'], args: [`🕓 hello world. Scheduled on: ${WorkflowVariables.scheduledTime}`] });
  expectUpstream(app, 'cron-workflow-multiple-schedules.yaml');
});

test('cron-when.yaml: a CronWorkflow when expression', () => {
  const { app, chart } = newChart();
  const cron = new CronWorkflow(chart, 'cron', {
    metadata: { name: 'sleep-when' }, schedules: ['* * * * *'], concurrencyPolicy: CronConcurrencyPolicy.ALLOW,
    when: Condition.expr('cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 360'),
  });
  cron.addContainerTemplate('sleep-busybox', { image: 'busybox', command: ['sleep'], args: ['10'] });
  expectUpstream(app, 'cron-when.yaml');
});

test('suspend-template.yaml: suspend until resumed and for a duration', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'suspend-template-' });
  const main = wf.addStepsTemplate('suspend');
  const approve = wf.addSuspendTemplate('approve');
  const delay = wf.addSuspendTemplate('delay', { duration: '20' });
  const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
  main.addStep('build', hello);
  main.addStep('approve', approve);
  main.addStep('delay', delay);
  main.addStep('release', hello);
  expectUpstream(app, 'suspend-template.yaml');
});

test('k8s-wait-wf.yaml: resource templates creating an object and waiting on it, output by jsonPath', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'k8s-wait-wf-' });
  const main = wf.addStepsTemplate('k8s-wait-wf');
  const wfNameOut = new OutputParameter('wf-name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') });
  const create = wf.addResourceTemplate('create-wf', {
    action: ResourceAction.CREATE,
    manifest: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: sleep-\nspec:\n  entrypoint: sleep\n  templates:\n'
      + '  - name: sleep\n    container:\n      image: alpine:3.23\n      command: [sleep, "20"]\n',
    outputs: [wfNameOut],
  });
  const wfName = new InputParameter('wf-name');
  const wait = wf.addResourceTemplate('wait-wf', {
    action: ResourceAction.GET, inputs: [wfName],
    successCondition: 'status.phase == Succeeded', failureCondition: 'status.phase in (Failed, Error)',
    manifest: `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: ${wfName}\n`,
  });
  const created = main.addStep('create-wf', create);
  main.addStep('wait-wf', wait, { parameters: { [wfName.name]: created.output(wfNameOut) } });
  expectUpstream(app, 'k8s-wait-wf.yaml');
});

test('resource-delete-with-flags.yaml: a manifest given as an object, flags with an input', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'resource-delete-with-flags-' });
  const main = wf.addStepsTemplate('main');
  const create = wf.addResourceTemplate('create-configmap', {
    action: ResourceAction.CREATE,
    manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'resource-delete-with-flags', labels: { cleanup: 'true' } }, data: { key: 'value' } },
  });
  const selector = new InputParameter('selector');
  const del = wf.addResourceTemplate('delete-resource', { action: ResourceAction.DELETE, inputs: [selector], flags: ['configmap', '--selector', `${selector}`] });
  main.addStep('submit-resource', create);
  main.addStep('delete-resource', del, { parameters: { [selector.name]: 'cleanup=true' } });
  expectUpstream(app, 'resource-delete-with-flags.yaml');
});

test('retry-backoff.yaml: retry strategy with backoff', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'retry-backoff-' });
  wf.addContainerTemplate('retry-backoff', {
    retryStrategy: { limit: '10', backoff: { duration: '1', factor: '2', maxDuration: '1m', cap: '5' } },
    image: 'python:alpine3.23', command: ['python', '-c'],
    args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  });
  expectUpstream(app, 'retry-backoff.yaml');
});

test('retry-with-steps.yaml: retried template with the {{retries}} variable', () => {
  const { app, chart } = newChart();
  const { TemplateVariables } = require('../../src/workflows');
  const wf = new Workflow(chart, 'wf', { generateName: 'retry-with-steps-' });
  const main = wf.addStepsTemplate('retry-with-steps');
  const randomFail = wf.addContainerTemplate('random-fail', {
    retryStrategy: { limit: '10' }, image: 'python:alpine3.23', command: ['python', '-c'],
    args: [`import random; import sys; print('retries: ${TemplateVariables.retries}'); exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)`],
  });
  main.addStep('hello1', randomFail);
  main.addParallelSteps(['hello2a', randomFail], ['hello2b', randomFail]);
  expectUpstream(app, 'retry-with-steps.yaml');
});

test('template-defaults.yaml: templateDefaults for every template', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'template-defaults-', templateDefaults: { timeout: '30s', retryStrategy: { limit: '2' } } });
  const main = wf.addStepsTemplate('main');
  const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
  const retry = wf.addContainerTemplate('retry-backoff', {
    image: 'python:alpine3.23', command: ['python', '-c'], args: ['import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)'],
  });
  main.addStep('retry-backoff', retry);
  main.addStep('hello-world', hello);
  expectUpstream(app, 'template-defaults.yaml');
});

test('life-cycle-hooks-wf-level.yaml: workflow hooks with expressions and an HTTP template', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'lifecycle-hook-' });
  const main = wf.addStepsTemplate('main');
  const heads = wf.addContainerTemplate('heads', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] });
  const http = wf.addHttpTemplate('http', { url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json' });
  main.addStep('step1', heads);
  wf.addExitHook(http);
  wf.addHook('running', http, { expression: WorkflowVariables.status.eq(WorkflowPhase.RUNNING) });
  expectUpstream(app, 'life-cycle-hooks-wf-level.yaml');
});

test('life-cycle-hooks-tmpl-level.yaml: step hooks reading the step\'s own status', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'lifecycle-hook-tmpl-level-' });
  const main = wf.addStepsTemplate('main');
  const echo = wf.addContainerTemplate('echo', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] });
  const http = wf.addHttpTemplate('http', { url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json' });
  for (const name of ['step-1', 'step2']) {
    const step = main.addStep(name, echo);
    step.addHook('running', http, { expression: step.status.eq(NodePhase.RUNNING) });
    step.addHook('success', http, { expression: step.status.eq(NodePhase.SUCCEEDED) });
  }
  expectUpstream(app, 'life-cycle-hooks-tmpl-level.yaml');
});

test('exit-handler-step-level.yaml: exit hooks on steps', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'exit-handler-step-level-' });
  const main = wf.addStepsTemplate('main');
  const exit = wf.addContainerTemplate('exit', { image: 'busybox', command: ['echo'], args: ['step cleanup'] });
  const message = new InputParameter('message');
  const print = wf.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [message], inputs: [message] });
  main.addStep('hello1', print, { parameters: { [message.name]: 'hello1' } }).addExitHook(exit);
  for (const s of main.addParallelSteps(['hello2a', print, { parameters: { [message.name]: 'hello2a' } }], ['hello2b', print, { parameters: { [message.name]: 'hello2b' } }])) {
    s.addExitHook(exit);
  }
  expectUpstream(app, 'exit-handler-step-level.yaml');
});

test('http-hello-world.yaml: HTTP template with an input URL and continueOn', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'http-template-' });
  const main = wf.addStepsTemplate('main');
  const url = new InputParameter('url');
  const http = wf.addHttpTemplate('http', { url, inputs: [url] });
  const base = 'https://raw.githubusercontent.com/argoproj/argo-workflows';
  main.addParallelSteps(
    ['good', http, { parameters: { [url.name]: `${base}/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json` } }],
    ['bad', http, { continueOn: { failed: true }, parameters: { [url.name]: `${base}/thisisnotahash/pkg/apis/workflow/v1alpha1/generated.swagger.json` } }]);
  expectUpstream(app, 'http-hello-world.yaml');
});

test('container-set-template/sequence-workflow.yaml: containers ordered by dependency objects', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'sequence-' });
  const set = wf.addContainerSetTemplate('main');
  const a = set.addContainer('a', { image: 'argoproj/argosay:v2' });
  const b = set.addContainer('b', { image: 'argoproj/argosay:v2', dependencies: [a] });
  set.addContainer('c', { image: 'argoproj/argosay:v2', dependencies: [b] });
  expectUpstream(app, 'container-set-template/sequence-workflow.yaml');
});

test('pod-gc-strategy.yaml, gc-ttl.yaml, synchronization-mutex-wf-level.yaml: workflow policies', () => {
  const cases: [string, (chart: any) => void][] = [
    ['pod-gc-strategy.yaml', chart => {
      const wf = new Workflow(chart, 'wf', { generateName: 'pod-gc-strategy-', podGc: { strategy: PodGcStrategy.ON_POD_SUCCESS, deleteDelayDuration: '30s' } });
      const main = wf.addStepsTemplate('pod-gc-strategy');
      const fail = wf.addContainerTemplate('fail', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] });
      const succeed = wf.addContainerTemplate('succeed', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 0'] });
      main.addParallelSteps(['fail', fail], ['succeed', succeed]);
    }],
    ['gc-ttl.yaml', chart => {
      const wf = new Workflow(chart, 'wf', { generateName: 'gc-ttl-', ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 5 } });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    }],
    ['synchronization-mutex-wf-level.yaml', chart => {
      const wf = new Workflow(chart, 'wf', { generateName: 'synchronization-wf-level-', synchronization: { mutexes: [WorkflowMutex.named('test')] } });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    }],
  ];
  for (const [file, build] of cases) {
    const { app, chart } = newChart();
    build(chart);
    expectUpstream(app, file);
  }
});

test('sidecar-nginx.yaml: a sidecar next to the main container', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'sidecar-nginx-' });
  const t = wf.addContainerTemplate('sidecar-nginx-example', {
    image: 'curlimages/curl:latest', command: ['sh', '-c'],
    args: ["until `curl -G 'http://127.0.0.1/' >& /tmp/out`; do echo sleep && sleep 1; done && cat /tmp/out"],
  });
  t.addSidecar('nginx', { image: 'nginx:1.13', command: ['nginx', '-g', 'daemon off;'] });
  expectUpstream(app, 'sidecar-nginx.yaml');
});

test('daemoned steps: daemon flag, and a later step reads the daemon\'s ip by object', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'daemon-' });
  const main = wf.addStepsTemplate('main');
  // nginx:1.13 runs as root and binds port 80: the template opts out of "restricted".
  const server = wf.addContainerTemplate('server', { image: 'nginx:1.13', daemon: true, podSecurity: PodSecurity.BASELINE });
  const ip = new InputParameter('server-ip');
  const client = wf.addContainerTemplate('client', { image: 'curlimages/curl:latest', args: [`curl http://${ip}:80/`], inputs: [ip] });
  const s = main.addStep('nginx-server', server);
  const init = client.addInitContainer('hello', { image: 'alpine:3.23', command: ['echo', 'hello'] });
  init.addEnv('WHO', 'world');
  main.addStep('nginx-client', client, { parameters: { [ip.name]: s.ip } });
  wf.setEntrypoint(main);
  const [doc] = synth(app);
  expect(doc.spec.templates[1]).toEqual({ name: 'server', daemon: true, container: { image: 'nginx:1.13' } });
  expect(doc.metadata.annotations['cdk8s-argo.io/disable']).toBe('K8S-POD-RESTRICTED@spec.templates[1] -- podSecurity: PodSecurity.BASELINE on test/wf/server');
  expect(doc.spec.templates[2].initContainers).toEqual([{ name: 'hello', image: 'alpine:3.23', command: ['echo', 'hello'], env: [{ name: 'WHO', value: 'world' }],
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]);
  expect(doc.spec.templates[0].steps[1][0].arguments.parameters[0].value).toBe('{{steps.nginx-server.ip}}');
});

test('conditional-parameters.yaml: a steps template output chosen by an expression over step objects', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'conditional-parameter-' });
  const main = wf.addStepsTemplate('main');
  const script = (name: string, source: string) => wf.addScriptTemplate(name, { image: 'python:alpine3.23', command: ['python'], source });
  const flipCoin = script('flip-coin', 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n');
  const flip = main.addStep('flip-coin', flipCoin);
  const [heads, tails] = main.addParallelSteps(
    ['heads', script('heads', 'print("heads")\n'), { when: flip.result.eq('heads') }],
    ['tails', script('tails', 'print("tails")\n'), { when: flip.result.eq('tails') }]);
  main.addOutput(new OutputParameter('stepresult', {
    valueFrom: OutputSource.fromExpression(argoExpr`${flip.result} == 'heads' ? ${heads.result} : ${tails.result}`),
  }));
  // Only difference: expr-lang accessors are written steps["flip-coin"], upstream writes steps['flip-coin'].
  const ours = synth(app).map(normalize);
  const theirs = upstream('conditional-parameters.yaml').map(withRestrictedDefaults).map(normalize);
  const output = theirs[0].spec.templates[0].outputs.parameters[0].valueFrom;
  output.expression = output.expression.replace("steps['flip-coin']", 'steps["flip-coin"]');
  expect(ours).toEqual(theirs);
});
