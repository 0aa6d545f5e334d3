import { ApiObject, App, Chart, JsonPatch, Testing, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoWorkflowTemplate } from '../../imports/argo-workflows';
import { Lint } from '../../src/core/lint-suppression';
import { addArgoValidation, addConstructCheck, isUnder } from '../../src/core/validation';
import { rendersDuring } from '../support/renders';

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
    let yaml = '';
    const renders = rendersDuring(() => { yaml = a.synthYaml(); });
    expect([renders.get(wt), renders.get(second)]).toEqual([1, 1]);
    expect(yaml.split('---\n')).toHaveLength(2);
    expect(yaml).toContain('name: wt2');
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

describe('the strict schema check and the full CRDs\' constraints at synth', () => {
  const wtWith = (spec: object) => {
    const a = new App({ outdir: '/nonexistent' });
    const chart = new Chart(a, 'c');
    const wt = new ArgoWorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, spec: { templates: [{ name: 'main', container: { image: 'busybox:1.36' } }], ...spec } });
    addArgoValidation(wt, () => ({ apiObject: wt }));
    return { a, chart, wt };
  };

  test('a schema violation fails the synth on the construct owning the object', () => {
    const { a } = wtWith({ parallelism: 1.5 });
    expect(() => a.synthYaml()).toThrow(/\[c\/wt\] WorkflowTemplate\/wt: spec\.parallelism: must be an integer, got number 1\.5.*\[SCHEMA\]/);
  });

  test('a full-CRD constraint fails the synth (rule CRD); Lint.configure({ crd: false }) is the opt-out for minimal CRDs', () => {
    const { a, wt } = wtWith({});
    wt.addJsonPatch(JsonPatch.add('/spec/templates/0/retryStrategy', { retryPolicy: '' }));
    expect(() => a.synthYaml()).toThrow(/\[c\/wt\] WorkflowTemplate\/wt: spec\.templates\[0\]\.retryStrategy\.retryPolicy: must be one of .*\[CRD\]/);
    Lint.configure(a, { crd: false });
    expect(() => a.synthYaml()).not.toThrow();
  });

  test('Lint.configure after a failed synth applies to the next one; an unknown Argo version is refused', () => {
    const { a } = wtWith({ parallelism: 1.5 });
    expect(() => a.synthYaml()).toThrow(/\[SCHEMA\]/);
    Lint.configure(a, { schema: false });
    expect(() => a.synthYaml()).not.toThrow();
    Lint.configure(a, { schema: true });
    expect(() => a.synthYaml()).toThrow(/\[SCHEMA\]/);
    expect(() => Lint.configure(a, { workflowsVersion: 'v3.5' as 'v4.1.2' })).toThrow(/workflowsVersion must be 'v4\.1\.2' or 'v3\.7\.18', got "v3\.5"/);
  });

  test('a field a rule reports is not reported again by the schema or CRD check', () => {
    const { a } = app('bad_name');
    const message = (() => { try { a.synthYaml(); } catch (e: any) { return String(e.message); } return ''; })();
    expect(message).toMatch(/spec\.templates\[0\]\.name: .*\[W3\]/);
    expect(message).not.toMatch(/\[CRD\]|\[SCHEMA\]/);
  });

  test('an object of another project\'s kind (no schema here) synthesizes without a warning', () => {
    const { a, chart } = wtWith({});
    new ApiObject(chart, 'cert', { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'cert' }, spec: { secretName: 'tls' } });
    let err = '';
    expect(() => { err = stderrOf(() => a.synthYaml()); }).not.toThrow();
    expect(err).not.toMatch(/Certificate|not an Argo or core Kubernetes kind/);
  });

  test('an error on an object no construct claims is reported under that object\'s own path', () => {
    const { a, chart } = wtWith({});
    new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } });
    const message = (() => { try { a.synthYaml(); } catch (e: any) { return String(e.message); } return ''; })();
    expect(message).toMatch(/\n  \[c\/settings\] ConfigMap\/Bad_Name: metadata\.name: name "Bad_Name" is not a valid DNS-1123 subdomain/);
    expect(message).not.toMatch(/\[c\/wt\]/);
  });

  test('a construct\'s messages come in the order it registered: each check\'s, and the rule findings where its lint scope came', () => {
    const messagesOf = (register: (wt: ArgoWorkflowTemplate) => void) => {
      const { wt } = app('Bad_Name');
      register(wt);
      return wt.node.validate().map(m => (m.includes('[W3]') ? 'W3' : m));
    };
    // app() registered the lint scope of wt first: its rule finding leads.
    expect(messagesOf(wt => {
      addConstructCheck(wt, () => ['first check']);
      addConstructCheck(wt, () => ['second check', 'and more']);
    })).toEqual(['W3', 'first check', 'second check', 'and more']);
    const checksFirst = (() => {
      const a = new App({ outdir: '/nonexistent' });
      const chart = new Chart(a, 'c');
      const wt = new ArgoWorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, spec: { templates: [{ name: 'Bad_Name', container: { image: 'busybox:1.36' } }] } });
      addConstructCheck(wt, () => ['before']);
      addArgoValidation(wt, () => ({ apiObject: wt }), () => ['with the scope']);
      addArgoValidation(wt, () => ({ apiObject: wt, fieldPath: 'spec' }));
      addConstructCheck(wt, () => []);
      addConstructCheck(wt, () => ['after']);
      return wt.node.validate().map(m => (m.includes('[W3]') ? 'W3' : m));
    })();
    expect(checksFirst).toEqual(['before', 'W3', 'with the scope', 'after']);
  });

  test('an error on an object below a construct that only has a check of its own is reported on that construct', () => {
    const { a, chart } = wtWith({});
    const group = new Construct(chart, 'group');
    addConstructCheck(group, () => []);
    new ApiObject(group, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } });
    expect(() => a.synthYaml()).toThrow(/\n  \[c\/group\] ConfigMap\/Bad_Name: metadata\.name: /);
  });
});
