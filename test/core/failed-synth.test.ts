/**
 * What a failed synth does to the output directory (issue #15, docs/security.md "A failed synth"):
 * - `app.synth()` (an app run with node, as `cdk8s synth` runs it): cdk8s validates the whole app
 *   before it writes a file, then writes chart by chart, validating again for each. With a
 *   construct of this library in the app, the first validation renders every object of every
 *   chart, so an error or an exception while rendering (a throwing `Lazy`) stops the synth before
 *   anything is written: the previous files stay byte for byte. Without it, cdk8s renders a chart
 *   only when it writes it: an exception in the second chart leaves the first one rewritten.
 *   `app.synth()` never deletes a file, so the files of a chart no longer in the app stay.
 * - `cdk8s synth` deletes the output directory before it runs the app: after a failed run there
 *   is no `dist/` at all; after a validation plugin's error (exit 2) the new manifests are there.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, Lazy } from 'cdk8s';
import { WorkflowTemplate } from '../../src/workflows';
import { captureWarnings } from '../blocks/helpers';

const repoRoot = join(__dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** An output directory holding a previous synth's files. */
function previousOutput(): { outdir: string; before: { [file: string]: string } } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-failed-synth-'));
  dirs.push(outdir);
  const before = { 'first.k8s.yaml': 'previous: first\n', 'second.k8s.yaml': 'previous: second\n', 'removed-chart.k8s.yaml': 'previous: removed\n' };
  for (const [f, text] of Object.entries(before)) writeFileSync(join(outdir, f), text);
  return { outdir, before };
}

function contents(dir: string): { [file: string]: string } {
  return Object.fromEntries(readdirSync(dir).sort().map(f => [f, readFileSync(join(dir, f), 'utf8')]));
}

function configMap(chart: Chart, id: string, data: unknown): ApiObject {
  return new ApiObject(chart, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id }, data });
}

const throwing = () => Lazy.any({ produce: () => { throw new Error('lazy failed'); } });

function withWorkflowTemplate(chart: Chart, name: string): void {
  const wt = new WorkflowTemplate(chart, name, { metadata: { name } });
  wt.setEntrypoint(wt.addContainerTemplate('main', { image: 'busybox:1.36' }));
}

describe('app.synth() into a directory holding a previous synth', () => {
  test('a validation error in the second chart: nothing is written, the previous files stay', () => {
    const { outdir, before } = previousOutput();
    const app = new App({ outdir });
    withWorkflowTemplate(new Chart(app, 'first'), 'ok');
    withWorkflowTemplate(new Chart(app, 'second'), 'Not_A_Name');
    expect(() => captureWarnings(() => app.synth())).toThrow(/Validation failed[\s\S]*\[second\/Not_A_Name\][\s\S]*metadata\.name/);
    expect(contents(outdir)).toEqual(before);
  });

  test('an exception while rendering the second chart (a throwing Lazy): with a construct of this library, nothing is written', () => {
    const { outdir, before } = previousOutput();
    const app = new App({ outdir });
    withWorkflowTemplate(new Chart(app, 'first'), 'ok');
    configMap(new Chart(app, 'second'), 'settings', throwing());
    expect(() => captureWarnings(() => app.synth())).toThrow('lazy failed');
    expect(contents(outdir)).toEqual(before);
  });

  test('the same in a plain cdk8s app: cdk8s has rewritten the first chart when the second one throws', () => {
    const { outdir, before } = previousOutput();
    const app = new App({ outdir });
    configMap(new Chart(app, 'first'), 'first', { a: '1' });
    configMap(new Chart(app, 'second'), 'settings', throwing());
    expect(() => app.synth()).toThrow('lazy failed');
    const after = contents(outdir);
    expect(after['first.k8s.yaml']).toMatch(/^apiVersion: v1\nkind: ConfigMap\n/);
    expect(after['second.k8s.yaml']).toBe(before['second.k8s.yaml']);
  });

  test('a successful synth rewrites the charts of the app and leaves other files (a chart since removed) in place', () => {
    const { outdir, before } = previousOutput();
    const app = new App({ outdir });
    withWorkflowTemplate(new Chart(app, 'first'), 'one');
    withWorkflowTemplate(new Chart(app, 'second'), 'two');
    captureWarnings(() => app.synth());
    const after = contents(outdir);
    expect(Object.keys(after)).toEqual(['first.k8s.yaml', 'removed-chart.k8s.yaml', 'second.k8s.yaml']);
    expect(after['first.k8s.yaml']).toMatch(/name: one/);
    expect(after['removed-chart.k8s.yaml']).toBe(before['removed-chart.k8s.yaml']);
  });
});

describe('cdk8s synth (the CLI)', () => {
  const cdk8sCli = join(repoRoot, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

  function project(app: string, validations = ''): string {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-cli-synth-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'previous.k8s.yaml'), 'previous: true\n');
    writeFileSync(join(dir, 'app.js'), app);
    writeFileSync(join(dir, 'cdk8s.yaml'), `language: typescript\napp: node app.js\n${validations}`);
    return dir;
  }

  const synth = (cwd: string) => spawnSync(process.execPath, [cdk8sCli, 'synth', '--check-upgrade', 'false'], { cwd, encoding: 'utf8', timeout: 120000 });

  test('deletes the output directory before it runs the app: after a failed app there is no dist/', () => {
    const dir = project("throw new Error('the app failed');\n");
    const result = synth(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the app failed');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  test('a validation plugin\'s error fails the command (exit 2) with the new manifests in dist/', () => {
    const dir = project([
      "const { mkdirSync, writeFileSync } = require('fs');",
      'mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true });',
      "writeFileSync(require('path').join(process.env.CDK8S_OUTDIR, 'app.k8s.yaml'), 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: Bad_Name\\n');",
    ].join('\n'), `validations:\n  - package: ${join(repoRoot, 'bin', 'validation-plugin.js')}\n    version: 0.1.0\n    class: ArgoLintValidation\n    properties: {}\n`);
    const result = synth(dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('K8S-NAME (error)');
    expect(readdirSync(join(dir, 'dist'))).toEqual(['app.k8s.yaml']);
  });
});
