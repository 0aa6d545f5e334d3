import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { generateImportFiles, readPinnedInputs } from '../../src/codegen/import';
import { describeUpstream, UPSTREAM_DIR } from '../support/upstream';

const importsDir = join(__dirname, '..', '..', 'imports');

describeUpstream('generated imports', () => {
  const inputs = readPinnedInputs(UPSTREAM_DIR);
  const generated = Object.fromEntries(Object.entries(generateImportFiles(inputs)).map(([path, source]) => [path.replace(/^imports\/(.*)\.ts$/, '$1'), source]));

  test('imports/ is exactly what the pinned schemas generate (run `npm run import` after changing the generator)', () => {
    expect(Object.keys(generated).sort()).toEqual(['argo-events', 'argo-workflows', 'crd-rules', 'kubernetes']);
    for (const [name, source] of Object.entries(generated)) {
      expect({ file: `imports/${name}.ts`, same: readFileSync(join(importsDir, `${name}.ts`), 'utf8') === source })
        .toEqual({ file: `imports/${name}.ts`, same: true });
    }
  });

  test('generation is deterministic', () => {
    const again = Object.fromEntries(Object.entries(generateImportFiles(inputs)).map(([path, source]) => [path.replace(/^imports\/(.*)\.ts$/, '$1'), source]));
    expect(again).toEqual(generated);
  });

  test('all generated files together stay within the 1.5 MB budget', () => {
    const total = Object.keys(generated).reduce((sum, name) => sum + statSync(join(importsDir, `${name}.ts`)).size, 0);
    expect(total).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  test('one ApiObject class per kind, without version noise', () => {
    const classes = Object.values(generated).flatMap(src => [...src.matchAll(/^export class (\w+) extends CachedApiObject/gm)].map(m => m[1]));
    expect(classes.sort()).toEqual([
      'ArgoClusterWorkflowTemplate', 'ArgoCronWorkflow', 'ArgoEventBus', 'ArgoEventSource', 'ArgoSensor',
      'ArgoWorkflow', 'ArgoWorkflowEventBinding', 'ArgoWorkflowTemplate',
    ]);
  });

  test('types Argo shares are generated once: one S3Artifact, Kubernetes types only in the kubernetes module', () => {
    const all = Object.values(generated).join('\n');
    expect(all.match(/^export interface S3Artifact\b/gm)).toHaveLength(1);
    expect(all.match(/^export interface K8sContainer\b/gm)).toHaveLength(1);
    expect(generated['argo-workflows']).not.toMatch(/^export interface K8s/m);
    expect(generated['argo-events']).not.toMatch(/^export interface K8s/m);
  });

  test('no exported name clashes with cdk8s, cdk8s-plus-27, constructs or between the modules', () => {
    const taken = new Set<string>();
    for (const lib of ['cdk8s', 'cdk8s-plus-27', 'constructs']) Object.keys(require(lib)).forEach(n => taken.add(n));
    const seen = new Map<string, string>();
    for (const [module, src] of Object.entries(generated)) {
      for (const [, name] of src.matchAll(/^export (?:interface|class|type|enum|function) (\w+)/gm)) {
        expect({ name, clashesWithLibrary: taken.has(name) }).toEqual({ name, clashesWithLibrary: false });
        expect({ name, alsoIn: seen.get(name) }).toEqual({ name, alsoIn: undefined });
        seen.set(name, module);
      }
    }
  });
});
