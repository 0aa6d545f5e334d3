/**
 * The synth session (src/core/synth-session.ts): one lint and one rendering of each object per
 * `app.synth()`, however many charts and whatever their classes, and results that follow every
 * change between two synths (change detection, never the caller or the call stack).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoWorkflowTemplate } from '../../imports/argo-workflows';
import { addArgoValidation } from '../../src/core/validation';
import { InputParameter, WorkflowTemplate } from '../../src/workflows';
import { rendersDuring } from '../support/renders';

/** How real apps are written: charts are subclasses (V8 prints their class name in stack frames). */
class TeamChart extends Chart {}

function stderrOf(fn: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    fn();
    return spy.mock.calls.map(c => String(c[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

/** A WorkflowTemplate with an echo template; `refTarget` adds a call of a missing template (a warning). */
function pipeline(scope: Construct, id: string, refTarget?: string): WorkflowTemplate {
  const wt = new WorkflowTemplate(scope, id, { metadata: { name: id } });
  const m = new InputParameter('m', { default: 'hi' });
  const echo = wt.addContainerTemplate('echo', { image: 'busybox:1.36', args: [m], inputs: [m] });
  if (refTarget) {
    const imported = WorkflowTemplate.fromName(scope, `${id}-ref`, refTarget).template('x');
    wt.addStepsTemplate('call').addStep('s', imported);
  }
  wt.setEntrypoint(echo);
  return wt;
}

/** An app of `charts` subclassed charts with `perChart` WorkflowTemplates each, and a construct check counting its runs. */
function teamApp(charts: number, perChart: number) {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'session-')) });
  const templates: WorkflowTemplate[] = [];
  for (let c = 0; c < charts; c++) {
    const chart = new TeamChart(app, `team-${c}`, { namespace: `team-${c}` });
    for (let i = 0; i < perChart; i++) templates.push(pipeline(chart, `wt-${c}-${i}`, i === 0 ? `missing-${c}` : undefined));
  }
  const checks = { runs: 0 };
  addArgoValidation(templates[0], () => ({ apiObject: templates[0].apiObject }), () => { checks.runs++; return []; });
  return { app, templates, checks, cleanup: () => rmSync(app.outdir, { recursive: true, force: true }) };
}

describe('one validation pass per synth, explicitly', () => {
  test.each([1, 10])('app.synth() with %i subclassed chart(s): every object rendered once, lint and construct checks once', charts => {
    const { app, checks, cleanup } = teamApp(charts, 3);
    try {
      let warnings = '';
      const renders = rendersDuring(() => { warnings = stderrOf(() => app.synth()); });
      const objects = app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      expect(objects.length).toBe(charts * 3);
      expect(objects.filter(o => renders.get(o) !== 1).map(o => `${o.node.path}: ${renders.get(o) ?? 0}`)).toEqual([]);
      expect(checks.runs).toBe(1);
      // one warning per missing template, printed by the one lint of the app
      expect(warnings.match(/is not among the linted manifests/g)).toHaveLength(charts);
      expect(readdirSync(app.outdir).filter(f => f.endsWith('.k8s.yaml'))).toHaveLength(charts);
    } finally {
      cleanup();
    }
  });

  test('synthYaml() of ten charts: each object rendered once, the output equals what each chart serializes on its own', () => {
    const { app, cleanup } = teamApp(10, 2);
    try {
      let yaml = '';
      const renders = rendersDuring(() => stderrOf(() => { yaml = app.synthYaml(); }));
      expect([...renders.values()].every(n => n === 1)).toBe(true);
      expect(renders.size).toBe(20);
      stderrOf(() => expect(yaml).toBe(Yaml.stringify(...app.charts.flatMap(c => Testing.synth(c)))));
    } finally {
      cleanup();
    }
  });

  test.each([YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, YamlOutputType.FILE_PER_APP])('output type %s: each object rendered once', yamlOutputType => {
    const outdir = mkdtempSync(join(tmpdir(), 'session-'));
    try {
      const app = new App({ outdir, yamlOutputType });
      for (let c = 0; c < 3; c++) pipeline(new TeamChart(app, `team-${c}`), `wt-${c}`);
      const renders = rendersDuring(() => app.synth());
      expect(renders.size).toBe(3);
      expect([...renders.values()]).toEqual([1, 1, 1]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a second synth of an unchanged app lints nothing again and renders each object once more (the first JSON was handed out)', () => {
    const { app, checks, cleanup } = teamApp(2, 2);
    try {
      stderrOf(() => app.synth());
      let warnings = '';
      const renders = rendersDuring(() => { warnings = stderrOf(() => app.synth()); });
      expect(warnings).toBe('');
      expect(checks.runs).toBe(1);
      expect([...renders.values()]).toEqual([1, 1, 1, 1]);
    } finally {
      cleanup();
    }
  });

  test('no cdk8s object is patched and the stack is never inspected', () => {
    const { app, cleanup } = teamApp(3, 1);
    const limit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!;
    let sets = 0;
    let value = Error.stackTraceLimit;
    Object.defineProperty(Error, 'stackTraceLimit', { configurable: true, get: () => value, set: v => { sets++; value = v; } });
    try {
      stderrOf(() => app.synth());
      expect(sets).toBe(0);
      const objects = app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      expect(objects.filter(o => Object.prototype.hasOwnProperty.call(o, 'toJson')).map(o => o.node.path)).toEqual([]);
    } finally {
      Object.defineProperty(Error, 'stackTraceLimit', limit);
      cleanup();
    }
  });

  test('every toJson() returns a new object: mutating what a synth returned does not leak into the next one', () => {
    const app = Testing.app();
    const chart = new TeamChart(app, 'c');
    const wt = pipeline(chart, 'wt');
    const first = Testing.synth(chart);
    first[0].metadata.name = 'tampered';
    first[0].spec.templates.push({ name: 'injected' });
    const second = Testing.synth(chart);
    expect(second[0].metadata.name).toBe('wt');
    expect(second[0].spec.templates.map((t: any) => t.name)).toEqual(['echo']);
    expect(wt.apiObject.toJson()).not.toBe(wt.apiObject.toJson());
    expect(wt.apiObject.toJson()).toEqual(second[0]);
  });
});

describe('outside a synth, results follow every change (Testing.synth twice, something changed in between)', () => {
  function chartWith(): { app: App; chart: Chart; wt: WorkflowTemplate } {
    const app = Testing.app();
    const chart = new TeamChart(app, 'c', { namespace: 'ns' });
    return { app, chart, wt: pipeline(chart, 'wt') };
  }

  test('an L2 mutator', () => {
    const { chart, wt } = chartWith();
    expect(() => Testing.synth(chart)).not.toThrow();
    wt.addArgument('bad name');
    expect(() => Testing.synth(chart)).toThrow(/\[c\/wt\] WorkflowTemplate\/wt: spec\.arguments\.parameters\[0\]\.name: .*\[W4\]/);
  });

  test('a mutator whose change reaches the output only', () => {
    const { chart, wt } = chartWith();
    Testing.synth(chart);
    wt.addArgument('size', { value: 'tall' });
    expect(Testing.synth(chart)[0].spec.arguments).toEqual({ parameters: [{ name: 'size', value: 'tall' }] });
  });

  test('apiObject.addJsonPatch', () => {
    const { chart, wt } = chartWith();
    Testing.synth(chart);
    wt.apiObject.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
    expect(() => Testing.synth(chart)).toThrow(/spec\.templates\[0\]\.name: .*\[W3\]/);
  });

  test('apiObject.metadata.addLabel', () => {
    const { chart, wt } = chartWith();
    Testing.synth(chart);
    wt.apiObject.metadata.addLabel('team', 'data');
    expect(Testing.synth(chart)[0].metadata.labels).toEqual({ team: 'data' });
    wt.apiObject.metadata.addLabel('bad key!', 'x');
    expect(() => Testing.synth(chart)).toThrow(/metadata\.labels.*\[K8S-LABEL\]/);
  });

  test.each<[string, (wt: WorkflowTemplate) => void, (m: any) => unknown]>([
    ['addAnnotation', wt => wt.apiObject.metadata.addAnnotation('team', 'data'), m => m.metadata.annotations],
    ['addFinalizers', wt => wt.apiObject.metadata.addFinalizers('example.com/keep'), m => m.metadata.finalizers],
    ['addOwnerReference', wt => wt.apiObject.metadata.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u-1' }), m => m.metadata.ownerReferences],
    ['add', wt => wt.apiObject.metadata.add('generateName', 'wt-'), m => m.metadata.generateName],
  ])('apiObject.metadata.%s', (_name, mutate, read) => {
    const { chart, wt } = chartWith();
    expect(read(Testing.synth(chart)[0])).toBeUndefined();
    mutate(wt);
    expect(read(Testing.synth(chart)[0])).toBeDefined();
  });

  test('a construct added', () => {
    const { chart, wt } = chartWith();
    Testing.synth(chart);
    wt.addContainerTemplate('print_message', { image: 'busybox:1.36' });
    expect(() => Testing.synth(chart)).toThrow(/\[c\/wt\/print_message\] .*\[W3\]/);
  });

  test('a foreign object mutated (not rendered by this library: compared in full)', () => {
    const { chart } = chartWith();
    const cm = new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } });
    addArgoValidation(chart, () => ({ apiObject: cm }));
    Testing.synth(chart);
    cm.addJsonPatch(JsonPatch.add('/metadata/labels', { 'bad key!': 'x' }));
    expect(() => Testing.synth(chart)).toThrow(/\[c\] ConfigMap\/settings: metadata\.labels.*\[K8S-LABEL\]/);
  });

  test('chart.toJson() right after an app synth and a change', () => {
    const { app, chart, wt } = chartWith();
    const outdir = mkdtempSync(join(tmpdir(), 'session-'));
    try {
      (app as { outdir: string }).outdir = outdir;
      app.synth();
      wt.apiObject.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
      expect(() => chart.toJson()).toThrow(/\[W3\]/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("a construct's own node.validate(), called directly after a change", () => {
    const { chart, wt } = chartWith();
    Testing.synth(chart);
    wt.apiObject.addJsonPatch(JsonPatch.replace('/spec/templates/0/name', 'bad_name'));
    expect(wt.templates[0].node.validate()).toEqual([expect.stringMatching(/\[W3\]$/)]);
  });

  test('a construct check runs again after a change, and only then', () => {
    const { chart, wt } = chartWith();
    let runs = 0;
    let problem: string | undefined;
    addArgoValidation(wt, () => ({ apiObject: wt.apiObject }), () => { runs++; return problem ? [problem] : []; });
    Testing.synth(chart);
    Testing.synth(chart);
    expect(runs).toBe(1);
    problem = 'wt points at the wrong bucket';
    wt.addArgument('size');
    expect(() => Testing.synth(chart)).toThrow(/\[c\/wt\] wt points at the wrong bucket/);
    expect(runs).toBe(2);
  });

  test('a synth that throws half-way leaves nothing behind: the next one sees the change', () => {
    const { chart, wt } = chartWith();
    const boom = new ApiObject(chart, 'boom', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'boom' } });
    const render = boom.toJson.bind(boom);
    let calls = 0;
    // the validation renders it, the serialization that follows fails
    boom.toJson = () => {
      if (++calls === 2) throw new Error('boom');
      return render();
    };
    wt.node.addDependency(boom);
    expect(() => Testing.synth(chart)).toThrow(/boom/);
    wt.apiObject.metadata.addLabel('changed', 'yes');
    expect(Testing.synth(chart).find((m: any) => m.kind === 'WorkflowTemplate').metadata.labels).toEqual({ changed: 'yes' });
  });

  test('a subclass of a generated kind class with its own toJson: its output is what is linted and written', () => {
    class Stamped extends ArgoWorkflowTemplate {
      public label = 'one';
      public override toJson(): any {
        const json = super.toJson();
        return { ...json, metadata: { ...json.metadata, labels: { stamp: this.label } } };
      }
    }
    const app = Testing.app();
    const chart = new TeamChart(app, 'c');
    const wt = new Stamped(chart, 'wt', { metadata: { name: 'wt' }, spec: { templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } });
    addArgoValidation(wt, () => ({ apiObject: wt }));
    expect(Testing.synth(chart)[0].metadata.labels).toEqual({ stamp: 'one' });
    wt.label = 'bad value!';
    expect(() => Testing.synth(chart)).toThrow(/metadata\.labels\.stamp.*\[K8S-LABEL\]/);
  });
});

test('the YAML an app writes is the same as before the session existed would have: one document per object, in dependency order', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'session-'));
  try {
    const app = new App({ outdir });
    const chart = new TeamChart(app, 'team');
    const a = pipeline(chart, 'a');
    const b = pipeline(chart, 'b');
    a.node.addDependency(b);
    app.synth();
    const docs = Yaml.load(join(outdir, 'team.k8s.yaml'));
    expect(docs.map((d: any) => d.metadata.name)).toEqual(['b', 'a']);
    expect(readFileSync(join(outdir, 'team.k8s.yaml'), 'utf8')).toBe(Yaml.stringify(...Testing.synth(chart)));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
