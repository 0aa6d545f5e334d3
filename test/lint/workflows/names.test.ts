import { container, cronWorkflow, errors, workflow, workflowTemplate } from './helpers';

const hello = { entrypoint: 'main', templates: [container('main')] };

describe('W1 object name length', () => {
  test('a 64-character Workflow/WorkflowTemplate name is rejected, 63 accepted', () => {
    const [finding] = errors('W1', workflowTemplate('a'.repeat(64), hello));
    expect(finding.path).toBe('metadata.name');
    expect(finding.message).toMatch(/64 characters long but Argo allows at most 63.*Shorten/);
    expect(errors('W1', workflow(hello, { name: 'b'.repeat(64) }))).toHaveLength(1);
    expect(errors('W1', workflowTemplate('a'.repeat(63), hello))).toEqual([]);
  });
});

describe('W2 CronWorkflow name length', () => {
  test('53 characters are too many for a CronWorkflow, 52 are fine', () => {
    const spec = { schedules: ['@daily'], workflowSpec: hello };
    const [finding] = errors('W2', cronWorkflow('c'.repeat(53), spec));
    expect(finding.message).toMatch(/at most 52.*appends "-<timestamp>"/);
    expect(errors('W2', cronWorkflow('c'.repeat(52), spec))).toEqual([]);
  });
});

describe('W3 template, step, task and container names', () => {
  test('invalid, empty and duplicate template names', () => {
    const found = errors('W3', workflow({ entrypoint: 'main', templates: [container('main'), container('main'), container('bad_name'), container('')] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[1].name', 'spec.templates[2].name', 'spec.templates[3].name']);
    expect(found[0].message).toMatch(/"main" is already used at spec.templates\[0\].name.*unique/);
    expect(found[1].message).toMatch(/"bad_name" may only contain letters, digits and '-'.*e.g. "bad-name"/);
    expect(found[2].message).toMatch(/has no name/);
  });

  test('step names are unique across all groups of a steps template; a 129-character name is too long', () => {
    const found = errors('W3', workflow({ entrypoint: 'main', templates: [
      { name: 'main', steps: [[{ name: 'a', template: 'x' }], [{ name: 'a', template: 'x' }, { name: 'b'.repeat(129), template: 'x' }]] },
      container('x'),
    ] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].steps[1][0].name', 'spec.templates[0].steps[1][1].name']);
    expect(found[1].message).toMatch(/129 characters long \(at most 128\)/);
  });

  test('task names starting with "-" and containerSet container names are checked', () => {
    const found = errors('W3', workflow({ entrypoint: 'main', templates: [
      { name: 'main', dag: { tasks: [{ name: '-a', template: 'set' }] } },
      { name: 'set', containerSet: { containers: [{ name: 'main', image: 'alpine' }, { name: 'two.dots', image: 'alpine' }] } },
    ] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].dag.tasks[0].name', 'spec.templates[1].containerSet.containers[1].name']);
  });

  test('valid names pass', () => {
    expect(errors('W3', workflow({ entrypoint: 'main', templates: [
      { name: 'main', steps: [[{ name: 'Step-1', template: 'x' }], [{ name: '2nd', template: 'x' }]] }, container('x'),
    ] }))).toEqual([]);
  });
});

describe('W4 parameter and artifact names', () => {
  test('invalid, duplicate names and globalName across arguments, inputs, outputs and step arguments', () => {
    const found = errors('W4', workflow({
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'a.b', value: '1' }, { name: 'ok', value: '1' }, { name: 'ok', value: '2' }] },
      templates: [
        container('main', { inputs: { artifacts: [{ name: 'in put', path: '/tmp/x' }] },
          outputs: { parameters: [{ name: 'out', globalName: 'glo.bal', valueFrom: { path: '/tmp/o' } }] } }),
        { name: 'steps', steps: [[{ name: 's', template: 'main', arguments: { parameters: [{ name: '', value: 'x' }] } }]] },
      ],
    }));
    expect(found.map(f => f.path)).toEqual([
      'spec.arguments.parameters[0].name', 'spec.arguments.parameters[2].name',
      'spec.templates[0].inputs.artifacts[0].name', 'spec.templates[0].outputs.parameters[0].globalName',
      'spec.templates[1].steps[0][0].arguments.parameters[0].name',
    ]);
    expect(found[0].message).toMatch(/argument parameter name "a.b" may only contain letters, digits, '-' and '_'/);
    expect(found[1].message).toMatch(/"ok" is already used/);
  });

  test('names with _ and -, and a parameterised globalName, pass', () => {
    expect(errors('W4', workflow({ entrypoint: 'main', arguments: { parameters: [{ name: 'my_param-1', value: 'x' }] },
      templates: [container('main', { outputs: { parameters: [{ name: 'o', globalName: '{{inputs.parameters.n}}', valueFrom: { path: '/o' } }] } })] }))).toEqual([]);
  });
});

describe('W5 step names with variables', () => {
  test('a step name that is invalid once {{...}} reads as x is reported under W5, not W3', () => {
    const wf = workflow({ entrypoint: 'main', templates: [
      { name: 'main', inputs: { parameters: [{ name: 'n', value: '1' }] },
        steps: [[{ name: 'run_{{inputs.parameters.n}}', template: 'x' }, { name: 'run-{{inputs.parameters.n}}', template: 'x' }]] },
      container('x'),
    ] });
    const found = errors('W5', wf);
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe('spec.templates[0].steps[0][0].name');
    expect(found[0].message).toMatch(/"run_{{inputs.parameters.n}}" \(with each {{...}} read as "x"\) may only contain/);
    expect(errors('W3', wf)).toEqual([]);
  });
});
