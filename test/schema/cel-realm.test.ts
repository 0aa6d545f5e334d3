import { lint } from '../../src/lint';

// Under jest, test code runs in a vm context whose Array is not Node's: structuredClone (a Node
// global) returns lists of the outer realm. The CRD's CEL rules must still evaluate on them, as
// they do on lists a user's test builds with literals.
test('CEL rules evaluate on lists of another realm (a structuredClone\'d manifest under jest)', () => {
  const workflow = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'b-', namespace: 'ci' },
    spec: { entrypoint: 'echo', templates: [{ name: 'echo', container: { image: 'busybox:1.36' }, script: { image: 'busybox:1.36', source: 'echo' } }] },
  };
  const cloned = structuredClone(workflow);
  expect(cloned.spec.templates instanceof Array).toBe(false);
  const crd = (m: object) => lint([m], { only: ['CRD'] }).map(f => `${f.severity} ${f.path}`);
  expect(crd(cloned)).toEqual(crd(workflow));
  expect(crd(workflow)).toEqual([expect.stringMatching(/^error spec\.templates/)]);
});
