/**
 * Checks that only make sense on objects (rules see names only): done by the constructs, with
 * the construct path, the manifest field and the fix. Plus the references that types make
 * automatic: DAG dependencies from output reads, templateRef vs template, exit-handler wrappers.
 */
import {
  argoExpr, ArgoVariable, ClusterWorkflowTemplate, CronWorkflow, Depends, InputParameter, OutputParameter, OutputSource, ParameterArgument, Workflow, WorkflowPhase, WorkflowTemplate,
  WorkflowParameter, WorkflowVariables, WorkflowVolume,
} from '../../src/workflows';
import { newChart, synth, synthError } from './helpers';
import { Size } from 'cdk8s';

function setup() {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'wf-' });
  const m = new InputParameter('m', { default: 'x' });
  const echo = wf.addContainerTemplate('echo', { image: 'busybox', args: [m], inputs: [m] });
  return { app, chart, wf, m, echo };
}

function line(message: string, construct: string): string {
  const found = message.split('\n').map(l => l.trim()).find(l => l.startsWith(`[test/${construct}] `));
  if (!found) throw new Error(`no error on test/${construct} in:\n${message}`);
  return found;
}

describe('object checks', () => {
  test('an argument for an input of another template', () => {
    const { app, wf, m, echo } = setup();
    const other = new InputParameter('mesage');
    wf.addContainerTemplate('other', { image: 'busybox', args: [other], inputs: [other] });
    wf.addStepsTemplate('main').addStep('s', echo, { arguments: [m.set('ok'), other.set('typo')] });
    expect(line(synthError(app), 'wf/main/s')).toBe('[test/wf/main/s] Workflow/wf-*: spec.templates[2].steps[0][0].arguments.parameters[1]: '
      + 'step "s" passes input parameter "mesage", which template "echo" does not declare (declared: m): Argo ignores it. '
      + 'Make the argument from one of the called template\'s input objects.');
  });

  test('an argument through an object of the same name that the template does not declare, and an input passed twice', () => {
    const { app, wf, m, echo } = setup();
    const lookalike = new InputParameter(m.name);
    wf.addStepsTemplate('main').addStep('s', echo, { arguments: [lookalike.set('x'), m.set('a'), m.set('b')] });
    const message = synthError(app);
    expect(message).toMatch(/arguments\.parameters\[0\]: step "s" passes input parameter "m" through an object template "echo" does not declare \(it declares another "m", which Argo fills instead\)/);
    expect(message).toMatch(/arguments\.parameters\[2\]: step "s" passes input parameter "m" twice: Argo uses the first value/);
  });

  test('an input parameter object of another template with the same name as one of this template', () => {
    const { app, wf, m } = setup();
    const own = new InputParameter('m', { default: 'x' });
    wf.addContainerTemplate('other', { image: 'busybox', args: [m], inputs: [own] });
    expect(line(synthError(app), 'wf/other')).toMatch(/spec\.templates\[1\]: reads input parameter "m" through an InputParameter object it does not declare; .*Use the object in this template's inputs\./);
  });

  test('a task depending on a task object of another DAG named like one of this DAG', () => {
    const { app, wf, m, echo } = setup();
    const first = wf.addDagTemplate('first');
    const a1 = first.addTask('a', echo, { arguments: [m.set('1')] });
    const second = wf.addDagTemplate('second');
    second.addTask('a', echo, { arguments: [m.set('2')] });
    second.addTask('b', echo, { depends: a1, arguments: [m.set('3')] });
    expect(line(synthError(app), 'wf/second/b')).toMatch(/\.dag\.tasks\[1\]\.depends: task "b" depends on task "a" of another DAG \(test\/wf\/first\); .*Depend on a task object of this DAG\./);
  });

  test('an output object the producing template does not declare (another with that name is declared)', () => {
    const { app, wf, m, echo } = setup();
    const declared = new OutputParameter('out', { valueFrom: OutputSource.fromPath('/tmp/out') });
    const stray = new OutputParameter('out', { valueFrom: OutputSource.fromPath('/tmp/other') });
    const gen = wf.addContainerTemplate('gen', { image: 'busybox', outputs: [declared] });
    const main = wf.addStepsTemplate('main');
    const g = main.addStep('g', gen);
    main.addStep('u', echo, { arguments: [m.set(g.output(stray))] });
    expect(line(synthError(app), 'wf/main/u')).toMatch(/reads \{\{steps\.g\.outputs\.parameters\.out\}\} through an output parameter object that template "gen" .* does not declare/);
  });

  test('calling a template of another Workflow explains why and how to fix (in addition to W7)', () => {
    const { app, chart, m } = setup();
    const other = new Workflow(chart, 'other', { generateName: 'other-' });
    const t = other.addContainerTemplate('hello', { image: 'busybox', inputs: [m], args: [m] });
    new Workflow(chart, 'caller', { generateName: 'caller-' }).addStepsTemplate('main').addStep('call', t, { arguments: [m.set('x')] });
    const message = synthError(app);
    expect(message).toMatch(/\[test\/caller\/main\/call\] .*\.template: .* \[W7\]/);
    expect(message).toMatch(/\[test\/caller\/main\/call\] .*\.template: step "call" calls template "hello" of test\/other, which is a Workflow or CronWorkflow: .*Move the template into a WorkflowTemplate/);
  });

  test('a steps template without steps (the CRD refuses an empty list)', () => {
    const { app, wf, echo } = setup();
    wf.addStepsTemplate('empty');
    wf.setEntrypoint(echo);
    expect(line(synthError(app), 'wf/empty')).toMatch(/spec\.templates\[1\]\.steps: has no steps: the CRD refuses an empty steps list on apply/);
  });

  test('a claim template declared on a template instead of the workflow', () => {
    const { app, wf } = setup();
    wf.addContainerTemplate('t', { image: 'busybox', volumes: [WorkflowVolume.fromClaimTemplate('work', { storage: Size.gibibytes(1) })] });
    expect(line(synthError(app), 'wf/t')).toMatch(/volume "work" is a claim template: .*Declare it on the workflow/);
  });

  test('an entrypoint that is not a template of the workflow', () => {
    const { app, chart, wf } = setup();
    const lib = new WorkflowTemplate(chart, 'lib', { metadata: { name: 'lib' } });
    wf.setEntrypoint(lib.addContainerTemplate('x', { image: 'busybox' }));
    expect(line(synthError(app), 'wf')).toMatch(/spec\.entrypoint: names template "x", which is not a template of this object/);
  });

  test('a duplicate step or task name fails at once with the fix', () => {
    const { wf, m, echo } = setup();
    const main = wf.addStepsTemplate('main');
    main.addStep('s', echo, { arguments: [m.set('1')] });
    expect(() => main.addStep('s', echo)).toThrow(/a step named "s" already exists in steps template "main".*Choose another name/);
    const dag = wf.addDagTemplate('dag');
    dag.addTask('t', echo, { arguments: [m.set('1')] });
    expect(() => dag.addTask('t', echo)).toThrow(/a task named "t" already exists/);
    expect(() => wf.addContainerTemplate('x', { name: 'echo', image: 'a' })).toThrow(/a template named "echo" already exists/);
  });
});

describe('references made by objects', () => {
  test('a task reading another task\'s output depends on it without being told', () => {
    const { app, wf, m, echo } = setup();
    const dag = wf.addDagTemplate('dag');
    const a = dag.addTask('a', echo, { arguments: [m.set('x')] });
    const o = new OutputParameter('o', { valueFrom: OutputSource.fromPath('/tmp/o') });
    const b = dag.addTask('b', wf.addContainerTemplate('gen', { image: 'busybox', outputs: [o] }));
    dag.addTask('c', echo, { arguments: [m.set(argoExpr`${a.result} + "-" + ${b.output(o)}`)] });
    dag.addTask('d', echo, { when: a.status.eq(WorkflowPhase.SUCCEEDED), arguments: [m.set('z')] });
    dag.addTask('e', echo, { arguments: [m.set(ArgoVariable.of('tasks.a.outputs.result'))] });
    wf.setEntrypoint(dag);
    const tasks = synth(app)[0].spec.templates.find((t: any) => t.name === 'dag').dag.tasks;
    expect(tasks.map((t: any) => [t.name, t.depends])).toEqual([['a', undefined], ['b', undefined], ['c', 'a && b'], ['d', 'a'], ['e', 'a']]);
  });

  test('a variable interpolated into text is text: the task gets no dependency from it, and rule W28 asks for one', () => {
    const { app, wf, m, echo } = setup();
    const dag = wf.addDagTemplate('dag');
    const a = dag.addTask('a', echo, { arguments: [m.set('x')] });
    dag.addTask('b', echo, { arguments: [m.set(`${a.result}-suffix`)] });
    wf.setEntrypoint(dag);
    expect(synthError(app)).toMatch(/\[test\/wf\/dag\/b\] .*dag\.tasks\[1\].*"a".*depend.*\[W28\]/);
  });

  test('explicit depends is kept as written when it covers what the task reads', () => {
    const { app, wf, m, echo } = setup();
    const dag = wf.addDagTemplate('dag');
    const a = dag.addTask('a', echo, { arguments: [m.set('x')] });
    dag.addTask('b', echo, { depends: Depends.or(a.succeeded, a.failed), arguments: [m.set(a.result)] });
    wf.setEntrypoint(dag);
    expect(synth(app)[0].spec.templates[1].dag.tasks[1].depends).toBe('a.Succeeded || a.Failed');
  });

  test('templates are named locally, by templateRef in a WorkflowTemplate, with clusterScope in a ClusterWorkflowTemplate', () => {
    const { app, chart, wf, m, echo } = setup();
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'shared' } });
    const cwt = new ClusterWorkflowTemplate(chart, 'cwt', { metadata: { name: 'cluster-shared' } });
    const fromWt = wt.addContainerTemplate('t1', { image: 'busybox' });
    const fromCwt = cwt.addContainerTemplate('t2', { image: 'busybox' });
    const remote = WorkflowTemplate.fromName(chart, 'remote', 'in-cluster').template('t3');
    const main = wf.addStepsTemplate('main');
    main.addParallelSteps(['local', echo, { arguments: [m.set('x')] }], ['wt', fromWt], ['cwt', fromCwt], ['remote', remote]);
    wf.setEntrypoint(main);
    const steps = synth(app).find(d => d.kind === 'Workflow').spec.templates[1].steps[0];
    expect(steps.map((s: any) => [s.template, s.templateRef])).toEqual([
      ['echo', undefined],
      [undefined, { name: 'shared', template: 't1' }],
      [undefined, { name: 'cluster-shared', template: 't2', clusterScope: true }],
      [undefined, { name: 'in-cluster', template: 't3' }],
    ]);
  });

  test('a conditional exit handler from a shared WorkflowTemplate is a generated steps template whose step has the when', () => {
    const { app, chart, wf } = setup();
    const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
    const notify = common.addContainerTemplate('slack-noti', { image: 'technosophos/slack-notify', env: { SLACK_MESSAGE: `${WorkflowVariables.failures}` } });
    wf.setOnExit(notify, { when: WorkflowVariables.status.eq(WorkflowPhase.FAILED) });
    const doc = synth(app).find(d => d.kind === 'Workflow');
    expect(doc.spec.onExit).toBe('exit-handler');
    expect(doc.spec.templates[1]).toEqual({
      name: 'exit-handler',
      steps: [[{ name: 'slack-noti', templateRef: { name: 'common', template: 'slack-noti' }, when: '{{workflow.status}} == Failed' }]],
    });
  });

  test('mounted volumes declared nowhere are declared on the template; claim templates go to the workflow', () => {
    const { app, wf } = setup();
    const scratch = WorkflowVolume.emptyDir('scratch');
    const work = WorkflowVolume.fromClaimTemplate('work', { storage: Size.gibibytes(1) });
    wf.addContainerTemplate('t', { image: 'busybox', volumeMounts: [{ volume: scratch, mountPath: '/tmp/s' }, { volume: work, mountPath: '/work' }] });
    const doc = synth(app)[0];
    expect(doc.spec.templates[1].volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
    expect(doc.spec.volumeClaimTemplates).toEqual([{ metadata: { name: 'work' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]);
  });

  test('synthesis is deterministic', () => {
    const build = () => {
      const { app, wf, m, echo } = setup();
      const dag = wf.addDagTemplate('dag');
      const a = dag.addTask('a', echo, { arguments: [m.set(WorkflowVariables.creationTimestamp.year)] });
      dag.addTask('b', echo, { arguments: [m.set(a.result)] });
      return app.synthYaml();
    };
    expect(build()).toBe(build());
  });
});

describe('more object behaviour', () => {
  test('argoExpr writes interpolated variables in expr-lang, and a task reading one depends on it', () => {
    const { app, wf, m, echo } = setup();
    const dag = wf.addDagTemplate('dag');
    const a = dag.addTask('a', echo);
    const b = dag.addTask('b', echo, { arguments: [m.set(argoExpr`sprig.upper(${a.result}) + ${m}`)] });
    wf.setEntrypoint(dag);
    expect(String((b.options.arguments![0] as ParameterArgument).value)).toBe('{{=sprig.upper(tasks.a.outputs.result) + inputs.parameters.m}}');
    const tasks = synth(app)[0].spec.templates[1].dag.tasks;
    expect(tasks[1]).toMatchObject({ name: 'b', depends: 'a', arguments: { parameters: [{ name: 'm', value: '{{=sprig.upper(tasks.a.outputs.result) + inputs.parameters.m}}' }] } });
  });

  test('a ClusterWorkflowTemplate drops the chart namespace; a WorkflowTemplate keeps it', () => {
    const { App, Chart } = require('cdk8s');
    const app = new App({ outdir: __dirname });
    const chart = new Chart(app, 'ns', { namespace: 'team-a' });
    new ClusterWorkflowTemplate(chart, 'cwt', { metadata: { name: 'cwt' } }).addContainerTemplate('t', { image: 'busybox' });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
    wt.addContainerTemplate('t', { image: 'busybox' });
    const docs = synth(app);
    expect(docs.map(d => [d.kind, d.metadata.namespace])).toEqual([['ClusterWorkflowTemplate', undefined], ['WorkflowTemplate', 'team-a']]);
    expect(wt.namespace).toBe('team-a');
  });

  test('values for a run WorkflowTemplate are checked against its parameters (Workflow and CronWorkflow)', () => {
    const { app, chart } = newChart();
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
    const size = wt.addArgument('size', { value: 'tall' });
    wt.setEntrypoint(wt.addContainerTemplate('t', { image: 'busybox', args: [size] }));
    const other = new WorkflowTemplate(chart, 'other', { metadata: { name: 'other' } });
    const colour = other.addArgument('colour');
    other.setEntrypoint(other.addContainerTemplate('t', { image: 'busybox', args: [colour] }));
    new Workflow(chart, 'run', { generateName: 'run-', workflowTemplate: wt, arguments: [size.set('grande'), colour.set('x')] });
    new CronWorkflow(chart, 'cron', { metadata: { name: 'cron' }, schedules: ['@daily'], workflowTemplate: wt, arguments: [colour.set('red')] });
    const message = synthError(app);
    expect(line(message, 'run')).toMatch(/spec\.arguments\.parameters\[1\]: gives a value to a parameter "colour" that WorkflowTemplate "wt" neither declares \(declared: size\) nor reads: the workflow would ignore it/);
    expect(line(message, 'cron')).toMatch(/spec\.workflowSpec\.arguments\.parameters\[0\]: gives a value to a parameter "colour"/);
  });

  test('a parameter the run WorkflowTemplate reads without declaring it is accepted (the run supplies it); one it cannot be seen reading names the opt-in', () => {
    const { app, chart } = newChart();
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
    const who = new WorkflowParameter('who');
    const m = new InputParameter('m');
    const echo = wt.addContainerTemplate('echo', { image: 'busybox', args: [m], inputs: [m] });
    const main = wt.addStepsTemplate('main');
    main.addStep('a', echo, { arguments: [m.set(who)] });
    wt.setEntrypoint(main);
    new Workflow(chart, 'run', { generateName: 'run-', workflowTemplate: wt, arguments: [who.set('x')] });
    expect(synth(app).find(d => d.kind === 'Workflow').spec.arguments).toEqual({ parameters: [{ name: 'who', value: 'x' }] });

    const remote = WorkflowTemplate.fromName(chart, 'remote', 'remote', { parameters: ['size'] });
    new Workflow(chart, 'remote-run', { generateName: 'remote-run-', workflowTemplate: remote, arguments: [who.set('x')] });
    expect(line(synthError(app), 'remote-run')).toMatch(/gives a value to a parameter "who" that WorkflowTemplate "remote" neither declares \(declared: size\) nor reads: .*list the parameter in its parameters option if the template reads it/);
  });
});
