#!/usr/bin/env node
'use strict';
// The `app:` of the repository's cdk8s.yaml (a repository tool, not part of the package): runs the
// example app (src/main.ts) compiled, which starts in a fraction of the time a TypeScript loader needs. lib/ is rebuilt (tsc -b, then
// scripts/bundle.js) first whenever a source is newer than the last build, so the output always reflects the sources.
const { execFileSync } = require('child_process');
const { existsSync, readdirSync, statSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const entry = join(root, 'lib', 'src', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entryName of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entryName.name);
    if (entryName.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entryName.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// The example imports the package by name, as a user's app does: that is lib/bundle/index.js.
const bundles = ['index.js', 'plugin.js'].map(f => join(root, 'lib', 'bundle', f));
// The bundles are written after every compile, so the oldest of them dates the last build.
const built = existsSync(entry) && bundles.every(existsSync) ? Math.min(...bundles.map(f => statSync(f).mtimeMs)) : 0;
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map(f => statSync(join(root, f)).mtimeMs);
if (Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'imports')), ...configs) > built) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.js')], { stdio: 'inherit' });
}
require(entry);
