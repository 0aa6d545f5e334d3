import { parseManifests } from '../../src/lint';
import { validateManifest } from '../../src/schema/validator';

/** The schema check sees what kubectl sends: YAML read as Go's parser (go-yaml v2) reads it. */
describe('YAML scalars as kubectl reads them', () => {
  const read = (yaml: string) => parseManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${yaml}`, 'c.yaml').manifests[0].manifest;

  test('a leading 0 is octal (0755 is 493), 0b binary, underscores group digits; 0o755 and 0x1F as in YAML 1.2', () => {
    expect(read('x:\n  a: 0755\n  b: 755\n  c: 0o755\n  d: 0b101\n  e: 1_000\n  f: 0x1F\n  g: 0\n  h: -017\n  i: 08\n').x)
      .toEqual({ a: 493, b: 755, c: 493, d: 5, e: 1000, f: 31, g: 0, h: -15, i: 8 });
  });

  test('y/yes/on and n/no/off in any of their spellings are booleans; quoted they stay strings', () => {
    expect(read('x:\n  a: yes\n  b: On\n  c: Y\n  d: no\n  e: OFF\n  f: "yes"\n  g: yesno\n').x)
      .toEqual({ a: true, b: true, c: true, d: false, e: false, f: 'yes', g: 'yesno' });
  });

  test('so an unquoted yes in a ConfigMap\'s data is refused as kubectl would refuse it, and the fix is to quote it', () => {
    expect(validateManifest(read('data:\n  ENABLED: yes\n'))).toEqual([{ path: 'data.ENABLED', message: expect.stringMatching(/^must be a string, got boolean true: .*Quote it: "true"$/) }]);
    expect(validateManifest(read('data:\n  ENABLED: "yes"\n'))).toEqual([]);
  });

  test('an artifact mode written 0755, as in Argo\'s examples, is within the full CRDs\' 0-511', () => {
    const wf = parseManifests(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: m-}
spec:
  entrypoint: main
  templates:
    - name: main
      inputs:
        artifacts:
          - {name: a, path: /a, mode: 0755, raw: {data: x}}
      container: {image: busybox:1.36}
`, 'wf.yaml').manifests[0].manifest;
    expect(wf.spec.templates[0].inputs.artifacts[0].mode).toBe(0o755);
    expect(validateManifest(wf)).toEqual([]);
  });
});
