/**
 * What the types rule out. Every `@ts-expect-error` below is checked by `npx tsc --noEmit -p .`
 * (part of `npm test`): if the line ever compiles, the type check fails. The runtime assertions
 * show that, even forced past the types, the constructs emit one consistent shape.
 */
import {
  CronConcurrencyPolicy, CronWorkflow, Depends, InputParameter, Workflow, WorkflowPhase, WorkflowVariables,
} from '../../src/workflows';
import { newChart, synth, synthError } from './helpers';

function fixture() {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'wf-' });
  const m = new InputParameter('m', { default: 'x' });
  const echo = wf.addContainerTemplate('echo', { image: 'busybox', args: [m], inputs: [m] });
  return { app, chart, wf, m, echo };
}

test('W9: each template class renders exactly one template type', () => {
  const { app, wf } = fixture();
  // @ts-expect-error a container template takes no steps
  wf.addContainerTemplate('c', { image: 'busybox', steps: [] });
  const types = ['container', 'script', 'resource', 'suspend', 'http', 'steps', 'dag', 'containerSet'];
  for (const t of synth(app)[0].spec.templates) expect(types.filter(k => k in t)).toHaveLength(1);
});

test('W11 (parallelism), W13 (timeout) are not props where Argo rejects them; init containers need a name; metrics are typed', () => {
  const { app, wf } = fixture();
  // @ts-expect-error parallelism only exists on steps and DAG templates
  wf.addContainerTemplate('p', { image: 'busybox', parallelism: 2 });
  // @ts-expect-error init containers are added with addInitContainer(name, ...), not as a prop
  wf.addContainerTemplate('i', { image: 'busybox', initContainers: [{ image: 'busybox' }] });
  // @ts-expect-error metrics are WorkflowMetric objects (a kind, a help text and a value each)
  expect(() => wf.addContainerTemplate('m', { image: 'busybox', metrics: [{ name: 'x' }] })).toThrow(/test\/wf\/m: metrics\[0\] is not a metric .*WorkflowMetric\.gauge\(\)/);
  const templates = synth(app)[0].spec.templates;
  expect(templates.filter((t: any) => t.parallelism || t.timeout || t.initContainers || t.metrics)).toEqual([]);

  const forced = fixture();
  // @ts-expect-error timeout only exists on leaf templates; forced through, rule W13 still stops it
  forced.wf.addStepsTemplate('s', { timeout: '10s' }).addStep('x', forced.echo);
  expect(synthError(forced.app)).toMatch(/\[test\/wf\/s\] .*spec\.templates\[1\]\.timeout: .*steps template.* \[W13\]/);
});

test('W26: DAG tasks only emit depends (never dependencies), so the two cannot be mixed', () => {
  const { app, wf, echo } = fixture();
  const dag = wf.addDagTemplate('dag');
  const a = dag.addTask('a', echo);
  // @ts-expect-error there is no dependencies option
  dag.addTask('b', echo, { dependencies: ['a'] });
  dag.addTask('c', echo, { depends: a });
  wf.setEntrypoint(dag);
  const tasks = synth(app)[0].spec.templates[1].dag.tasks;
  expect(tasks.some((t: any) => 'dependencies' in t)).toBe(false);
});

test('references are objects: names as strings do not compile', () => {
  const { wf, echo } = fixture();
  const main = wf.addStepsTemplate('main');
  // Forced through the types (JavaScript, `as any`), each fails at once with the fix.
  // @ts-expect-error a template is passed by object, not by name
  expect(() => main.addStep('by-name', 'echo')).toThrow(/test\/wf\/main\/by-name: the template must be a template object \(got "echo"\)/);
  const dag = wf.addDagTemplate('dag');
  const a = dag.addTask('a', echo);
  // @ts-expect-error depends takes task objects
  expect(() => dag.addTask('b', echo, { depends: 'a' })).toThrow(/depends takes task objects or Depends expressions \(got "a"\)/);
  // @ts-expect-error results come from the task object: a.failed, not a string
  expect(() => Depends.or(a, 'a.Failed')).toThrow(/a dependency must be a task object/);
  // @ts-expect-error when takes a Condition built from typed values
  expect(() => main.addStep('w', echo, { when: '{{workflow.status}} == Succeeded' })).toThrow(/when must be a Condition .*Condition\.raw/);
  // @ts-expect-error the variable catalogue has no misspelled keys
  expect(WorkflowVariables.stauts).toBeUndefined();
  // @ts-expect-error outputs are read through methods of the step object
  expect(main.addStep('o', echo).outptu).toBeUndefined();
  expect(WorkflowVariables.status.eq(WorkflowPhase.FAILED).renderWhen()).toBe('{{workflow.status}} == Failed');
});

test('W36 (concurrency policy), W37 (retry policy), W38 (podGC strategy) take enums', () => {
  const { chart } = newChart();
  // @ts-expect-error concurrency policy is CronConcurrencyPolicy
  new CronWorkflow(chart, 'c1', { schedules: ['0 9 * * *'], concurrencyPolicy: 'forbid' });
  const ok = new CronWorkflow(chart, 'c2', { schedules: ['0 9 * * *'], concurrencyPolicy: CronConcurrencyPolicy.FORBID });
  // @ts-expect-error retry policy is RetryPolicy
  ok.addContainerTemplate('r', { image: 'busybox', retryStrategy: { retryPolicy: 'OnFail' } });
  // @ts-expect-error podGc strategy is PodGcStrategy
  new Workflow(chart, 'w', { podGc: { strategy: 'OnSuccess' } });
  expect(CronConcurrencyPolicy.FORBID).toBe('Forbid');
});
