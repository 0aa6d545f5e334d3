'use strict';
// Loads an entry of the package: its bundle under lib/bundle/ (an installed package, or a
// repository after `npm run build`), otherwise the TypeScript source under src/ through tsx (a
// clean clone, no build step). CDK8S_ARGO_FROM_SOURCE=1 forces the sources.
const { existsSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');

/** Entry (module path below src/) -> its bundle (scripts/bundle.js). */
const BUNDLES = { 'cli/main': 'cli.js', 'cli/plugin': 'plugin.js' };

/** @param {string} name module path below src/, without extension, e.g. 'cli/main' */
function loadModule(name) {
  const bundled = join(root, 'lib', 'bundle', BUNDLES[name] || `${name}.js`);
  const source = join(root, 'src', `${name}.ts`);
  const fromSource = process.env.CDK8S_ARGO_FROM_SOURCE === '1' && existsSync(source);
  if (!fromSource && existsSync(bundled)) return require(bundled);
  if (existsSync(source)) {
    let tsx;
    try {
      tsx = require('tsx/cjs/api');
    } catch {
      throw new Error(`cdk8s-argo: ${bundled} is missing and tsx is not installed to run ${source}; run "npm ci" (or "npm run build")`);
    }
    return tsx.require(source, __filename);
  }
  throw new Error(`cdk8s-argo: neither ${bundled} nor ${source} exists; reinstall the package`);
}

module.exports = { loadModule };
