#!/usr/bin/env node
'use strict';
const { loadModule } = require('./load-module');

let cli;
try {
  cli = loadModule('cli/main');
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
process.exitCode = cli.main(process.argv.slice(2));
