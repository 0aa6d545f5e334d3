import { ArgoGraphFocusError, buildArgoGraph } from '../../src/graph';
import { parseManifests } from '../../src/lint/load';
import { edgeLines, graphOf, loadDist } from './helpers';

const NS = 'vector-pipeline/';

describe('focus: one sensor or template and what it reaches', () => {
  const loaded = loadDist();

  test('a sensor: its flow to workflow A, A\'s templates, the notifier, the hand-off to B and what they use; not vendor B nor the CronWorkflow', () => {
    const graph = graphOf(loaded, { focus: ['vendor-a'] });
    expect(graph.focus).toEqual([`Sensor:${NS}vendor-a`]);
    const ids = graph.nodes.map(n => n.id.replace(NS, ''));
    expect(ids).toEqual(expect.arrayContaining([
      'Sensor:vendor-a', 'Sensor:vendor-a#dependency:omega', 'Sensor:vendor-a#trigger:run-a-workflow',
      'WorkflowTemplate:a-workflow', 'WorkflowTemplate:a-workflow#template:main', 'WorkflowTemplate:a-workflow#template:create-vector',
      'WorkflowTemplate:a-workflow#template:exit-handler', 'WorkflowTemplate:common', 'WorkflowTemplate:common#template:slack-notify',
      'Secret:slack-webhook', 'ServiceAccount:vendor-a-sensor', 'ConfigMap:a-workflow',
      // Through the S3 hand-off, B's loading template (in its WorkflowTemplate) is reached, not B's entrypoint.
      'WorkflowTemplate:b-workflow', 'WorkflowTemplate:b-workflow#template:load-vector',
    ]));
    for (const absent of ['Sensor:vendor-b', 'CronWorkflow:a-workflow-daily', 'EventSource:webhook', 'EventBus:default', 'WorkflowTemplate:b-workflow#template:main']) {
      expect(ids).not.toContain(absent);
    }
    expect(graph.edges.every(e => graph.nodes.some(n => n.id === e.from) && graph.nodes.some(n => n.id === e.to))).toBe(true);
  });

  test('names: Kind/name, object/part and the full id all work; a bare name prefers the flow object over a ConfigMap of that name', () => {
    const byKind = graphOf(loaded, { focus: ['WorkflowTemplate/common'] });
    expect(byKind.nodes.map(n => n.id.replace(NS, ''))).toEqual(['WorkflowTemplate:common', 'WorkflowTemplate:common#template:slack-notify', 'Secret:slack-webhook']);
    const part = graphOf(loaded, { focus: ['a-workflow-daily/exit-handler'] });
    expect(part.focus).toEqual([`CronWorkflow:${NS}a-workflow-daily#template:exit-handler`]);
    expect(part.nodes.map(n => n.id.replace(NS, ''))).toEqual([
      'WorkflowTemplate:common', 'WorkflowTemplate:common#template:slack-notify', 'CronWorkflow:a-workflow-daily',
      'CronWorkflow:a-workflow-daily#template:exit-handler', 'Secret:slack-webhook',
    ]);
    expect(graphOf(loaded, { focus: [`Sensor:${NS}vendor-b`] }).focus).toEqual([`Sensor:${NS}vendor-b`]);
    expect(graphOf(loaded, { focus: ['a-workflow'] }).focus).toEqual([`WorkflowTemplate:${NS}a-workflow`]);
  });

  test('a name that matches nothing is an error that suggests the closest name', () => {
    expect(() => graphOf(loaded, { focus: ['vendor-c'] })).toThrow(ArgoGraphFocusError);
    expect(() => graphOf(loaded, { focus: ['vendor-c'] })).toThrow(/focus "vendor-c" matches no node of the graph \(did you mean "vendor-a"\?\)/);
  });
});

describe('expand: steps and DAG templates drawn as their steps and tasks', () => {
  test('the example\'s steps templates: each step is a node calling its template', () => {
    const graph = graphOf(loadDist(), { focus: ['a-workflow/main'], expand: true });
    expect(edgeLines(graph, NS).filter(l => /Step|main/.test(l))).toEqual([
      'WorkflowTemplate:a-workflow --entrypoint--> WorkflowTemplate:a-workflow#template:main',
      'WorkflowTemplate:a-workflow#template:main --contains--> WorkflowTemplate:a-workflow#template:main#step:create-vector',
      'WorkflowTemplate:a-workflow#template:main#step:create-vector --calls--> WorkflowTemplate:a-workflow#template:create-vector',
    ]);
  });

  test('a DAG: tasks with their dependencies (depends expression as label), root tasks contained, each task calling its template', () => {
    const yaml = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: diamond}
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - {name: a, template: echo}
          - {name: b, template: echo, depends: a}
          - {name: c, template: echo, depends: a.Succeeded}
          - {name: d, template: echo, dependencies: [b, c], hooks: {running: {template: notify, expression: 'true'}}}
    - name: echo
      container: {image: 'alpine:3.20', command: [echo]}
    - name: notify
      container: {image: 'alpine:3.20', command: [echo]}
`;
    const loaded = parseManifests(yaml, 'diamond.yaml').manifests;
    const graph = graphOf(loaded, { expand: true });
    const t = 'WorkflowTemplate:diamond#template:main#task:';
    expect(edgeLines(graph, 'WorkflowTemplate:diamond#template:').filter(l => l.includes('task:'))).toEqual([
      `main --contains--> main#task:a`,
      `main#task:a --then--> main#task:b`,
      `main#task:a --then(a.Succeeded)--> main#task:c`,
      `main#task:b --then--> main#task:d`,
      `main#task:c --then--> main#task:d`,
      `main#task:a --calls--> echo`,
      `main#task:b --calls--> echo`,
      `main#task:c --calls--> echo`,
      `main#task:d --calls--> echo`,
      `main#task:d --hook(hook running)--> notify`,
    ]);
    expect(graph.nodes.find(n => n.id === `${t}d`)!.source).toMatchObject({ file: 'diamond.yaml', path: 'spec.templates[0].dag.tasks[3]', line: 13 });
    // Without expand the template itself makes the calls.
    expect(edgeLines(buildArgoGraph(loaded.map(l => l.manifest), { lint: { schema: false } }), 'WorkflowTemplate:diamond#template:')).toEqual([
      'WorkflowTemplate:diamond --entrypoint--> main',
      'main --calls--> echo',
      'main --hook(hook running)--> notify',
    ]);
  });
});
