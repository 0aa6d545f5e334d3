import { MAX_NESTING } from '../../src/lint/input/nesting';
import { inlineSuppressionsOf, parseManifests } from '../../src/lint/load';

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
    expect(result.problems).toEqual([{
      file: 'f.yaml', line: 4, column: 1,
      message: 'YAML syntax error: Map keys must be unique: "kind" is also at line 2. Go\'s YAML parser (kubectl, Argo) silently keeps the last one; remove one of them.',
    }]);
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
    expect(result.problems).toEqual([{ file: 'f.yaml', line: 2, column: 1, message: 'document 1 is a list, not a Kubernetes object (a mapping with apiVersion and kind)' }]);
    expect(result.skipped).toEqual([{ file: 'f.yaml', document: 1, line: 5, reason: 'not a Kubernetes object: it has neither apiVersion nor kind' }]);
  });

  test('positions have columns: the key of a field, the start of a list item', () => {
    const [m] = parseManifests('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: busybox\n', 'f.yaml').manifests;
    expect(m.position('spec.containers[0].image')).toEqual({ line: 6, column: 5 });
    expect(m.position('spec.containers[0]')).toEqual({ line: 5, column: 5 });
    expect(m.position('spec.containers[3].image')).toEqual({ line: 4, column: 3 });
  });

  test('duplicate keys are found in linear time and reported in the right document, the others kept', () => {
    const keys = Array.from({ length: 50000 }, (_, i) => `  k${i}: v`).join('\n');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n${keys}\n  k49999: again\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n`;
    const result = parseManifests(text, 'f.yaml');
    expect(result.manifests.map(m => m.manifest.metadata?.name)).toEqual(['b']);
    expect(result.problems).toEqual([expect.objectContaining({ line: 50005, message: expect.stringContaining('"k49999" is also at line 50004') })]);
  });

  test('aliases: shared values are read; an unknown anchor, a cycle and an alias bomb are problems with their line', () => {
    const ok = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n a\ndata:\n  x: *n\n', 'f.yaml');
    expect(ok.manifests[0].manifest.data).toEqual({ x: 'a' });
    const unknown = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  x: *nope\n', 'f.yaml');
    expect(unknown.problems).toEqual([expect.objectContaining({ line: 4, column: 6, message: expect.stringContaining('alias *nope refers to no anchor') })]);
    const cycle = parseManifests('apiVersion: v1\nkind: ConfigMap\ndata: &d\n  x: *d\n', 'f.yaml');
    expect(cycle.problems[0].message).toContain('would contain itself');
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const bomb = parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n${levels.map(l => `  ${l}`).join('\n')}\n`, 'f.yaml');
    expect(bomb.manifests).toEqual([]);
    expect(bomb.problems[0].message).toContain('excessive aliasing');
  });

  test('nesting deeper than MAX_NESTING is refused before it can exhaust the stack, directly or through aliases', () => {
    const flow = parseManifests(`{"apiVersion": "v1", "kind": "ConfigMap", "data": ${'['.repeat(100000)}${']'.repeat(100000)}}`, 'f.json');
    expect(flow.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining(`nested too deeply: more than ${MAX_NESTING} levels`) })]);
    const block = Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(parseManifests(`${block} 1\n`, 'f.yaml').problems[0].message).toContain('nested too deeply');
    const deep = `${'['.repeat(150)}${']'.repeat(150)}`;
    const viaAlias = parseManifests(`apiVersion: v1\nkind: ConfigMap\nx: &deep ${deep}\ny: ${'['.repeat(100)}*deep${']'.repeat(100)}\n`, 'f.yaml');
    expect(viaAlias.problems[0].message).toContain('nested too deeply through this alias');
  });

  test('JSON (text starting with "{") is read strictly, as kubectl reads it: comments and trailing commas are problems, a stream of values is fine', () => {
    const comment = parseManifests('{\n  // the config\n  "apiVersion": "v1", "kind": "ConfigMap"\n}', 'f.json');
    expect(comment.problems).toEqual([{ file: 'f.json', line: 2, column: 3, message: expect.stringMatching(/^JSON syntax error: comments are not allowed in JSON/) }]);
    expect(parseManifests('{"apiVersion": "v1", "kind": "ConfigMap",}', 'f.json').problems[0].message).toContain('trailing comma');
    expect(parseManifests("{'apiVersion': 'v1'}", 'f.json').problems[0].message).toContain('double quotes');
    const stream = parseManifests('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "Secret",\n "metadata": {"name": "b"}}', 'f.json');
    expect(stream.problems).toEqual([]);
    expect(stream.manifests.map(m => [m.manifest.kind, m.position('metadata.name').line])).toEqual([['ConfigMap', 1], ['Secret', 3]]);
  });

  test('keys are own properties: __proto__, constructor and toString are data, not the prototype', () => {
    const [m] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  __proto__: {polluted: true}\ndata:\n  constructor: x\n  toString: y\n', 'f.yaml').manifests;
    expect(Object.getPrototypeOf(m.manifest.metadata)).toBe(Object.prototype);
    expect(Object.keys(m.manifest.metadata!)).toEqual(['name', '__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(m.manifest.data)).toEqual(['constructor', 'toString']);
    expect(m.position('metadata["__proto__"]')).toEqual({ line: 5, column: 3 });
  });

  test('control characters, values JSON cannot hold and keys Kubernetes cannot use are problems', () => {
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u0000b\n', 'f.yaml').problems[0]).toMatchObject({ line: 4, column: 10, message: expect.stringContaining('control character U+0000') });
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  x: .inf\n', 'f.yaml').problems[0].message).toContain('JSON cannot hold');
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\nspec:\n  n: 1e400\n', 'f.yaml').problems[0]).toMatchObject({ line: 4, column: 6 });
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\n~: x\n', 'f.yaml').problems[0].message).toContain('a map key is missing');
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\n? [a, b]\n: x\n', 'f.yaml').problems[0].message).toContain('a mapping or list is used as a map key');
  });

  test('a document without apiVersion and kind but with metadata or a misspelled type field is linted, not skipped', () => {
    const result = parseManifests('Kind: ConfigMap\napiVersions: v1\nmetadata: {name: a}\n---\nmetadata: {name: b}\ndata: {}\n---\ntitle: dashboard\n', 'f.yaml');
    expect(result.manifests.map(m => m.manifest.metadata?.name)).toEqual(['a', 'b']);
    expect(result.skipped.map(s => s.document)).toEqual([2]);
  });

  test('List items that are not objects are problems at the item', () => {
    const result = parseManifests('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- just text\n', 'f.yaml');
    expect(result.manifests).toHaveLength(1);
    expect(result.problems).toEqual([{ file: 'f.yaml', line: 7, column: 3, message: 'items[1] of the List is a string, not a Kubernetes object (a mapping with apiVersion and kind)' }]);
  });

  test('# cdk8s-argo-disable-next-line comments become suppressions of the field on the next line (not in strings or block scalars)', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:',
      '  # cdk8s-argo-disable-next-line K8S-NAME -- kept for an old client', '  name: Bad_Name',
      'data:', '  script: |', '    # cdk8s-argo-disable-next-line W1 -- not a comment, a line of the script', '    echo',
      '  # cdk8s-argo-disable-next-line K8S-SIZE -- trailing, nothing follows', '',
    ].join('\n');
    const [m] = parseManifests(text, 'f.yaml').manifests;
    expect(m.suppressions).toEqual([
      { directive: 'K8S-NAME -- kept for an old client', origin: 'the comment at line 4', path: 'metadata.name' },
      { directive: 'K8S-SIZE -- trailing, nothing follows', origin: 'the comment at line 10', path: null },
    ]);
    expect(inlineSuppressionsOf([m, m]).map(s => s.manifestIndex)).toEqual([0, 0, 1, 1]);
    const first = parseManifests('# cdk8s-argo-disable-next-line K8S-NAME -- whole object\napiVersion: v1\nkind: ConfigMap\n', 'f.yaml').manifests[0];
    expect(first.suppressions[0].path).toBe('');
  });
});
