#!/usr/bin/env node
// The API reference's check: TypeDoc over the package's entry points (typedoc.config.mjs) with its
// validation (every exported symbol documented, nothing referenced that the reference leaves out,
// every {@link} resolved), plus a `@default` on every optional field of a Props or Options
// interface. Prints the problems by file; `--json` prints them as JSON for test/docs/api-reference.test.ts.
// Exit code 0 when there is none, 1 otherwise. Needs no network. Run with `npm run docs:check`.
import { Application, Logger, LogLevel, ReflectionKind } from 'typedoc';

class CollectingLogger extends Logger {
  messages = [];
  log(message, level) {
    if (level >= LogLevel.Warn) this.messages.push({ level: level === LogLevel.Error ? 'error' : 'warning', message });
  }
}

/** `cdk8s-argo/src/x.ts` (TypeDoc's display path) -> `src/x.ts`. */
const repoPath = (file) => file.replace(/^cdk8s-argo\//, '');

/** A TypeDoc message as a problem with its check, file and symbol. */
function classify({ level, message }) {
  const text = message.replace(/\x1b\[[0-9;]*m/g, '');
  let m = /^(.+?) \(([^)]+)\), defined in (.+?), does not have any documentation$/.exec(text);
  if (m) return { check: 'notDocumented', file: repoPath(m[3]), symbol: `${m[1]} (${m[2]})`, message: text };
  m = /^(.+?), defined in (.+?), is referenced by (.+?) but not included in the documentation$/.exec(text);
  if (m) return { check: 'notExported', file: repoPath(m[2]), symbol: m[1], message: text };
  m = /^Failed to resolve link to "(.*)" in comment for (.+)$/.exec(text);
  if (m) return { check: 'invalidLink', file: '', symbol: m[2], message: text };
  m = /^(\S+\.tsx?):\d+:\d+ - error TS\d+/.exec(text);
  if (m) return { check: 'error', file: m[1], symbol: '', message: text };
  return { check: level === 'error' ? 'error' : 'other', file: '', symbol: '', message: text };
}

/** Optional fields of Props/Options interfaces without a `@default` tag (inherited ones are checked where they are declared). */
function missingDefaults(project) {
  const problems = [];
  for (const iface of project.getReflectionsByKind(ReflectionKind.Interface)) {
    if (!/(Props|Options)$/.test(iface.name)) continue;
    for (const field of iface.children ?? []) {
      if (!field.kindOf(ReflectionKind.Property) || !field.flags.isOptional || field.inheritedFrom) continue;
      if (field.comment?.getTag('@default')) continue;
      const file = field.sources?.[0]?.fileName ?? iface.sources?.[0]?.fileName ?? '';
      if (!file.startsWith('src/')) continue; // generated imports/ follow Argo's schema
      problems.push({ check: 'missingDefault', file, symbol: field.getFullName(), message: `${field.getFullName()} is optional but has no @default` });
    }
  }
  return problems;
}

async function main() {
  const app = await Application.bootstrapWithPlugins({ emit: 'none', treatWarningsAsErrors: false });
  const logger = new CollectingLogger();
  app.logger = logger;
  const project = await app.convert();
  if (project) app.validate(project);
  const problems = [...logger.messages.map(classify), ...(project ? missingDefaults(project) : [])];
  if (!project) problems.push({ check: 'error', file: '', symbol: '', message: 'TypeDoc could not convert the project' });
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(problems, null, 1) + '\n');
  } else {
    const byFile = new Map();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`${file || '(project)'}: ${list.length}`);
      for (const p of list) console.log(`  ${p.check}: ${p.message}`);
    }
    console.log(problems.length ? `${problems.length} problem(s) in the API reference` : 'API reference: every exported symbol documented, every link resolved');
  }
  process.exitCode = problems.length ? 1 : 0;
}

await main();
