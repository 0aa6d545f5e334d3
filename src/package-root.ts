import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

let found: { readonly root: string; readonly version: string } | undefined;

function packageJson(): { readonly root: string; readonly version: string } {
  if (found) return found;
  // src/ in a clone, lib/src/ when built or installed: the package.json is one or two levels up.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (json.name === 'cdk8s-argo') return found = { root: dir, version: String(json.version) };
    }
    if (dirname(dir) === dir) throw new Error(`cdk8s-argo: no package.json of cdk8s-argo above ${__dirname}; reinstall the package`);
  }
}

/** The folder holding cdk8s-argo's package.json (and `schemas/`): the installed package, or the repository. */
export function packageRoot(): string {
  return packageJson().root;
}

/** cdk8s-argo's version, from its package.json. */
export function packageVersion(): string {
  return packageJson().version;
}
