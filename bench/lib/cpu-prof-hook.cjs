'use strict';
// Preloaded (NODE_OPTIONS=--require) into every Node process of a profiled command, because
// Node 20 does not accept --cpu-prof in NODE_OPTIONS: samples the process with the inspector and
// writes <BENCH_CPU_PROF_DIR>/<pid>.cpuprofile at exit (the process's argv in an extra field).
const { writeFileSync } = require('fs');
const { join } = require('path');
const inspector = require('inspector');
const { findSourceMap } = require('module');
const { fileURLToPath } = require('url');

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // Same-thread inspector sessions answer synchronously, so this completes before exit.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const profile = { ...result.profile, argv: process.argv.slice(1).join(' ') };
      addOriginalLines(profile);
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    });
  });
}

/**
 * TypeScript run through tsx is profiled in esbuild's output (one long line per file): record
 * the source line of each frame from the module's source map, where Node has one.
 */
function addOriginalLines(profile) {
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    if (!/\.[cm]?tsx?$/.test(frame.url)) continue;
    try {
      const map = findSourceMap(frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url) || findSourceMap(frame.url);
      const entry = map && map.findEntry(frame.lineNumber, frame.columnNumber);
      if (entry && typeof entry.originalLine === 'number') frame.originalLine = entry.originalLine;
    } catch {
      // keep the generated position
    }
  }
}
