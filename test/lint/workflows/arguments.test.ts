import { container, cronWorkflow, errors, workflow, workflowTemplate } from './helpers';

const printer = container('print', { inputs: { parameters: [{ name: 'message' }, { name: 'color', default: 'blue' }] } });

describe('W20 arguments', () => {
  test('a workflow argument without value, a bad valueFrom and an enum not holding the value', () => {
    const found = errors('W20', workflow({ entrypoint: 'main', templates: [container('main')], arguments: { parameters: [
      { name: 'a' },
      { name: 'b', valueFrom: { path: '/tmp/b' } },
      { name: 'c', value: 'purple', enum: ['red', 'green'] },
      { name: 'd', enum: [] , value: 'x' },
      { name: 'e', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' }, default: 'x' } },
    ] } }));
    expect(found.map(f => f.path)).toEqual([
      'spec.arguments.parameters[0]', 'spec.arguments.parameters[1].valueFrom', 'spec.arguments.parameters[2].value', 'spec.arguments.parameters[3].enum']);
    expect(found[0].message).toMatch(/"a" of the workflow has neither value nor valueFrom/);
    expect(found[1].message).toMatch(/valueFrom path.*configMapKeyRef/);
    expect(found[2].message).toMatch(/"purple", which is not in its enum \(red, green\)/);
  });

  test('WorkflowTemplates may leave workflow arguments empty; step arguments always need a value', () => {
    expect(errors('W20', workflowTemplate('lib', { templates: [container('main')], arguments: { parameters: [{ name: 'a' }, { name: 'b', enum: ['x'] }] } }))).toEqual([]);
    const [step] = errors('W20', workflowTemplate('lib', { templates: [
      { name: 'main', steps: [[{ name: 's', template: 'print', arguments: { parameters: [{ name: 'message' }] } }]] }, printer] }));
    expect(step.path).toBe('spec.templates[0].steps[0][0].arguments.parameters[0]');
    expect(step.message).toMatch(/of step "s" has neither value nor valueFrom/);
  });

  test('argument artifacts need from, a location or a key, and not from with fromExpression', () => {
    const found = errors('W20', workflow({ entrypoint: 'main', templates: [
      { name: 'main', dag: { tasks: [{ name: 't', template: 'x', arguments: { artifacts: [
        { name: 'none' }, { name: 'both', from: '{{tasks.a.outputs.artifacts.o}}', fromExpression: 'x' },
        { name: 'ok1', s3: { key: 'k' } }, { name: 'ok2', raw: { data: 'hi' } }, { name: 'ok3', from: '{{inputs.artifacts.x}}' }] } }] } }, container('x')] }));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].dag.tasks[0].arguments.artifacts[0]', 'spec.templates[0].dag.tasks[0].arguments.artifacts[1]']);
    expect(found[0].message).toMatch(/no from, location or key/);
  });
});

describe('W21 required inputs', () => {
  test('a step that does not pass an input without default is rejected; passing it, or a default, is fine', () => {
    const found = errors('W21', workflow({ entrypoint: 'main', templates: [
      { name: 'main', steps: [[
        { name: 'bad', template: 'print' },
        { name: 'good', template: 'print', arguments: { parameters: [{ name: 'message', value: 'hi' }] } },
      ]] }, printer] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].steps[0][0]']);
    expect(found[0].message).toMatch(/step "bad" runs template "print" without its input parameter "message".*inputs.parameters.message was not supplied/);
  });

  test('the entrypoint of a Workflow/CronWorkflow takes inputs from spec.arguments; WorkflowTemplates are not checked', () => {
    const spec = { entrypoint: 'print', templates: [printer] };
    const [wfFinding] = errors('W21', workflow(spec));
    expect(wfFinding.path).toBe('spec.arguments');
    expect(wfFinding.message).toMatch(/the workflow \(entrypoint\) runs template "print" without its input parameter "message"/);
    expect(errors('W21', cronWorkflow('c', { schedules: ['@daily'], workflowSpec: spec }))).toHaveLength(1);
    expect(errors('W21', workflow({ ...spec, arguments: { parameters: [{ name: 'message', value: 'x' }] } }))).toEqual([]);
    expect(errors('W21', workflowTemplate('lib', spec))).toEqual([]);
  });

  test('templateRef targets in the set are checked; a Workflow must pass empty arguments of its WorkflowTemplate', () => {
    const lib = workflowTemplate('lib', { entrypoint: 'print', arguments: { parameters: [{ name: 'message' }] }, templates: [printer] });
    const viaRef = workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks: [{ name: 't', templateRef: { name: 'lib', template: 'print' } }] } }] });
    expect(errors('W21', [viaRef, lib]).map(f => f.path)).toEqual(['spec.templates[0].dag.tasks[0]']);
    const run = workflow({ workflowTemplateRef: { name: 'lib' } });
    const found = errors('W21', [run, lib]);
    expect(found.map(f => f.message)).toEqual([expect.stringMatching(/declares workflow parameter "message" without a value and this workflow does not pass it/)]);
    expect(errors('W21', [workflow({ workflowTemplateRef: { name: 'lib' }, arguments: { parameters: [{ name: 'message', value: 'hi' }] } }), lib])).toEqual([]);
  });
});

describe('W22 artifact paths', () => {
  test('leaf artifacts need a path without ..; steps templates take no path; inputs take no from', () => {
    const found = errors('W22', workflow({ entrypoint: 'main', templates: [
      { name: 'main', inputs: { artifacts: [{ name: 'a', path: '/tmp/a' }] }, steps: [[{ name: 's', template: 'leaf' }]] },
      container('leaf', { inputs: { artifacts: [{ name: 'b' }, { name: 'c', path: '/tmp/../etc/c' }, { name: 'd', path: '/d', from: '{{steps.x.outputs.artifacts.y}}' }] },
        outputs: { artifacts: [{ name: 'e' }] } }),
    ] }));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].inputs.artifacts[0].path', 'spec.templates[1].inputs.artifacts[0].path', 'spec.templates[1].inputs.artifacts[1].path',
      'spec.templates[1].inputs.artifacts[2].from', 'spec.templates[1].outputs.artifacts[0].path']);
    expect(found[0].message).toMatch(/steps templates run no container/);
    expect(found[2].message).toMatch(/with "\.\."/);
    expect(found[3].message).toMatch(/from not valid in inputs/);
    expect(errors('W22', workflow({ entrypoint: 'main', templates: [
      { name: 'main', inputs: { artifacts: [{ name: 'a' }] }, steps: [[{ name: 's', template: 'leaf', arguments: { artifacts: [{ name: 'b', from: '{{inputs.artifacts.a}}' }] } }]] },
      container('leaf', { inputs: { artifacts: [{ name: 'b', path: '/tmp/b' }] }, outputs: { artifacts: [{ name: 'e', path: '/tmp/e' }] } }),
    ] }))).toEqual([]);
  });
});

describe('W23 output parameters', () => {
  test('value with valueFrom, no source, two sources and the wrong source for the template type', () => {
    const found = errors('W23', workflow({ entrypoint: 'main', templates: [
      container('main', { outputs: { parameters: [
        { name: 'a', value: '1', valueFrom: { path: '/a' } }, { name: 'b' }, { name: 'c', valueFrom: { default: 'x' } },
        { name: 'd', valueFrom: { path: '/d', jsonPath: '{.x}' } }, { name: 'e', valueFrom: { jqFilter: '.x' } }, { name: 'ok', valueFrom: { path: '/ok', default: '0' } }] } }),
      { name: 'res', resource: { action: 'get', manifest: 'x' }, outputs: { parameters: [{ name: 'f', valueFrom: { path: '/f' } }] } },
      { name: 'dag', dag: { tasks: [{ name: 't', template: 'main' }] }, outputs: { parameters: [
        { name: 'g', valueFrom: { path: '/g' } }, { name: 'ok', valueFrom: { parameter: '{{tasks.t.outputs.parameters.ok}}' } }] } },
    ] }));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].outputs.parameters[0]', 'spec.templates[0].outputs.parameters[1]', 'spec.templates[0].outputs.parameters[2].valueFrom',
      'spec.templates[0].outputs.parameters[3].valueFrom', 'spec.templates[0].outputs.parameters[4].valueFrom',
      'spec.templates[1].outputs.parameters[0].valueFrom', 'spec.templates[2].outputs.parameters[0].valueFrom']);
    expect(found[3].message).toMatch(/several sources \(path, jsonPath\)/);
    expect(found[4].message).toMatch(/reads valueFrom.jqFilter, but a container template needs valueFrom.path/);
    expect(found[6].message).toMatch(/dag template needs valueFrom.parameter or valueFrom.expression/);
  });
});
