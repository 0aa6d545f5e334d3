import { join } from 'path';
import { stringify } from 'yaml';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers';

afterAll(removeTempTrees);

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const at = '2024-07-15T09:00:00Z';

describe('cdk8s-argo simulate (run as a process)', () => {
  test('over the example app\'s dist/: the workflow /omega submits, printed as YAML, exit 0', () => {
    const r = runCli(['simulate', dist, '--event', 'webhook/omega', '--body', '{"size":"grande"}', '--time', at]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Sensor vector-pipeline/vendor-a:');
    expect(r.stdout).toContain('trigger run-a-workflow fires (argoWorkflow submit) on omega');
    expect(r.stdout).toMatch(/- name: size\n +value: grande/);
    expect(r.stdout).toMatch(/fired: vendor-a\/run-a-workflow$/m);
  });

  test('several events in order, --header and --format json', () => {
    const r = runCli(['simulate', dist, '--format', 'json',
      '--event', 'webhook/bitamin', '--body', '{}', '--header', 'X-Vendor: b', '--time', at,
      '--event', 'webhook/omega', '--body', '{"size":"venti"}', '--time', at]);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.events[0].event.data).toBe('{"header":{"X-Vendor":["b"]},"body":{}}');
    expect(result.fired.map((f: any) => `${f.sensor}/${f.trigger}`)).toEqual(['vendor-b/run-b-workflow', 'vendor-a/run-a-workflow']);
    expect(result.fired[1].resource.spec.arguments.parameters).toEqual([{ name: 'size', value: 'venti' }]);
  });

  test('exit 1 when a resource a trigger would create has lint errors', () => {
    const eventSource = { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'hooks' }, spec: { webhook: { a: { endpoint: '/a', method: 'POST', port: '12000' } } } };
    const sensor = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' },
      spec: {
        dependencies: [{ name: 'a', eventSourceName: 'hooks', eventName: 'a' }],
        triggers: [{ template: { name: 't', k8s: { operation: 'create', source: { resource: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' }, data: { x: '1' } } } } } }],
      },
    };
    const dir = tempTree({ 'set.yaml': `${stringify(eventSource)}---\n${stringify(sensor)}` });
    const r = runCli(['simulate', join(dir, 'set.yaml'), '--event', 'hooks/a', '--body', '{}', '--no-schema']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error: metadata\.name: .*\[K8S-NAME\]/);
  });

  test('exit 2 on bad input: an unknown event, a malformed --event, a missing file, a body file that does not exist', () => {
    const unknown = runCli(['simulate', dist, '--event', 'webhook/nope', '--body', '{}']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('EventSource "webhook" has no event "nope" (its events: "bitamin", "omega")');
    expect(runCli(['simulate', dist, '--event', 'omega']).status).toBe(2);
    expect(runCli(['simulate', '/nonexistent', '--event', 'webhook/omega']).status).toBe(2);
    expect(runCli(['simulate', dist, '--event', 'webhook/omega', '--body', '@/nonexistent.json']).stderr).toContain('cannot read /nonexistent.json');
    expect(runCli(['simulate', dist]).stderr).toContain('no --event given');
  });

  test('a request the endpoint rejects is reported, and the run still completes (exit 0)', () => {
    const r = runCli(['simulate', dist, '--event', 'webhook/omega', '--time', at]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('event webhook/omega: not published: the request has no body');
    expect(r.stdout).toContain('no trigger fired');
  });

  test('--help prints the usage; the main usage names the command', () => {
    expect(runCli(['simulate', '--help']).stdout).toContain('Usage: cdk8s-argo simulate <file|dir|->... --event <eventsource>/<event>');
    expect(runCli(['--help']).stdout).toMatch(/^  simulate +simulate events/m);
  });
});
