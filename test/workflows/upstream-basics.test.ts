/**
 * Upstream Argo Workflows v4.1.2 examples rebuilt through the public API. Each test synthesizes
 * the app (construct validation and the rule engine run), checks both strict schemas, and
 * compares with the upstream document after `normalize()` (see helpers.ts: key order, Argo's
 * test-harness labels/annotations, whitespace inside `{{= }}`).
 */
import {
  ArtifactLocation, Condition, Depends, InputArtifact, InputParameter, Loop, OutputArtifact, OutputParameter, OutputSource,
  Workflow, WorkflowPhase, WorkflowVariables,
} from '../../src/workflows';
import { expectUpstream, newChart } from './helpers';
// Every test here compares with an upstream example: skipped, saying why, without ../shared/argo.
import { testUpstream as test } from '../support/upstream';

function printMessage(wf: Workflow, image = 'busybox') {
  const message = new InputParameter('message');
  const template = wf.addContainerTemplate('print-message', { image, command: ['echo'], args: [message], inputs: [message] });
  return { template, message };
}

test('steps.yaml: sequential groups of parallel steps', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'steps', { generateName: 'steps-' });
  const main = wf.addStepsTemplate('hello-hello-hello');
  const { template: print, message } = printMessage(wf);
  main.addStep('hello1', print, { parameters: { [message.name]: 'hello1' } });
  const group = main.addGroup();
  group.addStep('hello2a', print, { parameters: { [message.name]: 'hello2a' } });
  group.addStep('hello2b', print, { parameters: { [message.name]: 'hello2b' } });
  expectUpstream(app, 'steps.yaml');
});

test('arguments-parameters.yaml: workflow arguments', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'arguments-parameters-' });
  wf.addArgument('message', { value: 'hello world' });
  printMessage(wf);
  expectUpstream(app, 'arguments-parameters.yaml');
});

test('dag-diamond.yaml: tasks depending on task objects', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'dag-diamond-' });
  const diamond = wf.addDagTemplate('diamond');
  const message = new InputParameter('message');
  const echo = wf.addContainerTemplate('echo', { image: 'busybox', command: ['echo', message], inputs: [message] });
  const a = diamond.addTask('A', echo, { parameters: { [message.name]: 'A' } });
  const b = diamond.addTask('B', echo, { depends: a, parameters: { [message.name]: 'B' } });
  const c = diamond.addTask('C', echo, { depends: a, parameters: { [message.name]: 'C' } });
  diamond.addTask('D', echo, { depends: [b, c], parameters: { [message.name]: 'D' } });
  expectUpstream(app, 'dag-diamond.yaml');
});

test('dag-enhanced-depends.yaml: depends expressions over task results', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'dag-diamond-' });
  const diamond = wf.addDagTemplate('diamond');
  const pass = wf.addContainerTemplate('pass', { image: 'busybox', command: ['sh', '-c', 'exit 0'] });
  const fail = wf.addContainerTemplate('fail', { image: 'busybox', command: ['sh', '-c', 'exit 1'] });
  const a = diamond.addTask('A', pass);
  const b = diamond.addTask('B', pass, { depends: a });
  const c = diamond.addTask('C', fail, { depends: a });
  diamond.addTask('should-execute-1', pass, { depends: Depends.and(a, Depends.or(c.succeeded, c.failed)) });
  const se2 = diamond.addTask('should-execute-2', pass, { depends: Depends.or(b, c) });
  const sne = diamond.addTask('should-not-execute', pass, { depends: Depends.and(b, c) });
  diamond.addTask('should-execute-3', pass, { depends: Depends.or(se2.succeeded, sne) });
  expectUpstream(app, 'dag-enhanced-depends.yaml');
});

test('dag-targets.yaml: target from a workflow parameter object', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'dag-target-' });
  const target = wf.addArgument('target', { value: 'E' });
  const dag = wf.addDagTemplate('dag-target', { target });
  const message = new InputParameter('message');
  const echo = wf.addContainerTemplate('echo', { image: 'busybox', command: ['echo', message], inputs: [message] });
  const a = dag.addTask('A', echo, { parameters: { [message.name]: 'A' } });
  const b = dag.addTask('B', echo, { depends: a, parameters: { [message.name]: 'B' } });
  const c = dag.addTask('C', echo, { depends: a, parameters: { [message.name]: 'C' } });
  dag.addTask('D', echo, { depends: [b, c], parameters: { [message.name]: 'D' } });
  dag.addTask('E', echo, { depends: c, parameters: { [message.name]: 'E' } });
  expectUpstream(app, 'dag-targets.yaml');
});

test('output-parameter.yaml: a step reads another step\'s output parameter by object', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'output-parameter-' });
  const main = wf.addStepsTemplate('output-parameter');
  const helloParam = new OutputParameter('hello-param', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt'), default: 'Foobar' });
  const toFile = wf.addContainerTemplate('hello-world-to-file', {
    image: 'busybox', command: ['sh', '-c'], args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'], outputs: [helloParam],
  });
  const { template: print, message } = printMessage(wf);
  const generate = main.addStep('generate-parameter', toFile);
  main.addStep('consume-parameter', print, { parameters: { [message.name]: generate.output(helloParam) } });
  expectUpstream(app, 'output-parameter.yaml');
});

test('artifact-passing.yaml: an output artifact passed to the next step', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'artifact-passing-' });
  const main = wf.addStepsTemplate('artifact-example');
  const helloArt = new OutputArtifact('hello-art', { path: '/tmp/hello_world.txt' });
  const toFile = wf.addContainerTemplate('hello-world-to-file', {
    image: 'busybox', command: ['sh', '-c'], args: ['sleep 1; echo hello world | tee /tmp/hello_world.txt'], outputs: [helloArt],
  });
  const message = new InputArtifact('message', { path: '/tmp/message' });
  const fromFile = wf.addContainerTemplate('print-message-from-file', {
    image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'], inputs: [message],
  });
  const generate = main.addStep('generate-artifact', toFile);
  main.addStep('consume-artifact', fromFile, { artifacts: { [message.name]: generate.outputArtifact(helloArt) } });
  expectUpstream(app, 'artifact-passing.yaml');
});

test('global-outputs.yaml: outputs exported with globalName and read through .global', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'global-outputs-' });
  const generateGlobals = wf.addStepsTemplate('generate-globals');
  const helloParam = new OutputParameter('hello-param', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt'), globalName: 'my-global-param' });
  const helloArt = new OutputArtifact('hello-art', { path: '/tmp/hello_world.txt', globalName: 'my-global-art' });
  const globalOutput = wf.addContainerTemplate('global-output', {
    image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'], outputs: [helloParam, helloArt],
  });
  const consumeGlobals = wf.addStepsTemplate('consume-globals');
  const param = new InputParameter('param', { value: helloParam.global });
  const consumeParam = wf.addContainerTemplate('consume-global-param', { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo ${param}`], inputs: [param] });
  const art = new InputArtifact('art', { path: '/art' });
  const consumeArt = wf.addContainerTemplate('consume-global-art', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /art'], inputs: [art] });
  generateGlobals.addStep('generate', globalOutput);
  generateGlobals.addStep('consume-globals', consumeGlobals);
  consumeGlobals.addParallelSteps(['consume-global-param', consumeParam], ['consume-global-art', consumeArt, { artifacts: { [art.name]: helloArt.global } }]);
  wf.setEntrypoint(generateGlobals);
  wf.setOnExit(consumeGlobals);
  expectUpstream(app, 'global-outputs.yaml');
});

test('loops.yaml: withItems with the Loop.item variable', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'loops-' });
  const main = wf.addStepsTemplate('loop-example');
  const { template: print, message } = printMessage(wf);
  main.addStep('print-message-loop', print, { parameters: { [message.name]: Loop.item }, loop: Loop.items(['hello world', 'goodbye world']) });
  expectUpstream(app, 'loops.yaml');
});

test('loops-maps.yaml: withItems of maps with Loop.itemField', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'loops-maps-' });
  const main = wf.addStepsTemplate('loop-map-example');
  const image = new InputParameter('image');
  const tag = new InputParameter('tag');
  const cat = wf.addContainerTemplate('cat-os-release', { image: `${image}:${tag}`, command: ['cat'], args: ['/etc/os-release'], inputs: [image, tag] });
  main.addStep('test-linux', cat, {
    parameters: { [image.name]: Loop.itemField('image'), [tag.name]: Loop.itemField('tag') },
    loop: Loop.items([{ image: 'debian', tag: '9.1' }, { image: 'debian', tag: '8.9' }, { image: 'alpine', tag: '3.6' }, { image: 'ubuntu', tag: '17.10' }]),
  });
  expectUpstream(app, 'loops-maps.yaml');
});

test('loops-sequence.yaml: withSequence (count, start/end, parameter, format)', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'loops-sequence-' });
  const count = wf.addArgument('count', { value: '3' });
  const main = wf.addStepsTemplate('loops-sequence');
  const msg = new InputParameter('msg');
  const echo = wf.addContainerTemplate('echo', { image: 'alpine:3.23', command: ['echo', msg], inputs: [msg] });
  const args = { parameters: { [msg.name]: Loop.item } };
  main.addParallelSteps(
    ['sequence-count', echo, { ...args, loop: Loop.sequence({ count: 5 }) }],
    ['sequence-start-end', echo, { ...args, loop: Loop.sequence({ start: 100, end: 105 }) }],
    ['sequence-param', echo, { ...args, loop: Loop.sequence({ start: 200, count }) }],
    ['sequence-negative', echo, { ...args, loop: Loop.sequence({ start: 5, end: 0 }) }],
    ['sequence-format', echo, { ...args, loop: Loop.sequence({ count: 5, format: 'testuser%02X' }) }],
  );
  expectUpstream(app, 'loops-sequence.yaml');
});

test('loops-param-result.yaml: withParam over a script step\'s result', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'loops-param-result-' });
  const main = wf.addStepsTemplate('loop-param-result-example');
  const gen = wf.addScriptTemplate('gen-number-list', {
    image: 'python:alpine3.23', command: ['python'],
    source: 'import json\nimport sys\njson.dump([i for i in range(20, 31)], sys.stdout)\n',
  });
  const seconds = new InputParameter('seconds');
  const sleep = wf.addContainerTemplate('sleep-n-sec', {
    image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo sleeping for ${seconds} seconds; sleep ${seconds}; echo done`], inputs: [seconds],
  });
  const generate = main.addStep('generate', gen);
  main.addStep('sleep', sleep, { parameters: { [seconds.name]: Loop.item }, loop: Loop.fromParameter(generate.result) });
  expectUpstream(app, 'loops-param-result.yaml');
});

test('loops-dag.yaml: a looped DAG task between two tasks', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'loops-dag-' });
  const dag = wf.addDagTemplate('loops-dag');
  const { template: print, message } = printMessage(wf);
  const a = dag.addTask('A', print, { parameters: { [message.name]: 'A' } });
  const b = dag.addTask('B', print, { depends: a, parameters: { [message.name]: Loop.item }, loop: Loop.items(['foo', 'bar', 'baz']) });
  dag.addTask('C', print, { depends: b, parameters: { [message.name]: 'C' } });
  expectUpstream(app, 'loops-dag.yaml');
});

test('coinflip.yaml: when conditions from a step result', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'coinflip-' });
  const main = wf.addStepsTemplate('coinflip');
  const flipCoin = wf.addScriptTemplate('flip-coin', {
    image: 'python:alpine3.23', command: ['python'],
    source: 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n',
  });
  const heads = wf.addContainerTemplate('heads', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] });
  const tails = wf.addContainerTemplate('tails', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was tails"'] });
  const flip = main.addStep('flip-coin', flipCoin);
  main.addParallelSteps(['heads', heads, { when: flip.result.eq('heads') }], ['tails', tails, { when: flip.result.eq('tails') }]);
  expectUpstream(app, 'coinflip.yaml');
});

test('scripts-bash.yaml: a script result passed as a parameter', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'scripts-bash-' });
  const main = wf.addStepsTemplate('bash-script-example');
  const gen = wf.addScriptTemplate('gen-random-int', {
    image: 'alpine:3.23', command: ['sh', '-c'],
    source: 'cat /dev/urandom | od -N2 -An -i | awk -v f=1 -v r=100 \'{printf "%i\\n", f + r * $1 / 65536}\'\n',
  });
  const message = new InputParameter('message');
  const print = wf.addContainerTemplate('print-message', { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo result was: ${message}`], inputs: [message] });
  const generate = main.addStep('generate', gen);
  main.addStep('print', print, { parameters: { [message.name]: generate.result } });
  expectUpstream(app, 'scripts-bash.yaml');
});

test('exit-handlers.yaml: an exit handler whose steps carry when on workflow.status', () => {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'exit-handlers-' });
  wf.addContainerTemplate('intentional-fail', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] });
  const exitHandler = wf.addStepsTemplate('exit-handler');
  const w = WorkflowVariables;
  const sendEmail = wf.addContainerTemplate('send-email', {
    image: 'alpine:3.23', command: ['sh', '-c'],
    args: [`echo send e-mail: ${w.name} ${w.status} ${w.duration}. Failed steps ${w.failures}`],
  });
  const celebrate = wf.addContainerTemplate('celebrate', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo hooray!'] });
  const cry = wf.addContainerTemplate('cry', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo boohoo!'] });
  exitHandler.addParallelSteps(
    ['notify', sendEmail],
    ['celebrate', celebrate, { when: w.status.eq(WorkflowPhase.SUCCEEDED) }],
    ['cry', cry, { when: w.status.ne(WorkflowPhase.SUCCEEDED) }],
  );
  wf.setOnExit(exitHandler);
  expectUpstream(app, 'exit-handlers.yaml');
});

test('input-artifact-s3.yaml: an input artifact loaded from S3 with credentials from a Secret', () => {
  const { app, chart } = newChart();
  const kplus = require('cdk8s-plus-27');
  const creds = kplus.Secret.fromSecretName(chart, 'creds', 'my-s3-credentials');
  const wf = new Workflow(chart, 'wf', { generateName: 'input-artifact-s3-' });
  const myArt = new InputArtifact('my-art', {
    path: '/my-artifact',
    location: ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', bucket: 'my-bucket-name', key: 'path/in/bucket', region: 'us-west-2',
      accessKey: { secret: creds, key: 'accessKey' }, secretKey: { secret: creds, key: 'secretKey' },
    }),
  });
  wf.addContainerTemplate('input-artifact-s3-example', { image: 'debian:latest', command: ['sh', '-c'], args: ['ls -l /my-artifact'], inputs: [myArt] });
  expectUpstream(app, 'input-artifact-s3.yaml');
});

test('conditions combine with and/or/not and render in both when syntaxes', () => {
  const status = WorkflowVariables.status;
  const c = Condition.and(status.ne(WorkflowPhase.SUCCEEDED), Condition.or(WorkflowVariables.name.eq('a b'), Condition.not(status.eq('Error'))));
  expect(c.renderWhen()).toBe("{{workflow.status}} != Succeeded && ('{{workflow.name}}' == 'a b' || !({{workflow.status}} == Error))");
  expect(c.renderExpression()).toBe('workflow.status != "Succeeded" && (workflow.name == "a b" || !(workflow.status == "Error"))');
  expect(Condition.and(status.eq('Failed'), Condition.expr('len(workflow.failures) > 0')).renderWhen())
    .toBe('{{=workflow.status == "Failed" && (len(workflow.failures) > 0)}}');
  expect(() => Condition.raw('{{x}} == y').renderExpression()).toThrow(/govaluate/);
});
