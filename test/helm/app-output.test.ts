/**
 * An app written for Helm: every object (ours, cdk8s-plus's, a user's L1) escaped, so that the
 * real `helm template` renders the plain output document for document and `helm lint` passes;
 * the mode follows from the output directory (a chart's templates/) or CDK8S_ARGO_HELM;
 * synth-time validation lints what Helm renders; plain output is untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { EventBus, HelmOutput, InputParameter, simulate, WebhookEventSource, WorkflowSensor, WorkflowTemplate } from '../../src';
import { templateActions } from '../../src/helm/template-actions';
import { runHelm } from '../support/helm';
import { describeWithHelm, documents } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'cdk8s-argo-helm-app-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder; with `chart`, a chart folder (Chart.yaml) and its templates/ inside it. */
function folder(chart: boolean): { readonly dir: string; readonly templates: string } {
  const dir = join(work, `app-${counter++}`);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  if (chart) writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: argo-app\nversion: 1.0.0\n');
  return { dir, templates: join(dir, 'templates') };
}

/** An app with Argo expressions in every kind of place: our constructs, a cdk8s-plus ConfigMap, a user's L1 (values and keys). */
function buildApp(outdir: string, props: { recordConstructMetadata?: boolean } = {}): { app: App; chart: Chart; raw: ApiObject } {
  const app = new App({ outdir, recordConstructMetadata: props.recordConstructMetadata ?? false });
  const chart = new Chart(app, 'argo', { namespace: 'jobs' });
  const greet = new WorkflowTemplate(chart, 'greet', { metadata: { name: 'greet', annotations: { 'example.com/run': 'by {{workflow.creator}}' } } });
  const message = new InputParameter('message', { default: 'hi' });
  greet.addArgument('who', { value: 'world' });
  const say = greet.addScriptTemplate('say', {
    image: 'python:3.12', command: ['python'], inputs: [message],
    source: `print("${message}", "{{workflow.name}}", "{{=sprig.upper(workflow.namespace)}}")\n# {{- not helm -}} {{/* nor this */}}\nprint('\`}}\`')\n`,
  });
  const main = greet.addStepsTemplate('main');
  main.addStep('say', say, { arguments: [message.set('{{workflow.parameters.who}}')] });
  greet.setEntrypoint(main);
  new kplus.ConfigMap(chart, 'scripts', { metadata: { name: 'scripts' }, data: { 'run.sh': 'echo {{workflow.name}} "{{inputs.parameters.x}}" }}\n' } });
  const raw = new ApiObject(chart, 'raw', {
    apiVersion: 'example.com/v1', kind: 'Thing',
    metadata: { name: 'raw', labels: { app: 'raw' }, annotations: { 'example.com/note': 'run {{workflow.uid}} `x` "q" \'s\'' } },
    spec: { '{{key}}': ['{{a}}', 'b }} {{c}} {{{d}}}', '"{{q}}"\n '], nested: { text: 'multi\nline {{x}}\n', plain: 'no braces' } },
  } as never);
  return { app, chart, raw };
}

function synth(app: App): void {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    app.synth();
  } finally {
    spy.mockRestore();
  }
}

/** The documents of the .k8s.yaml files of a folder. */
function outputDocuments(dir: string): any[] {
  return readdirSync(dir).filter(f => f.endsWith('.k8s.yaml')).sort().flatMap(f => documents(readFileSync(join(dir, f), 'utf8')));
}

const key = (d: any) => `${d.kind}/${d.metadata?.namespace ?? ''}/${d.metadata?.name}`;
const byKey = (docs: readonly any[]) => Object.fromEntries(docs.map(d => [key(d), d]));

/** Values of a manifest holding `{{` that are not made of escapes only. */
function unescaped(text: string): string[] {
  const scan = templateActions(text);
  return [...(scan.error ? [scan.error.message] : []), ...scan.actions.filter(a => a.kind !== 'literal' || a.value !== '{{').map(a => a.body)];
}

describe('mode detection and the switch', () => {
  const saved = process.env.CDK8S_ARGO_HELM;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDK8S_ARGO_HELM;
    else process.env.CDK8S_ARGO_HELM = saved;
  });

  test('output in a chart\'s templates/ (Chart.yaml beside it, as cdk8s synth --format helm writes it) is escaped; elsewhere it is not', () => {
    delete process.env.CDK8S_ARGO_HELM;
    const chart = folder(true);
    const nested = join(chart.templates, 'argo');
    const plain = folder(false);
    expect(HelmOutput.isEnabled(new App({ outdir: chart.templates }))).toBe(true);
    expect(HelmOutput.isEnabled(new App({ outdir: nested }))).toBe(true);
    expect(HelmOutput.isEnabled(new App({ outdir: plain.templates }))).toBe(false);
    expect(HelmOutput.isEnabled(new App({ outdir: chart.dir }))).toBe(false);
  });

  test('CDK8S_ARGO_HELM=true escapes anywhere, false never; another value is refused with what it takes', () => {
    process.env.CDK8S_ARGO_HELM = 'true';
    expect(HelmOutput.isEnabled(new App({ outdir: folder(false).templates }))).toBe(true);
    process.env.CDK8S_ARGO_HELM = 'false';
    const chart = folder(true);
    const { app } = buildApp(chart.templates);
    synth(app);
    expect(readFileSync(join(chart.templates, 'argo.k8s.yaml'), 'utf8')).not.toContain('{{`{{`}}');
    expect(existsSync(join(chart.dir, '.helmignore'))).toBe(false);
    process.env.CDK8S_ARGO_HELM = 'maybe';
    expect(() => buildApp(folder(true).templates)).toThrow('CDK8S_ARGO_HELM must be "true" (escape Argo\'s {{...}} for Helm) or "false" (write them as they are), got "maybe"');
  });

  test('plain output is untouched: no resolver added, the expressions written as they are', () => {
    delete process.env.CDK8S_ARGO_HELM;
    const plain = folder(false);
    const { app } = buildApp(plain.templates);
    const resolvers = app.resolvers.length;
    synth(app);
    expect(app.resolvers.length).toBe(resolvers);
    const text = readFileSync(join(plain.templates, 'argo.k8s.yaml'), 'utf8');
    expect(text).toContain('{{workflow.name}}');
    expect(text).not.toContain('`{{`');
  });
});

describe('the escaped output', () => {
  const chart = folder(true);
  const plain = folder(false);
  beforeAll(() => {
    delete process.env.CDK8S_ARGO_HELM;
    synth(buildApp(chart.templates, { recordConstructMetadata: true }).app);
    synth(buildApp(plain.templates).app);
  });

  test('every {{ of every object is escaped: ours, the cdk8s-plus ConfigMap, the L1 object\'s values and keys, annotations, script source', () => {
    const text = readFileSync(join(chart.templates, 'argo.k8s.yaml'), 'utf8');
    expect(unescaped(text)).toEqual([]);
    const escaped = byKey(documents(text));
    expect(escaped['ConfigMap/jobs/scripts'].data['run.sh']).toBe('echo {{`{{`}}workflow.name}} "{{`{{`}}inputs.parameters.x}}" }}\n');
    expect(Object.keys(escaped['Thing/jobs/raw'].spec)).toContain('{{`{{`}}key}}');
    expect(escaped['WorkflowTemplate/jobs/greet'].metadata.annotations['example.com/run']).toBe('by {{`{{`}}workflow.creator}}');
  });

  test('cdk8s\'s construct metadata beside the templates is left out of the chart by .helmignore, which is written once', () => {
    expect(existsSync(join(chart.templates, 'construct-metadata.json'))).toBe(true);
    expect(readFileSync(join(chart.dir, '.helmignore'), 'utf8')).toBe('# Written by cdk8s-argo: cdk8s\'s construct metadata (for validation reports) is no template.\ntemplates/construct-metadata.json\n');
    synth(buildApp(chart.templates, { recordConstructMetadata: true }).app);
    expect(readFileSync(join(chart.dir, '.helmignore'), 'utf8').match(/construct-metadata/g)).toHaveLength(1);
  });

  test('a .helmignore of the chart keeps its lines; the entry is added after them', () => {
    const own = folder(true);
    writeFileSync(join(own.dir, '.helmignore'), '*.bak');
    synth(buildApp(own.templates, { recordConstructMetadata: true }).app);
    expect(readFileSync(join(own.dir, '.helmignore'), 'utf8')).toMatch(/^\*\.bak\n# Written by cdk8s-argo.*\ntemplates\/construct-metadata\.json\n$/);
  });

  describeWithHelm('rendered by the real helm', helm => {
    test('helm template renders each document equal to the plain synth of the same app, and helm lint passes', () => {
      const rendered = runHelm(helm(), ['template', chart.dir]);
      expect(rendered.stderr).toBe('');
      const plainDocs = outputDocuments(plain.templates);
      expect(byKey(documents(rendered.stdout))).toEqual(byKey(plainDocs));
      expect(documents(rendered.stdout)).toHaveLength(plainDocs.length);
      const lint = runHelm(helm(), ['lint', chart.dir]);
      expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(lint.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    });
  });
});

describe('synth-time validation writes for Helm and lints what Helm renders', () => {
  beforeAll(() => {
    delete process.env.CDK8S_ARGO_HELM;
  });

  test('the same findings as plain output, and none about Helm syntax', () => {
    const messages = (outdir: string) => {
      const { app, chart } = buildApp(outdir);
      const broken = new WorkflowTemplate(chart, 'broken', { metadata: { name: 'broken' } });
      broken.setEntrypoint(broken.addContainerTemplate('c', { image: 'busybox:1.36', args: ['{{inputs.parameters.missing}}'] }));
      try {
        synth(app);
        return [];
      } catch (e) {
        return String((e as Error).message).split('\n').filter(l => l.includes('['));
      }
    };
    const plain = messages(folder(false).templates);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.join('\n')).toContain('inputs.parameters.missing');
    expect(messages(folder(true).templates)).toEqual(plain);
  });

  test('a JSON patch (applied after the resolvers) that puts an unescaped {{ in a manifest fails the synth, naming the object, field and fix', () => {
    const { app, raw } = buildApp(folder(true).templates);
    raw.addJsonPatch(JsonPatch.add('/spec/patched', 'x {{workflow.name}}'));
    expect(() => synth(app)).toThrow(/Thing\/raw: spec\.patched: "\{\{workflow\.name\}\}" is an Argo expression, which Helm reads as its own template action: Helm refuses the chart \(function "workflow" not defined\)\. The value is not escaped for Helm: .*HelmOutput\.escape\(value\) when HelmOutput\.isEnabled\(scope\)\. \[HELM\]/);
    const fixed = buildApp(folder(true).templates);
    fixed.raw.addJsonPatch(JsonPatch.add('/spec/patched', HelmOutput.isEnabled(fixed.raw) ? HelmOutput.escape('x {{workflow.name}}') : 'x {{workflow.name}}'));
    expect(() => synth(fixed.app)).not.toThrow();
  });

  test('simulate() of an app written for Helm sees what Helm renders', () => {
    const app = new App({ outdir: folder(true).templates });
    const chart = new Chart(app, 'orders', { namespace: 'orders' });
    const bus = new EventBus(chart, 'bus');
    const hooks = new WebhookEventSource(chart, 'hooks', { metadata: { name: 'hooks' }, eventBus: bus, port: 12000 });
    const order = hooks.addEndpoint('order', { path: '/order' });
    const fulfil = new WorkflowTemplate(chart, 'fulfil', { metadata: { name: 'fulfil' } });
    const size = fulfil.addArgument('size', { value: 'tall' });
    fulfil.setEntrypoint(fulfil.addContainerTemplate('main', { image: 'registry.example.com/fulfil:1.0.0', command: ['fulfil'], args: [`${size}`] }));
    const sensor = new WorkflowSensor(chart, 'on-order', { metadata: { name: 'on-order' }, eventBus: bus });
    sensor.submitWorkflow('fulfil', fulfil, { arguments: [{ parameter: size, from: sensor.addDependency(order).body('size').withDefault('{{not.argo}}') }] });
    expect(HelmOutput.isEnabled(chart)).toBe(true);
    const result = simulate(chart, { endpoint: order, body: {} });
    expect(result.submitted(fulfil).map(w => w.spec.arguments.parameters)).toEqual([[{ name: 'size', value: '{{not.argo}}' }]]);
  });

  test('a cdk8s without value resolvers (before 2.65) cannot escape: the synth fails saying so and how to go on', () => {
    const chart = folder(true);
    const app = new App({ outdir: chart.templates });
    // An App without a resolvers array, as before cdk8s 2.65 (iterable, so that this cdk8s still renders).
    Object.defineProperty(app, 'resolvers', { value: { *[Symbol.iterator]() {} } });
    const c = new Chart(app, 'c');
    const t = new WorkflowTemplate(c, 't', { metadata: { name: 't' } });
    t.setEntrypoint(t.addContainerTemplate('c', { image: 'busybox:1.36', args: ['{{workflow.name}}'] }));
    expect(() => app.synth()).toThrow(/this app writes for Helm \(.* is in the templates\/ folder of the Helm chart .*\).*cdk8s >= 2\.65\.0 does\)\. Upgrade cdk8s, or set CDK8S_ARGO_HELM=false/);
  });
});
