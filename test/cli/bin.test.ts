import { spawnSync } from 'child_process';
import { copyFileSync, readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot, removeTempTrees, tempTree } from './helpers';

afterAll(removeTempTrees);

/** A package-like directory with the real bin/ scripts and the given lib/ or src/ files. */
function packageWith(files: { readonly [path: string]: string }): string {
  const dir = tempTree(files);
  for (const script of ['cdk8s-argo.js', 'load-module.js', 'validation-plugin.js']) {
    copyFileSync(join(repoRoot, 'bin', script), join(dir, 'bin', script));
  }
  return dir;
}

function run(dir: string, env: NodeJS.ProcessEnv = {}) {
  const cleanEnv = { ...process.env, CDK8S_ARGO_FROM_SOURCE: '', NODE_PATH: '', ...env };
  return spawnSync(process.execPath, [join(dir, 'bin', 'cdk8s-argo.js'), 'lint', 'x.yaml'], { encoding: 'utf8', env: cleanEnv });
}

describe('bin/cdk8s-argo.js', () => {
  test('runs the bundled JavaScript when lib/bundle exists (installed package: no tsx needed)', () => {
    const dir = packageWith({
      'bin/.keep': '',
      'lib/bundle/cli.js': "exports.main = argv => { process.stdout.write('compiled ' + argv.join(' ')); return 0; };\n",
      'src/cli/main.ts': "export function main(): number { process.stdout.write('source'); return 0; }\n",
    });
    const result = run(dir);
    expect(result.stdout).toBe('compiled lint x.yaml');
    expect(result.status).toBe(0);
  });

  test('falls back to the TypeScript sources through tsx when lib/ is missing (a clean clone)', () => {
    const dir = packageWith({
      'bin/.keep': '',
      'src/cli/main.ts': "export function main(argv: readonly string[]): number { process.stdout.write('source ' + argv.join(' ')); return 3; }\n",
    });
    const result = run(dir, { NODE_PATH: join(repoRoot, 'node_modules') });
    expect(result.stdout).toBe('source lint x.yaml');
    expect(result.status).toBe(3);
  });

  test('says what to do when neither lib/ nor tsx is available', () => {
    const dir = packageWith({ 'bin/.keep': '', 'src/cli/main.ts': 'export const x = 1;\n' });
    const result = run(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tsx is not installed');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain('npm run build');
  });

  test('package.json declares the bin and ships bin/ and the bundled lib', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin['cdk8s-argo']).toBe('bin/cdk8s-argo.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin/', 'lib/bundle/*.js']));
    expect(readFileSync(join(repoRoot, 'bin', 'cdk8s-argo.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
