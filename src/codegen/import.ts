import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { loadSchema } from '../schema/source';
import { generateImports } from './generate';

/**
 * `npm run import`: regenerates imports/ from the pinned Argo schemas ($ARGO_SCHEMA_DIR, or
 * the pinned upstream URLs). With `--check`, writes nothing and exits 1 if imports/ differs.
 */
function main(): void {
  const check = process.argv.includes('--check');
  const dir = join(__dirname, '..', '..', 'imports');
  const modules = generateImports(loadSchema('workflows-v4.1.2'), loadSchema('events-v1.9.11'));
  let drift = 0;
  for (const [name, source] of Object.entries(modules)) {
    const file = join(dir, `${name}.ts`);
    if (check) {
      let current = '';
      try { current = readFileSync(file, 'utf8'); } catch { /* missing counts as drift */ }
      if (current !== source) {
        console.error(`imports/${name}.ts differs from what the schemas generate; run npm run import`);
        drift++;
      }
    } else {
      writeFileSync(file, source);
      console.error(`imports/${name}.ts: ${(Buffer.byteLength(source) / 1024).toFixed(0)} KiB`);
    }
  }
  process.exit(drift ? 1 : 0);
}

main();
