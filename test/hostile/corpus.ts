// Hostile inputs to `cdk8s-argo lint` (issue #15): malformed, misleading, oversized and
// adversarial files. Each case says which exit code the CLI must end with (0 clean, 1 findings,
// 2 unreadable input) and what the report must say; large inputs are generated here, not committed.

/** File contents by relative path (a Buffer for bytes that are not UTF-8 text). */
export type CaseFiles = { readonly [path: string]: string | Buffer };

export interface HostileCase {
  readonly name: string;
  readonly files: () => CaseFiles;
  /** Exit code the run must end with. */
  readonly exit: 0 | 1 | 2;
  /** Every input error must name one of these files with a line (default: the case's files, line required). */
  readonly lineless?: boolean;
  /** Text the report must contain (messages of findings or input errors). */
  readonly says?: RegExp;
  /** Rule ids that must be among the findings. */
  readonly rules?: readonly string[];
  /**
   * A known gap owned by another part of the project: the case is expected to fail until that
   * lands (jest `test.failing`), and fails loudly once it passes, so the list is kept true.
   */
  readonly knownFailure?: string;
}

const CM = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;
const WT = (spec: string) => `apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: t\nspec:\n  entrypoint: main\n${spec}  templates:\n  - name: main\n    container:\n      image: busybox:1.36\n`;
const one = (content: string | Buffer, file = 'input.yaml'): (() => CaseFiles) => () => ({ [file]: content });

function aliasBomb(levels: number): string {
  const lines = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (let i = 1; i < levels; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = name;
  }
  return CM('bomb', `data:\n${lines.join('\n')}\n`);
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Encoding
  { name: 'invalid UTF-8 byte', files: one(Buffer.concat([Buffer.from(CM('a', 'data:\n  x: "')), Buffer.from([0xff]), Buffer.from('"\n')])), exit: 2, says: /invalid UTF-8 \(byte 0xff/ },
  { name: 'Windows-1252 text (é as 0xE9)', files: one(Buffer.from(CM('caf\u00e9'), 'latin1')), exit: 2, says: /invalid UTF-8/ },
  { name: 'overlong UTF-8 encoding', files: one(Buffer.concat([Buffer.from(CM('a', 'data:\n  x: "')), Buffer.from([0xc0, 0x80]), Buffer.from('"\n')])), exit: 2, says: /invalid UTF-8/ },
  { name: 'UTF-8-encoded surrogate', files: one(Buffer.concat([Buffer.from(CM('a', 'data:\n  x: "')), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"\n')])), exit: 2, says: /invalid UTF-8/ },
  { name: 'truncated UTF-8 sequence at the end', files: one(Buffer.concat([Buffer.from(CM('a', 'data:\n  x: y')), Buffer.from([0xe2, 0x82])])), exit: 2, says: /invalid UTF-8/ },
  { name: 'UTF-16 with a byte order mark', files: one(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CM('a'), 'utf16le')])), exit: 2, says: /UTF-16/ },
  { name: 'UTF-8 byte order mark (allowed)', files: one(`\ufeff${CM('a')}`), exit: 0 },
  { name: 'binary garbage', files: one(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), exit: 2, says: /invalid UTF-8/ },
  { name: 'NUL byte in YAML', files: one(CM('a\u0000b')), exit: 2, says: /control character U\+0000/ },
  { name: 'DEL and C1 control characters in YAML', files: one(CM('a', 'data:\n  x: "\u007f\u009b"\n')), exit: 2, says: /control character U\+007F/ },
  { name: 'CR-only line endings', files: one(CM('a').replace(/\n/g, '\r')), exit: 2, says: /CR alone/ },
  { name: 'CRLF line endings (allowed)', files: one(CM('a').replace(/\n/g, '\r\n')), exit: 0 },

  // JSON read as kubectl reads it
  { name: 'JSON with // comments', files: one('{\n  // settings\n  "apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}\n}\n', 'a.json'), exit: 2, says: /comments are not allowed in JSON/ },
  { name: 'JSON with /* */ comments', files: one('{"apiVersion": "v1", /* core */ "kind": "ConfigMap", "metadata": {"name": "a"}}', 'a.json'), exit: 2, says: /comments are not allowed/ },
  { name: 'JSON with a trailing comma', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"},}', 'a.json'), exit: 2, says: /trailing comma/ },
  { name: 'JSON with single quotes', files: one("{'apiVersion': 'v1', 'kind': 'ConfigMap'}", 'a.json'), exit: 2, says: /double quotes/ },
  { name: 'JSON with unquoted keys (JSON5)', files: one('{apiVersion: "v1", kind: "ConfigMap"}', 'a.json'), exit: 2, says: /double-quoted strings/ },
  { name: 'JSON with NaN', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "data": {"x": NaN}}', 'a.json'), exit: 2, says: /does not start a JSON value/ },
  { name: 'unterminated JSON', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"', 'a.json'), exit: 2, says: /not closed/ },
  { name: 'JSON with a raw newline in a string', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a\nb"}}', 'a.json'), exit: 2, says: /unterminated string/ },
  { name: 'stream of JSON objects (allowed)', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}\n', 'a.json'), exit: 0 },
  { name: 'JSON with a 2,000-character ConfigMap key', files: one(`{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"${'k'.repeat(2000)}": "v"}}`, 'a.json'), exit: 1,
    knownFailure: 'calib (K8S rules): ConfigMap/Secret data keys are not checked; Kubernetes requires at most 253 characters of [-._a-zA-Z0-9] (IsConfigMapKey)' },
  { name: 'JSON with a 2,000-character key in free-form data (allowed)', files: one(`{"apiVersion": "argoproj.io/v1alpha1", "kind": "WorkflowTemplate", "metadata": {"name": "t", "annotations": {"note": "${'k'.repeat(2000)}"}}, "spec": {"entrypoint": "main", "templates": [{"name": "main", "container": {"image": "busybox:1.36"}}]}}`, 'a.json'), exit: 0 },
  { name: 'JSON with duplicate keys', files: one('{"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret"}', 'a.json'), exit: 2, says: /Map keys must be unique/ },
  { name: 'a Grafana dashboard in JSON (skipped, not an error)', files: one('{"title": "dashboard", "panels": []}', 'a.json'), exit: 0 },

  // YAML structure
  { name: 'empty file', files: one(''), exit: 0 },
  { name: 'comments only', files: one('# nothing here\n# at all\n'), exit: 0 },
  { name: 'a thousand empty documents', files: one('---\n'.repeat(1000)), exit: 0 },
  { name: 'a scalar document', files: one('just some text\n'), exit: 2, says: /is a string, not a Kubernetes object/ },
  { name: 'a list document', files: one('- a\n- b\n'), exit: 2, says: /is a list/ },
  { name: 'tab indentation', files: one('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n'), exit: 2, says: /YAML syntax error/ },
  { name: 'duplicate keys', files: one(`${CM('a')}metadata:\n  name: b\n`), exit: 2, says: /Map keys must be unique: "metadata" is also at line 3/ },
  { name: 'duplicate keys spelled differently (1 and "1")', files: one(CM('a', 'data:\n  1: a\n  "1": b\n')), exit: 2, says: /Map keys must be unique/ },
  { name: 'undefined alias', files: one(CM('*nope')), exit: 2, says: /alias \*nope refers to no anchor/ },
  { name: 'alias to an enclosing anchor (a cycle)', files: one(CM('a', 'data: &d\n  x: *d\n')), exit: 2, says: /would contain itself/ },
  { name: 'alias bomb (billion laughs)', files: one(aliasBomb(9)), exit: 2, says: /excessive aliasing/ },
  { name: 'moderate aliasing (allowed)', files: one(CM('a', `data:\n  base: &b shared\n${Array.from({ length: 50 }, (_, i) => `  k${i}: *b`).join('\n')}\n`)), exit: 0 },
  { name: 'alias used as a map key', files: one(CM('a', 'data:\n  k: &k name\n  *k : value\n')), exit: 0 },
  { name: 'collection as a key', files: one(CM('a', 'data:\n  ? [x, y]\n  : z\n')), exit: 2, says: /used as a map key/ },
  { name: 'null key', files: one(CM('a', 'data:\n  ~: z\n')), exit: 2, says: /a map key is missing/ },
  { name: '.inf value', files: one(CM('a', 'spec:\n  replicas: .inf\n')), exit: 2, says: /JSON cannot hold/ },
  { name: '.nan value', files: one(CM('a', 'spec:\n  replicas: .nan\n')), exit: 2, says: /JSON cannot hold/ },
  { name: 'number too large for a double (1e400)', files: one(CM('a', 'spec:\n  replicas: 1e400\n')), exit: 2, says: /JSON cannot hold/ },
  { name: 'unrendered Helm template', files: one(CM('{{ .Values.name }}')), exit: 2, says: /unrendered Helm template/ },
  { name: 'YAML 1.1 document with !!binary, !!set and a timestamp', files: one(`%YAML 1.1\n---\n${CM('a', 'data:\n  b: !!binary aGVsbG8=\n  t: 2001-12-14\nbinaryData:\n  s: !!set {x}\n')}`), exit: 1 },
  { name: 'unknown local tags', files: one(CM('!Ref a', 'data:\n  x: !Sub y\n')), exit: 0 },
  { name: '%TAG directive and document end markers', files: one(`%TAG !e! tag:example.com,2000:\n---\n${CM('a')}...\n---\n${CM('b')}...\n`), exit: 0 },
  { name: 'merge key << (YAML 1.1 only) is a field', files: one(CM('a', 'data:\n  <<: {x: y}\n')), exit: 1 },
  { name: 'deep block nesting', files: one(`${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`), exit: 2, says: /nested too deeply/ },
  { name: 'deep flow nesting (100,000 levels)', files: one(`${CM('a')}data: ${'['.repeat(100000)}${']'.repeat(100000)}\n`), exit: 2, says: /nested too deeply/ },
  { name: 'deep JSON nesting (100,000 levels)', files: one(`{"apiVersion": "v1", "kind": "ConfigMap", "data": ${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}}`, 'a.json'), exit: 2, says: /nested too deeply/ },
  { name: 'deep nesting through aliases', files: one(`${CM('a')}x: &deep ${'['.repeat(150)}${']'.repeat(150)}\ny: ${'['.repeat(100)}*deep${']'.repeat(100)}\n`), exit: 2, says: /through this alias/ },
  { name: 'a 100 KiB key', files: one(CM('a', `data:\n  "${'k'.repeat(100 * 1024)}": v\n`)), exit: 2, says: /1024 chars/ },
  { name: 'List with a non-object item', files: one('apiVersion: v1\nkind: List\nitems:\n- 42\n'), exit: 2, says: /items\[0\] of the List is a number/ },
  { name: 'List whose items is not a list', files: one('apiVersion: v1\nkind: List\nitems: 5\n'), exit: 1 },

  // Misleading manifests that must not pass
  { name: 'misspelled apiVersions and Kind', files: one('apiVersions: v1\nKind: ConfigMap\nmetadata:\n  name: a\n'), exit: 1, rules: ['K8S-OBJECT'], says: /"Kind" is not "kind"/ },
  { name: 'kind in lower case', files: one('apiVersion: v1\nkind: configmap\nmetadata:\n  name: a\n'), exit: 1, rules: ['K8S-OBJECT'], says: /"ConfigMap"/ },
  { name: 'apiVersion a number', files: one('apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: a\n'), exit: 1, rules: ['K8S-OBJECT'] },
  { name: 'metadata only, no type', files: one('metadata:\n  name: a\ndata:\n  x: y\n'), exit: 1, rules: ['K8S-OBJECT'] },
  { name: 'ConfigMap value of 10 MiB', files: () => ({ 'input.yaml': CM('big', `data:\n  v: "${'x'.repeat(10 * 1024 * 1024)}"\n`) }), exit: 1, rules: ['K8S-SIZE'], says: /over 1 MiB/ },
  { name: 'Secret of 2 MiB (base64)', files: () => ({ 'input.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: big\ndata:\n  v: ${'QUJD'.repeat(700 * 1024)}\n` }), exit: 1, rules: ['K8S-SIZE'] },
  { name: 'annotations over 256 KiB', files: () => ({ 'input.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    note: "${'n'.repeat(300 * 1024)}"\n` }), exit: 1, rules: ['K8S-SIZE'] },
  { name: 'WorkflowTemplate of 2 MiB', files: () => ({ 'input.yaml': WT(`  arguments:\n    parameters:\n    - name: blob\n      value: "${'b'.repeat(2 * 1024 * 1024)}"\n`) }), exit: 1, rules: ['K8S-SIZE'] },
  { name: 'metadata.name an object with toString', files: one('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {toString: 1}\n'), exit: 1 },
  { name: 'metadata a list', files: one('apiVersion: v1\nkind: ConfigMap\nmetadata: [1, 2]\n'), exit: 1 },
  { name: 'metadata a string', files: one('apiVersion: v1\nkind: ConfigMap\nmetadata: x\n'), exit: 1 },
  { name: 'label key __proto__', files: one(CM('a', '  labels:\n    __proto__: x\n')), exit: 1, rules: ['K8S-LABEL'] },
  { name: 'ConfigMap data keys named like Object.prototype (allowed)', files: one(CM('a', 'data:\n  __proto__: a\n  constructor: b\n  toString: c\n  hasOwnProperty: d\n')), exit: 0 },
  { name: 'spec.__proto__ in a WorkflowTemplate', files: one(WT('  __proto__: {x: 1}\n')), exit: 1, rules: ['SCHEMA'] },
  { name: 'spec.constructor in a WorkflowTemplate', files: one(WT('  constructor: x\n')), exit: 1, rules: ['SCHEMA'] },
  { name: 'spec.toString in a WorkflowTemplate', files: one(WT('  toString: x\n')), exit: 1, rules: ['SCHEMA'] },
  { name: 'metadata.hasOwnProperty', files: one(CM('a', '  hasOwnProperty: x\n')), exit: 1, rules: ['SCHEMA'] },
  { name: 'parallelism: 1.2e29', files: one(WT('  parallelism: 1.2e29\n')), exit: 1 },
  { name: 'kind named like Object.prototype members', files: one('apiVersion: v1\nkind: toString\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: constructor\nmetadata:\n  name: b\n'), exit: 1, rules: ['K8S-OBJECT'] },
  { name: 'thousands of findings', files: one(CM('a', `  labels:\n${Array.from({ length: 5000 }, (_, i) => `    "bad key ${i}": v`).join('\n')}\n`)), exit: 1, rules: ['K8S-LABEL'] },
  { name: 'terminal escape sequences and bidi controls in a value', files: one(CM('"\\e[2J\\e[31mred\\u202Egnp.exe"')), exit: 1, rules: ['K8S-NAME'] },

  // Suppressions written wrong
  { name: 'inline suppression without a reason', files: one(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  # cdk8s-argo-disable-next-line K8S-NAME\n  name: Bad_Name\n`), exit: 1, rules: ['SUPPRESSION', 'K8S-NAME'], says: /gives no reason/ },
  { name: 'inline suppression of an unknown rule', files: one(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  # cdk8s-argo-disable-next-line K8S-NAMES -- typo\n  name: Bad_Name\n`), exit: 1, rules: ['SUPPRESSION'], says: /unknown rule id "K8S-NAMES"/ },
  { name: 'annotation suppression that is not a string', files: one(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    cdk8s-argo.io/disable: [K8S-NAME]\n`), exit: 1, rules: ['SUPPRESSION'] },
];
