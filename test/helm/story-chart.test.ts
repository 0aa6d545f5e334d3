/**
 * The story's own Helm chart (test/fixtures/mission/story-chart: the post's YAML as written, with
 * its hand-made escapes {{`{{workflow.status}}`}}): the real helm lints and renders it, and
 * `cdk8s-argo lint` of the chart folder reports the story's real defects (those of
 * test/fixtures/mission/story.yaml, the transcription as Helm rendered it), nothing about Helm's
 * syntax. Without helm, the escapes are still read as the expressions they render to, and what
 * only Helm can render is said to need it.
 */
import { readFileSync } from 'fs';
import { delimiter, dirname, join } from 'path';
import { lint, parseManifests } from '../../src/lint';
import { runCli } from '../cli/helpers';
import { runHelm } from '../support/helm';
import { describeWithHelm, documents, removeChart, tempChart } from './helpers';

const root = join(__dirname, '..', '..');
const chart = join(root, 'test', 'fixtures', 'mission', 'story-chart');
const storyFile = join(root, 'test', 'fixtures', 'mission', 'story.yaml');

/** Today in Asia/Seoul as Helm's htmlDateInZone writes it (2006-01-02). */
function seoulDate(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The story as transcribed, with the install date Helm's `now` gives today. */
function storyAsOf(date: string): any[] {
  return documents(readFileSync(storyFile, 'utf8').replace(/2021-02-07/g, date));
}

const key = (d: any) => `${d.kind}/${d.metadata?.namespace ?? ''}/${d.metadata?.name}`;
const byKey = (docs: readonly any[]) => Object.fromEntries(docs.map(d => [key(d), d]));
const where = (f: { ruleId: string; severity: string; object: string; path: string }) => `${f.severity} ${f.ruleId} ${f.object} ${f.path}`;

/** PATH without any helm, so that the CLI reads charts without it. */
function pathWithoutHelm(): string {
  return (process.env.PATH ?? '').split(delimiter).filter(dir => !require('fs').existsSync(join(dir, 'helm'))).join(delimiter);
}

describeWithHelm('the story\'s Helm chart, with the real helm', helm => {
  const helmDir = () => dirname(helm());

  test('helm lint passes (its warnings are the story\'s uppercase names, which Kubernetes rejects)', () => {
    const result = runHelm(helm(), ['lint', chart]);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.stdout.match(/\[WARNING\][^\n]*/g)?.map(w => /"([^"]+)"/.exec(w)?.[1])).toEqual(['A-workflow', 'A-workflow-configmap', 'B-workflow-configmap']);
    expect(result.stdout).not.toContain('[ERROR]');
  });

  test('helm template renders the story as transcribed (story.yaml), document for document, its escapes become Argo\'s expressions', () => {
    const before = seoulDate();
    const result = runHelm(helm(), ['template', chart, '--namespace', 'argo']);
    const after = seoulDate();
    expect(result.stderr).toBe('');
    const rendered = documents(result.stdout);
    const expected = [before, after].map(storyAsOf);
    expect([byKey(expected[0]), byKey(expected[1])]).toContainEqual(byKey(rendered));
    expect(rendered).toHaveLength(expected[0].length);
    const cron = rendered.find(d => d.kind === 'CronWorkflow');
    expect(cron.spec.workflowSpec.templates[1].when).toBe('{{workflow.status}} == Failed');
  });

  test('cdk8s-argo lint of the chart folder (helm on PATH) reports the story\'s defects, as for story.yaml, and nothing about Helm', () => {
    const result = runCli(['lint', '--format', 'json', '--helm-namespace', 'argo', chart], { env: { PATH: `${helmDir()}${delimiter}${process.env.PATH}` } });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.inputErrors).toEqual([]);
    const story = parseManifests(readFileSync(storyFile, 'utf8'), storyFile);
    const expected = lint(story.manifests.map(m => m.manifest)).map(where).sort();
    expect(report.findings.map(where).sort()).toEqual(expected);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'ARGO-HELM-LEFTOVER')).toEqual([]);
    expect(report.findings.map((f: { file: string }) => f.file.slice(chart.length + 1))).toContain('templates/cron_workflow.yaml');
    expect(result.status).toBe(1);
  });

  test('a hand-written chart with one escape forgotten: helm template fails, and the lint says where, why and what to write', () => {
    const broken = tempChart({ 'templates/cron.yaml': readFileSync(join(chart, 'templates', 'cron_workflow.yaml'), 'utf8').replace('{{`{{workflow.status}}`}}', '{{workflow.status}}') });
    try {
      expect(runHelm(helm(), ['template', broken]).stderr).toContain('function "workflow" not defined');
      const withHelm = runCli(['lint', broken], { env: { PATH: `${helmDir()}${delimiter}${process.env.PATH}` } });
      expect(withHelm.status).toBe(2);
      expect(withHelm.stdout + withHelm.stderr).toMatch(/templates\/cron\.yaml:26: error: helm template .* failed: parse error at \(test-chart\/templates\/cron\.yaml:26\): function "workflow" not defined\. Helm read one of Argo's \{\{\.\.\.\}\} as its own template action/);
      const withoutHelm = runCli(['lint', join(broken, 'templates')], { env: { PATH: pathWithoutHelm() } });
      expect(withoutHelm.stdout + withoutHelm.stderr).toContain('templates/cron.yaml:26:14: error: "{{workflow.status}}" is an Argo expression, which Helm reads as its own template action: Helm refuses the chart (function "workflow" not defined). Write it escaped: {{`{{workflow.status}}`}}.');
    } finally {
      removeChart(broken);
    }
  });
});

describe('the story\'s Helm chart, without helm', () => {
  const cli = (args: string[]) => runCli(['lint', '--format', 'json', ...args], { env: { PATH: pathWithoutHelm() } });

  test('templates holding only escapes are read as Helm renders them; each holding Helm code is reported once, with what to do', () => {
    const report = JSON.parse(cli([chart]).stdout);
    const problems = report.inputErrors.filter((p: { message: string }) => p.message.includes('only Helm can render'))
      .map((p: { file: string; line: number; message: string }) => `${p.file.slice(chart.length + 1)}:${p.line} ${p.message.slice(0, p.message.indexOf(' is a Helm template action'))}`);
    expect(problems).toEqual([
      'templates/artifacts.yaml:16 "{{ htmlDateInZone now "Asia/Seoul" }}"',
      'templates/common.yaml:6 "{{ .Release.Namespace }}"',
      'templates/deployment.yaml:21 "{{- range $key, $value := .Values.env }}"',
      'templates/eventsource.yaml:5 "{{ .Release.Namespace }}"',
      'templates/sensor.yaml:5 "{{ .Release.Namespace }}"',
    ]);
    expect(report.inputErrors.find((p: { message: string }) => p.message.includes('only Helm can render')).message).toContain('helm is not on PATH: install it (cdk8s-argo lint renders a chart folder with helm template)');
    // cron_workflow.yaml holds only escapes: read exactly, its when is Argo's expression (and misplaced: the story's defect 7).
    const cron = report.findings.filter((f: { object: string }) => f.object === 'CronWorkflow/cron-workflow-example').map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`);
    expect(cron).toContain('ARGO-MISPLACED-FIELD spec.workflowSpec.templates[1].when');
    expect(report.findings.filter((f: { ruleId: string; object: string }) => f.ruleId === 'ARGO-HELM-LEFTOVER' && f.object.startsWith('CronWorkflow'))).toEqual([]);
  });

  test('the story\'s YAML outside a chart (Helm syntax in the text): escapes read as Argo\'s expressions, other Helm code reported as before', () => {
    const file = join(root, 'test', 'fixtures', 'mission', 'story-helm.yaml');
    const report = JSON.parse(cli([file]).stdout);
    const leftovers = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'ARGO-HELM-LEFTOVER').map((f: { object: string; path: string }) => `${f.object} ${f.path}`);
    expect(leftovers).toEqual(['WorkflowTemplate/artifact-test spec.templates[0].outputs.artifacts[0].s3.key']);
    expect(report.inputErrors.map((p: { line: number }) => p.line)).toEqual([11, 25]);
  });

  test('a plain file with an escape left in it (no other Helm syntax) is still a leftover, and the message says what it renders to', () => {
    const file = join(root, 'test', 'fixtures', 'bad', 'ARGO-HELM-LEFTOVER-escape.yaml');
    const report = JSON.parse(cli([file]).stdout);
    expect(report.findings.map((f: { message: string }) => f.message)).toContainEqual(expect.stringContaining('is Helm\'s escape of "{{workflow.status}}" (the text Helm renders it to) that was never rendered'));
  });
});
