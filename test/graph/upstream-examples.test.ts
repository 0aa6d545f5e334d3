/**
 * The graph of Argo's own examples (../shared/argo/workflows-v4.1.2/examples and
 * events-v1.9.11/examples), all files together as `cdk8s-argo graph <both dirs>` reads them.
 */
import { ArgoGraph, ArgoGraphNode, renderArgoGraph } from '../../src/graph';
import { edgesBetween, eventExamples, graphOf, haveUpstream, loadUpstream, workflowExamples } from './helpers';

if (!haveUpstream) {
  // eslint-disable-next-line no-console
  console.log(`test/graph/upstream-examples: skipped, the upstream examples are not at ${workflowExamples} and ${eventExamples}`);
}
const describeUpstream = haveUpstream ? describe : describe.skip;

describeUpstream('graph of all upstream examples together', () => {
  let graph: ArgoGraph;
  beforeAll(() => {
    graph = graphOf(loadUpstream());
  });

  /** The node of the object defined in an example file (its top-level node), by kind. */
  const objectIn = (file: string, kind: ArgoGraphNode['kind'], name?: string): ArgoGraphNode => {
    const found = graph.nodes.filter(n => n.kind === kind && !n.parent && n.source?.file?.endsWith(file) && (name === undefined || n.name === name));
    if (found.length !== 1) throw new Error(`${found.length} ${kind} nodes from ${file}`);
    return found[0];
  };
  const partOf = (parent: ArgoGraphNode, name: string) => {
    const found = graph.nodes.find(n => n.parent === parent.id && n.name === name);
    if (!found) throw new Error(`no part ${name} of ${parent.id}`);
    return found;
  };
  const targets = (from: ArgoGraphNode, kind?: string) => graph.edges.filter(e => e.from === from.id && (!kind || e.kind === kind)).map(e => e.to);

  test('every edge joins two nodes of the graph; ids are unique', () => {
    const ids = new Set(graph.nodes.map(n => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    expect(graph.edges.filter(e => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
    expect(new Set(graph.edges.map(e => e.id)).size).toBe(graph.edges.length);
    expect(graph.nodes.filter(n => n.parent && !ids.has(n.parent))).toEqual([]);
  });

  test('templateRef calls from a Workflow into WorkflowTemplates of another file (workflow-template/steps.yaml)', () => {
    const wf = objectIn('workflow-template/steps.yaml', 'Workflow');
    const main = partOf(wf, 'hello-hello-hello');
    expect(targets(main, 'calls')).toEqual([
      'WorkflowTemplate:workflow-template-print-message#template:print-message',
      'WorkflowTemplate:workflow-template-inner-steps#template:inner-steps',
    ]);
    expect(edgesBetween(graph, wf.id, main.id, 'entrypoint')).toHaveLength(1);
    // The called template calls further, inside its own WorkflowTemplate.
    expect(targets(graph.nodes.find(n => n.id === 'WorkflowTemplate:workflow-template-inner-steps#template:inner-steps')!, 'calls'))
      .toContain('WorkflowTemplate:workflow-template-inner-steps#template:print-message');
  });

  test('a Workflow running a ClusterWorkflowTemplate (cluster-workflow-template/workflow-template-ref.yaml)', () => {
    const wf = objectIn('cluster-workflow-template/workflow-template-ref.yaml', 'Workflow');
    expect(targets(wf, 'runs')).toEqual(['ClusterWorkflowTemplate:cluster-workflow-template-submittable']);
  });

  test('workflow-level hooks: exit and running (life-cycle-hooks-wf-level.yaml)', () => {
    const wf = objectIn('life-cycle-hooks-wf-level.yaml', 'Workflow');
    const http = partOf(wf, 'http');
    expect(graph.edges.filter(e => e.from === wf.id && e.to === http.id).map(e => `${e.kind} ${e.label ?? ''}`.trim())).toEqual(['exit', 'hook hook running']);
    expect(http.roles).toEqual(['exit handler', 'hook running']);
  });

  test('onExit exit handlers (exit-handlers.yaml) and what they call', () => {
    const wf = objectIn('exit-handlers.yaml', 'Workflow');
    const handler = partOf(wf, 'exit-handler');
    expect(edgesBetween(graph, wf.id, handler.id, 'exit')).toHaveLength(1);
    expect(handler.roles).toContain('exit handler');
    for (const id of targets(handler, 'calls')) expect(graph.nodes.find(n => n.id === id)!.roles).toContain('on exit');
  });

  test('CronWorkflow with schedule, time zone and concurrency policy (cron-workflow.yaml)', () => {
    const cron = objectIn('examples/cron-workflow.yaml', 'CronWorkflow');
    expect(cron.details).toEqual(['* * * * * · America/Los_Angeles', 'Replace']);
    expect(partOf(cron, 'hello-world-with-time').roles).toEqual(['entrypoint']);
  });

  test('an artifact one step stores and another loads at the same location (hdfs-artifact.yaml)', () => {
    const wf = objectIn('hdfs-artifact.yaml', 'Workflow');
    const artifact = graph.nodes.find(n => n.kind === 'Artifact' && n.name === 'HDFS' && n.details[0] === '/tmp/argo/foo')!;
    expect(targets(partOf(wf, 'hello-world-to-file'), 'stores')).toEqual([artifact.id]);
    expect(targets(artifact, 'loads')).toEqual([partOf(wf, 'print-message-from-hdfs').id]);
  });

  test('events: the webhook EventSource feeds the sensor, whose k8s trigger creates an inline Workflow (sensors/webhook.yaml)', () => {
    const es = objectIn('event-sources/webhook.yaml', 'EventSource');
    const event = partOf(es, 'example');
    expect(event.details).toEqual(['POST :12000/example']);
    const sensor = objectIn('sensors/webhook.yaml', 'Sensor');
    const dependency = partOf(sensor, 'test-dep');
    expect(edgesBetween(graph, event.id, dependency.id, 'event')).toHaveLength(1);
    const trigger = partOf(sensor, 'webhook-workflow-trigger');
    const [submitted] = targets(trigger, 'trigger');
    const workflow = graph.nodes.find(n => n.id === submitted)!;
    expect(workflow).toMatchObject({ kind: 'Workflow', name: 'webhook-*', details: ['made by trigger webhook-workflow-trigger', 'parameters: message'] });
    expect(workflow.source?.path).toBe('spec.triggers[0].template.k8s.source.resource');
  });

  test('what other triggers reach: an HTTP call, a Pod, a ConfigMap-held Workflow', () => {
    const http = partOf(objectIn('sensors/http-trigger.yaml', 'Sensor'), 'http-trigger');
    expect(targets(http, 'trigger')).toEqual(['External:http:POST http://http-server.argo-events.svc:8090/hello']);
    const pod = partOf(objectIn('sensors/trigger-standard-k8s-resource.yaml', 'Sensor'), 'webhook-pod-trigger');
    expect(graph.edges.filter(e => e.from === pod.id).map(e => [graph.nodes.find(n => n.id === e.to)!.name, e.label])).toEqual([['Pod hello-world-*', 'create']]);
    const fromConfigMap = partOf(objectIn('sensors/trigger-source-configmap.yaml', 'Sensor'), 'workflow-trigger');
    const [resource] = targets(fromConfigMap, 'trigger');
    expect(graph.nodes.find(n => n.id === resource)!.name).toBe('object from ConfigMap workflow-cm key wf');
    // The object fetched from the ConfigMap is what reads it.
    const [configMapUse] = graph.edges.filter(e => e.from === resource && e.kind === 'uses');
    expect(configMapUse).toMatchObject({ to: 'ConfigMap:workflow-cm', missing: true });
    expect(configMapUse.message).toMatch(/^ConfigMap "workflow-cm" is not among the linted manifests; assumed to exist in the cluster/);
  });

  test('missing references are marked, each with the lint finding that reports it', () => {
    const missingEdges = graph.edges.filter(e => e.missing);
    expect(missingEdges.length).toBeGreaterThan(50);
    for (const e of missingEdges) {
      expect({ edge: e.id, findings: e.findings.length }).toEqual({ edge: e.id, findings: expect.any(Number) });
      expect(e.findings.length).toBeGreaterThan(0);
      expect(e.message).toBe(e.findings[0].message);
      expect(graph.nodes.find(n => n.id === e.to || n.id === e.from && n.missing)!.missing).toBe(true);
    }
    // An event the EventSource does not define: E2's error, on a missing part of the EventSource.
    const sensor = objectIn('sensors/dependencies-conditions.yaml', 'Sensor');
    const missingEvent = graph.edges.find(e => e.to === partOf(sensor, 'test-dep-foo').id)!;
    expect(missingEvent).toMatchObject({ from: 'EventSource:webhook#event:example-foo', missing: true });
    expect(missingEvent.findings.map(f => `${f.severity} ${f.ruleId}`)).toEqual(['error E2']);
    // A Secret the sensor's Lambda trigger reads.
    const lambda = objectIn('tutorials/10-aws-lambda-trigger/sensor.yaml', 'Sensor');
    const secretUses = graph.edges.filter(e => e.to === 'Secret:aws-secret' && graph.nodes.find(n => n.id === e.from)!.parent === lambda.id);
    expect(secretUses.map(e => e.label)).toEqual(['accessKey', 'secretKey']);
    expect(secretUses.every(e => e.missing && e.findings[0].ruleId === 'K8S-REF')).toBe(true);
  });

  test('every format renders, twice the same', () => {
    for (const format of ['mermaid', 'dot', 'json', 'svg', 'html'] as const) {
      const first = renderArgoGraph(graph, format);
      expect(first.length).toBeGreaterThan(1000);
      expect(renderArgoGraph(graphOf(loadUpstream()), format)).toBe(first);
    }
  });
});
