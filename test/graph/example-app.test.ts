import { App, Chart } from 'cdk8s';
import { buildArgoGraph } from '../../src/graph';
import { VectorPipelineChart } from '../../src/example/vector-pipeline-chart';
import { edgeLines, edgesBetween, graphOf, loadDist, node } from './helpers';

const NS = 'vector-pipeline/';

describe('graph of the example app (dist/)', () => {
  const loaded = loadDist();
  const graph = graphOf(loaded);

  test('the two endpoints on port 12000, each feeding its sensor\'s dependency', () => {
    expect(node(graph, `EventSource:${NS}webhook#event:omega`).details).toEqual(['POST :12000/omega']);
    expect(node(graph, `EventSource:${NS}webhook#event:bitamin`).details).toEqual(['POST :12000/bitamin']);
    expect(edgesBetween(graph, `EventSource:${NS}webhook#event:omega`, `Sensor:${NS}vendor-a#dependency:omega`, 'event')).toHaveLength(1);
    expect(edgesBetween(graph, `EventSource:${NS}webhook#event:bitamin`, `Sensor:${NS}vendor-b#dependency:bitamin`, 'event')).toHaveLength(1);
  });

  test('the EventBus between the EventSource and both sensors', () => {
    expect(node(graph, `EventBus:${NS}default`).details).toEqual(['JetStream 2.10.10 ×3']);
    expect(edgesBetween(graph, `EventSource:${NS}webhook`, `EventBus:${NS}default`, 'event-bus')).toHaveLength(1);
    for (const sensor of ['vendor-a', 'vendor-b']) expect(edgesBetween(graph, `EventBus:${NS}default`, `Sensor:${NS}${sensor}`, 'event-bus')).toHaveLength(1);
  });

  test('each sensor\'s trigger submits a Workflow from its WorkflowTemplate, the event body feeding the size parameter', () => {
    const trigger = node(graph, `Sensor:${NS}vendor-a#trigger:run-a-workflow`);
    expect(trigger.details).toEqual(['argoWorkflow submit', 'size <- omega body.size']);
    expect(edgesBetween(graph, `Sensor:${NS}vendor-a#dependency:omega`, trigger.id, 'condition')).toHaveLength(1);
    const [submit] = edgesBetween(graph, trigger.id, `WorkflowTemplate:${NS}a-workflow`, 'trigger');
    expect(submit).toMatchObject({ label: 'submit Workflow', missing: false, source: { path: 'spec.triggers[0].template.argoWorkflow.source.resource.spec.workflowTemplateRef' } });
    expect(edgesBetween(graph, `Sensor:${NS}vendor-b#trigger:run-b-workflow`, `WorkflowTemplate:${NS}b-workflow`, 'trigger')).toHaveLength(1);
  });

  test('the three WorkflowTemplates with their entrypoint and exit handler, and the CronWorkflow with schedule and time zone', () => {
    const templates = graph.nodes.filter(n => n.kind === 'WorkflowTemplate').map(n => n.name);
    expect(templates).toEqual(['common', 'a-workflow', 'b-workflow']);
    expect(node(graph, `WorkflowTemplate:${NS}a-workflow#template:main`).roles).toEqual(['entrypoint']);
    expect(node(graph, `WorkflowTemplate:${NS}a-workflow#template:exit-handler`).roles).toEqual(['exit handler']);
    expect(edgesBetween(graph, `WorkflowTemplate:${NS}a-workflow`, `WorkflowTemplate:${NS}a-workflow#template:main`, 'entrypoint')).toHaveLength(1);
    expect(edgesBetween(graph, `WorkflowTemplate:${NS}a-workflow`, `WorkflowTemplate:${NS}a-workflow#template:exit-handler`, 'exit')).toHaveLength(1);
    const cron = node(graph, `CronWorkflow:${NS}a-workflow-daily`);
    expect(cron.details).toEqual(['0 9 * * * · Asia/Seoul', 'Forbid']);
    expect(cron.properties).toEqual(expect.arrayContaining([['schedules', '0 9 * * *'], ['timezone', 'Asia/Seoul'], ['concurrencyPolicy', 'Forbid']]));
    // The daily run calls A's step by templateRef.
    expect(edgesBetween(graph, `CronWorkflow:${NS}a-workflow-daily#template:main`, `WorkflowTemplate:${NS}a-workflow#template:create-vector`, 'calls')[0].label).toBe('templateRef');
  });

  test('the shared Slack notifier: every exit handler calls common/slack-notify by templateRef', () => {
    const notifier = `WorkflowTemplate:${NS}common#template:slack-notify`;
    const callers = graph.edges.filter(e => e.to === notifier).map(e => `${e.from} ${e.kind} ${e.label}`);
    expect(callers).toEqual([
      `WorkflowTemplate:${NS}a-workflow#template:exit-handler calls templateRef`,
      `WorkflowTemplate:${NS}b-workflow#template:exit-handler calls templateRef`,
      `CronWorkflow:${NS}a-workflow-daily#template:exit-handler calls templateRef`,
    ]);
    expect(node(graph, notifier).roles).toEqual(['on exit']);
    expect(node(graph, `WorkflowTemplate:${NS}a-workflow#template:create-vector`).roles).toEqual([]);
  });

  test('the S3 hand-off: the bucket and key A stores and B loads is one Artifact node between them', () => {
    const artifacts = graph.nodes.filter(n => n.kind === 'Artifact');
    expect(artifacts).toHaveLength(1);
    const [artifact] = artifacts;
    expect(artifact.name).toBe('S3 starbucks');
    expect(artifact.details).toEqual(['americano/tall/{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}.tar.gz']);
    expect(edgesBetween(graph, `WorkflowTemplate:${NS}a-workflow#template:create-vector`, artifact.id, 'stores')[0].label).toBe('vector');
    expect(edgesBetween(graph, artifact.id, `WorkflowTemplate:${NS}b-workflow#template:load-vector`, 'loads')[0].label).toBe('vector');
  });

  test('the Slack webhook Secret is drawn missing, with the K8S-REF finding\'s text on the edge and the node', () => {
    const secret = node(graph, `Secret:${NS}slack-webhook`);
    expect(secret.missing).toBe(true);
    const [edge] = edgesBetween(graph, `WorkflowTemplate:${NS}common#template:slack-notify`, secret.id, 'uses');
    expect(edge).toMatchObject({ missing: true, label: 'secretKeyRef' });
    expect(edge.message).toMatch(/^Secret "slack-webhook" is not among the linted manifests; assumed to exist in the cluster/);
    expect(edge.findings.map(f => f.ruleId)).toEqual(['K8S-REF']);
    expect(secret.findings.map(f => f.message)).toEqual([edge.message]);
    // Only this reference is missing: everything else the app names is in dist/.
    expect(graph.nodes.filter(n => n.missing).map(n => n.id)).toEqual([secret.id]);
    expect(graph.edges.filter(e => e.missing)).toEqual([edge]);
  });

  test('every edge, as from --kind--> to (namespace left out)', () => {
    expect(edgeLines(graph, NS)).toEqual([
      'WorkflowTemplate:a-workflow --entrypoint--> WorkflowTemplate:a-workflow#template:main',
      'WorkflowTemplate:a-workflow --exit--> WorkflowTemplate:a-workflow#template:exit-handler',
      'WorkflowTemplate:a-workflow#template:main --calls--> WorkflowTemplate:a-workflow#template:create-vector',
      'WorkflowTemplate:a-workflow#template:exit-handler --calls(templateRef)--> WorkflowTemplate:common#template:slack-notify',
      'WorkflowTemplate:b-workflow --entrypoint--> WorkflowTemplate:b-workflow#template:main',
      'WorkflowTemplate:b-workflow --exit--> WorkflowTemplate:b-workflow#template:exit-handler',
      'WorkflowTemplate:b-workflow#template:main --calls--> WorkflowTemplate:b-workflow#template:load-vector',
      'WorkflowTemplate:b-workflow#template:exit-handler --calls(templateRef)--> WorkflowTemplate:common#template:slack-notify',
      'CronWorkflow:a-workflow-daily --entrypoint--> CronWorkflow:a-workflow-daily#template:main',
      'CronWorkflow:a-workflow-daily --exit--> CronWorkflow:a-workflow-daily#template:exit-handler',
      'CronWorkflow:a-workflow-daily#template:main --calls(templateRef)--> WorkflowTemplate:a-workflow#template:create-vector',
      'CronWorkflow:a-workflow-daily#template:exit-handler --calls(templateRef)--> WorkflowTemplate:common#template:slack-notify',
      'EventSource:webhook --event-bus--> EventBus:default',
      'EventBus:default --event-bus--> Sensor:vendor-a',
      'EventBus:default --event-bus--> Sensor:vendor-b',
      'EventSource:webhook#event:omega --event--> Sensor:vendor-a#dependency:omega',
      'Sensor:vendor-a#dependency:omega --condition--> Sensor:vendor-a#trigger:run-a-workflow',
      'Sensor:vendor-a#trigger:run-a-workflow --trigger(submit Workflow)--> WorkflowTemplate:a-workflow',
      'EventSource:webhook#event:bitamin --event--> Sensor:vendor-b#dependency:bitamin',
      'Sensor:vendor-b#dependency:bitamin --condition--> Sensor:vendor-b#trigger:run-b-workflow',
      'Sensor:vendor-b#trigger:run-b-workflow --trigger(submit Workflow)--> WorkflowTemplate:b-workflow',
      expect.stringMatching(/^WorkflowTemplate:a-workflow#template:create-vector --stores\(vector\)--> Artifact:s3:/),
      expect.stringMatching(/^Artifact:s3:.* --loads\(vector\)--> WorkflowTemplate:b-workflow#template:load-vector$/),
      'WorkflowTemplate:common#template:slack-notify --uses(secretKeyRef)!--> Secret:slack-webhook',
      'WorkflowTemplate:a-workflow#template:create-vector --uses(configMapRef)--> ConfigMap:common',
      'WorkflowTemplate:a-workflow#template:create-vector --uses(configMapRef)--> ConfigMap:a-workflow',
      'WorkflowTemplate:a-workflow --uses(serviceAccountName)--> ServiceAccount:workflow-runner',
      'WorkflowTemplate:a-workflow#template:create-vector --uses(serviceAccountName)--> ServiceAccount:vector-artifacts',
      'WorkflowTemplate:b-workflow#template:load-vector --uses(configMapRef)--> ConfigMap:common',
      'WorkflowTemplate:b-workflow#template:load-vector --uses(configMapRef)--> ConfigMap:b-workflow',
      'WorkflowTemplate:b-workflow --uses(serviceAccountName)--> ServiceAccount:workflow-runner',
      'WorkflowTemplate:b-workflow#template:load-vector --uses(serviceAccountName)--> ServiceAccount:vector-artifacts',
      'CronWorkflow:a-workflow-daily --uses(serviceAccountName)--> ServiceAccount:workflow-runner',
      'Sensor:vendor-a --uses(serviceAccountName)--> ServiceAccount:vendor-a-sensor',
      'Sensor:vendor-b --uses(serviceAccountName)--> ServiceAccount:vendor-b-sensor',
    ]);
  });

  test('nodes carry the file and line of their manifest field, findings theirs', () => {
    const main = node(graph, `WorkflowTemplate:${NS}a-workflow#template:main`);
    const text = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'dist', 'vector-pipeline.k8s.yaml'), 'utf8').split('\n');
    expect(main.source).toMatchObject({ file: 'dist/vector-pipeline.k8s.yaml', path: 'spec.templates[1]' });
    expect(text[main.source!.line! - 1]).toMatch(/^ {4}- name: main$/);
    const [finding] = node(graph, `WorkflowTemplate:${NS}common#template:slack-notify`).findings;
    expect(text[finding.line! - 1]).toMatch(/name: slack-webhook$/);
  });

  test('ServiceAccounts show what they are bound to and the IRSA role; Secrets would show key names only', () => {
    expect(node(graph, `ServiceAccount:${NS}vector-artifacts`).details).toEqual(['IAM role starbucks-artifacts', 'Role vector-artifacts-executor']);
    const withSecret = graphOf([...loaded, ...require('../../src/lint/load').parseManifests(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: slack-webhook, namespace: vector-pipeline}\nstringData: {url: "https://hooks.slack.com/services/T0/B0/XYZ"}\n', 'secret.yaml').manifests]);
    const secret = node(withSecret, `Secret:${NS}slack-webhook`);
    expect(secret).toMatchObject({ missing: false, details: ['Opaque, keys: url'] });
    expect(JSON.stringify(withSecret)).not.toContain('hooks.slack.com');
  });
});

describe('graph from a cdk8s app, without files', () => {
  test('buildArgoGraph over the synthesized chart gives the same nodes and edges as over dist/', () => {
    const app = new App({ outdir: '/nonexistent' });
    const chart: Chart = new VectorPipelineChart(app, 'vector-pipeline');
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let manifests: any[];
    try {
      manifests = chart.toJson();
    } finally {
      spy.mockRestore();
    }
    const fromApp = buildArgoGraph(manifests, { lint: { schema: false } });
    const fromDist = graphOf(loadDist());
    const shape = (g: typeof fromApp) => ({ nodes: g.nodes.map(n => n.id).sort(), edges: g.edges.map(e => e.id).sort() });
    expect(shape(fromApp)).toEqual(shape(fromDist));
    expect(fromApp.nodes.every(n => n.source?.file === undefined)).toBe(true);
  });
});
