import { lint } from '../../../src/lint/engine';
import { WORKFLOWS_RULE_IDS } from '../../../src/lint/rules/workflows';
import { container, workflow } from './helpers';

// Speed is measured by the benchmark (npm run bench, BENCHMARKS.md), never by timing unit tests.
describe('Workflows rules on large inputs', () => {
  test('a 4,000-task DAG chain where each task reads its parent lints clean (deep ancestry, no stack overflow)', () => {
    const n = 4000;
    const chain = workflow({ entrypoint: 'main', templates: [
      { name: 'main', dag: { tasks: Array.from({ length: n }, (_, i) => ({
        name: `t${i}x`, template: 'echo', ...(i ? { depends: `t${i - 1}x` } : {}),
        arguments: { parameters: [{ name: 'msg', value: i ? `{{tasks.t${i - 1}x.outputs.parameters.out}}` : 'start' }] },
      })) } },
      container('echo', { inputs: { parameters: [{ name: 'msg' }] }, outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] } }),
    ] });
    expect(lint([chain], { schema: false, only: WORKFLOWS_RULE_IDS })).toEqual([]);
  });

  test('a task reading a task that is not its ancestor is still found at the end of a 4,000-task chain', () => {
    const n = 4000;
    const tasks: any[] = Array.from({ length: n }, (_, i) => ({ name: `t${i}x`, template: 'echo', ...(i ? { depends: `t${i - 1}x` } : {}) }));
    tasks.push({ name: 'side', template: 'echo' });
    tasks[n - 1].arguments = { parameters: [{ name: 'msg', value: '{{tasks.side.outputs.parameters.out}}' }] };
    const findings = lint([workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks } },
      container('echo', { inputs: { parameters: [{ name: 'msg', default: 'x' }] }, outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] } })] })],
    { schema: false, only: ['W28'] });
    expect(findings.map(f => f.path)).toEqual([`spec.templates[0].dag.tasks[${n - 1}].arguments.parameters[0].value`]);
  });
});
