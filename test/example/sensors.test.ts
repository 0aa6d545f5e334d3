// The example app's sensors, tested the way a user tests theirs: simulate() feeds events to the
// synthesized chart, the matchers check what fires and what is submitted.
import { App } from 'cdk8s';
import '../../src/testing/jest';
import { simulate } from '../../src';
import { VectorPipelineChart } from '../../src/example/vector-pipeline-chart';

const app = new App({ outdir: '/nonexistent' });
const chart = new VectorPipelineChart(app, 'vector-pipeline');
const at = '2024-07-15T09:00:00Z';

test('a call to /omega with {"size": "grande"} submits a-workflow with size=grande', () => {
  const result = simulate(chart, { endpoint: chart.omega, body: { size: 'grande' }, time: at });
  expect(result).toSubmit(chart.workflowA, { parameters: { size: 'grande' } });
  expect(result).toFireOnly(chart.vendorA);
  const [workflow] = result.submitted(chart.workflowA);
  expect(workflow.metadata).toMatchObject({
    generateName: 'a-workflow-',
    namespace: 'vector-pipeline',
    labels: { 'events.argoproj.io/sensor': 'vendor-a', 'events.argoproj.io/trigger': 'run-a-workflow' },
  });
  expect(result.fired[0].findings.filter(f => f.severity === 'error')).toEqual([]);
});

test('a call to /omega without a size submits a-workflow with size=tall (the default)', () => {
  const result = simulate(chart, { endpoint: chart.omega, body: {}, time: at });
  expect(result).toSubmit(chart.workflowA, { parameters: { size: 'tall' } });
  expect(result).not.toSubmit(chart.workflowA, { parameters: { size: 'grande' } });
});

test('a call to /omega without any body publishes no event: Argo Events answers 400', () => {
  const result = simulate(chart, { endpoint: chart.omega, time: at });
  expect(result.fired).toEqual([]);
  expect(result.result.events[0].rejected).toMatch(/no body/);
});

test('a call to /bitamin fires only vendor-b', () => {
  const result = simulate(chart, { endpoint: chart.bitamin, body: { size: 'venti' }, time: at });
  expect(result).toFireOnly(chart.vendorB);
  expect(result).not.toFire(chart.vendorA);
  expect(result).toSubmit(chart.workflowB, { parameters: { size: 'venti' } });
  expect(result.submitted(chart.workflowA)).toEqual([]);
});

test('the endpoints accept POST only: a GET to /omega gets 400 and fires nothing', () => {
  const result = simulate(chart, { endpoint: chart.omega, method: 'GET', time: at });
  expect(result.fired).toEqual([]);
  expect(result.result.events[0].rejected).toMatch(/accepts POST only/);
});

test('a number for size is submitted as its text', () => {
  const result = simulate(chart, { endpoint: chart.omega, body: { size: 12 }, time: at });
  expect(result).toSubmit(chart.workflowA, { parameters: { size: '12' } });
});
