// The CLI, plugin and package tests run the compiled library (lib/), as users do: bring it up to
// date first: `tsc -b` is incremental, so this costs little after `npm run typecheck`; the bundles
// (lib/bundle, what the package's entries load) are made again from it.
const { execFileSync } = require('child_process');
const { join } = require('path');

module.exports = () => {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'inherit' });
};
