import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ArgoLintValidation, CdkValidationContext } from '../../src/cli/plugin';
import { BAD_CONFIGMAP, CLEAN_TEMPLATE, repoRoot, removeTempTrees, tempTree, TEMPLATE_USING_SETTINGS } from './helpers';

afterAll(removeTempTrees);

const cdk8sCli = join(repoRoot, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

/**
 * Runs `cdk8s synth` in `cwd` with the plugin from this repository: its compiled lib/ (built by
 * the jest global setup), or its TypeScript sources as in a clean checkout.
 */
function synth(cwd: string, extraArgs: string[] = [], fromSource = false) {
  return spawnSync(process.execPath, [cdk8sCli, 'synth', '--check-upgrade', 'false', ...extraArgs], {
    cwd, encoding: 'utf8', timeout: 120000,
    env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: fromSource ? '1' : '' },
  });
}

/** A cdk8s project whose "app" writes the given YAML as its synthesized output. */
function projectWriting(yaml: string, properties = '{}'): string {
  return tempTree({
    'manifest.yaml': yaml,
    'app.js': [
      "const { copyFileSync, mkdirSync } = require('fs');",
      "const { join } = require('path');",
      'mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true });',
      "copyFileSync(join(__dirname, 'manifest.yaml'), join(process.env.CDK8S_OUTDIR, 'app.k8s.yaml'));",
    ].join('\n'),
    'cdk8s.yaml': `language: typescript\napp: node app.js\nvalidations:\n  - package: ${join(repoRoot, 'bin', 'validation-plugin.js')}\n    version: 0.1.0\n    class: ArgoLintValidation\n    properties: ${properties}\n`,
  });
}

class RecordingContext implements CdkValidationContext {
  public readonly violations: any[] = [];
  public status?: string;
  public summary?: { readonly [key: string]: string };
  public readonly logger = { log: () => undefined };
  public readonly report = {
    addViolation: (v: any) => { this.violations.push(v); },
    submit: (status: 'success' | 'failure', metadata?: { readonly [key: string]: string }) => { this.status = status; this.summary = metadata; },
  };
  constructor(public readonly manifests: readonly string[]) {}
}

describe('cdk8s validation plugin', () => {
  test('cdk8s synth fails (exit 2) on lint errors and names rule, resource, location and fix', () => {
    const result = synth(projectWriting(BAD_CONFIGMAP));
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('K8S-NAME (error)');
    expect(result.stdout).toContain('Resource Name: Bad_Name');
    expect(result.stdout).toContain('metadata.name (line 4, column 3)');
    expect(result.stdout).toMatch(/Status\s*│ failure/);
  });

  test('cdk8s synth succeeds on clean output; warnings are listed without failing', () => {
    const result = synth(projectWriting(`${CLEAN_TEMPLATE}---\n${TEMPLATE_USING_SETTINGS}`));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Status\s*│ success/);
    expect(result.stdout).toContain('K8S-REF (warning)');
  });

  test('properties reach the plugin: strictRefs turns the missing ConfigMap into a failure', () => {
    const result = synth(projectWriting(TEMPLATE_USING_SETTINGS, '{ strictRefs: true }'));
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('K8S-REF (error)');
  });

  test('the example app of this repository synthesizes with the plugin from a clean checkout (no build step)', () => {
    const out = tempTree({});
    const result = synth(repoRoot, ['--output', out], true);
    // No error or stack trace; the synth-time warning of the prerequisite Secret is printed once, by the plugin.
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([]);
    expect(result.stdout.match(/K8S-REF \(warning\)/g)).toHaveLength(1);
    expect(result.stdout).toContain('Validations ended succesfully');
    expect(result.stdout).toMatch(/errors\s*│\s*0\b/);
    expect(result.status).toBe(0);
    const config = readFileSync(join(repoRoot, 'cdk8s.yaml'), 'utf8');
    expect(config).toMatch(/package: \.\/bin\/validation-plugin\.js/);
  });

  test('reports findings with severity, path and line, and summary counts', async () => {
    const dir = tempTree({ 'a.k8s.yaml': `${BAD_CONFIGMAP}---\n${TEMPLATE_USING_SETTINGS}` });
    const context = new RecordingContext([join(dir, 'a.k8s.yaml')]);
    await new ArgoLintValidation().validate(context);
    expect(context.status).toBe('failure');
    expect(context.summary).toEqual({ manifests: '2', errors: '1', warnings: '1' });
    expect(context.violations.map(v => v.ruleName).sort()).toEqual(['K8S-NAME (error)', 'K8S-REF (warning)']);
    const name = context.violations.find(v => v.ruleName === 'K8S-NAME (error)');
    expect(name.recommendation).toMatch(/^ConfigMap\/Bad_Name: metadata\.name: name "Bad_Name" is not a valid DNS-1123 subdomain/);
    expect(name.violatingResources).toEqual([{ resourceName: 'Bad_Name', locations: ['metadata.name (line 4, column 3)'], manifestPath: join(dir, 'a.k8s.yaml') }]);
  });

  test('failOnWarnings fails on warnings alone; a bad workflowsVersion is refused', async () => {
    const dir = tempTree({ 'a.k8s.yaml': TEMPLATE_USING_SETTINGS });
    const lenient = new RecordingContext([join(dir, 'a.k8s.yaml')]);
    await new ArgoLintValidation().validate(lenient);
    expect(lenient.status).toBe('success');
    const strict = new RecordingContext([join(dir, 'a.k8s.yaml')]);
    await new ArgoLintValidation({ failOnWarnings: true }).validate(strict);
    expect(strict.status).toBe('failure');
    expect(() => new ArgoLintValidation({ workflowsVersion: '3.6.0' })).toThrow(/workflowsVersion must be 4.1.2 or 3.7.18/);
  });

  test('unknown or mistyped properties are refused, naming the property and the valid ones', () => {
    expect(() => new ArgoLintValidation({ strictRef: true } as never)).toThrow(
      'ArgoLintValidation: unknown property "strictRef" in cdk8s.yaml (validations[].properties); valid properties: strictRefs, schema, crd, workflowsVersion, failOnWarnings');
    expect(() => new ArgoLintValidation({ strictRefs: 'yes' } as never)).toThrow('property "strictRefs" must be a boolean, got "yes"');
    const result = synth(projectWriting(CLEAN_TEMPLATE, '{ failOnWarning: true }'));
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('unknown property "failOnWarning"');
  });

  test('findings name the construct of their object (from construct-metadata.json; the L2 of an L1 "Resource"), and inline suppressions apply', async () => {
    const dir = tempTree({
      'a.k8s.yaml': `${BAD_CONFIGMAP}---
${TEMPLATE_USING_SETTINGS.replace('      - configMapRef:', '      # cdk8s-argo-disable-next-line K8S-REF -- created by the platform\n      - configMapRef:')}`,
      'construct-metadata.json': JSON.stringify({ version: '1.0.0', resources: { Bad_Name: { path: 'app/chart/settings/Resource' } } }),
    });
    const context = new RecordingContext([join(dir, 'a.k8s.yaml')]);
    await new ArgoLintValidation().validate(context);
    expect(context.violations.map(v => v.ruleName)).toEqual(['K8S-NAME (error)']);
    expect(context.violations[0].recommendation).toMatch(/^\[app\/chart\/settings\] ConfigMap\/Bad_Name: metadata\.name: /);
    expect(context.violations[0].violatingResources[0].resourceName).toBe('Bad_Name');
  });

  test('under cdk8s synth, the app leaves its warnings to the plugin (printed once) and the report names the construct', () => {
    const dir = tempTree({
      'app.js': [
        `const { App, Chart } = require(${JSON.stringify(join(repoRoot, 'node_modules', 'cdk8s'))});`,
        `const { ArgoWorkflowTemplate } = require(${JSON.stringify(join(repoRoot, 'lib', 'imports', 'argo-workflows.js'))});`,
        `const { addArgoValidation } = require(${JSON.stringify(join(repoRoot, 'lib', 'src', 'core', 'validation.js'))});`,
        'const app = new App();',
        "const chart = new Chart(app, 'chart');",
        "const wt = new ArgoWorkflowTemplate(chart, 'caller', { metadata: { name: 'caller' }, spec: { templates: [{ name: 'call', steps: [[{ name: 's', templateRef: { name: 'elsewhere', template: 'x' } }]] }] } });",
        'addArgoValidation(wt, () => ({ apiObject: wt }));',
        'app.synth();',
      ].join('\n'),
      'cdk8s.yaml': `language: typescript\napp: node app.js\nvalidations:\n  - package: ${join(repoRoot, 'bin', 'validation-plugin.js')}\n    version: 0.1.0\n    class: ArgoLintValidation\n    properties: { schema: false }\n`,
    });
    const result = synth(dir);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('Warning:');
    expect(result.stdout.match(/W7 \(warning\)/g)).toHaveLength(1);
    expect(result.stdout).toContain('Construct Path: chart/caller');
    expect(result.stdout).toContain('Recommendation: [chart/caller] WorkflowTemplate/caller: spec.templates[0].steps[0][0].templateRef: ');
    const plain = spawnSync(process.execPath, [join(dir, 'app.js')], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_OUTDIR: join(dir, 'plain') } });
    expect(plain.stderr).toContain('Warning: [chart/caller] WorkflowTemplate/caller');
  });
});
