import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../src/schema/validator';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  } catch (e: any) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** A user's cdk8s app, outside the repository, that only knows the package through its public entry. */
const USER_APP = `
import { App, Chart, Cron } from 'cdk8s';
import { ConfigMapEnv, CronConcurrencyPolicy, CronWorkflow, InputParameter, WorkflowServiceAccount, WorkflowTemplate } from 'cdk8s-argo';

const app = new App();
const chart = new Chart(app, 'nightly', { namespace: 'reports' });
const env = new ConfigMapEnv(chart, 'env');
const settings = env.addGroup('report-settings', { FORMAT: 'pdf' });
const runner = new WorkflowServiceAccount(chart, 'runner', { metadata: { name: 'report-runner' } });
const reports = new WorkflowTemplate(chart, 'reports', { metadata: { name: 'reports' }, serviceAccount: runner });
const day = new InputParameter('day', { default: 'today' });
const render = reports.addContainerTemplate('render', {
  image: 'registry.example.com/reports:3.1.0', command: ['render'], args: ['--day', day], inputs: [day], envFrom: [settings],
});
reports.setEntrypoint(render);
const nightly = new CronWorkflow(chart, 'nightly', {
  metadata: { name: 'nightly-report' }, schedules: [Cron.schedule({ minute: '0', hour: '2' })], timezone: 'Europe/Paris',
  concurrencyPolicy: CronConcurrencyPolicy.REPLACE, serviceAccount: runner,
});
nightly.addStepsTemplate('main').addStep('render', render, { parameters: { [day.name]: 'yesterday' } });
app.synth();
`;

describe('the package as a dependency of a fresh cdk8s app', () => {
  const work = mkdtempSync(join(tmpdir(), 'cdk8s-argo-user-'));
  const appDir = join(work, 'app');

  beforeAll(() => {
    run('npm', ['run', 'build'], root);
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
    const tarball = readdirSync(work).find(f => f.endsWith('.tgz'))!;
    run('mkdir', ['-p', appDir], work);
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({
      name: 'user-app', private: true, dependencies: { 'cdk8s-argo': `file:../${tarball}`, 'cdk8s': '^2.70.0', 'constructs': '^10.8.0' },
    }, null, 2));
    writeFileSync(join(appDir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: false, types: [] },
      files: ['main.ts'],
    }));
    writeFileSync(join(appDir, 'cdk8s.yaml'), [
      'language: typescript', 'app: node main.js',
      'validations:', '  - package: ./node_modules/cdk8s-argo/bin/validation-plugin.js', '    version: 0.1.0', '    class: ArgoLintValidation', '',
    ].join('\n'));
    writeFileSync(join(appDir, 'main.ts'), USER_APP);
    run('npm', ['install', '--offline', '--no-package-lock'], appDir);
  });

  test('the tarball holds the compiled library, its declarations and the bin scripts, not the sources or tests', () => {
    const files = run('tar', ['-tzf', join(work, readdirSync(work).find(f => f.endsWith('.tgz'))!)], work).split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/lib/src/index.js', 'package/lib/src/index.d.ts',
      'package/lib/imports/argo-workflows.js', 'package/bin/cdk8s-argo.js', 'package/bin/validation-plugin.js']));
    expect(files.filter(f => /^package\/(test|src|bench|imports|lib\/src\/codegen|lib\/src\/example)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('the user\'s code type-checks against the installed declarations (strict, lib checks on)', () => {
    expect(() => run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], appDir)).not.toThrow();
    expect(existsSync(join(appDir, 'main.js'))).toBe(true);
  });

  test('cdk8s synth there produces valid manifests and runs the package\'s validation plugin', () => {
    const out = run(bin('cdk8s'), ['synth', '--check-upgrade', 'false'], appDir);
    expect(out).toMatch(/ArgoLintValidation|cdk8s-argo/);
    const docs = parseAllDocuments(readFileSync(join(appDir, 'dist', 'nightly.k8s.yaml'), 'utf8')).map(d => d.toJS());
    expect(docs.map(d => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ConfigMap/report-settings', 'ServiceAccount/report-runner', 'Role/report-runner-executor', 'RoleBinding/report-runner-executor',
      'WorkflowTemplate/reports', 'CronWorkflow/nightly-report',
    ]);
    for (const doc of docs) expect(validateManifest(doc)).toEqual([]);
    const cron = docs.find(d => d.kind === 'CronWorkflow');
    expect(cron.spec.workflowSpec.templates[0].steps[0][0]).toEqual({
      name: 'render', templateRef: { name: 'reports', template: 'render' }, arguments: { parameters: [{ name: 'day', value: 'yesterday' }] },
    });
  });
});
