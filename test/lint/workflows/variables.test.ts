import { container, cronWorkflow, errors, run, workflow, workflowTemplate } from './helpers';

const echo = (name: string, extra: any = {}) => container(name, {
  inputs: { parameters: [{ name: 'msg', default: '' }] },
  outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] },
  ...extra,
});
const arg = (value: string) => ({ parameters: [{ name: 'msg', value }] });

describe('W28 DAG task ancestors', () => {
  const dag = (tasks: any[]) => workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks } }, echo('echo')] });

  test('a task reading a task it does not depend on is reported with the fix', () => {
    const found = errors('W28', dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'echo', arguments: arg('{{tasks.a.outputs.result}}') },
      { name: 'c', template: 'echo', arguments: arg('{{tasks.zz.outputs.result}}') },
    ]));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].dag.tasks[1].arguments.parameters[0].value', 'spec.templates[0].dag.tasks[2].arguments.parameters[0].value']);
    expect(found[0].message).toBe('task "b" reads {{tasks.a.outputs.result}} but does not depend on "a": Argo leaves the expression unresolved '
      + '(or fails the task). Add "a" to b\'s depends (or dependencies).');
    expect(found[1].message).toMatch(/names no task "zz"/);
  });

  test('transitive ancestors, dependencies lists and a task\'s own exit hook are fine; expressions are not checked', () => {
    expect(errors('W28', dag([
      { name: 'a', template: 'echo' },
      { name: 'b', template: 'echo', dependencies: ['a'] },
      { name: 'c', template: 'echo', depends: 'b.Succeeded', when: '{{tasks.a.outputs.result}} == x', arguments: arg('{{=tasks.zz.outputs.result}}'),
        hooks: { exit: { template: 'echo', arguments: arg('{{tasks.c.status}}') } } },
    ]))).toEqual([]);
  });
});

describe('W31 template variables', () => {
  test('undeclared inputs, items outside loops, unknown withItems keys', () => {
    const found = errors('W31', workflow({ entrypoint: 'main', templates: [
      { name: 'main', inputs: { parameters: [{ name: 'who', value: 'x' }] }, steps: [[
        { name: 'a', template: 'echo', arguments: arg('{{inputs.parameters.whom}}') },
        { name: 'b', template: 'echo', arguments: arg('{{item.name}}') },
        { name: 'c', template: 'echo', arguments: arg('{{item.nmae}}'), withItems: [{ name: 'x' }, { name: 'y' }] },
        { name: 'd', template: 'echo', arguments: arg('{{inputs.parameters.who}} {{item.name}} {{item}}'), withItems: [{ name: 'x' }] },
      ]] },
      echo('echo', { container: { args: ['{{inputs.parameters.msg}}', '{{inputs.parameters.nope}}', '{{outputs.parameters.out.path}}', '{{pod.name}}'] } }),
    ] }));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].steps[0][0].arguments.parameters[0].value', 'spec.templates[0].steps[0][1].arguments.parameters[0].value',
      'spec.templates[0].steps[0][2].arguments.parameters[0].value', 'spec.templates[1].container.args[1]']);
    expect(found[0].message).toMatch(/\{\{inputs.parameters.whom\}\} names no input parameter of template "main" \(declared: who\): Argo rejects the workflow/);
    expect(found[1].message).toMatch(/only set for a step or task that loops/);
    expect(found[2].message).toMatch(/key "nmae", which no withItems entry has \(keys: name\)/);
  });

  test('steps may only read earlier step groups; a step\'s hooks may read the step itself', () => {
    const found = errors('W31', workflow({ entrypoint: 'main', templates: [
      { name: 'main', steps: [
        [{ name: 'gen', template: 'echo' }, { name: 'same', template: 'echo', arguments: arg('{{steps.gen.outputs.parameters.out}}') }],
        [{ name: 'use', template: 'echo', arguments: arg('{{steps.gen.outputs.parameters.out}} {{steps.later.status}}'),
          hooks: { exit: { template: 'echo', arguments: arg('{{steps.use.status}}') } } }],
        [{ name: 'later', template: 'echo', arguments: arg('{{steps.gen.outputs.parameters.typo}}') }],
      ] },
      echo('echo'),
    ] }));
    expect(found.map(f => f.message)).toEqual([
      expect.stringMatching(/^step "same" reads \{\{steps.gen.outputs.parameters.out\}\}, but step "gen" runs in the same step group or a later one.*Move "gen" to an earlier step group/),
      expect.stringMatching(/^step "use" reads \{\{steps.later.status\}\}, but step "later" runs in the same step group or a later one/),
      expect.stringMatching(/reads output parameter "typo" of step "gen", but template "echo" declares no such output \(declared: out\)/),
    ]);
  });

  test('steps.* and tasks.* in a leaf template are rejected; steps.name and tasks.name are fine', () => {
    const found = errors('W31', workflow({ entrypoint: 'leaf', templates: [
      container('leaf', { container: { args: ['{{steps.a.outputs.result}}', '{{tasks.name}}', '{{steps.name}}', '{{node.name}}', '{{retries}}'] } })] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].container.args[0]']);
    expect(found[0].message).toMatch(/steps.\* variables only resolve inside a steps template/);
  });

  test('outputs of steps/dag templates may read every step/task; inline templates see their own inputs', () => {
    expect(errors('W31', workflow({ entrypoint: 'main', templates: [
      { name: 'main', dag: { tasks: [{ name: 'a', template: 'echo' }, { name: 'b', inline: {
        inputs: { parameters: [{ name: 'x' }] }, container: { image: 'alpine', args: ['{{inputs.parameters.x}}'] } }, arguments: { parameters: [{ name: 'x', value: 'literal' }] } }] },
      outputs: { parameters: [{ name: 'r', valueFrom: { parameter: '{{tasks.a.outputs.parameters.out}}' } }] } },
      echo('echo'),
    ] }))).toEqual([]);
    const [wrong] = errors('W31', workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks: [{ name: 'a', template: 'echo' }] },
      outputs: { parameters: [{ name: 'r', valueFrom: { parameter: '{{tasks.b.outputs.parameters.out}}' } }] } }, echo('echo')] }));
    expect(wrong.message).toMatch(/names no task "b"/);
  });
});

describe('W32 workflow variables', () => {
  test('undeclared workflow parameters and unknown workflow keys in a Workflow; runtime variables are accepted', () => {
    const found = errors('W32', workflow({ entrypoint: 'main', arguments: { parameters: [{ name: 'env', value: 'dev' }] }, templates: [
      container('main', { container: { args: [
        '{{workflow.parameters.env}}', '{{workflow.parameters.region}}', '{{workflow.nmae}}', '{{workflow.status}}', '{{workflow.duration}}',
        '{{workflow.creationTimestamp.RFC3339}}', '{{workflow.scheduledTime}}', '{{workflow.labels.team}}', '{{workflow.annotations.x/y}}',
        '{{workflow.name}}-{{workflow.namespace}}-{{workflow.uid}}-{{workflow.serviceAccountName}}', '{{workflow.parameters}}'] } }),
    ] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].container.args[1]', 'spec.templates[0].container.args[2]']);
    expect(found[0].message).toMatch(/\{\{workflow.parameters.region\}\} names no workflow parameter \(spec.arguments.parameters: env\)/);
    expect(found[1].message).toMatch(/\{\{workflow.nmae\}\} is not an Argo workflow variable/);
  });

  test('any workflow parameter in a WorkflowTemplate; parameters of the referenced WorkflowTemplate in a CronWorkflow', () => {
    const lib = workflowTemplate('lib', { entrypoint: 'main', arguments: { parameters: [{ name: 'date' }] },
      templates: [container('main', { container: { args: ['{{workflow.parameters.date}}', '{{workflow.parameters.anything}}'] } })] });
    expect(errors('W32', lib)).toEqual([]);
    const cron = cronWorkflow('nightly', { schedules: ['@daily'], workflowSpec: { entrypoint: 'main', templates: [
      container('main', { container: { args: ['{{workflow.parameters.date}}'] } })] } });
    expect(errors('W32', cron)).toHaveLength(1);
    expect(errors('W32', cronWorkflow('nightly', { schedules: ['@daily'], workflowSpec: { ...cron.spec.workflowSpec, arguments: { parameters: [{ name: 'date', value: 'x' }] } } }))).toEqual([]);
  });

  test('workflow.outputs need a globalName somewhere the spec can run', () => {
    const spec = (globalName: string) => ({ entrypoint: 'main', templates: [
      { name: 'main', steps: [[{ name: 'a', template: 'gen' }], [{ name: 'b', template: 'use', arguments: arg('{{workflow.outputs.parameters.result}}') }]] },
      container('gen', { outputs: { parameters: [{ name: 'out', globalName, valueFrom: { path: '/out' } }] } }),
      container('use', { inputs: { parameters: [{ name: 'msg' }] } }),
    ] });
    const [finding] = errors('W32', workflow(spec('reslt')));
    expect(finding.message).toMatch(/globalName "result".*globalNames: reslt/);
    expect(errors('W32', workflow(spec('result')))).toEqual([]);
  });

  describe('{{workflow.failures}}', () => {
    const notifier = (name = 'common') => workflowTemplate(name, { templates: [
      { name: 'notify', steps: [[{ name: 'send', template: 'send', arguments: arg('{{workflow.failures}}') }]] },
      container('send', { inputs: { parameters: [{ name: 'msg' }] } }),
    ] });
    const caller = (exit: boolean) => workflow({ entrypoint: 'main', ...(exit ? { onExit: 'exit' } : {}), templates: [
      container('main'),
      { name: 'exit', steps: [[{ name: 'notify', templateRef: { name: 'common', template: 'notify' } }]] },
    ] });

    test('a Workflow without onExit is an error; with onExit it is fine', () => {
      const spec = { entrypoint: 'main', templates: [container('main', { container: { args: ['{{workflow.failures}}'] } })] };
      const [finding] = errors('W32', workflow(spec));
      expect(finding.message).toMatch(/only set while the exit handler runs, and this workflow has no spec.onExit/);
      expect(run('W32', workflow({ ...spec, onExit: 'main' }))).toEqual([]);
    });

    test('a shared WorkflowTemplate is accepted when some workflow of the set runs it from its exit handler', () => {
      expect(run('W32', [notifier(), caller(true)])).toEqual([]);
    });

    test('an exit hook calling the shared template by templateRef counts as running it from the exit handler', () => {
      const hooked = workflow({ entrypoint: 'main', templates: [container('main')],
        hooks: { exit: { templateRef: { name: 'common', template: 'notify' } } } });
      expect(run('W32', [notifier(), hooked])).toEqual([]);
    });

    test('it is a warning when nothing in the set runs it', () => {
      const [finding] = run('W32', notifier());
      expect(finding.severity).toBe('warning');
      expect(finding.path).toBe('spec.templates[0].steps[0][0].arguments.parameters[0].value');
      expect(finding.message).toMatch(/no workflow of the linted set runs it from its spec.onExit/);
    });

    test('it is an error when a workflow of the set runs it outside its exit handler', () => {
      const wf = workflow({ entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'n', templateRef: { name: 'common', template: 'notify' } }]] }] });
      const found = run('W32', [notifier(), wf]);
      expect(found.map(f => [f.severity, f.object])).toEqual([['error', 'WorkflowTemplate/common']]);
      expect(found[0].message).toMatch(/runs it outside its exit handler/);
    });

    test('a WorkflowTemplate run through workflowTemplateRef has its own onExit in scope', () => {
      const job = workflowTemplate('job', { entrypoint: 'main', onExit: 'exit', templates: [
        container('main'), container('exit', { container: { args: ['{{workflow.failures}}'] } })] });
      expect(run('W32', [job, cronWorkflow('nightly', { schedules: ['@daily'], workflowSpec: { workflowTemplateRef: { name: 'job' } } })])).toEqual([]);
    });
  });
});
