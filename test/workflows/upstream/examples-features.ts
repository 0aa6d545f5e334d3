/**
 * Upstream examples rebuilt with the typed API: resource and HTTP templates, synchronization,
 * retries, memoization, recursion, hooks and exit handlers, metrics, expressions, policies,
 * inline, data and plugin templates, WorkflowEventBindings.
 */
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  argoExpr, Condition, ConfigMapRef, Depends, HttpVariables, InputParameter, Loop, MetricVariables, NodePhase, OutputParameter, OutputSource,
  PodGcStrategy, ResourceAction, ResourceMergeStrategy, RetryPolicy, TemplateVariables, Workflow, WorkflowEventBinding, WorkflowMetric, WorkflowMutex,
  SynchronizationProps, WorkflowParameter, WorkflowPhase, WorkflowSemaphore, WorkflowTemplate, WorkflowVariables, DataSource, ArtifactLocation, InputArtifact,
} from '../../../src';
import { UpstreamExample } from './compare';
import { printMessage, workflow } from './examples-steps';

const RANDOM_EXIT = 'import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)';
const SWAGGER = 'https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json';

const RAND_JOB = (completions: number) => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'rand-num-' },
  spec: {
    completions, parallelism: completions,
    template: {
      metadata: { name: 'rand' },
      spec: { containers: [{ name: 'rand', image: 'python:alpine3.23', command: ['python', '-c', 'import random; import time; print(random.randint(1, 1000)); time.sleep(10)'] }], restartPolicy: 'Never' },
    },
  },
});

const UNDECLARED_SECONDS = {
  reason: 'upstream passes "seconds" to templates that declare no input (Argo ignores it); an argument is made from an input object of the called template, so one for an input it lacks cannot be written',
};

export const FEATURE_EXAMPLES: UpstreamExample[] = [
  {
    file: 'k8s-jobs.yaml', title: 'a resource template creating a Job and waiting on conditions, outputs by JSONPath and jq',
    build: c => {
      const wf = new Workflow(c, 'wf', { metadata: { name: 'k8s-jobs' } });
      wf.addResourceTemplate('rand-num', {
        action: ResourceAction.CREATE, successCondition: 'status.succeeded > 2', failureCondition: 'status.failed > 1', setOwnerReference: true, manifest: RAND_JOB(3),
        outputs: [
          new OutputParameter('job-name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') }),
          new OutputParameter('job-obj', { valueFrom: OutputSource.fromJqFilter('.') }),
        ],
      });
    },
    differences: [{
      reason: 'upstream has neither name nor generateName (its `name: k8s-jobs` line is indented into an annotation), which Kubernetes rejects; the rebuilt Workflow is named k8s-jobs',
      apply: (_up, ours) => { delete ours[0].metadata.name; },
    }],
  },
  {
    file: 'k8s-orchestration.yaml', title: 'a Job created, its pods\' logs read, and the Job deleted, by its outputs',
    build: c => {
      const wf = workflow(c, 'k8s-orchestrate-');
      const main = wf.addStepsTemplate('k8s-orchestrate');
      const jobName = new OutputParameter('job-name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') });
      const jobUid = new OutputParameter('job-uid', { valueFrom: OutputSource.fromJsonPath('{.metadata.uid}') });
      const create = wf.addResourceTemplate('random-number-job', {
        action: ResourceAction.CREATE, successCondition: 'status.succeeded > 9', failureCondition: 'status.failed > 0', manifest: RAND_JOB(10), outputs: [jobName, jobUid],
      });
      const uid = new InputParameter('job-uid');
      const print = wf.addContainerTemplate('print-generated-numbers', {
        inputs: [uid], image: 'quay.io/argoproj/argoexec:latest', command: ['sh', '-c'],
        args: [` for i in \`kubectl get pods -l controller-uid=${uid} -o name\`; do kubectl logs $i; done `],
      });
      const name = new InputParameter('job-name');
      const del = wf.addResourceTemplate('delete-job', { inputs: [name], action: ResourceAction.DELETE, manifest: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `${name}` } } });
      const job = main.addStep('random-number-job', create);
      main.addStep('print-generated-numbers', print, { arguments: [uid.set(job.output(jobUid))] });
      main.addStep('delete-job', del, { arguments: [name.set(job.output(jobName))] });
    },
  },
  {
    file: 'k8s-owner-reference.yaml', title: 'a created Workflow owned by this one',
    build: c => {
      workflow(c, 'k8s-owner-reference-').addResourceTemplate('main', {
        action: ResourceAction.CREATE, setOwnerReference: true,
        manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'owned-eg-' }, spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'argoproj/argosay:v2' } }] } },
      });
    },
  },
  {
    file: 'k8s-set-owner-reference.yaml', title: 'a created ConfigMap owned by the workflow',
    build: c => {
      workflow(c, 'k8s-set-owner-reference-').addResourceTemplate('k8s-set-owner-reference', {
        action: ResourceAction.CREATE, setOwnerReference: true, manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'owned-eg-' }, data: { some: 'value' } },
      });
    },
  },
  {
    file: 'k8s-patch-pod.yaml', title: 'a strategic merge patch of the template\'s own pod',
    build: c => {
      workflow(c, 'k8s-patch-pod-').addResourceTemplate('main', {
        action: ResourceAction.PATCH, manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${TemplateVariables.podName}`, annotations: { foo: 'bar' } } },
      });
    },
  },
  {
    file: 'k8s-patch-merge-pod.yaml', title: 'a JSON merge patch of the template\'s own pod',
    build: c => {
      workflow(c, 'k8s-patch-merge-pod-').addResourceTemplate('main', {
        action: ResourceAction.PATCH, mergeStrategy: ResourceMergeStrategy.MERGE, flags: ['pod', `${TemplateVariables.podName}`], manifest: { metadata: { annotations: { foo: 'bar' } } },
      });
    },
  },
  {
    file: 'k8s-patch-json-pod.yaml', title: 'a JSON patch of the template\'s own pod',
    build: c => {
      workflow(c, 'k8s-patch-json-pod-').addResourceTemplate('main', {
        action: ResourceAction.PATCH, mergeStrategy: ResourceMergeStrategy.JSON, flags: ['pod', `${TemplateVariables.podName}`],
        manifest: '- op: add\n  path: /metadata/annotations/foo\n  value: bar\n',
      });
    },
  },
  {
    file: 'k8s-patch-json-workflow.yaml', title: 'a JSON patch of the workflow itself',
    build: c => {
      workflow(c, 'k8s-patch-json-workflow-').addResourceTemplate('main', {
        action: ResourceAction.PATCH, mergeStrategy: ResourceMergeStrategy.JSON, flags: ['workflow', `${WorkflowVariables.name}`],
        manifest: '- op: add\n  path: /metadata/labels/foo\n  value: bar\n',
      });
    },
  },
  {
    file: 'k8s-resource-log-selector.yaml', title: 'a custom resource whose pods carry the workflow label, so argo logs finds them',
    build: c => {
      workflow(c, 'k8s-jobs-log-selector-').addResourceTemplate('tf-jobtmpl', {
        action: ResourceAction.CREATE, successCondition: 'status.replicaStatuses.Worker.succeeded = 2', failureCondition: 'status.replicaStatuses.Worker.failed > 0',
        manifest: {
          apiVersion: 'kubeflow.org/v1', kind: 'TFJob', metadata: { name: 'tfjob-examples' },
          spec: {
            tfReplicaSpecs: {
              Worker: {
                replicas: 2, restartPolicy: 'Never',
                template: {
                  metadata: { labels: { 'workflows.argoproj.io/workflow': `${WorkflowVariables.name}` } },
                  spec: { containers: [{ name: 'tensorflow', image: 'Placeholder for TensorFlow distributed training image' }] },
                },
              },
            },
          },
        },
      });
    },
  },
  {
    file: 'resource-flags.yaml', title: 'kubectl flags of a resource template, run when the first attempt failed',
    build: c => {
      const wf = workflow(c, 'resource-validate-');
      const main = wf.addStepsTemplate('resource-validate-example');
      const route = { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'host-route' }, spec: { to: { kind: 'Service', name: 'service-name' } } };
      const create = wf.addResourceTemplate('create-route', { action: ResourceAction.CREATE, manifest: route });
      const noValidation = wf.addResourceTemplate('create-route-without-validation', { action: ResourceAction.CREATE, flags: ['--validate=false'], manifest: route });
      const first = main.addStep('submit-resource', create, { continueOn: { failed: true } });
      main.addStep('submit-resource-without-validation', noValidation, { when: first.status.eq(NodePhase.FAILED) });
    },
  },
  {
    file: 'resource-delete-with-flags.yaml', title: 'a manifest given as an object, flags with an input',
    build: c => {
      const wf = workflow(c, 'resource-delete-with-flags-');
      const main = wf.addStepsTemplate('main');
      const create = wf.addResourceTemplate('create-configmap', {
        action: ResourceAction.CREATE,
        manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'resource-delete-with-flags', labels: { cleanup: 'true' } }, data: { key: 'value' } },
      });
      const selector = new InputParameter('selector');
      const del = wf.addResourceTemplate('delete-resource', { action: ResourceAction.DELETE, inputs: [selector], flags: ['configmap', '--selector', `${selector}`] });
      main.addStep('submit-resource', create);
      main.addStep('delete-resource', del, { arguments: [selector.set('cleanup=true')] });
    },
  },
  {
    file: 'k8s-wait-wf.yaml', title: 'resource templates creating a Workflow and waiting for it',
    build: c => {
      const wf = workflow(c, 'k8s-wait-wf-');
      const main = wf.addStepsTemplate('k8s-wait-wf');
      const wfNameOut = new OutputParameter('wf-name', { valueFrom: OutputSource.fromJsonPath('{.metadata.name}') });
      const create = wf.addResourceTemplate('create-wf', {
        action: ResourceAction.CREATE, outputs: [wfNameOut],
        manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'sleep-' }, spec: { entrypoint: 'sleep', templates: [{ name: 'sleep', container: { image: 'alpine:3.23', command: ['sleep', '20'] } }] } },
      });
      const wfName = new InputParameter('wf-name');
      const wait = wf.addResourceTemplate('wait-wf', {
        action: ResourceAction.GET, inputs: [wfName], successCondition: 'status.phase == Succeeded', failureCondition: 'status.phase in (Failed, Error)',
        manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: `${wfName}` } },
      });
      const created = main.addStep('create-wf', create);
      main.addStep('wait-wf', wait, { arguments: [wfName.set(created.output(wfNameOut))] });
    },
  },
  {
    file: 'workflow-of-workflows.yaml', title: 'Workflows submitted from WorkflowTemplates by resource templates',
    build: c => {
      const wf = workflow(c, 'workflow-of-workflows-');
      const main = wf.addStepsTemplate('main');
      const t1 = new InputParameter('workflowtemplate');
      const without = wf.addResourceTemplate('resource-without-argument', {
        inputs: [t1], action: ResourceAction.CREATE, successCondition: 'status.phase == Succeeded', failureCondition: 'status.phase in (Failed, Error)',
        manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'workflow-of-workflows-1-' }, spec: { workflowTemplateRef: { name: `${t1}` } } },
      });
      const t2 = new InputParameter('workflowtemplate');
      const message = new InputParameter('message');
      const withArg = wf.addResourceTemplate('resource-with-argument', {
        inputs: [t2, message], action: ResourceAction.CREATE, successCondition: 'status.phase == Succeeded', failureCondition: 'status.phase in (Failed, Error)',
        manifest: {
          apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'workflow-of-workflows-2-' },
          spec: { arguments: { parameters: [{ name: 'message', value: `${message}` }] }, workflowTemplateRef: { name: `${t2}` } },
        },
      });
      main.addStep('workflow1', without, { arguments: [t1.set('workflow-template-submittable')] });
      main.addStep('workflow2', withArg, { arguments: [t2.set('workflow-template-submittable'), message.set('Welcome Argo')] });
    },
  },
  {
    file: 'daemoned-stateful-set-with-service.yaml', title: 'a StatefulSet and Service created, awaited, tested and deleted on exit',
    build: c => {
      const wf = workflow(c, 'daemoned-stateful-set-with-service-');
      const main = wf.addStepsTemplate('create-wait-and-test');
      const del = wf.addStepsTemplate('delete');
      const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' } };
      const statefulSet = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' } };
      const createService = wf.addResourceTemplate('create-service', {
        action: ResourceAction.CREATE,
        manifest: { ...service, metadata: { name: 'nginx', labels: { app: 'nginx' } }, spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } } },
      });
      const createSet = wf.addResourceTemplate('create-stateful-set', {
        action: ResourceAction.CREATE,
        manifest: {
          ...statefulSet,
          spec: {
            selector: { matchLabels: { app: 'nginx' } }, serviceName: 'nginx',
            template: {
              metadata: { labels: { app: 'nginx' } },
              spec: { terminationGracePeriodSeconds: 10, containers: [{ name: 'nginx', image: 'nginx:1.13', ports: [{ containerPort: 80, name: 'web' }] }] },
            },
          },
        },
      });
      const waitSet = wf.addResourceTemplate('wait-stateful-set', { action: ResourceAction.GET, successCondition: 'status.readyReplicas == 1', manifest: statefulSet });
      const test = wf.addContainerTemplate('test', { image: 'curlimages/curl:latest', command: ['sh', '-c'], args: ['curl nginx'] });
      const deleteService = wf.addResourceTemplate('delete-service', { action: ResourceAction.DELETE, flags: ['--ignore-not-found'], manifest: service });
      const deleteSet = wf.addResourceTemplate('delete-stateful-set', { action: ResourceAction.DELETE, flags: ['--ignore-not-found'], manifest: statefulSet });
      main.addParallelSteps(['create-service', createService], ['create-stateful-set', createSet]);
      main.addStep('wait-stateful-set', waitSet);
      main.addStep('test', test);
      del.addParallelSteps(['delete-service', deleteService], ['delete-stateful-set', deleteSet]);
      wf.setEntrypoint(main);
      wf.setOnExit(del);
    },
  },
  {
    file: 'http-hello-world.yaml', title: 'HTTP template with an input URL and continueOn',
    build: c => {
      const wf = workflow(c, 'http-template-');
      const main = wf.addStepsTemplate('main');
      const url = new InputParameter('url');
      const http = wf.addHttpTemplate('http', { url, inputs: [url] });
      const base = 'https://raw.githubusercontent.com/argoproj/argo-workflows';
      main.addParallelSteps(
        ['good', http, { arguments: [url.set(`${base}/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json`)] }],
        ['bad', http, { continueOn: { failed: true }, arguments: [url.set(`${base}/thisisnotahash/pkg/apis/workflow/v1alpha1/generated.swagger.json`)] }]);
    },
  },
  {
    file: 'http-success-condition.yaml', title: 'HTTP success conditions over the response status, body and headers',
    build: c => {
      const wf = workflow(c, 'http-template-condition-');
      const main = wf.addStepsTemplate('main');
      const http = (name: string, successCondition: Condition<'http'>) => {
        const url = new InputParameter('url');
        return { t: wf.addHttpTemplate(name, { inputs: [url], successCondition, url }), url };
      };
      const s201 = http('http-status-is-201', HttpVariables.statusCode.eq(201));
      const google = http('http-body-contains-google', HttpVariables.body.contains('google'));
      http('http-headers-contains-cloudflare', HttpVariables.header('Server').eq('cloudflare'));
      main.addParallelSteps(
        ['http-status-is-201-succeeds', s201.t, { arguments: [s201.url.set('https://httpbin.org/status/201')] }],
        ['http-body-contains-google-succeeds', google.t, { arguments: [google.url.set('https://google.com')] }]);
    },
  },
  {
    file: 'life-cycle-hooks-wf-level.yaml', title: 'workflow hooks with expressions and an HTTP template',
    build: c => {
      const wf = workflow(c, 'lifecycle-hook-');
      const main = wf.addStepsTemplate('main');
      const heads = wf.addContainerTemplate('heads', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const http = wf.addHttpTemplate('http', { url: SWAGGER });
      main.addStep('step1', heads);
      wf.addExitHook(http);
      wf.addHook('running', http, { expression: WorkflowVariables.status.eq(WorkflowPhase.RUNNING) });
    },
  },
  {
    file: 'life-cycle-hooks-tmpl-level.yaml', title: 'step hooks reading the step\'s own status',
    build: c => {
      const wf = workflow(c, 'lifecycle-hook-tmpl-level-');
      const main = wf.addStepsTemplate('main');
      const echo = wf.addContainerTemplate('echo', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const http = wf.addHttpTemplate('http', { url: SWAGGER });
      for (const name of ['step-1', 'step2']) {
        const step = main.addStep(name, echo);
        step.addHook('running', http, { expression: step.status.eq(NodePhase.RUNNING) });
        step.addHook('success', http, { expression: step.status.eq(NodePhase.SUCCEEDED) });
      }
    },
  },
  {
    file: 'exit-handler-step-level.yaml', title: 'exit hooks on steps',
    build: c => {
      const wf = workflow(c, 'exit-handler-step-level-');
      const main = wf.addStepsTemplate('main');
      const exit = wf.addContainerTemplate('exit', { image: 'busybox', command: ['echo'], args: ['step cleanup'] });
      const { template: print, message } = printMessage(wf);
      main.addStep('hello1', print, { arguments: [message.set('hello1')] }).addExitHook(exit);
      for (const s of main.addParallelSteps(['hello2a', print, { arguments: [message.set('hello2a')] }], ['hello2b', print, { arguments: [message.set('hello2b')] }])) s.addExitHook(exit);
    },
  },
  {
    file: 'template-on-exit.yaml', title: 'an exit hook on each step',
    build: c => {
      const wf = workflow(c, 'container-on-exit-');
      const main = wf.addStepsTemplate('step-template');
      const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const exit = wf.addContainerTemplate('exit-container', { image: 'busybox', command: ['echo'], args: ['goodbye world'] });
      main.addStep('stepA', hello).addExitHook(exit);
      main.addStep('stepB', hello).addExitHook(exit);
    },
  },
  {
    file: 'exit-handler-dag-level.yaml', title: 'an exit handler on each DAG task',
    build: c => {
      const wf = workflow(c, 'exit-hanlder-dag-level-');
      const main = wf.addDagTemplate('main');
      const message = new InputParameter('message');
      const echo = wf.addContainerTemplate('echo', { inputs: [message], image: 'busybox', command: ['echo'], args: [message] });
      const exit = wf.addContainerTemplate('exit', { image: 'busybox', command: ['echo'], args: ['task cleanup'] });
      const a = main.addTask('A', echo, { arguments: [message.set('A')] });
      const b = main.addTask('B', echo, { depends: a, arguments: [message.set('B')] });
      const cc = main.addTask('C', echo, { depends: a, arguments: [message.set('C')] });
      const d = main.addTask('D', echo, { depends: [b, cc], arguments: [message.set('D')] });
      for (const t of [a, b, cc, d]) t.addExitHook(exit);
    },
    differences: [{
      reason: 'upstream uses the deprecated task field `onExit: exit`; the typed API emits its replacement `hooks: { exit: { template: exit } }`, which Argo runs the same way',
      apply: up => {
        for (const t of up[0].spec.templates[0].dag.tasks) {
          t.hooks = { exit: { template: t.onExit } };
          delete t.onExit;
        }
      },
    }],
  },
  {
    file: 'exit-handler-slack.yaml', title: 'an exit handler posting to Slack with curl (the Slack notifier of docs/building-blocks.md does this safely)',
    build: c => {
      const wf = workflow(c, 'exit-handler-slack-');
      wf.addContainerTemplate('say-hello', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo hello'] });
      const w = WorkflowVariables;
      const handler = wf.addContainerTemplate('exit-handler', {
        image: 'curlimages/curl:latest', command: ['sh', '-c'],
        args: [`curl -X POST --data-urlencode 'payload={ "text": "${w.name} finished", "blocks": [ { "type": "section", "text": { "type": "mrkdwn", "text": "Workflow ${w.name} ${w.status}", } } ] }' YOUR_WEBHOOK_URL_HERE`],
      });
      wf.setOnExit(handler);
    },
  },
  {
    file: 'suspend-template.yaml', title: 'suspend until resumed and for a duration',
    build: c => {
      const wf = workflow(c, 'suspend-template-');
      const main = wf.addStepsTemplate('suspend');
      const approve = wf.addSuspendTemplate('approve');
      const delay = wf.addSuspendTemplate('delay', { duration: '20' });
      const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      main.addStep('build', hello);
      main.addStep('approve', approve);
      main.addStep('delay', delay);
      main.addStep('release', hello);
    },
  },
  ...([
    ['synchronization-mutex-tmpl-level.yaml', 'synchronization-tmpl-level-mutex-', 'named mutexes held by templates', false],
    ['synchronization-db-mutex-tmpl-level.yaml', 'synchronization-db-tmpl-level-mutex-', 'database mutexes held by templates', true],
  ] as const).map(([file, generateName, title, database]): UpstreamExample => ({
    file, title,
    build: c => {
      const wf = workflow(c, generateName);
      const main = wf.addStepsTemplate(`${generateName.replace(/-$/, '')}-example`);
      const mutex = (name: string) => (database ? WorkflowMutex.database(name) : WorkflowMutex.named(name));
      const a = wf.addContainerTemplate('acquire-lock', { synchronization: { mutexes: [mutex('welcome')] }, image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 20; echo acquired lock'] });
      const b = wf.addContainerTemplate('acquire-lock-1', { synchronization: { mutexes: [mutex('test')] }, image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 50; echo acquired lock'] });
      const items = Loop.fromParameter('["1","2","3","4","5"]');
      main.addParallelSteps(['synchronization-acquire-lock', a, { loop: items }], ['synchronization-acquire-lock1', b, { loop: items }]);
    },
    differences: [{ ...UNDECLARED_SECONDS, apply: up => { for (const s of up[0].spec.templates[0].steps[0]) delete s.arguments; } }],
  })),
  ...([
    ['synchronization-tmpl-level.yaml', 'synchronization-tmpl-level-', 'a ConfigMap semaphore held by a template', false],
    ['synchronization-db-tmpl-level.yaml', 'synchronization-db-tmpl-level-', 'a database semaphore held by a template', true],
  ] as const).map(([file, generateName, title, database]): UpstreamExample => ({
    file, title,
    build: c => {
      const wf = workflow(c, generateName);
      const main = wf.addStepsTemplate(`${generateName.replace(/-$/, '')}-example`);
      const semaphore = database ? WorkflowSemaphore.database('template') : WorkflowSemaphore.fromConfigMap(ConfigMapRef.fromName('my-config'), 'template');
      const a = wf.addContainerTemplate('acquire-lock', { synchronization: { semaphores: [semaphore] }, image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 10; echo acquired lock'] });
      main.addStep('synchronization-acquire-lock', a, { loop: Loop.fromParameter('["1","2","3","4","5"]') });
    },
    differences: [{ ...UNDECLARED_SECONDS, apply: up => { delete up[0].spec.templates[0].steps[0][0].arguments; } }],
  })),
  ...([
    ['synchronization-mutex-wf-level.yaml', 'synchronization-wf-level-', { mutexes: [WorkflowMutex.named('test')] }],
    ['synchronization-db-mutex-wf-level.yaml', 'synchronization-db-wf-level-', { mutexes: [WorkflowMutex.database('test')] }],
    ['synchronization-wf-level.yaml', 'synchronization-wf-level-', { semaphores: [WorkflowSemaphore.fromConfigMap(ConfigMapRef.fromName('my-config'), 'workflow')] }],
    ['synchronization-db-wf-level.yaml', 'synchronization-db-wf-level-', { semaphores: [WorkflowSemaphore.database('workflow')] }],
  ] as [string, string, SynchronizationProps][]).map(([file, generateName, synchronization]): UpstreamExample => ({
    file, title: 'a lock held by the whole workflow',
    build: c => { workflow(c, generateName, { synchronization }).addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] }); },
  })),
  {
    file: 'pod-gc-strategy.yaml', title: 'pods deleted when they succeed',
    build: c => {
      const wf = workflow(c, 'pod-gc-strategy-', { podGc: { strategy: PodGcStrategy.ON_POD_SUCCESS, deleteDelayDuration: '30s' } });
      const main = wf.addStepsTemplate('pod-gc-strategy');
      const fail = wf.addContainerTemplate('fail', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] });
      const succeed = wf.addContainerTemplate('succeed', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 0'] });
      main.addParallelSteps(['fail', fail], ['succeed', succeed]);
    },
  },
  {
    file: 'gc-ttl.yaml', title: 'finished workflows deleted after a while',
    build: c => {
      workflow(c, 'gc-ttl-', { ttlStrategy: { secondsAfterCompletion: 10, secondsAfterSuccess: 5, secondsAfterFailure: 5 } })
        .addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'template-defaults.yaml', title: 'templateDefaults for every template',
    build: c => {
      const wf = workflow(c, 'template-defaults-', { templateDefaults: { timeout: '30s', retryStrategy: { limit: '2' } } });
      const main = wf.addStepsTemplate('main');
      const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const retry = wf.addContainerTemplate('retry-backoff', { image: 'python:alpine3.23', command: ['python', '-c'], args: [RANDOM_EXIT] });
      main.addStep('retry-backoff', retry);
      main.addStep('hello-world', hello);
    },
  },
  {
    file: 'retry-backoff.yaml', title: 'retry strategy with backoff',
    build: c => {
      workflow(c, 'retry-backoff-').addContainerTemplate('retry-backoff', {
        retryStrategy: { limit: '10', backoff: { duration: '1', factor: '2', maxDuration: '1m', cap: '5' } }, image: 'python:alpine3.23', command: ['python', '-c'], args: [RANDOM_EXIT],
      });
    },
  },
  {
    file: 'retry-container.yaml', title: 'a retried container',
    build: c => { workflow(c, 'retry-container-').addContainerTemplate('retry-container', { retryStrategy: { limit: '10' }, image: 'python:alpine3.23', command: ['python', '-c'], args: [RANDOM_EXIT] }); },
  },
  {
    file: 'retry-container-to-completion.yaml', title: 'retried until it succeeds (no limit)',
    build: c => {
      workflow(c, 'retry-to-completion-').addContainerTemplate('retry-to-completion', {
        retryStrategy: {}, image: 'python:alpine3.23', command: ['python', '-c'], args: ['import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)'],
      });
    },
  },
  {
    file: 'retry-on-error.yaml', title: 'retried on errors and failures',
    build: c => {
      workflow(c, 'retry-on-error-').addContainerTemplate('error-container', {
        retryStrategy: { limit: '2', retryPolicy: RetryPolicy.ALWAYS }, image: 'python:alpine3.23', command: ['python', '-c'],
        args: ['import random; import sys; exit_code = random.choice(range(0, 5)); sys.exit(exit_code)'],
      });
    },
  },
  {
    file: 'retry-script.yaml', title: 'a retried script',
    build: c => {
      workflow(c, 'retry-script-').addScriptTemplate('retry-script', {
        retryStrategy: { limit: '10' }, image: 'python:alpine3.23', command: ['python'], source: 'import random;\nimport sys; \nexit_code = random.choice([0, 1, 1]); \nsys.exit(exit_code)\n',
      });
    },
  },
  {
    file: 'retry-with-steps.yaml', title: 'a retried template reading the retries variable',
    build: c => {
      const wf = workflow(c, 'retry-with-steps-');
      const main = wf.addStepsTemplate('retry-with-steps');
      const randomFail = wf.addContainerTemplate('random-fail', {
        retryStrategy: { limit: '10' }, image: 'python:alpine3.23', command: ['python', '-c'],
        args: [`import random; import sys; print('retries: ${TemplateVariables.retries}'); exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)`],
      });
      main.addStep('hello1', randomFail);
      main.addParallelSteps(['hello2a', randomFail], ['hello2b', randomFail]);
    },
  },
  {
    file: 'retry-conditional.yaml', title: 'a retry expression over lastRetry, with an input substituted as text',
    build: c => {
      const wf = workflow(c, 'retry-script-');
      const main = wf.addStepsTemplate('main');
      const safe = wf.addScriptTemplate('safe-to-retry', { image: 'python:alpine3.23', command: ['python'], source: 'print("true")\n' });
      const safeToRetry = new InputParameter('safe-to-retry');
      const t = TemplateVariables;
      const retry = wf.addScriptTemplate('retry-script', {
        inputs: [safeToRetry],
        retryStrategy: {
          limit: '10',
          expression: Condition.and(
            t.lastRetryExitCode.gt(1), t.lastRetryStatus.ne(NodePhase.ERROR), t.lastRetryDuration.lt(120),
            Condition.or(safeToRetry.eq(true), t.lastRetryMessage.matches('imminent node shutdown|pod deleted'))),
        },
        image: 'python:alpine3.23', command: ['python'], source: 'import random;\nimport sys;\nexit_code = random.choice([1, 2]);\nsys.exit(exit_code)\n',
      });
      const s = main.addStep('safe-to-retry', safe);
      main.addStep('retry', retry, { arguments: [safeToRetry.set(s.result)] });
    },
    differences: [{
      reason: 'upstream converts lastRetry.duration with asInt(), which fails on the fractional seconds Argo binds there ("3.0168"); the typed API compares a duration as a float: asFloat(lastRetry.duration) < 120',
      apply: up => {
        const r = up[0].spec.templates[2].retryStrategy;
        r.expression = r.expression.replace('asInt(lastRetry.duration)', 'asFloat(lastRetry.duration)');
      },
    }],
  },
  {
    file: 'memoize-simple.yaml', v4Only: 'memoize.cache.configMap without a key is valid from v4 on (v3.7\'s schema requires the key, which the cache does not use)', title: 'outputs cached in a ConfigMap by key',
    build: c => {
      workflow(c, 'memoized-').addContainerTemplate('world-to-file', {
        memoize: { key: 'cache-key', maxAge: '10s', cache: ConfigMapRef.fromName('cache-config') }, image: 'busybox', command: ['sh', '-c'], args: ['echo world > /tmp/hello_world.txt'],
        outputs: [new OutputParameter('hello', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt') })],
      });
    },
  },
  {
    file: 'fibonacci-seq-conditional-param.yaml', v4Only: 'memoize.cache.configMap without a key is valid from v4 on (v3.7\'s schema requires the key, which the cache does not use)', title: 'memoized mutual recursion with conditional output expressions',
    build: c => {
      const wf = workflow(c, 'fibonacci-', { metadata: { annotations: { 'workflows.argoproj.io/veriiony': '>= 3.1.0' } } });
      const n = wf.addArgument('num', { value: '5' });
      const main = wf.addStepsTemplate('main');
      const num = new InputParameter('num');
      const fibonacci = wf.addStepsTemplate('fibonacci', { inputs: [num], memoize: { key: `${num}`, maxAge: '120s', cache: ConfigMapRef.fromName('fibonacci-m') } });
      const num1 = new InputParameter('num-1');
      const helper = wf.addStepsTemplate('fibonaccihelper', { inputs: [num1] });
      wf.addScriptTemplate('return-1', { image: 'python:alpine3.23', command: ['python'], source: 'print(1)' });
      const [a, op, b] = ['a', 'op', 'b'].map(name => new InputParameter(name));
      const math = wf.addScriptTemplate('do-math', { inputs: [a, op, b], image: 'python:alpine3.23', command: ['python'], source: `print(${a} ${op} ${b})\n` });
      const res = new InputParameter('result');
      const print = wf.addContainerTemplate('printresult', { inputs: [res], image: 'busybox', command: ['sh', '-c'], args: [`echo ${res}`] });
      const result = new OutputParameter('result');
      const fib = new OutputParameter('fib');
      const h = fibonacci.addStep('fibonacci-helper', helper, { when: Condition.and(num.ne(1), num.ne(2)), arguments: [num1.set(num)] });
      fibonacci.addOutput(new OutputParameter('fib', { valueFrom: OutputSource.fromExpression(argoExpr`asInt(${num}) == 1? 1: asInt(${num}) == 2? 1: ${h.output(result)}`) }));
      const s1 = helper.addStep('sub-1', math, { arguments: [a.set(num1), op.set('-'), b.set('1')] });
      const s2 = helper.addStep('sub-2', math, { when: Condition.and(num1.ne(1), num1.ne(2)), arguments: [a.set(num1), op.set('-'), b.set('2')] });
      const f1 = helper.addStep('fib-sub-1', fibonacci, { arguments: [num.set(s1.result)] });
      const f2 = helper.addStep('fib-sub-2', fibonacci, { arguments: [num.set(s2.result)] });
      const add = helper.addStep('add', math, { arguments: [a.set(f1.output(fibonacci.outputParameters[0])), op.set('+'), b.set(f2.output(fibonacci.outputParameters[0]))] });
      helper.addOutput(new OutputParameter('result', { valueFrom: OutputSource.fromParameter(add.result) }));
      const m = main.addStep('fibonaccimain', fibonacci, { arguments: [num.set(n)] });
      main.addStep('printresult', print, { arguments: [res.set(m.output(fibonacci.outputParameters[0]))] });
      void result; void fib;
    },
  },
  {
    file: 'recursive-for-loop.yaml', title: 'a loop written as recursion until a counter reaches a limit',
    build: c => {
      const wf = workflow(c, 'recursive-loop-');
      const plan = wf.addStepsTemplate('plan');
      const counter = new InputParameter('counter');
      const limit = new InputParameter('limit');
      const loop = wf.addStepsTemplate('loop', { inputs: [counter, limit] });
      const iterCounter = new InputParameter('counter');
      const iteration = wf.addScriptTemplate('counter-iteration', { inputs: [iterCounter], image: 'python:alpine3.23', command: ['python'], source: `print(${iterCounter} + 1)\n` });
      plan.addStep('recurse', loop, { arguments: [counter.set('0'), limit.set('10')] });
      const it = loop.addStep('iterate-counter', iteration, { arguments: [iterCounter.set(counter)] });
      loop.addStep('continue', loop, { when: it.result.lt(limit), arguments: [counter.set(it.result), limit.set(limit)] });
    },
  },
  {
    file: 'withsequence-nested-result.yaml', title: 'sequences whose end is a previous step\'s result',
    build: c => {
      const wf = workflow(c, 'withsequence-nested-result-');
      const entry = wf.addStepsTemplate('hello-entrypoint');
      const helloHello = wf.addStepsTemplate('hello-hello');
      const hello = wf.addScriptTemplate('hello', { image: 'python:alpine3.23', command: ['python'], source: 'import random\nresult = random.randint(0,5)\nprint(result)\n' });
      const a = entry.addStep('hello-a', hello);
      entry.addStep('hello-b', helloHello, { loop: Loop.sequence({ start: '1', end: a.result }) });
      const b = helloHello.addStep('hello-b', hello);
      helloHello.addStep('hello-c', hello, { loop: Loop.sequence({ start: '1', end: b.result }) });
    },
  },
  {
    file: 'handle-large-output-results.yaml', title: 'a count parameter drives a sequence over an artifact of items',
    build: c => {
      const wf = workflow(c, 'handle-large-output-results-');
      const main = wf.addStepsTemplate('handle-large-output-results');
      const items = new (require('../../../src').OutputArtifact)('items', { path: '/tmp/items' });
      const count = new OutputParameter('count', { valueFrom: OutputSource.fromPath('/tmp/count') });
      const get = wf.addContainerTemplate('get-items', {
        image: 'alpine:3.23', command: ['/bin/sh', '-c'], args: ['echo \'["a", "b", "c"]\' > /tmp/items && echo \'3\' > /tmp/count'], outputs: [items, count],
      });
      const index = new InputParameter('index');
      const inItems = new InputArtifact('items', { path: '/tmp/items' });
      const echo = wf.addContainerTemplate('echo', { inputs: [index, inItems], image: 'stedolan/jq:latest', command: ['sh', '-c'], args: [`cat /tmp/items | jq '.[${index}]'`] });
      const g = main.addStep('get-items', get);
      main.addStep('sequence-param', echo, { arguments: [index.set(Loop.item), inItems.from(g.outputArtifact(items))], loop: Loop.sequence({ count: g.output(count) }) });
    },
  },
  {
    file: 'skipped-output-defaults/consumer-input-default.yaml', title: 'an input default used when the producer was skipped',
    build: c => {
      const wf = workflow(c, 'consumer-input-default-');
      const main = wf.addDagTemplate('main');
      const msg = new OutputParameter('msg', { valueFrom: OutputSource.fromPath('/tmp/out.txt') });
      const produce = wf.addContainerTemplate('produce', { outputs: [msg], image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] });
      const input = new InputParameter('in', { default: 'fallback-from-input' });
      const consume = wf.addContainerTemplate('consume', { inputs: [input], image: 'argoproj/argosay:v2', args: ['echo', `consumer got: [${input}]`] });
      const p = main.addTask('producer', produce, { when: Condition.of(false) });
      main.addTask('consumer', consume, { depends: Depends.or(p.succeeded, p.skipped), arguments: [input.set(p.output(msg))] });
    },
  },
  {
    file: 'skipped-output-defaults/producer-output-default.yaml', title: 'an output default used when the producer was skipped',
    build: c => {
      const wf = workflow(c, 'producer-output-default-');
      const main = wf.addDagTemplate('main');
      const msg = new OutputParameter('msg', { valueFrom: OutputSource.fromPath('/tmp/out.txt'), default: 'hello-from-producer' });
      const produce = wf.addContainerTemplate('produce', { outputs: [msg], image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] });
      const input = new InputParameter('in');
      const consume = wf.addContainerTemplate('consume', { inputs: [input], image: 'argoproj/argosay:v2', args: ['echo', `consumer got: [${input}]`] });
      const p = main.addTask('producer', produce, { when: Condition.of(false) });
      main.addTask('consumer', consume, { depends: Depends.or(p.succeeded, p.skipped), arguments: [input.set(p.output(msg))] });
    },
  },
  {
    file: 'skipped-output-defaults/expression-fallback.yaml', title: 'an output expression falling back when the producer was skipped',
    build: c => {
      const wf = workflow(c, 'expression-fallback-');
      const main = wf.addDagTemplate('main');
      const msg = new OutputParameter('msg', { valueFrom: OutputSource.fromPath('/tmp/out.txt') });
      const produce = wf.addContainerTemplate('produce', { outputs: [msg], image: 'argoproj/argosay:v2', args: ['echo', 'real-value', '/tmp/out.txt'] });
      const p = main.addTask('producer', produce, { when: Condition.of(false) });
      main.addOutput(new OutputParameter('result', { valueFrom: OutputSource.fromExpression(argoExpr`${p.output(msg)} ?? 'expr-fallback'`) }));
    },
  },
  {
    file: 'expression-destructure-json.yaml', title: 'input values computed by expressions over a JSON workflow parameter',
    build: c => {
      const wf = workflow(c, 'expression-destructure-json-');
      const config = wf.addArgument('config', { value: '{"a": "1", "b": "2", "c": "3"}' });
      const inputs = ['a', 'b', 'c'].map(k => new InputParameter(k, { value: argoExpr`jsonpath(${config}, '$.${k}')` }));
      wf.addScriptTemplate('main', {
        inputs, env: { A: inputs[0], B: inputs[1], C: inputs[2] }, image: 'busybox', command: ['sh'], source: 'echo "$A$B$C"\n',
      });
    },
  },
  {
    file: 'expression-destructure-json-complex.yaml', title: 'JSONPath filters in expressions',
    build: c => {
      const wf = workflow(c, 'expression-destructure-json-complex-');
      const config = wf.addArgument('config', { value: '{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}' });
      const paths = { a: '$.employees[?(@.name=="Baris")].age', b: '$.employees[?(@.age>42 && @.age<44)].age', c: '$.employees[0:1]', d: '$.employees[*].name' };
      const inputs = Object.entries(paths).map(([k, p]) => new InputParameter(k, { value: argoExpr`jsonpath(${config}, ${JSON.stringify(p)})` }));
      wf.addScriptTemplate('main', {
        inputs, env: { A: inputs[0], B: inputs[1], C: inputs[2], D: inputs[3] }, image: 'busybox', command: ['sh'], source: 'echo "$A$B$C$D"\n',
      });
    },
  },
  {
    file: 'expression-reusing-verbose-snippets.yaml', title: 'an input computed once by a verbose expression, read by others',
    build: c => {
      const wf = workflow(c, 'expression-reusing-verbose-snippets-');
      const weather = wf.addArgument('weather', { value: '{"weekWeather": "eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo="}' });
      const temps = new InputParameter('week-temps', {
        value: argoExpr`map([ jsonpath(sprig.b64dec(jsonpath(${weather}, '$.weekWeather')), '$.temps') ], { toJson({ avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5, min: sprig.min(#[0], #[1], #[2], #[3], #[4]), max: sprig.max(#[0], #[1], #[2], #[3], #[4]) }) })[0]`,
      });
      const pick = (k: string) => argoExpr`jsonpath(${temps}, '$.${k}')`;
      wf.addScriptTemplate('main', {
        inputs: [temps], env: { AVG: pick('avg'), MIN: pick('min'), MAX: pick('max') }, image: 'busybox', command: ['sh'],
        source: 'echo "The week\'s average temperature was $AVG with a minimum of $MIN and a maximum of $MAX."\n',
      });
    },
    differences: [{
      reason: 'the typed API writes an input with a dash as inputs.parameters["week-temps"]; upstream writes inputs.parameters[\'week-temps\'] (the same expr-lang member access)',
      apply: up => {
        for (const e of up[0].spec.templates[0].script.env) e.value = e.value.replace('inputs.parameters["week-temps"]', 'inputs.parameters["week-temps"]');
      },
    }],
  },
  {
    file: 'expression-tag-template-workflow.yaml', title: 'expression templates in a loop list, an argument and container args',
    build: c => {
      const wf = workflow(c, 'expression-tag-template-');
      const main = wf.addDagTemplate('main');
      const foo = new InputParameter('foo');
      const pod = wf.addContainerTemplate('pod-0', {
        inputs: [foo], image: 'argoproj/argosay:v2',
        args: ['echo', `hello ${argoExpr`asInt(${foo}) * 10`} @ ${argoExpr`sprig.date('2006', ${WorkflowVariables.creationTimestamp})`}\n`, '/output'],
        outputs: [new OutputParameter('output', { valueFrom: OutputSource.fromPath('/output') })],
      });
      main.addTask('task-0', pod, { arguments: [foo.set(argoExpr`${Loop.item}`)], loop: Loop.fromParameter(argoExpr`toJson(filter([1, 3], {# > 1}))`) });
    },
  },
  {
    file: 'label-value-from-workflow.yaml', title: 'a workflow label computed from a parameter',
    build: c => {
      const wf = workflow(c, 'label-value-from-', { workflowMetadata: { labelsFrom: { foo: WorkflowVariables.parameter({ name: 'foo' }) } } });
      wf.addArgument('foo', { value: 'bar' });
      wf.addContainerTemplate('main', { image: 'argoproj/argosay:v2' });
    },
  },
  {
    file: 'title-and-description-with-markdown.yaml', title: 'a title the UI shows, as an annotation',
    build: c => {
      const wf = workflow(c, 'title-and-description-with-markdown-', {
        metadata: { labels: { 'workflows.argoproj.io/archive-strategy': 'false' }, annotations: { 'workflows.argoproj.io/title': '**Test Title**' } },
      });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'custom-metrics.yaml', title: 'Prometheus gauges, histograms and counters of the workflow and its templates',
    build: c => {
      const wf = workflow(c, 'hello-world-', {
        metrics: [WorkflowMetric.gauge('duration_gauge', { labels: { name: 'workflow' }, help: 'Duration gauge by name', realtime: true, value: WorkflowVariables.duration })],
      });
      const duration = (name: string) => WorkflowMetric.gauge('duration_gauge', { labels: { name }, help: 'Duration gauge by name', realtime: true, value: MetricVariables.duration });
      const steps = wf.addStepsTemplate('steps', { metrics: [duration('steps')] });
      const rand = new OutputParameter('rand-int-value', { globalName: 'rand-int-value', valueFrom: OutputSource.fromPath('/tmp/rand_int.txt') });
      const randomInt = wf.addContainerTemplate('random-int', {
        metrics: [
          WorkflowMetric.histogram('random_int_step_histogram', {
            help: 'Value of the int emitted by random-int at step level', when: MetricVariables.status.eq(NodePhase.SUCCEEDED),
            buckets: [2.01, 4.01, 6.01, 8.01, 10.01], value: MetricVariables.outputParameter(rand),
          }),
          duration('random-int'),
        ],
        outputs: [rand], image: 'busybox', command: ['sh', '-c'], args: ['RAND_INT=$((1 + RANDOM % 10)); echo $RAND_INT; echo $RAND_INT > /tmp/rand_int.txt'],
      });
      const flakey = wf.addContainerTemplate('flakey', {
        metrics: [WorkflowMetric.counter('result_counter', { help: 'Count of step execution by result status', labels: { name: 'flakey', status: MetricVariables.status }, value: '1' })],
        image: 'python:alpine3.23', command: ['python', '-c'], args: [RANDOM_EXIT],
      });
      steps.addStep('random-int', randomInt);
      steps.addStep('flakey', flakey);
    },
  },
  {
    file: 'dag-custom-metrics.yaml', title: 'metrics of the workflow and of each task, labelled by status and input',
    build: c => {
      const w = WorkflowVariables;
      const wf = workflow(c, 'dag-task-', {
        metrics: [
          WorkflowMetric.gauge('playground_workflow_duration', { help: 'Duration gauge by workflow level', labels: { playground_id_workflow: 'test', status: w.status }, realtime: false, value: w.duration }),
          WorkflowMetric.counter('playground_workflow_result_counter', { help: 'Count of workflow execution by result status  - workflow level', labels: { playground_id_workflow_counter: 'test', status: w.status } }),
        ],
      });
      const dag = wf.addDagTemplate('dag-task');
      const message = new InputParameter('message');
      const tag = new InputParameter('tag');
      const m = MetricVariables;
      const echo = wf.addContainerTemplate('echo', {
        inputs: [message, tag], image: 'busybox', command: ['echo', message],
        metrics: [
          WorkflowMetric.gauge('playground_workflow_duration_task_seconds', { help: 'Duration gauge by task name in seconds - task level', labels: { playground_task_name: tag, status: m.status }, realtime: false, value: m.duration }),
          WorkflowMetric.counter('playground_workflow_result_task_counter', { help: 'Count of task execution by result status  - task level', labels: { playground_task_name_counter: tag, status: m.status }, value: 1 }),
        ],
      });
      for (const [name, items] of [['TEST-ONE', [['TEST-ONE-A', 'ONE-A'], ['TEST-ONE-B', 'ONE-B']]], ['TEST-TWO', [['TEST-TWO-A', 'TWO-A'], ['TEST-TWO-B', 'TWO-B']]]] as const) {
        dag.addTask(name, echo, {
          arguments: [message.set(`console output-->TEST-${Loop.itemField('command')}`), tag.set(Loop.itemField('tag'))],
          loop: Loop.items(items.map(([t, command]) => ({ tag: t, command }))),
        });
      }
    },
  },
  {
    file: 'steps-inline-workflow.yaml', title: 'a step running an inline template',
    build: c => {
      const wf = workflow(c, 'steps-inline-');
      const main = wf.addStepsTemplate('main');
      main.addStep('a', wf.addContainerTemplate('a', { inline: true, image: 'argoproj/argosay:v2' }));
    },
  },
  {
    file: 'dag-inline-workflow.yaml', title: 'a task running an inline template',
    build: c => {
      const wf = workflow(c, 'dag-inline-');
      wf.addDagTemplate('main').addTask('a', wf.addContainerTemplate('a', { inline: true, image: 'argoproj/argosay:v2' }));
    },
  },
  {
    file: 'dag-inline-workflowtemplate.yaml', title: 'a WorkflowTemplate whose task runs an inline template',
    build: c => {
      const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'dag-inline' } });
      const main = wt.addDagTemplate('main');
      wt.setEntrypoint(main);
      main.addTask('a', wt.addContainerTemplate('a', { inline: true, image: 'argoproj/argosay:v2' }));
    },
  },
  {
    file: 'dag-inline-clusterworkflowtemplate.yaml', title: 'a ClusterWorkflowTemplate whose task runs an inline template',
    build: c => {
      const { ClusterWorkflowTemplate } = require('../../../src');
      const cwt = new ClusterWorkflowTemplate(c, 'cwt', { metadata: { name: 'dag-inline' } });
      const main = cwt.addDagTemplate('main');
      cwt.setEntrypoint(main);
      main.addTask('a', cwt.addContainerTemplate('a', { inline: true, image: 'argoproj/argosay:v2' }));
    },
  },
  {
    file: 'dag-inline-cronworkflow.yaml', title: 'a CronWorkflow running the inline-DAG WorkflowTemplate',
    build: c => {
      const { CronWorkflow } = require('../../../src');
      new CronWorkflow(c, 'cron', { metadata: { name: 'dag-inline' }, schedules: ['*/5 * * * *'], workflowTemplate: WorkflowTemplate.fromName(c, 'wt', 'dag-inline') });
    },
  },
  {
    file: 'data-transformations.yaml', title: 'a data template listing a bucket, its result looped over with key-only artifacts',
    build: c => {
      const wf = workflow(c, 'data-transformations-');
      const main = wf.addStepsTemplate('data-transformations');
      const list = wf.addDataTemplate('list-log-files', {
        source: DataSource.artifactPaths('test-bucket', ArtifactLocation.s3({ bucket: 'my-bucket' })),
        transformations: ['filter(data, {# endsWith "main.log"})'],
      });
      const fileName = new InputParameter('file-name');
      const file = new InputArtifact('file', { path: '/file' });
      const process = wf.addContainerTemplate('process-logs', {
        inputs: [fileName, file], image: 'argoproj/argosay:v2', command: ['sh', '-c'], args: [`echo ${fileName}\nhead /file\n`],
      });
      const l = main.addStep('list-log-files', list);
      main.addStep('process-logs', process, { loop: Loop.fromParameter(l.result), arguments: [file.from(ArtifactLocation.s3({ key: Loop.item })), fileName.set(Loop.item)] });
    },
  },
  {
    file: 'workflow-level-executor-plugin.yaml', title: 'an executor plugin defined in the workflow and the plugin template it runs',
    v4Only: 'executor plugins of one workflow (spec.executorPlugins) are new in Argo Workflows v4',
    build: c => {
      const wf = workflow(c, 'workflow-level-executor-plugin-');
      const { Size } = require('cdk8s');
      wf.addExecutorPlugin('workflow-level-hello-executor-plugin', {
        image: 'python:alpine3.23', command: ['python', '-c'], ports: [{ number: 4356 }],
        // the fixture's first line names its origin; the rest is the program
        args: [require('fs').readFileSync(__dirname + '/fixtures/executor-plugin.py', 'utf8').split('\n').slice(1).join('\n')],
        resources: { cpu: { request: '100m', limit: '200m' }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) } },
        containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true },
      });
      wf.addPluginTemplate('main', { plugin: 'workflowLevelHello' });
    },
  },
  {
    file: 'workflow-event-binding/event-consumer-workflowtemplate.yaml', title: 'a WorkflowTemplate reading a parameter a binding fills',
    build: c => { eventConsumer(c); },
  },
  {
    file: 'workflow-event-binding/event-consumer-workfloweventbinding.yaml', title: 'a WorkflowEventBinding submitting a WorkflowTemplate with a value from the event',
    pick: docs => docs.filter(d => d.kind === 'WorkflowEventBinding'),
    build: c => {
      const { wt, appellation } = eventConsumer(c);
      new WorkflowEventBinding(c, 'binding', {
        metadata: { name: 'event-consumer' }, selector: 'payload.appellation != ""', workflowTemplate: wt, arguments: [{ parameter: appellation, fromEvent: 'payload.appellation' }],
      });
    },
  },
  {
    file: 'configmaps/simple-parameters-configmap.yaml', title: 'the ConfigMap the parameter examples read (a cdk8s-plus object)',
    build: c => {
      new kplus.ConfigMap(c, 'cm', { metadata: { name: 'simple-parameters', labels: { 'workflows.argoproj.io/configmap-type': 'Parameter' } }, data: { msg: 'hello world' } });
    },
    differences: [{ reason: 'cdk8s-plus renders immutable: false, which is Kubernetes\' default', apply: (_up, ours) => { delete ours[0].immutable; } }],
  },
];

/** workflow-event-binding/event-consumer-workflowtemplate.yaml; `appellation` is filled by the binding, not declared. */
function eventConsumer(c: import('constructs').Construct) {
  const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'event-consumer' } });
  const salutation = wt.addArgument('salutation', { value: 'hello' });
  const appellation = new WorkflowParameter('appellation');
  const main = wt.addStepsTemplate('main');
  wt.setEntrypoint(main);
  const s = new InputParameter('salutation');
  const a = new InputParameter('appellation');
  const argosay = wt.addContainerTemplate('argosay', { inputs: [s, a], image: 'argoproj/argosay:v2', args: ['echo', `${s} ${a}`] });
  main.addStep('a', argosay, { arguments: [s.set(salutation), a.set(appellation)] });
  return { wt, appellation };
}
void Duration;
