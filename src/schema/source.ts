import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

/** A JSON schema document as Argo publishes it (`api/jsonschema/schema.json`). */
export interface ArgoSchemaDocument {
  readonly definitions: { [name: string]: any };
  readonly [key: string]: any;
}

/** One pinned Argo schema: where it lives in a schema directory and upstream. */
export interface SchemaSource {
  /** Short id used in messages and options. */
  readonly id: SchemaId;
  /** Folder inside a schema directory laid out like `../shared/argo`. */
  readonly folder: string;
  /** Pinned upstream URL, used when no schema directory is configured. */
  readonly url: string;
}

export type SchemaId = 'workflows-v4.1.2' | 'workflows-v3.7.18' | 'events-v1.9.11';

export const SCHEMA_SOURCES: Readonly<Record<SchemaId, SchemaSource>> = {
  'workflows-v4.1.2': {
    id: 'workflows-v4.1.2',
    folder: 'workflows-v4.1.2',
    url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/v4.1.2/api/jsonschema/schema.json',
  },
  'workflows-v3.7.18': {
    id: 'workflows-v3.7.18',
    folder: 'workflows-v3.7.18',
    url: 'https://raw.githubusercontent.com/argoproj/argo-workflows/v3.7.18/api/jsonschema/schema.json',
  },
  'events-v1.9.11': {
    id: 'events-v1.9.11',
    folder: 'events-v1.9.11',
    url: 'https://raw.githubusercontent.com/argoproj/argo-events/v1.9.11/api/jsonschema/schema.json',
  },
};

/** Environment variable naming a directory laid out like `../shared/argo`. */
export const SCHEMA_DIR_ENV = 'ARGO_SCHEMA_DIR';

const loaded = new Map<SchemaId, ArgoSchemaDocument>();

/** Where downloaded schemas are cached between runs. */
export function schemaCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'cdk8s-argo', 'schemas');
}

/**
 * Loads one of the pinned Argo schemas: from `$ARGO_SCHEMA_DIR/<folder>/schema.json` when that
 * variable is set, otherwise from the local cache, otherwise by downloading the pinned URL
 * (then cached). Synchronous so that it can run inside cdk8s validations.
 */
export function loadSchema(id: SchemaId): ArgoSchemaDocument {
  const cached = loaded.get(id);
  if (cached) return cached;
  const doc = JSON.parse(readSchemaText(SCHEMA_SOURCES[id])) as ArgoSchemaDocument;
  if (!doc || typeof doc.definitions !== 'object') {
    throw new Error(`Argo schema ${id} has no "definitions": not an Argo api/jsonschema/schema.json`);
  }
  loaded.set(id, doc);
  return doc;
}

function readSchemaText(source: SchemaSource): string {
  const dir = process.env[SCHEMA_DIR_ENV];
  if (dir) {
    const file = join(dir, source.folder, 'schema.json');
    if (!existsSync(file)) {
      throw new Error(`${SCHEMA_DIR_ENV}=${dir} has no ${source.folder}/schema.json; `
        + `point ${SCHEMA_DIR_ENV} at a directory laid out like <dir>/${source.folder}/schema.json, or unset it to download ${source.url}`);
    }
    return readFileSync(file, 'utf8');
  }
  const cacheFile = join(schemaCacheDir(), source.folder, 'schema.json');
  if (existsSync(cacheFile)) return readFileSync(cacheFile, 'utf8');
  const text = downloadSync(source.url);
  mkdirSync(join(schemaCacheDir(), source.folder), { recursive: true });
  writeFileSync(cacheFile, text);
  return text;
}

function downloadSync(url: string): string {
  const script = `fetch(process.argv[1], { signal: AbortSignal.timeout(20000) })
    .then(r => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); })
    .then(t => process.stdout.write(t))
    .catch(e => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  try {
    return execFileSync(process.execPath, ['-e', script, url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e: any) {
    const reason = (e.stderr || e.message || '').toString().trim();
    throw new Error(`cannot download Argo schema ${url} (${reason}); set ${SCHEMA_DIR_ENV} to a local copy `
      + '(a directory holding workflows-v4.1.2/, workflows-v3.7.18/ and events-v1.9.11/ with schema.json each)');
  }
}
