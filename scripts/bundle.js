#!/usr/bin/env node
'use strict';
// Bundles the compiled entries (lib/src, from `tsc -b tsconfig.build.json`) into lib/bundle/: what
// the package's main entry, its ./jest entry, the validation plugin and the CLI load. One file
// per entry loads in about two thirds of the time Node needs to resolve and compile the ~300
// modules one by one (measured on the example app). Dependencies stay external (required
// from node_modules as before, lazily where the sources require them lazily). The ./jest
// bundle requires the main bundle for the library itself, so that a simulation of the main
// entry is an instance of the class the matchers check.
const { build } = require('esbuild');
const { join, relative } = require('path');


/** Entry (below lib/src) -> bundle (below lib/bundle). */
const ENTRIES = { 'index.js': 'index.js', 'testing/jest.js': 'jest.js', 'cli/plugin.js': 'plugin.js', 'cli/main.js': 'cli.js' };

/** In the ./jest bundle, the library's own entry is the main bundle. */
const mainBundleExternal = lib => ({
  name: 'main-bundle-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index(\.js)?$/ }, args => (relative(lib, args.resolveDir) === 'testing' ? { path: './index.js', external: true } : undefined));
  },
});

/** Bundles `<root>/lib/src` (compiled) into `<root>/lib/bundle`. */
async function bundle(root = join(__dirname, '..')) {
  const lib = join(root, 'lib', 'src');
  const out = join(root, 'lib', 'bundle');
  for (const [entry, file] of Object.entries(ENTRIES)) {
    await build({
      entryPoints: [join(lib, entry)],
      outfile: join(out, file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      plugins: file === 'jest.js' ? [mainBundleExternal(lib)] : [],
      logLevel: 'warning',
      legalComments: 'none',
    });
  }
}

module.exports = { bundle, ENTRIES };

// `node scripts/bundle.js [root]`: the repository, or a folder laid out like it (the benchmark's compiled copy).
if (require.main === module) {
  bundle(process.argv[2]).catch(e => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
