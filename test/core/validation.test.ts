import { ApiObject, App, Chart, JsonPatch, Testing, Yaml } from 'cdk8s';
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

  test('within one app synth of two charts, each object is rendered once: the JSON the validation linted is the JSON written', () => {
    const { a, wt } = app('ok');
    const other = new Chart(a, 'd');
    const second = new ArgoWorkflowTemplate(other, 'wt2', { metadata: { name: 'wt2' }, spec: { templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } });
    addArgoValidation(second, () => ({ apiObject: second }));
    const renders = new Map<ApiObject, number>();
    const render = ApiObject.prototype.toJson;
    ApiObject.prototype.toJson = function (this: ApiObject) {
      renders.set(this, (renders.get(this) ?? 0) + 1);
      return render.call(this);
    };
    try {
      const yaml = a.synthYaml();
      expect([renders.get(wt), renders.get(second)]).toEqual([1, 1]);
      expect(yaml.split('---\n')).toHaveLength(2);
      expect(yaml).toContain('name: wt2');
    } finally {
      ApiObject.prototype.toJson = render;
    }
  });

  test('the reused JSON equals a fresh rendering, and nothing of it stays on the objects after synth', () => {
    const { a, chart, wt } = app('ok', 'elsewhere');
    let yaml = '';
    stderrOf(() => { yaml = a.synthYaml(); });
    const objects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    expect(objects.some(o => Object.prototype.hasOwnProperty.call(o, 'toJson'))).toBe(false);
    stderrOf(() => expect(yaml).toBe(Yaml.stringify(...Testing.synth(chart))));
    wt.addJsonPatch(JsonPatch.add('/metadata/labels', { changed: 'yes' }));
    let again = '';
    stderrOf(() => { again = a.synthYaml(); });
    expect(again).toMatch(/changed: "yes"/);
  });

  test('a synth that throws after validation leaves nothing on the objects: the next rendering shows a change', () => {
    const { a, chart, wt } = app('ok');
    const boom = new ApiObject(chart, 'boom', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'boom' } });
    const render = boom.toJson.bind(boom);
    let renders = 0;
    boom.toJson = () => {
      if (++renders > 1) throw new Error('boom');
      return render();
    };
    wt.node.addDependency(boom);
    expect(() => a.synthYaml()).toThrow(/boom/);
    expect(Object.prototype.hasOwnProperty.call(wt, 'toJson')).toBe(false);
    wt.addJsonPatch(JsonPatch.add('/metadata/labels', { changed: 'yes' }));
    expect(wt.toJson().metadata.labels).toEqual({ changed: 'yes' });
  });

  test('a chart serialized directly after a change, in the same tick as a synth, is validated anew', () => {
    const { a, chart, wt } = app('ok');
    a.synthYaml();
    wt.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
    expect(() => chart.toJson()).toThrow(/\[W3\]/);
  });

  test("a construct's own check runs once per app synth, however many charts, and again once something changed", () => {
    const { a, wt } = app('ok');
    const other = new Chart(a, 'd');
    const second = new ArgoWorkflowTemplate(other, 'wt2', { metadata: { name: 'wt2' }, spec: { templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } });
    let runs = 0;
    let problem: string | undefined;
    addArgoValidation(second, () => ({ apiObject: second }), () => {
      runs++;
      return problem ? [problem] : [];
    });
    a.synthYaml();
    expect(runs).toBe(1);
    a.synthYaml();
    expect(runs).toBe(1);
    problem = 'wt2 points at the wrong bucket';
    second.metadata.addLabel('bucket', 'other');
    expect(() => a.synthYaml()).toThrow(/\[d\/wt2\] wt2 points at the wrong bucket/);
    expect(runs).toBe(2);
    expect(() => other.toJson()).toThrow(/wrong bucket/);
    expect(runs).toBe(2);
    expect(wt.node.validate()).toEqual([]);
  });

  test('isUnder matches a path, its fields and its items, not a sibling with a longer name', () => {
    expect(isUnder('spec.templates[1].name', 'spec.templates[1]')).toBe(true);
    expect(isUnder('spec.templates[1]', 'spec.templates[1]')).toBe(true);
    expect(isUnder('spec.templates[10]', 'spec.templates[1]')).toBe(false);
    expect(isUnder('spec.templatesX', 'spec.templates')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });
});
