import { clusterWorkflowTemplate, container, cronWorkflow, errors, run, workflow, workflowTemplate } from './helpers';

const library = workflowTemplate('library', { templates: [container('print'), container('notify')] });

describe('W6 entrypoint', () => {
  test('a Workflow without entrypoint, or naming an unknown template, is rejected', () => {
    const [missing] = errors('W6', workflow({ templates: [container('main')] }));
    expect(missing.path).toBe('spec.entrypoint');
    expect(missing.message).toMatch(/spec.entrypoint is missing: Argo rejects the workflow/);
    const [unknown] = errors('W6', workflow({ entrypoint: 'mian', templates: [container('main')] }));
    expect(unknown.message).toMatch(/entrypoint "mian" names no template.*Use one of: main/);
  });

  test('a CronWorkflow is checked in spec.workflowSpec; a WorkflowTemplate may omit the entrypoint', () => {
    const [cron] = errors('W6', cronWorkflow('nightly', { schedules: ['@daily'], workflowSpec: { templates: [container('main')] } }));
    expect(cron.path).toBe('spec.workflowSpec.entrypoint');
    expect(errors('W6', workflowTemplate('lib', { templates: [container('main')] }))).toEqual([]);
    expect(errors('W6', workflowTemplate('lib', { entrypoint: 'other', templates: [container('main')] }))).toHaveLength(1);
  });

  test('with workflowTemplateRef the entrypoint comes from (and must exist in) the referenced template', () => {
    const ref = { workflowTemplateRef: { name: 'library' } };
    expect(errors('W6', [workflow(ref), library])[0].message).toMatch(/neither this workflow nor WorkflowTemplate "library" sets an entrypoint/);
    expect(errors('W6', [workflow({ ...ref, entrypoint: 'nope' }), library])[0].message).toMatch(/"nope" is not a template of WorkflowTemplate "library".*print, notify/);
    expect(errors('W6', [workflow({ ...ref, entrypoint: 'print' }), library])).toEqual([]);
    expect(errors('W6', workflow(ref))).toEqual([]); // target outside the set: cannot tell
  });
});

describe('W7 template references', () => {
  test('a step naming an undefined template, and one with both template and templateRef', () => {
    const found = errors('W7', workflow({ entrypoint: 'main', templates: [
      { name: 'main', steps: [[{ name: 'a', template: 'prnt' }], [{ name: 'b', template: 'print', templateRef: { name: 'library', template: 'print' } }]] },
      container('print'),
    ] }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].steps[0][0].template', 'spec.templates[0].steps[1][0]']);
    expect(found[0].message).toMatch(/step "a" runs template "prnt", which this spec does not define.*Use one of: main, print/);
    expect(found[1].message).toMatch(/sets template and templateRef.*Keep only one/);
  });

  test('a task naming no template at all, and an unknown spec.onExit', () => {
    const found = errors('W7', workflow({ entrypoint: 'main', onExit: 'cleanup', templates: [
      { name: 'main', dag: { tasks: [{ name: 'a' }] } },
    ] }));
    expect(found.map(f => f.path)).toEqual(['spec.onExit', 'spec.templates[0].dag.tasks[0]']);
    expect(found[1].message).toMatch(/task "a" names no template.*template, templateRef or inline/);
  });

  test('templateRef: missing object is a warning (error with strictRefs); present object without the template is an error', () => {
    const wf = workflow({ entrypoint: 'main', templates: [{ name: 'main', steps: [[
      { name: 'a', templateRef: { name: 'library', template: 'print' } },
      { name: 'b', templateRef: { name: 'library', template: 'pritn' } },
      { name: 'c', templateRef: { name: 'shared', template: 'x', clusterScope: true } },
    ]] }] });
    const found = run('W7', [wf, library]);
    expect(found.map(f => [f.severity, f.path])).toEqual([
      ['error', 'spec.templates[0].steps[0][1].templateRef.template'],
      ['warning', 'spec.templates[0].steps[0][2].templateRef'],
    ]);
    expect(found[0].message).toMatch(/WorkflowTemplate "library" has no template "pritn".*Use one of: print, notify/);
    expect(found[1].message).toMatch(/ClusterWorkflowTemplate "shared" is not among the linted manifests; assumed to exist/);
    expect(run('W7', [wf, library], { strictRefs: true }).filter(f => f.severity === 'error')).toHaveLength(2);
    expect(errors('W7', [wf, library, clusterWorkflowTemplate('shared', { templates: [container('x')] })])
      .map(f => f.path)).toEqual(['spec.templates[0].steps[0][1].templateRef.template']);
  });

  test('a namespaced templateRef only resolves in the caller\'s namespace; incomplete templateRef and hooks', () => {
    const other = workflowTemplate('library', { templates: [container('print')] }, 'other-ns');
    const wf = workflow({ entrypoint: 'main', hooks: { running: { expression: 'true', template: 'gone' } },
      templates: [{ name: 'main', steps: [[{ name: 'a', templateRef: { name: 'library', template: 'print' } }, { name: 'b', templateRef: { name: 'library' } }]] }] },
    { name: 'wf', namespace: 'team' });
    const found = run('W7', [wf, other]);
    expect(found.map(f => [f.severity, f.path])).toEqual([
      ['error', 'spec.hooks.running.template'],
      ['warning', 'spec.templates[0].steps[0][0].templateRef'],
      ['error', 'spec.templates[0].steps[0][1].templateRef'],
    ]);
    expect(found[2].message).toMatch(/has no template: Argo rejects/);
  });

  test('variables in template names are resolved at run time and not checked; correct references pass', () => {
    expect(run('W7', [workflow({ entrypoint: 'main', templates: [
      { name: 'main', inputs: { parameters: [{ name: 't' }] }, steps: [[
        { name: 'a', template: '{{inputs.parameters.t}}' },
        { name: 'b', templateRef: { name: 'library', template: 'print' } },
        { name: 'c', inline: container('') },
      ]] },
    ] }), library])).toEqual([]);
  });
});

describe('W8 workflowTemplateRef', () => {
  test('templates next to workflowTemplateRef are rejected', () => {
    const [finding] = errors('W8', [workflow({ workflowTemplateRef: { name: 'library' }, templates: [container('x')] }), library]);
    expect(finding.path).toBe('spec.templates');
    expect(finding.message).toMatch(/both workflowTemplateRef and templates/);
  });

  test('a reference outside the set warns (error with strictRefs); a resolvable one passes', () => {
    const wf = cronWorkflow('nightly', { schedules: ['@daily'], workflowSpec: { workflowTemplateRef: { name: 'job' } } });
    const [warning] = run('W8', wf);
    expect([warning.severity, warning.path]).toEqual(['warning', 'spec.workflowSpec.workflowTemplateRef']);
    expect(warning.message).toMatch(/WorkflowTemplate "job" is not among the linted manifests/);
    expect(errors('W8', wf, { strictRefs: true })).toHaveLength(1);
    expect(run('W8', [wf, workflowTemplate('job', { entrypoint: 'main', templates: [container('main')] })])).toEqual([]);
  });
});
