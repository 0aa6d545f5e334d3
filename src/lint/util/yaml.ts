import type * as YamlModule from 'yaml';

let loaded: typeof YamlModule | undefined;

/**
 * The `yaml` package, loaded on first use. cdk8s serializes with its own bundled copy, and an app
 * renders YAML text itself only for resource templates and artifact repositories, so loading a
 * second copy up front would add about a tenth of the example app's run time for nothing. Kept
 * once loaded: the loader asks for it at every map key, and each `require()` resolves the
 * package again (about 15 ms over the example app's 25 documents).
 */
export function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loaded ??= require('yaml');
}
