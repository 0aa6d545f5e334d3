import { symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runMeasured } from '../lib/run-process';
import { newTempDir } from '../lib/temp';

/**
 * Compiles the example app with tsc (tsconfig.build.json's options, src/main.ts included) into
 * a temp folder, for the "precompiled app" reference point; returns the path of main.js.
 */
export async function compileExampleApp(repoRoot: string): Promise<string> {
  const dir = newTempDir('compiled-app');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsconfig = {
    extends: join(repoRoot, 'tsconfig.build.json'),
    compilerOptions: { rootDir: repoRoot, outDir: join(dir, 'lib'), declaration: false },
    include: [join(repoRoot, 'src', '**', '*.ts'), join(repoRoot, 'imports', '**', '*.ts')],
    exclude: [join(repoRoot, 'node_modules'), join(repoRoot, 'src', 'codegen')],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  await runMeasured('node', [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, check: true });
  return join(dir, 'lib', 'src', 'main.js');
}
