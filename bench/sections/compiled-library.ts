import { existsSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runMeasured, tail } from '../lib/run-process';
import { newTempDir } from '../lib/temp';

/** The library and the example app compiled by tsc into a temp folder. */
export interface CompiledLibrary {
  /** lib/src/main.js: the example app as precompiled JavaScript. */
  readonly exampleMain: string;
  /** lib/src/index.d.ts: the package entry's declarations, as an installed package ships them. */
  readonly entryDeclarations: string;
  /** lib/bundle/index.js: the package entry as an installed package runs it (scripts/bundle.js). */
  readonly entry: string;
}

let compiled: Promise<CompiledLibrary> | undefined;

/**
 * Compiles src/ (the example app included) and imports/ with tsconfig.build.json's options into
 * a temp folder, JavaScript and declarations, and bundles it as `npm run build` does, once per
 * benchmark run.
 */
export function compileLibrary(repoRoot: string): Promise<CompiledLibrary> {
  compiled ??= compile(repoRoot);
  return compiled;
}

async function compile(repoRoot: string): Promise<CompiledLibrary> {
  const dir = newTempDir('compiled');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Laid out as the installed package is: the synth-time schema check finds package.json and schemas/ above lib/src.
  symlinkSync(join(repoRoot, 'package.json'), join(dir, 'package.json'), 'file');
  symlinkSync(join(repoRoot, 'schemas'), join(dir, 'schemas'), 'dir');
  const tsconfig = {
    extends: join(repoRoot, 'tsconfig.build.json'),
    // Not composite/incremental: tsconfig.build.json's tsBuildInfoFile would point into the repository's lib/.
    compilerOptions: { rootDir: repoRoot, outDir: join(dir, 'lib'), declaration: true, noEmit: false, composite: false, incremental: false, tsBuildInfoFile: null },
    include: [join(repoRoot, 'src', '**', '*.ts'), join(repoRoot, 'imports', '**', '*.ts')],
    exclude: [join(repoRoot, 'node_modules'), join(repoRoot, 'src', 'codegen')],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  // Type errors (others' work in progress) do not stop tsc from emitting: only missing output fails.
  const r = await runMeasured('node', [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir });
  const result = { exampleMain: join(dir, 'lib', 'src', 'main.js'), entryDeclarations: join(dir, 'lib', 'src', 'index.d.ts'), entry: join(dir, 'lib', 'bundle', 'index.js') };
  if (!existsSync(result.exampleMain) || !existsSync(result.entryDeclarations)) throw new Error(`tsc did not compile the library:\n${tail(r.stdout + r.stderr)}`);
  // The bundles the package runs (made from src/ as npm run build makes them); the compiled example imports 'cdk8s-argo', which resolves to them.
  await runMeasured('node', [join(repoRoot, 'scripts', 'bundle.js'), dir], { cwd: dir, check: true });
  return result;
}
