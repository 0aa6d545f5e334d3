import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import { BAD_CONFIGMAP, CLEAN_TEMPLATE, runCli, removeTempTrees, tempTree, TEMPLATE_USING_SETTINGS } from './helpers';

afterAll(removeTempTrees);

// The SARIF 2.1.0 schema (OASIS committee specification), committed as a fixture: see fixtures/README.md.
const sarifSchema = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));

function validateSarif(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);
  return validate(log) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

/** A directory with a finding of each kind: an error, a warning, a suppressed finding, an unreadable file. */
function mixedTree() {
  return tempTree({
    'manifests/bad.yaml': `${BAD_CONFIGMAP}---\n${TEMPLATE_USING_SETTINGS}`,
    'manifests/clean.yaml': CLEAN_TEMPLATE,
    'manifests/silenced.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  # cdk8s-argo-disable-next-line K8S-NAME -- an old client reads this name\n  name: Old_Name\n',
    'manifests/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "open\n',
    'manifests/sp ace.yaml': BAD_CONFIGMAP.replace('Bad_Name', 'Other_Name'),
  });
}

describe('--format sarif', () => {
  test('is valid SARIF 2.1.0 with rules, physical and logical locations, suppressions and unreadable input', () => {
    const dir = mixedTree();
    const result = runCli(['lint', '--format', 'sarif', 'manifests'], { cwd: dir });
    expect(result.status).toBe(2);
    const log = JSON.parse(result.stdout);
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cdk8s-argo');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['SCHEMA', 'K8S-NAME', 'K8S-REF', 'W31', 'E2', 'SUPPRESSION', 'INPUT']));
    for (const r of run.results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
    const name = run.results.find((r: any) => r.ruleId === 'K8S-NAME' && !r.suppressions && r.locations[0].physicalLocation.artifactLocation.uri === 'manifests/bad.yaml');
    expect(name).toMatchObject({
      level: 'error',
      locations: [{
        physicalLocation: { artifactLocation: { uri: 'manifests/bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 3 } },
        logicalLocations: [{ fullyQualifiedName: 'ConfigMap/Bad_Name:metadata.name' }],
      }],
    });
    expect(run.results.find((r: any) => r.ruleId === 'K8S-REF').level).toBe('warning');
    expect(run.results.find((r: any) => r.suppressions)).toMatchObject({
      ruleId: 'K8S-NAME', suppressions: [{ kind: 'inSource', justification: 'an old client reads this name (the comment at line 4)' }],
    });
    expect(run.results.find((r: any) => r.ruleId === 'INPUT').locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'manifests/broken.yaml' }, region: { startLine: 4 } });
    expect(run.results.some((r: any) => r.locations?.[0].physicalLocation.artifactLocation.uri === 'manifests/sp%20ace.yaml')).toBe(true);
    expect(run.invocations[0]).toEqual({ executionSuccessful: true, exitCode: 2 });
    expect(result.stderr).toContain('1 suppressed');
  });

  test('a clean run is valid SARIF with no results; standard input is located as "stdin"', () => {
    const clean = runCli(['lint', '--format', 'sarif', '-'], { input: CLEAN_TEMPLATE });
    expect(clean.status).toBe(0);
    expect(validateSarif(JSON.parse(clean.stdout))).toEqual([]);
    expect(JSON.parse(clean.stdout).runs[0].results).toEqual([]);
    const bad = runCli(['lint', '--format', 'sarif', '-'], { input: BAD_CONFIGMAP });
    expect(JSON.parse(bad.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'stdin' });
  });
});

describe('--format github', () => {
  test('one workflow command per finding and unreadable file, values escaped so a message cannot start a command', () => {
    const dir = mixedTree();
    const result = runCli(['lint', '--format', 'github', 'manifests'], { cwd: dir });
    expect(result.status).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=manifests\/bad\.yaml,line=4,col=3,title=K8S-NAME ConfigMap\/Bad_Name::metadata\.name: name "Bad_Name"/));
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=manifests\/bad\.yaml,line=20,col=11,title=K8S-REF WorkflowTemplate\/uses-settings::/));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=manifests\/broken\.yaml,line=4,col=\d+,title=INPUT::YAML syntax error/));
    expect(lines[lines.length - 1]).toMatch(/^cdk8s-argo lint: \d+ errors?, 1 warning/);

    const hostile = tempTree({ 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\\n::error file=pwned::100%"\n' });
    const escaped = runCli(['lint', '--format', 'github', join(hostile, 'x.yaml')]);
    const commands = escaped.stdout.split('\n').filter(l => l.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toContain('title=K8S-NAME ConfigMap/a%0A%3A%3Aerror file=pwned%3A%3A100%25::');
  });
});

describe('--format junit', () => {
  test('a test suite per file, a test case per object: failures for errors, warnings in the output, an <error> for an unreadable file', () => {
    const dir = mixedTree();
    const result = runCli(['lint', '--format', 'junit', 'manifests'], { cwd: dir });
    expect(result.status).toBe(2);
    const xml = result.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cdk8s-argo lint" tests="6" failures="2" errors="1">')).toBe(true);
    expect(xml).toContain('<testsuite name="manifests/bad.yaml" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toMatch(/<testcase classname="manifests\/bad\.yaml" name="ConfigMap\/Bad_Name" file="manifests\/bad\.yaml" line="1">\n\s+<failure type="K8S-NAME" message="1 error: name &quot;Bad_Name&quot;/);
    expect(xml).toMatch(/<testcase classname="manifests\/bad\.yaml" name="WorkflowTemplate\/uses-settings"[^>]*>\n\s+<system-out>manifests\/bad\.yaml:20:11: warning: /);
    expect(xml).toMatch(/<testcase classname="manifests\/clean\.yaml" name="WorkflowTemplate\/hello" file="manifests\/clean\.yaml" line="1"\/>/);
    expect(xml).toMatch(/<testsuite name="manifests\/broken\.yaml" tests="1" failures="0" errors="1" skipped="0">\n\s+<testcase classname="manifests\/broken\.yaml" name="\(file\)"[^>]*>\n\s+<error type="INPUT"/);
    // A suppressed finding passes.
    expect(xml).toMatch(/<testcase classname="manifests\/silenced\.yaml" name="ConfigMap\/Old_Name"[^>]*\/>/);
  });

  test('characters XML cannot hold are replaced, markup in values is escaped', () => {
    const dir = tempTree({ 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "<b>&\\x01\\"</b>"\n' });
    const result = runCli(['lint', '--format', 'junit', join(dir, 'x.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/[\u0001]|<b>/);
    expect(result.stdout).toContain('&lt;b&gt;&amp;\ufffd&quot;&lt;/b&gt;');
  });
});

describe('--format json', () => {
  test('lists suppressed findings with their reason and unused --disable options', () => {
    const dir = mixedTree();
    const result = runCli(['lint', '--format', 'json', '--disable', 'W31 -- no parameters here', 'manifests'], { cwd: dir });
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ files: 5, manifests: 5, errors: 2, warnings: 2, suppressed: 1, inputErrors: 1 });
    expect(report.suppressed).toEqual([expect.objectContaining({ ruleId: 'K8S-NAME', file: 'manifests/silenced.yaml', line: 5, column: 3, reason: 'an old client reads this name', origin: 'the comment at line 4' })]);
    expect(report.commandLine).toEqual([{ ruleId: 'SUPPRESSION', severity: 'warning', message: expect.stringContaining('--disable "W31 -- no parameters here" silenced nothing') }]);
  });
});
