'use strict';
// Preloaded (NODE_OPTIONS=--require) into the cdk8s CLI: times each require() made by a module
// under BENCH_REQUIRE_FROM (callees included) and, on exit, appends them to BENCH_REQUIRE_FILE,
// so the report can say which of the CLI's start-up modules `cdk8s synth` never uses.
const Module = require('module');
const { appendFileSync } = require('fs');

const file = process.env.BENCH_REQUIRE_FILE;
const from = process.env.BENCH_REQUIRE_FROM;
if (file && from) {
  const times = {};
  const load = Module._load;
  Module._load = function timedLoad(request, parent, isMain) {
    if (!parent || !parent.filename || !parent.filename.includes(from)) return load.apply(this, arguments);
    const started = process.hrtime.bigint();
    try {
      return load.apply(this, arguments);
    } finally {
      const key = `${parent.filename.slice(parent.filename.lastIndexOf('/') + 1)} -> ${request}`;
      times[key] = (times[key] || 0) + Number(process.hrtime.bigint() - started) / 1e6;
    }
  };
  process.on('exit', () => {
    try {
      appendFileSync(file, `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1).join(' '), times })}\n`);
    } catch {
      // measuring must never break the measured program
    }
  });
}
