'use strict';
// Preloaded (NODE_OPTIONS=--require) into every Node process of a measured command: on exit,
// appends the process's peak resident set size to the file named by BENCH_RSS_FILE.
const { appendFileSync } = require('fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const record = { pid: process.pid, argv: process.argv.slice(1).join(' '), maxRssKb: process.resourceUsage().maxRSS };
      appendFileSync(file, `${JSON.stringify(record)}\n`);
    } catch {
      // measuring must never break the measured program
    }
  });
}
