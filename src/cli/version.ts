import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** Version of the installed cdk8s-argo package (from its package.json, found above this file). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8'));
        if (pkg.name === 'cdk8s-argo' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
