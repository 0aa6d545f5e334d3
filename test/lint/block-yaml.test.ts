import { Testing, Yaml } from 'cdk8s';
import fc from 'fast-check';
import { VectorPipelineChart } from '../../src/example/vector-pipeline-chart';
import { readBlockYaml } from '../../src/lint/input/block-yaml';
import { MAX_NESTING } from '../../src/lint/input/nesting';
import { plainScalarReader } from '../../src/lint/input/plain-scalars';
import { ParseResult, parseManifests } from '../../src/lint/load';
import { fieldPath } from '../../src/lint/path';

// The block reader is a fast path of parseManifests: whatever it accepts must read exactly as the
// full YAML reader reads it. A comment line in front makes the block reader decline, so
// `parseManifests(COMMENT + text)` is the full reader's reading of the same text, one line lower.
const COMMENT = '# read by the full YAML reader\n';
function accepted(text: string): boolean {
  return readBlockYaml(text, plainScalarReader()) !== undefined;
}

/**
 * Every field path of a value (maps and lists included), as findings print them, each also with
 * a missing key and a missing index below it (located at their deepest ancestor present).
 */
function pathsOf(value: unknown, segments: (string | number)[] = [], out: string[] = []): string[] {
  out.push(fieldPath(...segments), fieldPath(...segments, 'zz-missing'), fieldPath(...segments, 99));
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...segments, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf((value as { [k: string]: unknown })[key], [...segments, key], out);
  return out;
}

/** The reading with positions of every path, lines counted from the text's own first line. */
function reading(result: ParseResult, lineOffset: number) {
  return {
    manifests: result.manifests.map(m => ({
      data: JSON.stringify(m.manifest),
      protoKey: Object.prototype.hasOwnProperty.call(m.manifest, '__proto__'),
      source: { ...m.source, line: m.source.line - lineOffset },
      positions: pathsOf(m.manifest).map(p => {
        const at = m.position(p);
        return `${p} ${at.line - lineOffset}:${at.column}`;
      }),
    })),
    problems: result.problems.map(p => ({
      ...p,
      line: p.line === undefined ? undefined : p.line - lineOffset,
      message: p.message.replace(/\bline (\d+)/g, (_, n) => `line ${Number(n) - lineOffset}`),
    })),
    skipped: result.skipped.map(s => ({ ...s, line: s.line - lineOffset })),
  };
}

function expectSameReading(text: string): void {
  expect(reading(parseManifests(text, 'f.yaml'), 0)).toEqual(reading(parseManifests(COMMENT + text, 'f.yaml'), 1));
}

const TRICKY = [
  'yes', 'no', 'on', 'Off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '', '0755', '0', '-1', '+1', '1_000', '0x1F', '0o17', '0b101',
  '1e3', '1.5', '1.', '.5', '-.inf', '.nan', '12:30', '2001-12-14', '- a', '-a', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '"q"', '\'s\'', ' lead',
  'trail ', 'multi\nline', 'multi\nline\n', 'ends\n\n', '\n', '\nlead', '  indented\nblock', 'tab\there', 'a\\b', '{{ x }}', '[a]', '{a}', '&a', '*a',
  '!t', '%x', '@x', '`x', '|', '>', '---', '...', '?', ':', '-', '<<', '__proto__', 'é', '😀', '\u2028', '\u0085', '\u00a0', '"', '\'',
  'a "b" \'c\'', 'echo "$X" | tr a-z A-Z', 'x\r\ny',
];

const scalarString = fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '-', '#', '"', '\'', '|', '0', '.') }));
const key = fc.oneof(fc.constantFrom(...TRICKY), fc.stringMatching(/^[a-zA-Z][-a-zA-Z0-9_./]{0,12}$/), fc.string({ maxLength: 6 }));
const { value } = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const manifest = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }).map(fields => ({ apiVersion: 'v1', kind: 'ConfigMap', ...fields }));

describe('readBlockYaml (the fast path of parseManifests)', () => {
  test('reads what cdk8s writes exactly as the full reader does: 400 random apps of 1 to 4 documents', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), docs => {
      const text = Yaml.stringify(...docs);
      if (accepted(text)) read++;
      expectSameReading(text);
    }), { numRuns: 400 });
    // Most of cdk8s's output is taken by the fast path (the rest goes to the full reader).
    expect(read).toBeGreaterThan(100);
  });

  test('plain scalars read as kubectl reads them, keys as sigs.k8s.io/yaml turns them into text', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: yes\n  b: 0755\n  c: 1_000\n  d: -1\n  e: 1.50\n  f: null\n  g: ~\n  h: 0x1F\n  i: "yes"\n  j: plain text\n  k: -x\n  on: 1\n  12: twelve\n';
    expect(accepted(text)).toBe(true);
    expect(parseManifests(text, 'f.yaml').manifests[0].manifest.data).toEqual({ a: true, b: 493, c: 1000, d: -1, e: 1.5, f: null, g: null, h: 31, i: 'yes', j: 'plain text', k: '-x', true: 1, 12: 'twelve' });
    expectSameReading(text);
  });

  test('literal blocks: clip, strip and keep, empty lines inside, in maps and lists', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  clip: |\n    a\n\n    b\n  strip: |-\n    a\n      deeper\n  keep: |+\n    a\n\n\n  list:\n    - |\n      item\n    - x: |-\n        in a map\n      z: 1\n    - - nested\n      - list\n    -\n    - []\n    - {}\n';
    expect(accepted(text)).toBe(true);
    expect(parseManifests(text, 'f.yaml').manifests[0].manifest.data).toEqual({
      clip: 'a\n\nb\n', strip: 'a\n  deeper', keep: 'a\n\n\n', list: ['item\n', { x: 'in a map', z: 1 }, ['nested', 'list'], null, [], {}],
    });
    expectSameReading(text);
  });

  test('positions: a list item at its value (an empty one at its list), a key as written (`yes`, not the data\'s "true")', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  yes: 1\n  "q": 2\n  list:\n    -\n    - a\n    -\n      b: 1\n';
    expect(accepted(text)).toBe(true);
    const [m] = parseManifests(text, 'f.yaml').manifests;
    expect(m.manifest.data).toEqual({ true: 1, q: 2, list: [null, 'a', { b: 1 }] });
    expect(['data.true', 'data.q', 'data.list[0]', 'data.list[1]', 'data.list[2]', 'data.list[2].b', 'data.list[0].x'].map(p => m.position(p)))
      .toEqual([{ line: 3, column: 1 }, { line: 5, column: 3 }, { line: 6, column: 3 }, { line: 8, column: 7 }, { line: 10, column: 7 }, { line: 10, column: 7 }, { line: 6, column: 3 }]);
    expectSameReading(text);
  });

    test('double- and single-quoted scalars with their escapes', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  "a b": "tab\\tnl\\nq\\"bs\\\\u\\u00e9\\x41\\U0001F600\\_\\/"\n  \'c\': \'it\'\'s\'\n';
    expect(accepted(text)).toBe(true);
    expect(parseManifests(text, 'f.yaml').manifests[0].manifest.data).toEqual({ 'a b': 'tab\tnl\nq"bs\\u\u00e9A\u{1F600}\u00a0/', c: 'it\'s' });
    expectSameReading(text);
  });

  test('a __proto__ key is an own field, as the full reader makes it', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  __proto__: x\n';
    expect(accepted(text)).toBe(true);
    const data = parseManifests(text, 'f.yaml').manifests[0].manifest.data as object;
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expectSameReading(text);
  });

  test.each([
    ['a comment', '# c\napiVersion: v1\nkind: ConfigMap\n'],
    ['a trailing comment', 'apiVersion: v1 # c\nkind: ConfigMap\n'],
    ['an anchor and alias', 'apiVersion: v1\nkind: ConfigMap\ndata: &d\n  a: 1\nother: *d\n'],
    ['a tag', 'apiVersion: v1\nkind: ConfigMap\ndata: !!map\n  a: 1\n'],
    ['a flow collection', 'apiVersion: v1\nkind: ConfigMap\ndata: {a: 1}\n'],
    ['a folded block', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: >\n    x\n'],
    ['an indentation indicator', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |2\n     x\n'],
    ['a multi-line plain scalar', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: one\n    two\n'],
    ['a multi-line quoted scalar', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "one\n    two"\n'],
    ['a tab', 'apiVersion: v1\nkind: ConfigMap\ndata:\n\ta: 1\n'],
    ['CRLF line ends', 'apiVersion: v1\r\nkind: ConfigMap\r\n'],
    ['a duplicate key', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n'],
    ['a list at its key\'s indentation', 'apiVersion: v1\nkind: ConfigMap\nitems:\n- a\n'],
    ['a root list', '- a\n- b\n'],
    ['a root scalar', 'just text\n'],
    ['a null key', 'apiVersion: v1\nkind: ConfigMap\n~: x\n'],
    ['no final line break', 'apiVersion: v1\nkind: ConfigMap'],
    ['a directive', '%YAML 1.2\n---\napiVersion: v1\n'],
    ['trailing spaces', 'apiVersion: v1 \nkind: ConfigMap\n'],
    ['a BOM', '\ufeffapiVersion: v1\nkind: ConfigMap\n'],
    ['.inf', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: .inf\n'],
    ['an empty document (cdk8s writes one for an undefined object)', Yaml.stringify(undefined, { apiVersion: 'v1', kind: 'ConfigMap' })],
    ['a key longer than YAML allows', `apiVersion: v1\nkind: ConfigMap\n${'k'.repeat(1100)}: x\n`],
    ['a last empty document', 'apiVersion: v1\nkind: ConfigMap\n---\n'],
  ])('leaves %s to the full reader', (_, text) => {
    expect(accepted(text)).toBe(false);
    expectSameReading(text);
  });

  test('nesting: MAX_NESTING levels are read, one more is left to the full reader, which reports it', () => {
    const nested = (levels: number) => `apiVersion: v1\nkind: ConfigMap\n${Array.from({ length: levels - 1 }, (_, i) => `${'  '.repeat(i)}k${i}:\n`).join('')}${'  '.repeat(levels - 1)}leaf: x\n`;
    const lists = (levels: number) => `apiVersion: v1\nkind: ConfigMap\nx:\n  ${'- '.repeat(levels - 1)}v\n`;
    for (const text of [nested(MAX_NESTING), lists(MAX_NESTING)]) {
      expect(accepted(text)).toBe(true);
      expectSameReading(text);
    }
    for (const text of [nested(MAX_NESTING + 1), lists(MAX_NESTING + 1)]) {
      expect(accepted(text)).toBe(false);
      expect(parseManifests(text, 'f.yaml').problems[0].message).toMatch(/nested too deeply/);
    }
  });

  test('takes the example app\'s synthesized YAML, reading it as the full reader does', () => {
    const text = Yaml.stringify(...new VectorPipelineChart(Testing.app(), 'vector-pipeline').toJson());
    expect(accepted(text)).toBe(true);
    expectSameReading(text);
  });
});
