import { createHash } from 'crypto';
import { accessSync, constants as fsConstants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { wrap } from 'module';
import { basename, dirname, join, sep } from 'path';
import { constants, Script } from 'vm';

/**
 * Runs a bundle of the package (`lib/bundle/<entry>.code.js`) as the module `module` (the entry
 * file that calls this, in the same folder), with V8's code cache: the first process compiles the
 * bundle as Node would and, when it exits, writes the bytecode of every function it ran to
 * `node_modules/.cache/cdk8s-argo/`; later processes start from it. Compiling the 1.5 MB main
 * bundle and the functions a synth runs is about 50 ms of every `cdk8s synth` of a small app.
 *
 * The cache is keyed by the bundle's path, its content (`buildId`, a hash written into the entry
 * by scripts/bundle.js), size and modification time, V8's version and the CPU architecture; V8
 * itself rejects data made with other flags, and the code then compiles as without a cache. Where
 * there is no node_modules folder to write to, in another JavaScript realm (jest runs test files
 * in their own, and the library's objects must come from it), where the bundle is not a file
 * beside the entry (an app bundled with esbuild or webpack, which follow `requireBundle`'s
 * `require()`), or with `CDK8S_ARGO_CODE_CACHE=0`, the bundle is required as any module.
 */
export function runBundle(module: NodeModule, localRequire: NodeRequire, requireBundle: () => unknown, codeFile: string, buildId: string): void {
  const cacheFile = isOff(process.env.CDK8S_ARGO_CODE_CACHE) || !inMainRealm() || !existsSync(codeFile) ? undefined : cacheFileOf(codeFile, buildId);
  if (!cacheFile) {
    module.exports = requireBundle();
    return;
  }
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(wrap(readFileSync(codeFile, 'utf8')), {
    filename: codeFile, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile, entryName(codeFile)));
  const run: (...args: unknown[]) => void = script.runInThisContext();
  run.call(module.exports, module.exports, localRequire, module, codeFile, dirname(codeFile));
}

/** Where the cache of `codeFile` goes: the node_modules the package is installed in, or the repository's own. */
function cacheFileOf(codeFile: string, buildId: string): string | undefined {
  const folder = dirname(codeFile);
  const parts = folder.split(sep);
  const at = parts.indexOf('node_modules');
  const nodeModules = at >= 0 ? parts.slice(0, at + 1).join(sep) : join(folder, '..', '..', 'node_modules');
  if (!existsSync(nodeModules)) return undefined;
  const { size, mtimeMs } = statSync(codeFile);
  const key = [buildId, size, Math.round(mtimeMs), process.versions.v8, process.arch].join('-');
  return join(nodeModules, '.cache', 'cdk8s-argo', `${entryName(codeFile)}-${key}.cache`);
}

/**
 * The bundle's name and where it is: copies of the package in one node_modules (nested installs,
 * a build beside the installed one) keep a cache each, and replace only their own.
 */
function entryName(codeFile: string): string {
  return `${basename(codeFile, '.code.js')}-${createHash('sha256').update(codeFile).digest('hex').slice(0, 8)}`;
}

function isOff(setting: string | undefined): boolean {
  return setting !== undefined && ['0', 'false', 'off', 'no'].includes(setting.trim().toLowerCase());
}

/** True where `vm` runs scripts in the realm this module runs in (not inside jest's per-file contexts). */
function inMainRealm(): boolean {
  return new Script('Object').runInThisContext() === Object;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache (atomically: processes may start side by side) and removes the entry's older ones. */
function writeCache(script: Script, cacheFile: string, entry: string): void {
  const folder = dirname(cacheFile);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, fsConstants.W_OK);
  } catch {
    return; // read-only (a container image, a Nix store): not worth serializing the code at every exit
  }
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(`${entry}-`) && name.endsWith('.cache') && name !== basename(cacheFile)) unlinkSync(join(folder, name));
    }
  } catch {
    // A full disk or a vanished node_modules: the next process compiles the bundle again, nothing else changes.
    try {
      unlinkSync(temporary);
    } catch {
      // not written, or already renamed
    }
  }
}
