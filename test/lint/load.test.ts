import { parseManifests } from '../../src/lint/load';

describe('parseManifests', () => {
  test('reads every document of a multi-document file, with its start line', () => {
    const text = '# comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n';
    const result = parseManifests(text, 'f.yaml');
    expect(result.problems).toEqual([]);
    expect(result.manifests.map(m => [m.manifest.kind, m.source])).toEqual([
      ['ConfigMap', { file: 'f.yaml', document: 0, line: 2 }],
      ['Secret', { file: 'f.yaml', document: 1, line: 7 }],
    ]);
  });

  test('locates field paths on their lines, and missing fields on their nearest ancestor', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "my.key": x\n  list:\n  - one\n  - two\n';
    const [m] = parseManifests(text, 'f.yaml').manifests;
    expect(m.locate('metadata.name')).toBe(4);
    expect(m.locate('data["my.key"]')).toBe(6);
    expect(m.locate('data.list[1]')).toBe(9);
    expect(m.locate('data.missing.deeper')).toBe(5);
    expect(m.locate('')).toBe(1);
  });

  test('JSON is read too', () => {
    const result = parseManifests('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}', 'f.json');
    expect(result.manifests[0].manifest).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
  });

  test('flattens kind: List into its items', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n';
    const result = parseManifests(text, 'f.yaml');
    expect(result.manifests.map(m => m.manifest.metadata?.name)).toEqual(['a', 'b']);
    expect(result.manifests[1].source).toEqual({ file: 'f.yaml', document: 0, listItem: 1, line: 7 });
    expect(result.manifests[1].locate('metadata.name')).toBe(10);
  });

  test('a syntax error is a problem with line and column; the other documents are kept', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: [unclosed\nother: 1\n';
    const result = parseManifests(text, 'f.yaml');
    expect(result.manifests.map(m => m.manifest.metadata?.name)).toEqual(['a']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'f.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(result.problems[0].message).toMatch(/^YAML syntax error: /);
    expect(result.problems[0].line).toBeGreaterThanOrEqual(5);
  });

  test('duplicate keys are a syntax error at the second key', () => {
    const result = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nkind: Secret\n', 'f.yaml');
    expect(result.manifests).toEqual([]);
    expect(result.problems).toEqual([{ file: 'f.yaml', line: 4, column: 1, message: 'YAML syntax error: Map keys must be unique.' }]);
  });

  test('an unterminated quote is located where it opens, not at the end of the file', () => {
    const result = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "open\n  b: c\n', 'f.yaml');
    expect(result.problems[0]).toMatchObject({ line: 4, column: 6 });
  });

  test('a multi-line flow sequence indented too little gets a hint about Go\'s lenient parser', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    args: ["echo\n    hi\n    "]\n';
    const [problem] = parseManifests(text, 'f.yaml').problems;
    expect(problem.message).toContain('Go\'s YAML parser (kubectl, Argo) tolerates this');
  });

  test('unrendered Helm: an unquoted {{ }} becomes a problem naming Helm; a syntax error mentions the Helm line', () => {
    const unquoted = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n', 'f.yaml');
    expect(unquoted.manifests).toEqual([]);
    expect(unquoted.problems[0]).toMatchObject({ line: 4 });
    expect(unquoted.problems[0].message).toContain('unrendered Helm template');
    const directive = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  {{- range .Values.x }}\n  a: b\n  {{- end }}\n', 'f.yaml');
    expect(directive.problems[0].message).toContain('(Helm syntax at line 4)');
  });

  test('documents that are not objects are problems; objects without apiVersion and kind are skipped; empty documents ignored', () => {
    const result = parseManifests('---\n- a\n- b\n---\ntitle: dashboard\n---\n---\n', 'f.yaml');
    expect(result.manifests).toEqual([]);
    expect(result.problems).toEqual([{ file: 'f.yaml', line: 2, message: 'document 1 is a list, not a Kubernetes object (a mapping with apiVersion and kind)' }]);
    expect(result.skipped).toEqual([{ file: 'f.yaml', document: 1, line: 5, reason: 'not a Kubernetes object: it has neither apiVersion nor kind' }]);
  });
});
