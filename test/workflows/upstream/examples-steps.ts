/**
 * Upstream examples rebuilt with the typed API: steps, parameters, loops, conditions, scripts,
 * exit handlers, parallelism and timeouts. Compared by test/workflows/upstream-steps.test.ts.
 */
import { Chart } from 'cdk8s';
import {
  Condition, ConfigMapRef, InputParameter, Loop, NodePhase, OutputParameter, OutputSource, Workflow, WorkflowPhase, WorkflowProps, WorkflowVariables,
} from '../../../src';
import { UpstreamExample } from './compare';

/** A Workflow named by generateName. */
export function workflow(chart: Chart, generateName: string, props: WorkflowProps = {}): Workflow {
  return new Workflow(chart, 'wf', { generateName, ...props });
}

/** The `print-message` template most examples share: `echo {{inputs.parameters.message}}`. */
export function printMessage(wf: Workflow, image = 'busybox', name = 'print-message') {
  const message = new InputParameter('message');
  const template = wf.addContainerTemplate(name, { image, command: ['echo'], args: [message], inputs: [message] });
  return { template, message };
}

const FLIP_SOURCE = 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n';
const RANDOM_EXIT = 'import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)';

export const STEPS_EXAMPLES: UpstreamExample[] = [
  {
    file: 'hello-world.yaml', title: 'one container template',
    build: c => {
      const wf = workflow(c, 'hello-world-', { metadata: { labels: { 'workflows.argoproj.io/archive-strategy': 'false' } } });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'steps.yaml', title: 'sequential groups of parallel steps',
    build: c => {
      const wf = workflow(c, 'steps-');
      const main = wf.addStepsTemplate('hello-hello-hello');
      const { template: print, message } = printMessage(wf);
      main.addStep('hello1', print, { arguments: [message.set('hello1')] });
      const group = main.addGroup();
      group.addStep('hello2a', print, { arguments: [message.set('hello2a')] });
      group.addStep('hello2b', print, { arguments: [message.set('hello2b')] });
    },
  },
  {
    file: 'arguments-parameters.yaml', title: 'a workflow argument fills the entrypoint input of the same name',
    build: c => {
      const wf = workflow(c, 'arguments-parameters-');
      wf.addArgument('message', { value: 'hello world' });
      printMessage(wf);
    },
  },
  {
    file: 'global-parameters.yaml', title: 'a workflow parameter read by object',
    build: c => {
      const wf = workflow(c, 'global-parameters-');
      const message = wf.addArgument('message', { value: 'hello world' });
      wf.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [message] });
    },
  },
  {
    file: 'arguments-parameters-from-configmap.yaml', title: 'an input parameter read from a ConfigMap key',
    build: c => {
      const wf = workflow(c, 'arguments-parameters-from-configmap-');
      const message = new InputParameter('message', { fromConfigMap: { configMap: ConfigMapRef.fromName('simple-parameters'), key: 'msg' } });
      wf.addContainerTemplate('print-message-from-configmap', { image: 'busybox', command: ['echo'], args: [message], inputs: [message] });
    },
  },
  {
    file: 'global-parameters-from-configmap.yaml', title: 'a workflow parameter read from a ConfigMap key',
    build: c => {
      const wf = workflow(c, 'global-parameter-values-from-configmap-');
      const message = wf.addArgument('message', { fromConfigMap: { configMap: ConfigMapRef.fromName('simple-parameters'), key: 'msg' } });
      wf.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args: [message] });
    },
  },
  {
    file: 'global-parameters-from-configmap-referenced-as-local-variable.yaml', title: 'a ConfigMap-backed workflow parameter filling the entrypoint input',
    build: c => {
      const wf = workflow(c, 'global-parameter-from-configmap-referenced-as-local-variable-');
      wf.addArgument('message', { fromConfigMap: { configMap: ConfigMapRef.fromName('simple-parameters'), key: 'msg' } });
      printMessage(wf);
    },
  },
  {
    file: 'coinflip.yaml', title: 'when conditions from a step result',
    build: c => {
      const wf = workflow(c, 'coinflip-');
      const main = wf.addStepsTemplate('coinflip');
      const flipCoin = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: FLIP_SOURCE });
      const heads = wf.addContainerTemplate('heads', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const tails = wf.addContainerTemplate('tails', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was tails"'] });
      const flip = main.addStep('flip-coin', flipCoin);
      main.addParallelSteps(['heads', heads, { when: flip.result.eq('heads') }], ['tails', tails, { when: flip.result.eq('tails') }]);
    },
  },
  {
    file: 'coinflip-recursive.yaml', title: 'a steps template calling itself',
    build: c => {
      const wf = workflow(c, 'coinflip-recursive-');
      const main = wf.addStepsTemplate('coinflip');
      const flipCoin = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: FLIP_SOURCE });
      const heads = wf.addContainerTemplate('heads', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const flip = main.addStep('flip-coin', flipCoin);
      main.addParallelSteps(['heads', heads, { when: flip.result.eq('heads') }], ['tails', main, { when: flip.result.eq('tails') }]);
    },
  },
  {
    file: 'conditionals-complex.yaml', title: 'and/or conditions and regular expressions in when',
    build: c => {
      const wf = workflow(c, 'coinflip-');
      const main = wf.addStepsTemplate('coinflip');
      const flipCoin = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: FLIP_SOURCE });
      const heads = wf.addContainerTemplate('heads', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const tails = wf.addContainerTemplate('tails', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was tails"'] });
      const either = wf.addContainerTemplate('heads-tails-or-twice-tails', {
        image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads the first flip and tails the second. Or it was two times tails."'],
      });
      const first = main.addStep('flip-coin', flipCoin);
      main.addParallelSteps(['heads', heads, { when: first.result.eq('heads') }], ['tails', tails, { when: first.result.eq('tails') }]);
      const again = main.addStep('flip-again', flipCoin);
      main.addParallelSteps(
        ['complex-condition', either, {
          when: Condition.or(Condition.and(first.result.eq('heads'), again.result.eq('tails')), Condition.and(first.result.eq('tails'), again.result.eq('tails'))),
        }],
        ['heads-regex', heads, { when: again.result.matches('hea') }],
        ['tails-regex', tails, { when: again.result.matches('tai') }]);
    },
  },
  {
    file: 'conditionals.yaml', title: 'when in govaluate and as expression templates',
    build: c => {
      const wf = workflow(c, 'conditional-');
      wf.addArgument('should-print', { value: 'true' });
      const shouldPrint = new InputParameter('should-print');
      const main = wf.addStepsTemplate('conditional-example', { inputs: [shouldPrint] });
      const argosay = wf.addContainerTemplate('argosay', { image: 'argoproj/argosay:v1', command: ['sh', '-c'], args: ['cowsay hello'] });
      const { argoExpr } = require('../../../src');
      main.addParallelSteps(
        ['print-hello-govaluate', argosay, { when: shouldPrint.eq(true) }],
        ['print-hello-expr', argosay, { when: shouldPrint.eq('true').asExpressionTemplate() }],
        ['print-hello-expr-json', argosay, { when: argoExpr`jsonpath(${WorkflowVariables.parametersJson}, '$[0].value')`.eq('true') }]);
    },
  },
  {
    file: 'colored-logs.yaml', title: 'a script with an environment variable',
    build: c => {
      const wf = workflow(c, 'colored-logs-');
      wf.addScriptTemplate('print-colors', {
        image: 'python:alpine3.23', command: ['python'], env: { PYTHONUNBUFFERED: '1' },
        source: "import time\nimport random\n\nmessages = [\n    'No Color',\n    '\\x1b[30m%s\\x1b[0m' % 'FG Black',\n    '\\x1b[32m%s\\x1b[0m' % 'FG Green',\n"
          + "    '\\x1b[34m%s\\x1b[0m' % 'FG Blue',\n    '\\x1b[36m%s\\x1b[0m' % 'FG Cyan',\n    '\\x1b[41m%s\\x1b[0m' % 'BG Red',\n    '\\x1b[43m%s\\x1b[0m' % 'BG Yellow',\n"
          + "    '\\x1b[45m%s\\x1b[0m' % 'BG Magenta',\n]\nfor i in range(1, 100):\n  print(random.choice(messages))\n  time.sleep(1)\n",
      });
    },
  },
  {
    file: 'continue-on-fail.yaml', title: 'continueOn a failed step, workflow parallelism',
    build: c => {
      const wf = workflow(c, 'continue-on-fail-', { parallelism: 1 });
      const main = wf.addStepsTemplate('workflow-ignore');
      const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const fail = wf.addContainerTemplate('intentional-fail', { image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] });
      main.addStep('A', hello);
      main.addParallelSteps(['B', hello], ['C', fail, { continueOn: { failed: true } }]);
      main.addStep('D', hello);
    },
  },
  {
    file: 'exit-code-output-variable.yaml', title: 'a step reads the exit code of a failed step',
    build: c => {
      const wf = workflow(c, 'exit-code-output-variable-');
      const main = wf.addStepsTemplate('exit-code-output-variable');
      const failing = wf.addContainerTemplate('failing-container', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 123'] });
      const exitCode = new InputParameter('exitCode');
      const echo = wf.addContainerTemplate('echo-container', { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo "Exit code was: ${exitCode}"`], inputs: [exitCode] });
      const failed = main.addStep('failing-container', failing, { continueOn: { failed: true } });
      main.addStep('echo-container', echo, { arguments: [exitCode.set(failed.exitCode)] });
    },
  },
  {
    file: 'status-reference.yaml', title: 'when on a step status',
    build: c => {
      const wf = workflow(c, 'status-reference-');
      const main = wf.addStepsTemplate('status-reference');
      const flakey = wf.addContainerTemplate('flakey-container', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['exit 1'] });
      const failedT = wf.addContainerTemplate('failed', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "the flakey container failed"'] });
      const succeededT = wf.addContainerTemplate('succeeded', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo "the flakey container passed"'] });
      const f = main.addStep('flakey-container', flakey, { continueOn: { failed: true } });
      main.addParallelSteps(['failed', failedT, { when: f.status.eq(NodePhase.FAILED) }], ['succeeded', succeededT, { when: f.status.eq(NodePhase.SUCCEEDED) }]);
    },
  },
  {
    file: 'forever.yaml', title: 'a named Workflow',
    build: c => {
      const wf = new Workflow(c, 'wf', { metadata: { name: 'forever' } });
      wf.addContainerTemplate('main', { image: 'busybox', command: ['sh', '-c', 'for I in $(seq 1 1000) ; do echo $I ; sleep 1s; done'] });
    },
  },
  {
    file: 'output-parameter.yaml', title: 'a step reads another step\'s output parameter by object',
    build: c => {
      const wf = workflow(c, 'output-parameter-');
      const main = wf.addStepsTemplate('output-parameter');
      const helloParam = new OutputParameter('hello-param', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt'), default: 'Foobar' });
      const toFile = wf.addContainerTemplate('hello-world-to-file', {
        image: 'busybox', command: ['sh', '-c'], args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'], outputs: [helloParam],
      });
      const { template: print, message } = printMessage(wf);
      const generate = main.addStep('generate-parameter', toFile);
      main.addStep('consume-parameter', print, { arguments: [message.set(generate.output(helloParam))] });
    },
  },
  ...(['python', 'javascript', 'bash'] as const).map((lang): UpstreamExample => ({
    file: `scripts-${lang}.yaml`, title: `a ${lang} script result passed as a parameter`,
    build: c => {
      const wf = workflow(c, `scripts-${lang}-`);
      const main = wf.addStepsTemplate(`${lang}-script-example`);
      const gen = wf.addScriptTemplate('gen-random-int', {
        python: { image: 'python:alpine3.23', command: ['python'], source: 'import random\ni = random.randint(1, 100)\nprint(i)\n' },
        javascript: { image: 'node:9.1-alpine', command: ['node'], source: 'var rand = Math.floor(Math.random() * 100);\nconsole.log(rand);\n' },
        bash: { image: 'alpine:3.23', command: ['sh', '-c'], source: 'cat /dev/urandom | od -N2 -An -i | awk -v f=1 -v r=100 \'{printf "%i\\n", f + r * $1 / 65536}\'\n' },
      }[lang]);
      const message = new InputParameter('message');
      const print = wf.addContainerTemplate('print-message', { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo result was: ${message}`], inputs: [message] });
      const generate = main.addStep('generate', gen);
      main.addStep('print', print, { arguments: [message.set(generate.result)] });
    },
  })),
  {
    file: 'loops.yaml', title: 'withItems with the Loop.item variable',
    build: c => {
      const wf = workflow(c, 'loops-');
      const main = wf.addStepsTemplate('loop-example');
      const { template: print, message } = printMessage(wf);
      main.addStep('print-message-loop', print, { arguments: [message.set(Loop.item)], loop: Loop.items(['hello world', 'goodbye world']) });
    },
  },
  {
    file: 'loops-maps.yaml', title: 'withItems of maps with Loop.itemField',
    build: c => {
      const wf = workflow(c, 'loops-maps-');
      const main = wf.addStepsTemplate('loop-map-example');
      const image = new InputParameter('image');
      const tag = new InputParameter('tag');
      const cat = wf.addContainerTemplate('cat-os-release', { image: `${image}:${tag}`, command: ['cat'], args: ['/etc/os-release'], inputs: [image, tag] });
      main.addStep('test-linux', cat, {
        arguments: [image.set(Loop.itemField('image')), tag.set(Loop.itemField('tag'))],
        loop: Loop.items([{ image: 'debian', tag: '9.1' }, { image: 'debian', tag: '8.9' }, { image: 'alpine', tag: '3.6' }, { image: 'ubuntu', tag: '17.10' }]),
      });
    },
  },
  {
    file: 'loops-sequence.yaml', title: 'withSequence (count, start/end, parameter, format)',
    build: c => {
      const wf = workflow(c, 'loops-sequence-');
      const count = wf.addArgument('count', { value: '3' });
      const main = wf.addStepsTemplate('loops-sequence');
      const msg = new InputParameter('msg');
      const echo = wf.addContainerTemplate('echo', { image: 'alpine:3.23', command: ['echo', msg], inputs: [msg] });
      const args = { arguments: [msg.set(Loop.item)] };
      main.addParallelSteps(
        ['sequence-count', echo, { ...args, loop: Loop.sequence({ count: 5 }) }],
        ['sequence-start-end', echo, { ...args, loop: Loop.sequence({ start: 100, end: 105 }) }],
        ['sequence-param', echo, { ...args, loop: Loop.sequence({ start: 200, count }) }],
        ['sequence-negative', echo, { ...args, loop: Loop.sequence({ start: 5, end: 0 }) }],
        ['sequence-format', echo, { ...args, loop: Loop.sequence({ count: 5, format: 'testuser%02X' }) }],
      );
    },
  },
  {
    file: 'loops-param-result.yaml', title: 'withParam over a script step\'s result',
    build: c => {
      const wf = workflow(c, 'loops-param-result-');
      const main = wf.addStepsTemplate('loop-param-result-example');
      const gen = wf.addScriptTemplate('gen-number-list', {
        image: 'python:alpine3.23', command: ['python'], source: 'import json\nimport sys\njson.dump([i for i in range(20, 31)], sys.stdout)\n',
      });
      const seconds = new InputParameter('seconds');
      const sleep = wf.addContainerTemplate('sleep-n-sec', {
        image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo sleeping for ${seconds} seconds; sleep ${seconds}; echo done`], inputs: [seconds],
      });
      const generate = main.addStep('generate', gen);
      main.addStep('sleep', sleep, { arguments: [seconds.set(Loop.item)], loop: Loop.fromParameter(generate.result) });
    },
  },
  {
    file: 'loops-param-argument.yaml', title: 'withParam over an input, a display name built from inputs',
    build: c => {
      const wf = workflow(c, 'loops-param-arg-');
      wf.addArgument('os-list', {
        value: '[\n  { "image": "debian", "tag": "9.1" },\n  { "image": "debian", "tag": "8.9" },\n  { "image": "alpine", "tag": "3.6" },\n  { "image": "ubuntu", "tag": "17.10" }\n]\n',
      });
      const osList = new InputParameter('os-list');
      const main = wf.addStepsTemplate('loop-param-arg-example', { inputs: [osList] });
      const image = new InputParameter('image');
      const tag = new InputParameter('tag');
      const cat = wf.addContainerTemplate('cat-os-release', {
        displayName: `os-${image}-${tag}`, inputs: [image, tag], image: `${image}:${tag}`, command: ['cat'], args: ['/etc/os-release'],
      });
      main.addStep('test-linux', cat, { arguments: [image.set(Loop.itemField('image')), tag.set(Loop.itemField('tag'))], loop: Loop.fromParameter(osList) });
    },
  },
  {
    file: 'loops-arbitrary-sequential-steps.yaml', title: 'a looped step run one at a time, failing fast',
    build: c => {
      const wf = workflow(c, 'loop-arbitrary-sequential-steps-');
      wf.addArgument('step_params', {
        value: '[\n  { "exit_code": 0, "message": "succeeds 1" },\n  { "exit_code": 0, "message": "succeeds 2" },\n  { "exit_code": 0, "message": "succeeds 3" },\n'
          + '  { "exit_code": 1, "message": "will fail and stop here" },\n  { "exit_code": 0, "message": "will not run" },\n  { "exit_code": 0, "message": "will not run" }\n]\n',
      });
      const stepParams = new InputParameter('step_params');
      const main = wf.addStepsTemplate('loop-arbitrary-sequential-steps-example', { inputs: [stepParams], parallelism: 1, failFast: true });
      const exitCode = new InputParameter('exit_code');
      const message = new InputParameter('message');
      const unit = wf.addContainerTemplate('unit-step-template', {
        inputs: [exitCode, message], image: 'alpine:3.23', command: ['/bin/sh', '-c'], args: [`echo ${message}; exit ${exitCode}`],
      });
      main.addStep('unit-step', unit, { arguments: [exitCode.set(Loop.itemField('exit_code')), message.set(Loop.itemField('message'))], loop: Loop.fromParameter(stepParams) });
    },
  },
  {
    file: 'exit-handlers.yaml', title: 'an exit handler whose steps carry when on workflow.status',
    build: c => {
      const wf = workflow(c, 'exit-handlers-');
      wf.addContainerTemplate('intentional-fail', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] });
      const exitHandler = wf.addStepsTemplate('exit-handler');
      const w = WorkflowVariables;
      const sendEmail = wf.addContainerTemplate('send-email', {
        image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo send e-mail: ${w.name} ${w.status} ${w.duration}. Failed steps ${w.failures}`],
      });
      const celebrate = wf.addContainerTemplate('celebrate', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo hooray!'] });
      const cry = wf.addContainerTemplate('cry', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo boohoo!'] });
      exitHandler.addParallelSteps(
        ['notify', sendEmail],
        ['celebrate', celebrate, { when: w.status.eq(WorkflowPhase.SUCCEEDED) }],
        ['cry', cry, { when: w.status.ne(WorkflowPhase.SUCCEEDED) }],
      );
      wf.setOnExit(exitHandler);
    },
  },
  {
    file: 'parallelism-limit.yaml', title: 'workflow-level parallelism over a looped step',
    build: c => {
      const wf = workflow(c, 'parallelism-limit-', { parallelism: 2 });
      const main = wf.addStepsTemplate('parallelism-limit');
      const sleep = wf.addContainerTemplate('sleep', { image: 'busybox', command: ['sh', '-c', 'sleep 10'] });
      main.addStep('sleep', sleep, { loop: Loop.items(['this', 'workflow', 'should', 'take', 'at', 'least', 60, 'seconds', 'to', 'complete']) });
    },
  },
  {
    file: 'parallelism-template-limit.yaml', title: 'template-level parallelism',
    build: c => {
      const wf = workflow(c, 'parallelism-template-limit-');
      const main = wf.addStepsTemplate('parallelism-template-limit', { parallelism: 2 });
      const sleep = wf.addContainerTemplate('sleep', { image: 'alpine:3.23', command: ['sh', '-c', 'sleep 10'] });
      main.addStep('sleep', sleep, { loop: Loop.items(['this', 'workflow', 'should', 'take', 'at', 'least', 60, 'seconds', 'to', 'complete']) });
    },
  },
  {
    file: 'parallelism-nested.yaml', title: 'nested loops with parallelism on the inner steps',
    build: c => {
      const wf = workflow(c, 'parallelism-nested-');
      wf.addArgument('seq-list', { value: '["a","b","c","d"]\n' });
      wf.addArgument('parallel-list', { value: '[1,2,3,4]\n' });
      const seqList = new InputParameter('seq-list');
      const parallelList = new InputParameter('parallel-list');
      const worker = wf.addStepsTemplate('parallel-worker', { inputs: [seqList, parallelList] });
      const innerSeq = new InputParameter('seq-list');
      const parallelId = new InputParameter('parallel-id');
      const seqWorker = wf.addStepsTemplate('seq-worker', { parallelism: 1, inputs: [innerSeq, parallelId] });
      const seqId = new InputParameter('seq-id');
      const jobParallelId = new InputParameter('parallel-id');
      const job = wf.addContainerTemplate('one-job', {
        inputs: [seqId, jobParallelId], image: 'alpine:3.23', command: ['/bin/sh', '-c'], args: [`echo ${jobParallelId} ${seqId}; sleep 10`],
      });
      worker.addStep('parallel-worker', seqWorker, { arguments: [innerSeq.set(seqList), parallelId.set(Loop.item)], loop: Loop.fromParameter(parallelList) });
      seqWorker.addStep('seq-step', job, { arguments: [jobParallelId.set(parallelId), seqId.set(Loop.item)], loop: Loop.fromParameter(innerSeq) });
    },
  },
  {
    file: 'parallelism-nested-workflow.yaml', title: 'an outer loop run one at a time over an inner loop',
    build: c => {
      const wf = workflow(c, 'parallelism-nested-workflow-');
      wf.addArgument('seq-list', { value: '["a","b","c","d"]\n' });
      const seqList = new InputParameter('seq-list');
      const a = wf.addStepsTemplate('A', { parallelism: 1, inputs: [seqList] });
      const bSeq = new InputParameter('seq-id');
      const b = wf.addStepsTemplate('B', { inputs: [bSeq] });
      const jobSeq = new InputParameter('seq-id');
      const job = wf.addContainerTemplate('one-job', { inputs: [jobSeq], image: 'alpine:3.23', command: ['/bin/sh', '-c'], args: [`echo ${jobSeq}; sleep 30`] });
      a.addStep('seq-step', b, { arguments: [bSeq.set(Loop.item)], loop: Loop.fromParameter(seqList) });
      b.addStep('jobs', job, { arguments: [jobSeq.set(bSeq)], loop: Loop.fromParameter('[1, 2]') });
    },
  },
  {
    file: 'step-level-timeout.yaml', title: 'a template timeout from an input, continueOn error and failure',
    build: c => {
      const wf = workflow(c, 'steps-tmpl-timeout-');
      const main = wf.addStepsTemplate('sleep-sleep');
      const timeout = new InputParameter('timeout');
      const sleep = wf.addContainerTemplate('sleep', { timeout: `${timeout}`, inputs: [timeout], image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 30s'] });
      main.addParallelSteps(
        ['sleep1', sleep, { continueOn: { error: true }, arguments: [timeout.set('10s')] }],
        ['sleep2', sleep, { continueOn: { failed: true }, arguments: [timeout.set('10s')] }]);
    },
  },
  {
    file: 'timeouts-step.yaml', title: 'activeDeadlineSeconds of a template',
    build: c => {
      const wf = workflow(c, 'timeouts-step-');
      wf.addContainerTemplate('sleep', { image: 'argoproj/argosay:v2', command: ['bash', '-c'], args: ['echo 123; sleep 1d'], activeDeadlineSeconds: 10 });
    },
  },
  {
    file: 'timeouts-workflow.yaml', title: 'activeDeadlineSeconds of the workflow, a node selector',
    build: c => {
      const wf = workflow(c, 'timeouts-workflow-', { activeDeadlineSeconds: 30 });
      const main = wf.addStepsTemplate('bunch-of-sleeps');
      const sleep = wf.addContainerTemplate('sleep', { image: 'busybox', command: ['sleep', '1d'] });
      const unschedulable = wf.addContainerTemplate('unschedulable', { nodeSelector: { 'beta.kubernetes.io/arch': 'no-such-arch' }, image: 'alpine:3.23' });
      main.addParallelSteps(['sleep-one-day', sleep, { loop: Loop.items([1, 2, 3]) }], ['unschedulable', unschedulable, { loop: Loop.items([1, 2, 3]) }]);
    },
  },
];
void RANDOM_EXIT;
