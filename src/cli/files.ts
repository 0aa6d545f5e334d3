import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync, Stats } from 'fs';
import { extname, join } from 'path';
import { isChartFolder } from '../helm/helm-mode';
import { decodeUtf8 } from '../lint/input/text-encoding';
import { InputProblem, parseManifests, ParseResult } from '../lint/load';
import { ChartReadOptions, loadChart, needsHelmHint } from './chart-input';
import { parseHelmTemplate, TemplateReading, templateReading } from './helm-template-file';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** Largest input read, per file: Kubernetes objects are at most 1.5 MiB each, so this is generous. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Name standard input has in messages. */
export const STDIN_NAME = '<stdin>';

/** Manifests read from files, plus what could not be read. */
export interface FileSet extends ParseResult {
  /** Files read, in order (`<stdin>` for standard input). */
  readonly files: readonly string[];
}

/** Reads all of standard input (or of a FIFO...) as bytes. */
export type StreamReader = () => string | Uint8Array;

/** How Helm charts and templates are read. */
export interface HelmReadOptions extends ChartReadOptions {
  /**
   * Read every file as a Helm template (true), none (false), or as found (undefined): a file in
   * a chart's templates/ folder is one, and so is text holding Helm's own syntax.
   */
  readonly templates?: boolean;
}

/**
 * Reads manifests from files and directories (recursively: *.yaml, *.yml, *.json; hidden
 * directories and node_modules skipped; entries in name order). `-` reads standard input; named
 * pipes, `/dev/stdin` and `<(...)` are read as streams. Whatever cannot be read (a missing file,
 * a dangling link, a directory that cannot be listed, invalid UTF-8, a YAML or JSON syntax
 * error, a document that is not an object) becomes a problem naming the file (and line), and
 * the other files are still read. The same file named twice is read once.
 */
export function readManifestFiles(paths: readonly string[], readStdin: StreamReader = () => readStream(0), helm: HelmReadOptions = {}): FileSet {
  const inputs: Input[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    if (seen.has(input.identity)) return;
    seen.add(input.identity);
    inputs.push(input);
  };
  for (const path of paths) {
    if (path === '-') {
      add({ name: STDIN_NAME, identity: '-', read: () => toBytes(readStdin()) });
      continue;
    }
    const fd = inheritedDescriptor(path);
    if (fd !== undefined) {
      // Read the descriptor itself: a socket behind /dev/stdin cannot be opened again by name.
      add({ name: path, identity: `fd:${fd}`, read: () => (fd === 0 ? toBytes(readStdin()) : readStream(fd)) });
      continue;
    }
    collect(path, add, problems);
  }
  const files: string[] = [];
  const result: FileSet = { files, manifests: [], problems, skipped: [] };
  const take = (parsed: ParseResult) => {
    for (const m of parsed.manifests) result.manifests.push(m);
    for (const p of parsed.problems) problems.push(p);
    for (const s of parsed.skipped) result.skipped.push(s);
  };
  for (const input of inputs) {
    if (input.chart) {
      const chart = loadChart(input.name, helm, file => loadInput({ name: file, identity: file, read: () => readPath(file), reading: 'chart' }, helm, input.name));
      files.push(...chart.files);
      take(chart);
      continue;
    }
    files.push(input.name);
    take(loadInput(input, helm));
  }
  return result;
}

/** Reads one manifest file as `readManifestFiles` reads each of its files (for the cdk8s plugin). */
export function readManifestFile(file: string, helm: HelmReadOptions = {}): ParseResult {
  return loadInput({ name: file, identity: file, read: () => readPath(file) }, helm);
}

interface Input {
  readonly name: string;
  /** What makes two inputs the same (the real path of a file). */
  readonly identity: string;
  read(): Uint8Array;
  /** A chart folder: rendered as a whole (helm template). */
  readonly chart?: true;
  /** Read as a template of a chart (rendered without Helm). */
  readonly reading?: TemplateReading;
}

function loadInput(input: Input, helm: HelmReadOptions, chart?: string): ParseResult {
  const failed = (message: string, line?: number, column?: number): ParseResult => ({ manifests: [], skipped: [], problems: [{ file: input.name, line, column, message }] });
  let bytes: Uint8Array;
  try {
    bytes = input.read();
  } catch (e) {
    return failed(`cannot read: ${describeError(e)}`);
  }
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) {
    const before = Buffer.from(bytes.buffer, bytes.byteOffset, decoded.problem.byte).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return failed(decoded.problem.message, line, column);
  }
  try {
    const reading = input.reading ?? templateReading(input.name, decoded.text, helm.templates);
    return reading ? parseHelmTemplate(decoded.text, input.name, reading, needsHelmHint(input.name, chart)) : parseManifests(decoded.text, input.name);
  } catch (e) {
    // A bug of the linter, not of the file: say so, and go on with the other files.
    return failed(`cannot be read by cdk8s-argo (an internal error, please report it): ${describeError(e)}`);
  }
}

/** Adds the inputs a command-line path stands for. */
function collect(path: string, add: (input: Input) => void, problems: InputProblem[]): void {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    problems.push({ file: path, message: `cannot read: ${describeMissing(path, e)}` });
    return;
  }
  if (!stat.isDirectory()) {
    // A file named on the command line is read whatever its extension; so are pipes and devices.
    if (stat.isSocket()) problems.push({ file: path, message: 'cannot read: is a socket' });
    else add({ name: path, identity: identity(path), read: () => readPath(path) });
    return;
  }
  if (isChartFolder(path)) {
    add({ name: path, identity: `chart:${identity(path)}`, read: () => new Uint8Array(), chart: true });
    return;
  }
  const found = walkDirectory(path, add, problems);
  if (found === 0) problems.push({ file: path, message: `cannot read: no *.yaml, *.yml or *.json files in directory ${path}` });
}

/** Adds the manifest files below a directory, without recursion; returns how many it found. */
function walkDirectory(root: string, add: (input: Input) => void, problems: InputProblem[]): number {
  let found = 0;
  const visited = new Set<string>();
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: string[];
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, message: `cannot read directory: ${describeError(e)}` });
      continue;
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      if (entry.startsWith('.') || SKIPPED_DIRECTORIES.has(entry)) continue;
      const path = join(dir, entry);
      const isManifest = MANIFEST_EXTENSIONS.has(extname(entry).toLowerCase());
      let stat: Stats;
      try {
        stat = statSync(path);
      } catch (e) {
        // A dangling link or an unreadable entry: an error only where a manifest was expected.
        if (isManifest) problems.push({ file: path, message: `cannot read: ${describeMissing(path, e)}` });
        continue;
      }
      if (stat.isDirectory()) {
        if (isChartFolder(path)) {
          found++;
          add({ name: path, identity: `chart:${identity(path)}`, read: () => new Uint8Array(), chart: true });
        } else subdirectories.push(path);
      }
      else if (stat.isFile() && isManifest) {
        found++;
        add({ name: path, identity: identity(path), read: () => readPath(path) });
      }
    }
    // Depth first, in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) pending.push(subdirectories[i]);
  }
  return found;
}

/** Reads a path: a regular file at once, anything else (a pipe, a device) as a stream. */
function readPath(path: string): Uint8Array {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (stat.size > MAX_INPUT_BYTES) throw new TooLarge();
    return readFileSync(path);
  }
  const fd = openSync(path, 'r');
  try {
    return readStream(fd);
  } finally {
    closeSync(fd);
  }
}

class TooLarge extends Error {
  constructor() {
    super(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, not read: no manifest set is this large (Kubernetes objects are at most 1.5 MiB); split the input`);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads a file descriptor to its end, synchronously: pipes and terminals included (waiting
 * when a non-blocking descriptor has no data yet), up to MAX_INPUT_BYTES.
 */
export function readStream(fd: number): Uint8Array {
  if (fstatSync(fd).isFile()) {
    if (fstatSync(fd).size > MAX_INPUT_BYTES) throw new TooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw new TooLarge();
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** The descriptor `/dev/stdin`, `/dev/fd/N` or `/proc/self/fd/N` names. */
function inheritedDescriptor(path: string): number | undefined {
  if (path === '/dev/stdin') return 0;
  const match = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
}

function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function describeMissing(path: string, e: unknown): string {
  if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return `a symbolic link to ${readlinkSync(path)}, which does not exist`;
    } catch {
      // not a link: plainly missing
    }
  }
  return describeError(e);
}

function describeError(e: unknown): string {
  if (e instanceof TooLarge) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
  return e instanceof Error ? e.message : String(e);
}
