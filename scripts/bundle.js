#!/usr/bin/env node
'use strict';
// Bundles the package's entries from the TypeScript sources into lib/bundle/: what the main
// entry, the ./jest entry, the validation plugin and the CLI load (`npm run build` runs it after
// `tsc -b`, whose lib/src and lib/imports hold the declarations). One scope-hoisted file per
// entry: an app loads the main one in about 30 ms where Node needed about 50 ms to resolve,
// compile and link the ~300 compiled modules (measured on the example app). Dependencies stay
// external (required from node_modules, lazily where the sources require them lazily). The
// ./jest bundle requires the main bundle for the library itself, so that a simulation of the
// main entry is an instance of the class the matchers check.
const { build } = require('esbuild');
const { mkdirSync, writeFileSync } = require('fs');
const { dirname, join } = require('path');

const repo = join(__dirname, '..');

/** Entry (below src/) -> bundle (below lib/bundle/). */
const ENTRIES = { 'index.ts': 'index.js', 'testing/jest.ts': 'jest.js', 'cli/plugin.ts': 'plugin.js', 'cli/main.ts': 'cli.js' };

/** In the ./jest bundle, the library's own entry is the main bundle. */
const mainBundleExternal = {
  name: 'main-bundle-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/index$/ }, args => (args.importer.endsWith(join('src', 'testing', 'jest.ts')) ? { path: './index.js', external: true } : undefined));
  },
};

/** Bundles the repository's src/ into `<root>/lib/bundle` (the repository's own lib/ by default). */
async function bundle(root = repo) {
  for (const [entry, file] of Object.entries(ENTRIES)) {
    await build({
      entryPoints: [join(repo, 'src', entry)],
      outfile: join(root, 'lib', 'bundle', file),
      tsconfig: join(repo, 'tsconfig.build.json'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      // Scope hoisting renames clashing top-level names (TemplateAction -> TemplateAction3); keep
      // the sources' names, which messages (`constructor.name`), stack traces and inspect show
      // (for classes and functions: see namingClassesAndFunctionsOnly).
      keepNames: true,
      plugins: file === 'jest.js' ? [mainBundleExternal] : [],
      logLevel: 'warning',
      legalComments: 'none',
      write: false,
    }).then(result => {
      for (const out of result.outputFiles) writeFile(out.path, namingClassesAndFunctionsOnly(out.text));
    });
  }
}

/** esbuild's keepNames helper, as it writes it: it defines `name` on the function it is given. */
const NAME_HELPER = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';

/**
 * keepNames names every function expression, arrow functions included, each time one is created:
 * closures made in loops (a rule's `report` helper for each manifest) were named about 300,000
 * times in the synth of 1,000 WorkflowTemplates, about 0.1 s. Classes and functions (what
 * `constructor.name`, stack traces and inspect show, and what the package exports) keep the
 * sources' names; an arrow function (no own `prototype`) keeps the name V8 gives it, none for one
 * passed to the helper (its stack frames show file, line and column only).
 */
function namingClassesAndFunctionsOnly(text) {
  const at = text.indexOf(NAME_HELPER);
  if (at < 0 && !text.includes('__name(')) return text;
  if (at < 0 || text.indexOf(NAME_HELPER, at + 1) >= 0) throw new Error(`esbuild's keepNames helper is not written as expected (${NAME_HELPER})`);
  return text.slice(0, at)
    + 'var __name = (target, value) => (Object.prototype.hasOwnProperty.call(target, "prototype") ? __defProp(target, "name", { value, configurable: true }) : target);'
    + text.slice(at + NAME_HELPER.length);
}

function writeFile(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

module.exports = { bundle, ENTRIES };

// `node scripts/bundle.js [root]`: into the repository's lib/, or into a folder laid out like the
// installed package (the benchmark's compiled copy).
if (require.main === module) {
  bundle(process.argv[2]).catch(e => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
