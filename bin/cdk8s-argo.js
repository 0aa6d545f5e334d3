#!/usr/bin/env node
'use strict';
const { loadModule } = require('./load-module');

process.exitCode = loadModule('cli/main').main(process.argv.slice(2));
