import type * as YamlModule from 'yaml';

/**
 * The `yaml` package, loaded on first use. cdk8s serializes with its own bundled copy, and an app
 * renders YAML text itself only for resource templates and artifact repositories, so loading a
 * second copy up front would add about a tenth of the example app's run time for nothing.
 */
export function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml');
}
