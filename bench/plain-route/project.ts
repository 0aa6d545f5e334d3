import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Manifest } from '../lib/manifests';
import { runMeasured } from '../lib/run-process';
import { newTempDir } from '../lib/temp';
import { emitPlainRouteApp } from './emit-source';
import { ImportModel, readImportModel } from './import-model';

/** A cdk8s project set up as `cdk8s init typescript-app` does, with Argo's full CRDs imported. */
export interface PlainRouteProject {
  readonly dir: string;
  /** `app:` of its cdk8s.yaml (the template's: type-checked ts-node). */
  readonly appCommand: string;
  readonly importSeconds: number;
  readonly importBytes: number;
  readonly model: ImportModel;
}

const IMPORT_FILE = 'imports/argoproj.io.ts';

/**
 * Creates the plain-route project in a temp folder: `cdk8s import` of every CRD of
 * `crdDir` (concatenated into one file, as one import), the template's tsconfig.json and `app:`,
 * and the repository's node_modules (cdk8s, constructs, cdk8s-cli, ts-node, typescript).
 */
export async function createPlainRouteProject(repoRoot: string, crdDir: string): Promise<PlainRouteProject> {
  const dir = newTempDir('plain-route');
  const template = join(repoRoot, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'plain-route', version: '1.0.0', private: true }, null, 2)}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(template, 'tsconfig.json')));
  const appCommand = templateAppCommand(readFileSync(join(template, 'cdk8s.yaml'), 'utf8'));
  writeFileSync(join(dir, 'cdk8s.yaml'), `language: typescript\napp: ${appCommand}\n`);

  const crds = readdirSync(crdDir).filter(f => f.endsWith('.yaml')).sort().map(f => readFileSync(join(crdDir, f), 'utf8'));
  writeFileSync(join(dir, 'argo-crds.yaml'), crds.join('\n---\n'));
  const cli = join(repoRoot, 'node_modules', '.bin', 'cdk8s');
  const imported = await runMeasured(cli, ['import', 'argo-crds.yaml', '--language', 'typescript', '--output', 'imports'], { cwd: dir, check: true });
  const text = readFileSync(join(dir, IMPORT_FILE), 'utf8');
  return { dir, appCommand, importSeconds: imported.wallMs / 1000, importBytes: Buffer.byteLength(text), model: readImportModel(IMPORT_FILE, text) };
}

/** Writes main.ts building `manifests` with the imported classes; returns its size in lines. */
export function writePlainRouteApp(project: PlainRouteProject, manifests: readonly Manifest[]): number {
  const source = emitPlainRouteApp(manifests, project.model, './imports/argoproj.io');
  writeFileSync(join(project.dir, 'main.ts'), source);
  return source.split('\n').length;
}

/** The objects of `manifests` the plain route can build: the kinds the import has classes for. */
export function plainRouteObjects(project: PlainRouteProject, manifests: readonly Manifest[]): Manifest[] {
  return manifests.filter(m => m.apiVersion === 'argoproj.io/v1alpha1' && project.model.kinds.has(m.kind));
}

function templateAppCommand(cdk8sYaml: string): string {
  const line = cdk8sYaml.split('\n').find(l => l.startsWith('app:'));
  if (!line) throw new Error('the cdk8s-cli typescript-app template has no app: line');
  return line.slice('app:'.length).trim();
}
