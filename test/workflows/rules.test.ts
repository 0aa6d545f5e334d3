/**
 * One program per rule of the catalogue (W1-W40, no W19) that breaks it through the constructs,
 * showing the synth-time error: reported on the construct the user wrote (its path in brackets),
 * naming the manifest field, what Argo would do, and the fix, tagged with the rule id.
 * Rules the types make impossible to break are listed in docs/workflows.md and in
 * type-safety.test.ts (W9, W11's parallelism half, W26's mixing half).
 */
import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ALL_RULES } from '../../src/lint';
import {
  ArgoVariable, ClusterWorkflowTemplate, CronWorkflow, DagTask, InputArtifact, InputParameter, Loop, OutputParameter, OutputSource,
  ResourceAction, RetryPolicy, TemplateVolumeMount, Workflow, WorkflowMetric, WorkflowTemplate, WorkflowVariables, WorkflowVolume,
} from '../../src/workflows';
import { newChart, synthError } from './helpers';

interface Case {
  /** What the program does wrong. */
  readonly title: string;
  /** Builds the bad program in the chart. */
  readonly build: (chart: Chart) => void;
  /** Path of the construct the error must be reported on (below `test/`). */
  readonly on: string;
  /** Fragments the message must contain (what is wrong / the fix). */
  readonly says: RegExp[];
}

function wf(chart: Chart, props: ConstructorParameters<typeof Workflow>[2] = {}) {
  return new Workflow(chart, 'wf', { generateName: 'bad-', ...props });
}

function hello(w: Workflow | WorkflowTemplate | CronWorkflow, id = 'hello', extra: object = {}) {
  return w.addContainerTemplate(id, { image: 'busybox', command: ['echo', 'hi'], ...extra });
}

const CASES: { [rule: string]: Case } = {
  W1: {
    title: 'a WorkflowTemplate name longer than 63 characters',
    build: c => hello(new WorkflowTemplate(c, 'wt', { metadata: { name: `t${'x'.repeat(63)}` } })),
    on: 'wt', says: [/63/],
  },
  W2: {
    title: 'a CronWorkflow name longer than 52 characters',
    build: c => hello(new CronWorkflow(c, 'cron', { metadata: { name: `c${'x'.repeat(52)}` }, schedules: ['0 9 * * *'] })),
    on: 'cron', says: [/52/],
  },
  W3: {
    title: 'a template name with an underscore',
    build: c => hello(wf(c), 'print_message'),
    on: 'wf/print_message', says: [/print_message/],
  },
  W4: {
    title: 'an input parameter name with a space',
    build: c => {
      const p = new InputParameter('my message', { default: 'x' });
      hello(wf(c), 'hello', { inputs: [p], args: [p] });
    },
    on: 'wf/hello', says: [/my message/],
  },
  W5: {
    title: 'a step name that is invalid once {{...}} is replaced',
    build: c => {
      const w = wf(c);
      const t = hello(w);
      w.addStepsTemplate('main').addStep('run_{{item}}', t, { loop: Loop.items(['a']) });
      w.setEntrypoint(w.templates[1]);
    },
    on: 'wf/main/run_{{item}}', says: [/run_/],
  },
  W6: {
    title: 'a Workflow with no template to start from',
    build: c => { wf(c); },
    on: 'wf', says: [/entrypoint/],
  },
  W7: {
    title: 'a step calling a template of another Workflow (not a WorkflowTemplate)',
    build: c => {
      const other = new Workflow(c, 'other', { generateName: 'other-' });
      const t = hello(other);
      wf(c).addStepsTemplate('main').addStep('call', t);
    },
    on: 'wf/main/call', says: [/hello/],
  },
  W8: {
    title: 'a Workflow running a WorkflowTemplate that also adds templates',
    build: c => {
      const lib = WorkflowTemplate.fromName(c, 'lib', 'library');
      hello(wf(c, { workflowTemplate: lib }));
    },
    on: 'wf', says: [/workflowTemplateRef/],
  },
  W10: {
    title: 'a container template without image and no templateDefaults image',
    build: c => { wf(c).addContainerTemplate('noimage', { command: ['echo'] }); },
    on: 'wf/noimage', says: [/image/],
  },
  W11: {
    title: 'an activeDeadlineSeconds smuggled onto a steps template through an untyped object',
    build: c => {
      const w = wf(c);
      const t = hello(w);
      w.addStepsTemplate('main', { activeDeadlineSeconds: 10 } as any).addStep('s', t);
      w.setEntrypoint(w.templates[1]);
    },
    on: 'wf/main', says: [/leaf templates/],
  },
  W12: {
    title: 'a negative activeDeadlineSeconds',
    build: c => { hello(wf(c), 'hello', { activeDeadlineSeconds: -5 }); },
    on: 'wf/hello', says: [/activeDeadlineSeconds/],
  },
  W13: {
    title: 'a timeout given as a bare number string',
    build: c => { hello(wf(c), 'hello', { timeout: '30' }); },
    on: 'wf/hello', says: [/30/],
  },
  W14: {
    title: 'a resource template without manifest nor manifestFrom',
    build: c => { wf(c).addResourceTemplate('res', { action: ResourceAction.CREATE }); },
    on: 'wf/res', says: [/manifest/],
  },
  W15: {
    title: 'an input artifact placed where a volume is mounted',
    build: c => {
      const data = WorkflowVolume.emptyDir('data');
      const mount: TemplateVolumeMount = { volume: data, mountPath: '/data' };
      hello(wf(c), 'hello', { inputs: [new InputArtifact('in', { path: '/data' })], volumeMounts: [mount] });
    },
    on: 'wf/hello', says: [/\/data/],
  },
  W16: {
    title: 'an init container with an empty name',
    build: c => { hello(wf(c)).addInitContainer('', { image: 'busybox' }); },
    on: 'wf/hello', says: [/name/],
  },
  W17: {
    title: 'a container set without containers',
    build: c => { wf(c).addContainerSetTemplate('set'); },
    on: 'wf/set', says: [/container/],
  },
  W18: {
    title: 'a container set container named wait',
    build: c => { wf(c).addContainerSetTemplate('set').addContainer('wait', { image: 'busybox' }); },
    on: 'wf/set', says: [/wait/],
  },
  W20: {
    title: 'a Workflow argument without value',
    build: c => {
      const w = wf(c);
      const size = w.addArgument('size');
      hello(w, 'hello', { args: [size] });
    },
    on: 'wf', says: [/size/],
  },
  W21: {
    title: 'a step that does not pass a required input',
    build: c => {
      const w = wf(c);
      const main = w.addStepsTemplate('main');
      const message = new InputParameter('message');
      main.addStep('print', hello(w, 'print', { inputs: [message], args: [message] }));
    },
    on: 'wf/main/print', says: [/message/],
  },
  W22: {
    title: 'an input artifact of a container template without path',
    build: c => { hello(wf(c), 'hello', { inputs: [new InputArtifact('data')] }); },
    on: 'wf/hello', says: [/path/],
  },
  W23: {
    title: 'a container template output parameter read with jsonPath',
    build: c => { hello(wf(c), 'hello', { outputs: [new OutputParameter('out', { valueFrom: OutputSource.fromJsonPath('{.x}') })] }); },
    on: 'wf/hello', says: [/out/],
  },
  W24: {
    title: 'a dependency cycle made with a variable written by hand',
    build: c => {
      const w = wf(c);
      const dag = w.addDagTemplate('dag');
      const m = new InputParameter('m', { default: '' });
      const t = hello(w, 'echo', { inputs: [m] });
      const a = dag.addTask('a', t, { arguments: [m.set(ArgoVariable.of('tasks.b.outputs.result'))] });
      dag.addTask('b', t, { depends: a });
    },
    on: 'wf/dag', says: [/cycle/],
  },
  W25: {
    title: 'a DAG without tasks',
    build: c => { wf(c).addDagTemplate('dag'); },
    on: 'wf/dag', says: [/task/],
  },
  W26: {
    title: 'a task name starting with a digit in a DAG using depends',
    build: c => {
      const w = wf(c);
      const dag = w.addDagTemplate('dag');
      const first = dag.addTask('1st', hello(w));
      dag.addTask('second', w.templates[1], { depends: first });
    },
    on: 'wf/dag/1st', says: [/1st/],
  },
  W27: {
    title: 'AnySucceeded on a task without a loop',
    build: c => {
      const w = wf(c);
      const dag = w.addDagTemplate('dag');
      const a = dag.addTask('a', hello(w));
      dag.addTask('b', w.templates[1], { depends: a.anySucceeded });
    },
    on: 'wf/dag/b', says: [/AnySucceeded/],
  },
  W28: {
    title: 'a task reading a task output outside its explicit depends',
    build: c => {
      const w = wf(c);
      const dag = w.addDagTemplate('dag');
      const m = new InputParameter('m');
      const echo = hello(w, 'echo', { inputs: [m], args: [m] });
      const a = dag.addTask('a', echo, { arguments: [m.set('x')] });
      const b = dag.addTask('b', echo, { arguments: [m.set('y')] });
      dag.addTask('c', echo, { depends: b, arguments: [m.set(a.result)] });
    },
    on: 'wf/dag/c', says: [/"a"/],
  },
  W29: {
    title: 'a DAG target naming no task',
    build: c => {
      const w = wf(c);
      w.addDagTemplate('dag', { target: 'nothere' }).addTask('a', hello(w));
    },
    on: 'wf/dag', says: [/nothere/],
  },
  W30: {
    title: 'a sequence with both count and end',
    build: c => {
      const w = wf(c);
      w.addStepsTemplate('main').addStep('s', hello(w), { loop: Loop.sequence({ count: 3, end: 5 }) });
    },
    on: 'wf/main/s', says: [/count/],
  },
  W31: {
    title: 'a template interpolating an input parameter of another template',
    build: c => {
      const w = wf(c);
      const message = new InputParameter('message');
      hello(w, 'a', { inputs: [message], args: [message] });
      hello(w, 'b', { args: [`say ${message}`] });
    },
    on: 'wf/b', says: [/message/],
  },
  W32: {
    title: 'a misspelled workflow variable through the string escape hatch',
    build: c => { hello(wf(c), 'hello', { args: [ArgoVariable.of('workflow.nmae')] }); },
    on: 'wf/hello', says: [/nmae/],
  },
  W33: {
    title: 'a CronWorkflow without schedules',
    build: c => hello(new CronWorkflow(c, 'cron', { metadata: { name: 'nightly' }, schedules: [] })),
    on: 'cron', says: [/schedule/],
  },
  W34: {
    title: 'a cron expression with minute 61',
    build: c => hello(new CronWorkflow(c, 'cron', { metadata: { name: 'nightly' }, schedules: ['61 9 * * *'] })),
    on: 'cron', says: [/61 9/],
  },
  W35: {
    title: 'a misspelled IANA time zone',
    build: c => hello(new CronWorkflow(c, 'cron', { metadata: { name: 'nightly' }, schedules: ['0 9 * * *'], timezone: 'Asia/Seol' })),
    on: 'cron', says: [/Asia\/Seol/],
  },
  W36: {
    title: 'a negative startingDeadlineSeconds',
    build: c => hello(new CronWorkflow(c, 'cron', { metadata: { name: 'nightly' }, schedules: ['0 9 * * *'], startingDeadlineSeconds: -1 })),
    on: 'cron', says: [/startingDeadlineSeconds/],
  },
  W37: {
    title: 'an unknown retry policy forced past the enum type',
    build: c => { hello(wf(c), 'hello', { retryStrategy: { retryPolicy: 'Sometimes' as RetryPolicy } }); },
    on: 'wf/hello', says: [/Sometimes/],
  },
  W38: {
    title: 'an unknown podGC strategy forced past the enum type',
    build: c => { hello(wf(c, { podGc: { strategy: 'Whenever' as any } })); },
    on: 'wf', says: [/Whenever/],
  },
  W40: {
    title: 'a metric name Prometheus does not accept',
    build: c => { hello(wf(c), 'hello', { metrics: [WorkflowMetric.counter('runs-total', { help: 'Runs' })] }); },
    on: 'wf/hello', says: [/runs-total/, /letters, digits and '_'/],
  },
  W39: {
    title: 'a lifecycle hook other than exit without expression',
    build: c => {
      const w = wf(c);
      const t = hello(w);
      w.addHook('running', t);
    },
    on: 'wf', says: [/running/],
  },
};

/** Rules the types make impossible to break through the constructs (see type-safety.test.ts). */
const TYPE_PREVENTED = ['W9'];

/** The error lines (`[construct/path] message`) of a failed synthesis. */
function errorLines(message: string): string[] {
  return message.split('\n').map(l => l.trim()).filter(l => l.startsWith('['));
}

describe('every catalogue rule breakable through the constructs fails synthesis on the construct the user wrote', () => {
  // The catalogue's W1-W40; W41-W44 (found calibrating against Argo's tests) are covered in test/lint.
  const ids = [...new Set(ALL_RULES.map(r => r.id).filter(id => /^W\d+$/.test(id) && Number(id.slice(1)) <= 40))];

  test('the catalogue is covered: each W rule has a case here or is listed as prevented by types', () => {
    expect(ids.filter(id => !CASES[id] && !TYPE_PREVENTED.includes(id))).toEqual([]);
  });

  for (const [rule, c] of Object.entries(CASES)) {
    test(`${rule}: ${c.title}`, () => {
      const { app, chart } = newChart();
      c.build(chart);
      const lines = errorLines(synthError(app));
      const hit = lines.find(l => l.startsWith(`[test/${c.on}] `) && l.endsWith(`[${rule}]`));
      expect({ rule, hit: hit ?? lines }).toEqual({ rule, hit: expect.any(String) });
      for (const fragment of c.says) expect(hit).toMatch(fragment);
      // message style: object, field path, then the message
      expect(hit).toMatch(/^\[[^\]]+\] [A-Za-z]+\/\S+: \S*: .+ \[W\d+\]$/);
    });
  }
});

test('a program that only uses typed references synthesizes without findings', () => {
  const { app, chart } = newChart();
  const lib = new ClusterWorkflowTemplate(chart, 'lib', { metadata: { name: 'lib' } });
  const m = new InputParameter('m');
  const echo = lib.addContainerTemplate('echo', { image: 'busybox', args: [m], inputs: [m], timeout: Duration.minutes(1) });
  const w = wf(chart);
  const dag = w.addDagTemplate('dag');
  const a: DagTask = dag.addTask('a', echo, { arguments: [m.set(WorkflowVariables.name)] });
  dag.addTask('b', echo, { arguments: [m.set(a.result)] });
  expect(() => app.synthYaml()).not.toThrow();
  void kplus;
});
