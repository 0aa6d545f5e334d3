import { App, Chart, JsonPatch } from 'cdk8s';
import { ArgoWorkflowTemplate } from '../../imports/argo-workflows';
import { addArgoValidation, isUnder } from '../../src/core/validation';

/** A WorkflowTemplate whose template name breaks W3 (error) or that calls a missing WorkflowTemplate (warning). */
function app(templateName: string, refTarget?: string) {
  const a = new App({ outdir: '/nonexistent' });
  const chart = new Chart(a, 'c');
  const wt = new ArgoWorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, spec: { templates: [
    { name: templateName, container: { image: 'busybox:1.36' } },
    ...(refTarget ? [{ name: 'call', steps: [[{ name: 's', templateRef: { name: refTarget, template: 'x' } }]] }] : []),
  ] } });
  addArgoValidation(chart, () => ({ apiObject: wt }));
  addArgoValidation(wt, () => ({ apiObject: wt, fieldPath: 'spec.templates[0]' }));
  return { a, chart, wt };
}

function stderrOf(fn: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    fn();
    return spy.mock.calls.map(c => String(c[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

describe('synth-time validation bridge', () => {
  test('an error is reported on the construct owning the deepest field path, with object, path and rule id', () => {
    const { a } = app('bad_name');
    expect(() => a.synthYaml()).toThrow(/\[c\/wt\] WorkflowTemplate\/wt: spec\.templates\[0\]\.name: .*\[W3\]/);
  });

  test('errors outside any owned path go to the construct owning the whole object', () => {
    const { a, chart } = app('ok');
    const bad = new ArgoWorkflowTemplate(chart, 'other', { metadata: { name: 'Other' }, spec: { templates: [] } });
    addArgoValidation(chart, () => ({ apiObject: bad }));
    expect(() => a.synthYaml()).toThrow(/\[c\] WorkflowTemplate\/Other: metadata\.name: /);
  });

  test('a valid app synthesizes; warnings are printed once per synth even though cdk8s validates again per chart', () => {
    const { a } = app('ok', 'elsewhere');
    let yaml = '';
    const err = stderrOf(() => { yaml = a.synthYaml(); });
    expect(yaml).toMatch(/kind: WorkflowTemplate/);
    expect(err.match(/Warning: \[c\] WorkflowTemplate\/wt: spec\.templates\[1\]\.steps\[0\]\[0\]\.templateRef: WorkflowTemplate "elsewhere" is not among the linted manifests/g)).toHaveLength(1);
  });

  test('a change between two synths is seen: the second synth lints the new output', () => {
    const { a, wt } = app('ok');
    expect(() => a.synthYaml()).not.toThrow();
    wt.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
    expect(() => a.synthYaml()).toThrow(/\[W3\]/);
  });

  test('within one app synth, the app is converted to JSON once for validation and once for output', () => {
    const { a, wt } = app('ok');
    let calls = 0;
    const toJson = wt.toJson.bind(wt);
    wt.toJson = () => { calls++; return toJson(); };
    a.synthYaml();
    expect(calls).toBe(2);
  });

  test('a chart serialized directly after a change, in the same tick as a synth, is validated anew', () => {
    const { a, chart, wt } = app('ok');
    a.synthYaml();
    wt.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
    expect(() => chart.toJson()).toThrow(/\[W3\]/);
  });

  test('isUnder matches a path, its fields and its items, not a sibling with a longer name', () => {
    expect(isUnder('spec.templates[1].name', 'spec.templates[1]')).toBe(true);
    expect(isUnder('spec.templates[1]', 'spec.templates[1]')).toBe(true);
    expect(isUnder('spec.templates[10]', 'spec.templates[1]')).toBe(false);
    expect(isUnder('spec.templatesX', 'spec.templates')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });
});
