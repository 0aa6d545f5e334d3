import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';
import type { CrdDocument } from './crd-document';

/** A JSON schema document as Argo publishes it (`api/jsonschema/schema.json`). */
export interface ArgoSchemaDocument {
  readonly definitions: { [name: string]: any };
  readonly [key: string]: any;
}

export type SchemaId = 'workflows-v4.1.2' | 'workflows-v3.7.18' | 'events-v1.9.11';

/** One pinned Argo schema: where it comes from and which kinds it checks. */
export interface SchemaSource {
  readonly id: SchemaId;
  /** e.g. `Argo Workflows v4.1.2`. */
  readonly title: string;
  /** Upstream repository, tag and commit the schema was copied from (`api/jsonschema/schema.json`). */
  readonly repository: string;
  readonly tag: string;
  readonly commit: string;
  /** Folder of `schema.json` inside a directory laid out like `../shared/argo`. */
  readonly folder: string;
  /**
   * API groups whose kinds this schema checks; undefined for every kind it defines. Core
   * Kubernetes kinds are checked against the Events schema, which embeds their definitions.
   */
  readonly groups?: readonly string[];
  /**
   * Folder (inside `folder`) of the release's full CRDs, `manifests/base/crds/full/*.yaml`, whose
   * constraints the CRD check adds; undefined when the pinned release has none.
   */
  readonly crds?: string;
}

export const SCHEMA_SOURCES: Readonly<Record<SchemaId, SchemaSource>> = {
  'workflows-v4.1.2': {
    id: 'workflows-v4.1.2', title: 'Argo Workflows v4.1.2', folder: 'workflows-v4.1.2', groups: ['argoproj.io'], crds: 'crds-full',
    repository: 'github.com/argoproj/argo-workflows', tag: 'v4.1.2', commit: '16a52d67daf2f4a8a76fa8bec02a76a46aa46257',
  },
  'workflows-v3.7.18': {
    id: 'workflows-v3.7.18', title: 'Argo Workflows v3.7.18', folder: 'workflows-v3.7.18', groups: ['argoproj.io'],
    repository: 'github.com/argoproj/argo-workflows', tag: 'v3.7.18', commit: '66e32e5cc367f223e2ecf4fbe852b95eaed83034',
  },
  'events-v1.9.11': {
    id: 'events-v1.9.11', title: 'Argo Events v1.9.11', folder: 'events-v1.9.11',
    repository: 'github.com/argoproj/argo-events', tag: 'v1.9.11', commit: 'c8ae7fc2dea2e368f44c8d361b73d7712b100cec',
  },
};

export const SCHEMA_IDS: readonly SchemaId[] = ['workflows-v4.1.2', 'workflows-v3.7.18', 'events-v1.9.11'];

/**
 * Environment variable naming a directory laid out like `../shared/argo`
 * (`<dir>/workflows-v4.1.2/schema.json`, ...): validation then reads Argo's schemas from there
 * instead of the data built into the package.
 */
export const SCHEMA_DIR_ENV = 'ARGO_SCHEMA_DIR';

/** Reads Argo's `schema.json` of one pinned release from a directory laid out like `../shared/argo`. */
export function readArgoSchema(dir: string, id: SchemaId): ArgoSchemaDocument {
  const file = join(dir, SCHEMA_SOURCES[id].folder, 'schema.json');
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: a schema directory holds ${SCHEMA_IDS.map(i => `${SCHEMA_SOURCES[i].folder}/schema.json`).join(', ')} `
      + `(Argo's api/jsonschema/schema.json of each release). Point ${SCHEMA_DIR_ENV} at such a directory, or unset it to use the schemas built into cdk8s-argo.`);
  }
  let doc: ArgoSchemaDocument;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e: any) {
    throw new Error(`${file} is not valid JSON (${e.message}); it should be Argo's api/jsonschema/schema.json of ${SCHEMA_SOURCES[id].title}`);
  }
  if (!doc || typeof doc.definitions !== 'object' || doc.definitions === null) {
    throw new Error(`${file} has no "definitions": not an Argo api/jsonschema/schema.json`);
  }
  return doc;
}

/**
 * Reads the full CRDs of one pinned release from a directory laid out like `../shared/argo`
 * (`<dir>/workflows-v4.1.2/crds-full/*.yaml`); undefined when the release has none there.
 */
export function readArgoCrds(dir: string, id: SchemaId): CrdDocument[] | undefined {
  const files = crdFiles(dir, id);
  if (!files) return undefined;
  // Only `npm run import` and $ARGO_SCHEMA_DIR read CRDs: the YAML parser is not loaded otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse }: typeof import('yaml') = require('yaml');
  const { title } = SCHEMA_SOURCES[id];
  return files.map(file => {
    try {
      return parse(readFileSync(file, 'utf8')) as CrdDocument;
    } catch (e: any) {
      throw new Error(`${file} is not valid YAML (${e.message}); it should be one of the full CRDs of ${title} (manifests/base/crds/full)`);
    }
  });
}

/**
 * A digest of everything the CRD constraints of a release are derived from: its schema.json and
 * its full CRDs, as found in `dir`; undefined when the release has no CRDs there. Equal digests,
 * equal derivation: a directory holding the pinned files can use the built-in constraints.
 */
export function crdInputsDigest(dir: string, id: SchemaId): string | undefined {
  const files = crdFiles(dir, id);
  if (!files) return undefined;
  const { folder, crds } = SCHEMA_SOURCES[id];
  // Only $ARGO_SCHEMA_DIR hashes files: the crypto module is not loaded otherwise.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash }: typeof import('crypto') = require('crypto');
  const hash = createHash('sha256');
  for (const [name, file] of [[`${folder}/schema.json`, join(dir, folder, 'schema.json')], ...files.map(f => [`${folder}/${crds}/${basename(f)}`, f])]) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function crdFiles(dir: string, id: SchemaId): string[] | undefined {
  const { crds, folder } = SCHEMA_SOURCES[id];
  if (!crds) return undefined;
  const path = join(dir, folder, crds);
  if (!existsSync(path)) return undefined;
  return readdirSync(path).filter(f => /\.ya?ml$/.test(f)).sort().map(f => join(path, f));
}
