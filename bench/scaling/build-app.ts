import { ApiObject, App, Chart } from 'cdk8s';
import type * as Library from '../../src';
import type { WorkflowTemplate } from '../../src';

/** Middle tasks of each generated DAG: with the producer, the consumer and the DAG itself, 10 templates. */
const MIDDLE_STEPS = 7;
/** WorkflowTemplates each generated sensor submits (one trigger per template). */
export const TEMPLATES_PER_SENSOR = 10;

/** How real apps write their charts: a class per chart (V8 names it in stack frames, cdk8s does not care). */
class TeamChart extends Chart {}

/**
 * The scaling app: `n` WorkflowTemplates of 10 templates each (a DAG of 9 tasks, a workflow
 * parameter passed on as input parameters, an S3 output artifact consumed by the last task) and
 * n/10 WorkflowSensors, each listening on its own webhook EventSource and submitting 10 of the
 * templates with a body field mapped onto the workflow parameter; one EventBus. The objects are
 * spread over `charts` subclassed charts (one per team, as larger apps are organised): chart c
 * holds the c-th block of templates with their sensors and event sources (the bus is in the
 * first). `foreign` plain cdk8s ConfigMaps (objects the library does not render: the synth session
 * renders and compares them in every validation round) are spread over the charts the same way.
 * Built with the library's constructs only, through the package entry `lib` (the compiled package,
 * or the sources).
 */
export function buildScalingApp(lib: typeof Library, n: number, outdir: string, charts = 1, foreign = 0): App {
  const { EventBus, WebhookEventSource, WorkflowSensor } = lib;
  const app = new App({ outdir });
  const teams = Array.from({ length: charts }, (_, c) => new TeamChart(app, charts === 1 ? 'scaling' : `team-${c}`, { namespace: 'bench' }));
  const chartOf = (templateIndex: number) => teams[Math.floor(templateIndex * charts / n)];
  const bus = new EventBus(teams[0], 'bus');
  const templates: { template: WorkflowTemplate; size: ReturnType<WorkflowTemplate['addArgument']> }[] = [];
  for (let i = 0; i < n; i++) templates.push(addWorkflowTemplate(lib, chartOf(i), i));
  for (let s = 0; s * TEMPLATES_PER_SENSOR < n; s++) {
    const chart = chartOf(s * TEMPLATES_PER_SENSOR);
    const source = new WebhookEventSource(chart, `hooks-${s}`, { metadata: { name: `hooks-${s}` }, eventBus: bus });
    const endpoint = source.addEndpoint('run', { path: `/run-${s}` });
    const sensor = new WorkflowSensor(chart, `sensor-${s}`, { metadata: { name: `sensor-${s}` }, eventBus: bus });
    const dependency = sensor.addDependency(endpoint);
    for (const { template, size } of templates.slice(s * TEMPLATES_PER_SENSOR, (s + 1) * TEMPLATES_PER_SENSOR)) {
      sensor.submitWorkflow(`run-${template.name}`, template, { arguments: [{ parameter: size, from: dependency.body('size').withDefault('tall') }] });
    }
  }
  for (let f = 0; f < foreign; f++) {
    const chart = teams[Math.floor(f * charts / foreign)];
    new ApiObject(chart, `settings-${f}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `settings-${f}` }, data: { team: chart.node.id, index: String(f) } });
  }
  return app;
}

function addWorkflowTemplate(lib: typeof Library, chart: Chart, i: number) {
  const { ArtifactLocation, InputArtifact, InputParameter, OutputArtifact, WorkflowTemplate, WorkflowVariables: wfv } = lib;
  const template = new WorkflowTemplate(chart, `wt-${i}`, { metadata: { name: `pipeline-${i}` } });
  const size = template.addArgument('size', { value: 'tall' });
  const message = new InputParameter('message');
  const data = new OutputArtifact('data', {
    path: '/tmp/data',
    location: ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', bucket: 'bench-artifacts', region: 'eu-west-1', useSdkCreds: true,
      key: `pipeline-${i}/${wfv.creationTimestamp.year}-${wfv.creationTimestamp.month}-${wfv.creationTimestamp.day}/${wfv.uid}.tgz`,
    }),
  });
  const produce = template.addContainerTemplate('produce', {
    image: 'busybox:1.36', command: ['sh', '-c'], args: ['echo "$0" > /tmp/data', message], inputs: [message], outputs: [data],
  });
  const input = new InputArtifact('data', { path: '/tmp/in' });
  const consume = template.addContainerTemplate('consume', { image: 'busybox:1.36', command: ['cat', '/tmp/in'], inputs: [input] });
  const dag = template.addDagTemplate('main');
  const first = dag.addTask('produce', produce, { arguments: [message.set(size)] });
  let previous = first;
  for (let k = 1; k <= MIDDLE_STEPS; k++) {
    const stepMessage = new InputParameter('message');
    const step = template.addContainerTemplate(`step-${k}`, { image: 'busybox:1.36', command: ['echo', stepMessage], inputs: [stepMessage] });
    previous = dag.addTask(`step-${k}`, step, { depends: previous, arguments: [stepMessage.set(`${size} ${k}`)] });
  }
  dag.addTask('consume', consume, { depends: previous, arguments: [input.from(first.outputArtifact(data))] });
  template.setEntrypoint(dag);
  return { template, size };
}
