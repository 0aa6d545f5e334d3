/**
 * How the CLI reads a chart folder: with helm (helm template, by template) or without it (the
 * templates Helm would render, .helmignore and partials as Helm applies them, escapes rendered
 * exactly); a folder holding charts; which files Helm renders, checked against the real helm.
 */
import { delimiter, dirname, join } from 'path';
import { existsSync } from 'fs';
import { chartTemplates } from '../../src/cli/chart-files';
import { readManifestFiles } from '../../src/cli/files';
import { helmEscape } from '../../src/helm/helm-escape';
import { runCli } from '../cli/helpers';
import { runHelm } from '../support/helm';
import { describeWithHelm, removeChart, tempChart } from './helpers';

const configMap = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  run: ${JSON.stringify(data)}\n`;
const noHelm = { binary: null } as const;

/** A chart as cdk8s writes it, plus what Helm leaves out or renders besides the templates. */
function cdk8sChart(): string {
  return tempChart({
    'templates/app.k8s.yaml': helmEscape(configMap('app', 'echo {{workflow.name}}')),
    'templates/construct-metadata.json': '{"version":"1.0.0","resources":{}}',
    '.helmignore': '# Written by cdk8s-argo\ntemplates/construct-metadata.json\n',
    'templates/_helpers.tpl': '{{ define "x" }}x{{ end }}',
    'templates/NOTES.txt': 'Installed {{ .Release.Name }}',
    'templates/.hidden.yaml': configMap('hidden', 'x'),
    'templates/nested/more.yaml': helmEscape(configMap('more', '{{=sprig.trim(inputs.parameters.x)}}')),
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/templates/sub.yaml': configMap('sub', 'plain'),
    'values.yaml': 'replicas: 1\n',
  });
}

describe('a chart folder read without helm', () => {
  test('the templates Helm renders, in name order; partials, NOTES.txt, hidden and ignored files left out; subcharts included', () => {
    const chart = cdk8sChart();
    try {
      const listed = chartTemplates(chart, 'needs helm');
      expect(listed.problems).toEqual([]);
      expect(listed.files.map(f => f.slice(chart.length + 1))).toEqual(['templates/app.k8s.yaml', 'templates/nested/more.yaml', 'charts/sub/templates/sub.yaml']);
    } finally {
      removeChart(chart);
    }
  });

  test('escapes are rendered exactly: the manifests are the plain ones, with no problem and no helm', () => {
    const chart = cdk8sChart();
    try {
      const read = readManifestFiles([chart], undefined, noHelm);
      expect(read.problems).toEqual([]);
      expect(read.manifests.map(m => m.manifest.data.run)).toEqual(['echo {{workflow.name}}', '{{=sprig.trim(inputs.parameters.x)}}', 'plain']);
      expect(read.files.map(f => f.slice(chart.length + 1))).toEqual(['templates/app.k8s.yaml', 'templates/nested/more.yaml', 'charts/sub/templates/sub.yaml']);
      expect(read.manifests[0].position('data.run')).toEqual({ line: 6, column: 3 });
    } finally {
      removeChart(chart);
    }
  });

  test('a packaged subchart cannot be read without helm: a problem says so', () => {
    const chart = tempChart({ 'templates/a.yaml': configMap('a', 'x'), 'charts/dep-1.0.0.tgz': 'not really' });
    try {
      const read = readManifestFiles([chart], undefined, noHelm);
      expect(read.problems.map(p => [p.file.slice(chart.length + 1), p.message])).toEqual([
        ['charts/dep-1.0.0.tgz', expect.stringMatching(/^a packaged subchart: only Helm can unpack and render it; helm is not on PATH: install it/)],
      ]);
      expect(read.manifests).toHaveLength(1);
    } finally {
      removeChart(chart);
    }
  });

  test('a folder holding a chart: the chart is read as a chart (Chart.yaml and values.yaml are no manifests), other files as they are', () => {
    const chart = cdk8sChart();
    try {
      const parent = dirname(chart);
      require('fs').writeFileSync(join(parent, 'other.yaml'), configMap('other', 'echo {{workflow.uid}}'));
      const read = readManifestFiles([parent], undefined, noHelm);
      expect(read.problems).toEqual([]);
      expect(read.skipped).toEqual([]);
      expect(read.manifests.map(m => m.manifest.metadata?.name).sort()).toEqual(['app', 'more', 'other', 'sub']);
    } finally {
      removeChart(chart);
    }
  });

  test('the CLI says what it cannot render without helm, once per template, and exits 2', () => {
    const chart = tempChart({ 'templates/a.yaml': `${configMap('a', 'x')}  image: {{ .Values.image }}\n  tag: {{ .Values.tag }}\n` });
    try {
      const path = (process.env.PATH ?? '').split(delimiter).filter(dir => !existsSync(join(dir, 'helm'))).join(delimiter);
      const result = runCli(['lint', chart], { env: { PATH: path } });
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).toContain(`${join(chart, 'templates', 'a.yaml')}:7:10: error: "{{ .Values.image }}" is a Helm template action, which only Helm can render (and 1 more Helm action in the file): helm is not on PATH`);
    } finally {
      removeChart(chart);
    }
  });
});

describeWithHelm('a chart folder read with the real helm', helm => {
  test('the CLI renders it with helm template: values files apply, positions are those of helm template --show-only', () => {
    const chart = tempChart({
      'templates/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n  namespace: {{ .Release.Namespace }}\ndata:\n  run: "{{`{{workflow.name}}`}}"\n',
      'values.yaml': 'name: from-values\n',
      'prod.yaml': 'name: Bad_Name\n',
    });
    try {
      const env = { PATH: `${dirname(helm())}${delimiter}${process.env.PATH}` };
      const ok = JSON.parse(runCli(['lint', '--format', 'json', '--helm-namespace', 'jobs', chart], { env }).stdout);
      expect(ok.inputErrors).toEqual([]);
      expect(ok.summary).toMatchObject({ files: 1, manifests: 1, errors: 0, warnings: 0 });
      const prod = runCli(['lint', '--helm-values', join(chart, 'prod.yaml'), chart], { env });
      expect(prod.status).toBe(1);
      const shown = runHelm(helm(), ['template', chart, '--values', join(chart, 'prod.yaml'), '--show-only', 'templates/a.yaml']).stdout;
      const line = shown.split('\n').findIndex(l => l.includes('name: Bad_Name')) + 1;
      expect(prod.stdout).toContain(`${join(chart, 'templates', 'a.yaml')}:${line}:3: error: ConfigMap/Bad_Name: metadata.name`);
    } finally {
      removeChart(chart);
    }
  });

  test('the templates read without helm are the ones helm renders, .helmignore rules included', () => {
    const chart = tempChart({
      '.helmignore': ['# comment', '*.bak', 'templates/skip-*.yaml', '/templates/anchored.yaml', 'ignored-dir/', 'templates/[xy].yaml', ''].join('\n'),
      'templates/keep.yaml': configMap('keep', 'x'),
      'templates/keep.bak': configMap('bak', 'x'),
      'templates/skip-me.yaml': configMap('skip', 'x'),
      'templates/anchored.yaml': configMap('anchored', 'x'),
      'templates/sub/anchored.yaml': configMap('sub-anchored', 'x'),
      'templates/ignored-dir/a.yaml': configMap('in-ignored-dir', 'x'),
      'templates/x.yaml': configMap('x', 'x'),
      'templates/z.yaml': configMap('z', 'x'),
      'templates/_partial.yaml': '{{ define "p" }}p{{ end }}',
      'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'charts/sub/templates/s.yaml': configMap('s', 'x'),
      // Helm loads a subchart folder with the parent's files: the parent's rules apply, not the subchart's own .helmignore.
      'charts/sub/.helmignore': 's2.yaml\n',
      'charts/sub/templates/s2.yaml': configMap('s2', 'x'),
      'charts/sub/templates/s.bak': configMap('s-bak', 'x'),
    });
    try {
      const rendered = runHelm(helm(), ['template', chart]);
      expect(rendered.stderr).toBe('');
      const sources = [...rendered.stdout.matchAll(/^# Source: [^/]+\/(.*)$/gm)].map(m => m[1]).sort();
      expect(chartTemplates(chart, 'needs helm').files.map(f => f.slice(chart.length + 1)).sort()).toEqual(sources);
      expect(sources).toEqual(['charts/sub/templates/s.yaml', 'charts/sub/templates/s2.yaml', 'templates/keep.yaml', 'templates/sub/anchored.yaml', 'templates/z.yaml']);
    } finally {
      removeChart(chart);
    }
  });
});
