/**
 * `cdk8s synth --format helm` as users run it (the repository's cdk8s-cli), on the example app
 * and on an app shaped like `cdk8s init`'s (construct metadata recorded, a cdk8s-plus object):
 * the real helm lints the chart cdk8s wrote and renders every document equal to the plain
 * synth; the validation plugin lints what Helm renders.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runHelm } from '../support/helm';
import { describeWithHelm, documents } from './helpers';

const root = join(__dirname, '..', '..');
const cdk8s = join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const work = mkdtempSync(join(tmpdir(), 'cdk8s-argo-helm-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCdk8s(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CDK8S_ARGO_FROM_SOURCE: '' };
  delete env.CDK8S_ARGO_HELM;
  delete env.CDK8S_OUTDIR;
  delete env.CDK8S_RECORD_CONSTRUCT_METADATA;
  const result = spawnSync(process.execPath, [cdk8s, ...args], { cwd, env, encoding: 'utf8', timeout: 300000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const key = (d: any) => `${d.kind}/${d.metadata?.namespace ?? ''}/${d.metadata?.name}`;
const byKey = (docs: readonly any[]) => Object.fromEntries(docs.map(d => [key(d), d]));

function yamlDocuments(dir: string): any[] {
  return readdirSync(dir).filter(f => f.endsWith('.yaml')).sort().flatMap(f => documents(readFileSync(join(dir, f), 'utf8')));
}

/** The plugin's table rows: `║ errors │ 0 ║` -> { errors: '0' }. */
function reportTable(stdout: string): { [row: string]: string } {
  return Object.fromEntries([...stdout.matchAll(/║ (\w+) +│ (\S+) +║/g)].map(m => [m[1], m[2]]));
}

describeWithHelm('cdk8s synth --format helm --chart-version 1.0.0', helm => {
  describe('the example app', () => {
    const chart = join(work, 'example');
    let synth: ReturnType<typeof runCdk8s>;
    beforeAll(() => {
      synth = runCdk8s(['synth', '--check-upgrade', 'false', '--format', 'helm', '--chart-version', '1.0.0', '--output', chart], root);
    });

    test('synthesizes, and the validation plugin lints the escaped templates as Helm renders them: the plain synth\'s one warning, nothing about Helm', () => {
      expect(synth.stderr).toBe('');
      expect(synth.status).toBe(0);
      expect(synth.stdout).toContain('Validations ended succesfully');
      expect(reportTable(synth.stdout)).toMatchObject({ Status: 'success', manifests: '25', errors: '0', warnings: '1' });
      expect(synth.stdout).toContain('K8S-REF (warning)');
      expect(synth.stdout).not.toMatch(/HELM|INPUT/);
      expect(readFileSync(join(chart, 'templates', 'vector-pipeline.k8s.yaml'), 'utf8')).toContain('{{`{{`}}workflow.status}}');
    });

    test('helm lint passes', () => {
      const lint = runHelm(helm(), ['lint', chart]);
      expect(lint.status).toBe(0);
      expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(lint.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    });

    test('helm template renders every document equal to the plain synth (dist/), every Argo expression intact', () => {
      const rendered = runHelm(helm(), ['template', chart]);
      expect(rendered.stderr).toBe('');
      const plain = yamlDocuments(join(root, 'dist'));
      const docs = documents(rendered.stdout);
      expect(docs).toHaveLength(plain.length);
      expect(byKey(docs)).toEqual(byKey(plain));
      const expressions = (text: string) => (text.match(/\{\{[^{}]*\}\}/g) ?? []).sort();
      expect(expressions(rendered.stdout)).toEqual(expressions(readFileSync(join(root, 'dist', 'vector-pipeline.k8s.yaml'), 'utf8')));
      expect(expressions(rendered.stdout).length).toBeGreaterThanOrEqual(21);
    });

    test('the documented install works on the chart and on its package (helm install --dry-run=client, helm package)', () => {
      const install = runHelm(helm(), ['install', 'vector-pipeline', chart, '--namespace', 'default', '--dry-run=client']);
      expect(install.stderr).toBe('');
      expect(install.stdout).toMatch(/^NAME: vector-pipeline\n[\s\S]*DESCRIPTION: Dry run complete/);
      const packaged = runHelm(helm(), ['package', chart, '--destination', work]);
      expect(packaged.stdout).toMatch(/Successfully packaged chart and saved it to: .*-1\.0\.0\.tgz/);
      const tgz = /saved it to: (\S+)/.exec(packaged.stdout)![1];
      const fromPackage = runHelm(helm(), ['install', 'vector-pipeline', tgz, '--namespace', 'default', '--dry-run=client']);
      expect(fromPackage.stderr).toBe('');
      expect(byKey(documents(fromPackage.stdout.slice(fromPackage.stdout.indexOf('MANIFEST:') + 'MANIFEST:'.length)))).toEqual(byKey(yamlDocuments(join(root, 'dist'))));
    });
  });

  describe('an app shaped like cdk8s init\'s: construct metadata recorded, a cdk8s-plus ConfigMap holding {{...}}', () => {
    const app = join(work, 'user-app');
    const plainOut = join(app, 'plain');
    const chart = join(app, 'chart');
    let helmSynth: ReturnType<typeof runCdk8s>;
    let plainSynth: ReturnType<typeof runCdk8s>;
    beforeAll(() => {
      mkdirSync(app, { recursive: true });
      writeFileSync(join(app, 'main.js'), `
const { App, Chart } = require(${JSON.stringify(join(root, 'node_modules', 'cdk8s'))});
const kplus = require(${JSON.stringify(join(root, 'node_modules', 'cdk8s-plus-27'))});
const { EnvVarSource, InputParameter, SecretRef, WorkflowTemplate } = require(${JSON.stringify(join(root, 'lib', 'src'))});
const app = new App();
const chart = new Chart(app, 'jobs', { namespace: 'jobs' });
new kplus.ConfigMap(chart, 'script', { metadata: { name: 'script' }, data: { 'run.sh': 'echo "{{workflow.name}} {{=sprig.upper(workflow.namespace)}}"\\n' } });
const t = new WorkflowTemplate(chart, 'hello', { metadata: { name: 'hello' } });
const who = new InputParameter('who', { default: 'world' });
t.setEntrypoint(t.addContainerTemplate('say', { image: 'busybox:1.36', command: ['echo'], args: ['hello ' + who, '{{workflow.uid}}'], inputs: [who],
  env: { TOKEN: EnvVarSource.fromSecretKey({ secret: SecretRef.fromName('vendor-token'), key: 'token' }) } }));
app.synth();
`);
      writeFileSync(join(app, 'cdk8s.yaml'), [
        'language: typescript', 'app: node main.js', 'validations:',
        `  - package: ${join(root, 'bin', 'validation-plugin.js')}`, '    version: 0.1.0', '    class: ArgoLintValidation', '',
      ].join('\n'));
      plainSynth = runCdk8s(['synth', '--check-upgrade', 'false', '--output', plainOut], app);
      if (plainSynth.status !== 0) throw new Error(`plain synth failed:\n${plainSynth.stdout}\n${plainSynth.stderr}`);
      helmSynth = runCdk8s(['synth', '--check-upgrade', 'false', '--format', 'helm', '--chart-version', '1.0.0', '--output', chart], app);
    });

    test('cdk8s wrote its construct metadata into templates/, and the chart\'s .helmignore leaves it out', () => {
      expect(helmSynth.status).toBe(0);
      expect(existsSync(join(chart, 'templates', 'construct-metadata.json'))).toBe(true);
      expect(readFileSync(join(chart, '.helmignore'), 'utf8')).toContain('templates/construct-metadata.json\n');
    });

    test('the plugin reports as on the plain synth, with construct paths', () => {
      expect(helmSynth.stdout).toContain('Validations ended succesfully');
      // The unresolved Secret, and the container without resources (K8S-RESOURCES).
      expect(reportTable(helmSynth.stdout)).toMatchObject({ Status: 'success', errors: '0', warnings: '2' });
      expect(helmSynth.stdout).toMatch(/Recommendation: \[jobs\/hello\] WorkflowTemplate\/hello: spec\.templates\[0\]\.container\.resources: container "main" of template "say" has no cpu request/);
      expect(reportTable(helmSynth.stdout)).toEqual(reportTable(plainSynth.stdout));
      expect(helmSynth.stdout).toMatch(/Recommendation: \[jobs\/hello\] WorkflowTemplate\/hello: spec\.templates\[0\]\.container\.env\[0\]\.valueFrom\.secretKeyRef\.name: Secret "vendor-token" is not among the linted manifests/);
    });

    test('helm lint passes; helm template renders the plain synth document for document', () => {
      const lint = runHelm(helm(), ['lint', chart]);
      expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(lint.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
      const rendered = runHelm(helm(), ['template', chart]);
      expect(rendered.stderr).toBe('');
      expect(byKey(documents(rendered.stdout))).toEqual(byKey(yamlDocuments(plainOut)));
      expect(documents(rendered.stdout).find(d => d.kind === 'ConfigMap').data['run.sh']).toBe('echo "{{workflow.name}} {{=sprig.upper(workflow.namespace)}}"\n');
    });
  });
});
