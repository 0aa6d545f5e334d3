import { lint } from '../../src/lint';
import { MAX_ANNOTATION_BYTES, MAX_OBJECT_BYTES } from '../../src/lint/rules/kubernetes/k8s-size';
import { Manifest } from '../../src/lint/types';

/** K8S-SIZE's findings, as `severity path: message`. */
function sizeFindings(manifest: Manifest): string[] {
  return lint([manifest], { schema: false, only: ['K8S-SIZE'] }).map(f => `${f.severity} ${f.path}: ${f.message}`);
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** The largest JSON size for which client-side apply's annotation still fits, without other annotations. */
const APPLY_LIMIT = MAX_ANNOTATION_BYTES - LAST_APPLIED.length;

const jsonBytes = (m: unknown) => Buffer.byteLength(JSON.stringify(m), 'utf8');

function template(blob: string, annotations?: { [key: string]: string }): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'big', ...(annotations ? { annotations } : {}) },
    spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'blob', value: blob }] }, templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] },
  };
}

/** A WorkflowTemplate whose JSON is exactly `bytes` long: `unit` (of `unitBytes` bytes in JSON) repeated, padded with ASCII. */
function templateOf(bytes: number, unit = 'x', unitBytes = 1, annotations?: { [key: string]: string }): Manifest {
  const room = bytes - jsonBytes(template('', annotations));
  const blob = unit.repeat(Math.floor(room / unitBytes)) + 'x'.repeat(room % unitBytes);
  const m = template(blob, annotations);
  expect(jsonBytes(m)).toBe(bytes);
  return m;
}

const tooLarge = (size: string) => `error : the WorkflowTemplate is ${size} as JSON: etcd refuses objects over 1.50 MiB by default ("etcdserver: request is too large"), `
  + 'so the apply fails. Split it (e.g. WorkflowTemplates referenced with templateRef) or move data into artifacts or volumes.';
const applyWarning = (size: string) => `warning : the WorkflowTemplate is ${size} as JSON: client-side kubectl apply (and Argo CD's default sync) copies it into the `
  + `${LAST_APPLIED} annotation, and annotations are limited to 256 KiB, so that apply fails ("metadata.annotations: Too long"). `
  + 'Apply it with kubectl apply --server-side (Argo CD: ServerSideApply=true) or kubectl create, or split it.';

describe('K8S-SIZE', () => {
  test('an object of the largest size etcd stores passes with the apply warning; one byte more is refused', () => {
    expect(sizeFindings(templateOf(MAX_OBJECT_BYTES))).toEqual([applyWarning('1.50 MiB')]);
    expect(sizeFindings(templateOf(MAX_OBJECT_BYTES + 1))).toEqual([tooLarge('1.50 MiB')]);
    expect(sizeFindings(templateOf(2 * 1024 * 1024))).toEqual([tooLarge('2 MiB')]);
  });

  test('client-side apply: the warning starts one byte past what the last-applied annotation holds', () => {
    expect(sizeFindings(templateOf(APPLY_LIMIT))).toEqual([]);
    expect(sizeFindings(templateOf(APPLY_LIMIT + 1))).toEqual([applyWarning('256.0 KiB')]);
  });

  test('the object\'s own annotations count against the apply limit', () => {
    const annotations = { note: 'n'.repeat(10 * 1024) };
    const own = 'note'.length + 10 * 1024;
    expect(sizeFindings(templateOf(APPLY_LIMIT - own, 'x', 1, annotations))).toEqual([]);
    expect(sizeFindings(templateOf(APPLY_LIMIT - own + 1, 'x', 1, annotations))).toEqual([applyWarning('246.0 KiB')]);
  });

  test.each([
    ['two-byte UTF-8 characters', 'é', 2],
    ['four-byte UTF-8 characters (surrogate pairs)', '😀', 4],
    ['control characters JSON escapes as \\u00XX', '\u0001', 6],
    ['quotes and backslashes JSON escapes', '"\\', 4],
    ['newlines', '\n', 2],
  ])('strings of %s are measured as the bytes of their JSON', (_, unit, unitBytes) => {
    expect(sizeFindings(templateOf(APPLY_LIMIT, unit, unitBytes))).toEqual([]);
    expect(sizeFindings(templateOf(APPLY_LIMIT + 1, unit, unitBytes))).toEqual([applyWarning('256.0 KiB')]);
    expect(sizeFindings(templateOf(MAX_OBJECT_BYTES, unit, unitBytes))).toEqual([applyWarning('1.50 MiB')]);
    expect(sizeFindings(templateOf(MAX_OBJECT_BYTES + 1, unit, unitBytes))).toEqual([tooLarge('1.50 MiB')]);
  });

  test('a ConfigMap over the data limit gets the data error, not the apply warning; past 1.5 MiB the object error too', () => {
    const configMap = (data: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { v: data } });
    const overData = sizeFindings(configMap('d'.repeat(1024 * 1024 + 1)));
    expect(overData).toHaveLength(1);
    expect(overData[0]).toMatch(/^error data: the ConfigMap holds 1\.00 MiB of data: Kubernetes rejects ConfigMaps over 1 MiB/);
    const base = jsonBytes(configMap(''));
    const overBoth = sizeFindings(configMap('d'.repeat(MAX_OBJECT_BYTES + 1 - base)));
    expect(overBoth.map(f => f.split(':')[0])).toEqual(['error ', 'error data']);
    expect(overBoth[0]).toMatch(/the ConfigMap is 1\.50 MiB as JSON: etcd refuses/);
    expect(sizeFindings(configMap('d'.repeat(MAX_OBJECT_BYTES - base)))).toHaveLength(1);
  });

  test('values JSON writes differently from their own fields are measured as JSON.stringify writes them', () => {
    // toJSON: a small object that serializes into a large one.
    const big = { toJSON: () => 'x'.repeat(2 * 1024 * 1024) };
    expect(sizeFindings({ ...template(''), spec: { entrypoint: 'main', blob: big } } as Manifest)).toEqual([tooLarge('2.00 MiB')]);
    // A boxed string is written as the string.
    const boxed = new String('x'.repeat(300 * 1024));
    expect(sizeFindings({ ...template(''), spec: { entrypoint: 'main', blob: boxed } } as Manifest)).toEqual([applyWarning('300.1 KiB')]);
  });

  test('a nesting deeper than the bound follows is measured exactly; an object JSON cannot write is skipped', () => {
    const deep = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { d: deep(levels - 1, leaf) });
    expect(sizeFindings({ ...template(''), spec: deep(2000, 'x') } as Manifest)).toEqual([]);
    const deepBig = { ...template(''), spec: deep(2000, 'x'.repeat(300 * 1024)) } as Manifest;
    expect(sizeFindings(deepBig)).toEqual([applyWarning(`${(jsonBytes(deepBig) / 1024).toFixed(1)} KiB`)]);
    const cyclic: { [key: string]: unknown } = { ...template('') };
    cyclic.spec = { self: cyclic };
    expect(sizeFindings(cyclic as Manifest)).toEqual([]);
    expect(sizeFindings({ ...template(''), spec: { n: BigInt(1) } } as Manifest)).toEqual([]);
  });
});
