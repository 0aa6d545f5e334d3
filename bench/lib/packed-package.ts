import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runMeasured } from './run-process';
import { newTempDir } from './temp';

/** The library as `npm pack` ships it. */
export interface PackedPackage {
  readonly tarball: string;
  readonly fileCount: number;
  readonly unpackedBytes: number;
}

/**
 * `npm pack --ignore-scripts` of the repository's package.json (its `files` list decides what
 * ships), README.md and bin/, with `compiledLib` (tsc's output of src/ and imports/, what the
 * `prepack` build writes to lib/) as lib/: the repository's own lib/ is neither read nor written.
 */
export async function packLibrary(repoRoot: string, compiledLib: string): Promise<PackedPackage> {
  const stage = newTempDir('pack-stage');
  for (const entry of ['package.json', 'README.md', 'bin']) cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
  cpSync(compiledLib, join(stage, 'lib'), { recursive: true });
  const out = newTempDir('packed');
  const r = await runMeasured('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: stage, check: true });
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; entryCount: number; unpackedSize: number }[];
  return { tarball: join(out, info.filename), fileCount: info.entryCount, unpackedBytes: info.unpackedSize };
}

/**
 * A user project folder: `files` (name to content) written into it, node_modules/ holding a symbolic link to each
 * top-level entry of the repository's node_modules (what `npm install` of the same dependencies
 * gives, without the network) and, with `tarball`, the packed library extracted as
 * node_modules/cdk8s-argo, a real folder, as `npm install ./cdk8s-argo-x.y.z.tgz` leaves it.
 */
export async function userProject(repoRoot: string, name: string, files: { readonly [file: string]: string }, tarball?: string): Promise<string> {
  const dir = newTempDir(name);
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry !== 'cdk8s-argo') symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  if (tarball) {
    mkdirSync(join(modules, 'cdk8s-argo'));
    await runMeasured('tar', ['-xzf', tarball, '-C', join(modules, 'cdk8s-argo'), '--strip-components=1'], { cwd: dir, check: true });
  }
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
