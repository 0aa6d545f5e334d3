import { join } from 'path';
import { BAD_CONFIGMAP, CLEAN_TEMPLATE, runCli, SETTINGS_CONFIGMAP, removeTempTrees, tempTree, TEMPLATE_USING_SETTINGS } from './helpers';

afterAll(removeTempTrees);

/** `file:line:col: error|warning: Kind/name: field.path: message [RULE-ID]` */
const FINDING_LINE = /^(\S+):(\d+):(\d+): (error|warning): ([A-Za-z]+\/\S+): (\S+): (.+) \[([A-Z0-9-]+)\]$/;

describe('cdk8s-argo lint (run as a process)', () => {
  test('exit 0 and no finding lines for a clean manifest', () => {
    const dir = tempTree({ 'hello.yaml': CLEAN_TEMPLATE });
    const result = runCli(['lint', join(dir, 'hello.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('0 errors, 0 warnings in 1 manifest (1 file)');
  });

  test('exit 1 with one line per finding, errors and warnings distinguished', () => {
    const dir = tempTree({ 'bad.yaml': `${BAD_CONFIGMAP}---\n${TEMPLATE_USING_SETTINGS}` });
    const result = runCli(['lint', 'bad.yaml'], { cwd: dir });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.every(l => FINDING_LINE.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^bad\.yaml:4:3: error: ConfigMap\/Bad_Name: metadata\.name: name "Bad_Name" is not a valid DNS-1123 subdomain.* \[K8S-NAME\]$/));
    expect(lines).toContainEqual(expect.stringMatching(
      /^bad\.yaml:20:11: warning: WorkflowTemplate\/uses-settings: spec\.templates\[0\]\.container\.envFrom\[0\]\.configMapRef\.name: ConfigMap "settings" is not among the linted manifests; assumed to exist in the cluster.* \[K8S-REF\]$/));
    expect(result.stderr).toContain('1 error, 1 warning in 2 manifests (1 file)');
  });

  test('warnings alone exit 0; --strict-refs turns a missing reference into an error (exit 1)', () => {
    const dir = tempTree({ 'template.yaml': TEMPLATE_USING_SETTINGS });
    expect(runCli(['lint', dir]).status).toBe(0);
    const strict = runCli(['lint', '--strict-refs', dir]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/: error: WorkflowTemplate\/uses-settings: \S+: ConfigMap "settings" is not among the linted manifests; it must be defined in the same set \(--strict-refs\).*\[K8S-REF\]/);
  });

  test('reads directories recursively, multi-document files included, and resolves references across files', () => {
    const dir = tempTree({
      'a/settings.yaml': `${SETTINGS_CONFIGMAP}---\n${CLEAN_TEMPLATE}`,
      'a/b/c/template.yml': TEMPLATE_USING_SETTINGS,
      'a/b/bad.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }),
      'a/notes.txt': 'not yaml: [',
      'a/.hidden/broken.yaml': 'a: [',
    });
    const result = runCli(['lint', '--strict-refs', '--format', 'json', join(dir, 'a')]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ files: 3, manifests: 4, errors: 1, warnings: 0, inputErrors: 0 });
    expect(report.findings).toEqual([expect.objectContaining({
      file: join(dir, 'a', 'b', 'bad.json'), object: 'ConfigMap/Bad_Name', path: 'metadata.name', ruleId: 'K8S-NAME', severity: 'error',
    })]);
  });

  test('--format json gives file, line, column, object, path, rule id, severity and message', () => {
    const dir = tempTree({ 'cm.yaml': `# leading comment\n${BAD_CONFIGMAP}` });
    const result = runCli(['lint', '--format', 'json', join(dir, 'cm.yaml')]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([{
      file: join(dir, 'cm.yaml'), line: 5, column: 3, object: 'ConfigMap/Bad_Name', path: 'metadata.name', ruleId: 'K8S-NAME', severity: 'error',
      message: expect.stringContaining('Kubernetes rejects the ConfigMap on apply'),
    }]);
    expect(report.inputErrors).toEqual([]);
  });

  test('a YAML syntax error is an input error (exit 2) with file, line and column, no stack trace; other files are still linted', () => {
    const dir = tempTree({ 'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "unterminated\n', 'cm.yaml': BAD_CONFIGMAP });
    const result = runCli(['lint', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${join(dir, 'broken.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:\\d+: error: YAML syntax error: `, 'm'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toContain('[K8S-NAME]');
  });

  test('duplicate keys are an input error with the line of the second key', () => {
    const dir = tempTree({ 'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nmetadata:\n  name: y\n' });
    const result = runCli(['lint', '--format', 'json', join(dir, 'dup.yaml')]);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).inputErrors).toEqual([{
      file: join(dir, 'dup.yaml'), line: 5, column: 1,
      message: 'YAML syntax error: Map keys must be unique: "metadata" is also at line 3. Go\'s YAML parser (kubectl, Argo) silently keeps the last one; remove one of them.',
    }]);
  });

  test('usage errors exit 2 with the reason and the usage text', () => {
    for (const args of [[], ['lint'], ['lint', '--format', 'xml', 'x.yaml'], ['lint', '--workflows-version', '3.6', 'x.yaml'], ['lint', '--bogus', 'x.yaml'], ['frobnicate']]) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: cdk8s-argo lint');
    }
    const missing = runCli(['lint', 'does-not-exist.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('does-not-exist.yaml: error: cannot read: no such file or directory');
  });

  test('--help prints usage and exits 0', () => {
    const result = runCli(['lint', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--strict-refs');
  });

  test('--no-schema skips the schema check; --workflows-version 3.7.18 accepts the 3.7 field CronWorkflow schedule', () => {
    const cron = `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  workflowSpec:
    entrypoint: main
    templates:
    - name: main
      container:
        image: busybox:1.36
        comand: [echo]
`;
    const dir = tempTree({ 'cron.yaml': cron });
    const v4 = runCli(['lint', '--format', 'json', dir]);
    const v37 = runCli(['lint', '--format', 'json', '--workflows-version', '3.7.18', dir]);
    const noSchema = runCli(['lint', '--format', 'json', '--no-schema', dir]);
    const schemaPaths = (r: { stdout: string }) => JSON.parse(r.stdout).findings.filter((f: any) => f.ruleId === 'SCHEMA').map((f: any) => f.path).sort();
    expect(schemaPaths(v4)).toEqual(['spec.schedule', 'spec.schedules', 'spec.workflowSpec.templates[0].container.comand']);
    expect(schemaPaths(v37)).toEqual(['spec.workflowSpec.templates[0].container.comand']);
    expect(schemaPaths(noSchema)).toEqual([]);
  });

  test('"-" reads manifests from standard input', () => {
    const result = runCli(['lint', '-'], { input: BAD_CONFIGMAP });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:4:3: error: ConfigMap\/Bad_Name: metadata\.name: .*\[K8S-NAME\]$/m);
  });

  test('an unrendered Helm template is reported as such', () => {
    const dir = tempTree({ 'chart.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: {{ .Release.Namespace }}\n' });
    const result = runCli(['lint', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/chart\.yaml:5:15: error: a mapping is used as a key in "namespace: \{\{ \.Release\.Namespace \}\}".*unrendered Helm template/);
  });
});
