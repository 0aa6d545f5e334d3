import { readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { extname, join } from 'path';
import { InputProblem, parseManifests, ParseResult } from '../lint/load';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** Manifests read from files, plus what could not be read. */
export interface FileSet extends ParseResult {
  /** Files read, in order. */
  readonly files: readonly string[];
}

/**
 * Reads manifests from files and directories (recursively: *.yaml, *.yml, *.json; hidden
 * directories and node_modules skipped; entries in name order). `-` reads standard input.
 * Unreadable paths, YAML syntax errors and documents that are not objects become problems.
 */
export function readManifestFiles(paths: readonly string[], readStdin: () => string = () => readFileSync(0, 'utf8')): FileSet {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push(path);
      continue;
    }
    try {
      collect(path, files, new Set(), true);
    } catch (e: any) {
      problems.push({ file: path, message: `cannot read: ${describeError(e)}` });
    }
  }
  const result: FileSet = { files, manifests: [], problems, skipped: [] };
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
    } catch (e: any) {
      problems.push({ file, message: `cannot read: ${describeError(e)}` });
      continue;
    }
    const parsed = parseManifests(text, file === '-' ? '<stdin>' : file);
    result.manifests.push(...parsed.manifests);
    problems.push(...parsed.problems);
    result.skipped.push(...parsed.skipped);
  }
  return result;
}

function collect(path: string, files: string[], visited: Set<string>, explicit: boolean): void {
  const stat = statSync(path);
  if (stat.isFile()) {
    // A file named on the command line is read whatever its extension.
    if (explicit || MANIFEST_EXTENSIONS.has(extname(path).toLowerCase())) files.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  const real = realpathSync(path);
  if (visited.has(real)) return;
  visited.add(real);
  const before = files.length;
  for (const entry of readdirSync(path).sort()) {
    if (entry.startsWith('.') || SKIPPED_DIRECTORIES.has(entry)) continue;
    collect(join(path, entry), files, visited, false);
  }
  if (explicit && files.length === before) throw new Error(`no *.yaml, *.yml or *.json files in directory ${path}`);
}

function describeError(e: any): string {
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return String(e?.message ?? e);
}
