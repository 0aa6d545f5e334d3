import { readFileSync } from 'fs';
import { join } from 'path';
import { packageRoot } from '../package-root';
import { crdInputsDigest, readArgoCrds, readArgoSchema, SCHEMA_DIR_ENV, SCHEMA_SOURCES, SchemaId } from './argo-schema';
import { compactSchema, CompactSchema, SchemaDefinitions } from './compact';
import { CrdConstraints, deriveCrdConstraints } from './crd-constraints';

/** Folder of the package holding the compact schemas (`npm run import` writes it). */
export const EMBEDDED_SCHEMA_FOLDER = 'schemas';
/** File of `schemas/` listing the kinds each schema checks, so that a schema loads only when one of its kinds is validated. */
export const KINDS_FILE = 'kinds.json';

/** Where validation's schemas come from. Nothing is read until asked for. */
export interface SchemaData {
  /** Distinguishes sources in caches: `embedded`, or the directory given by $ARGO_SCHEMA_DIR. */
  readonly key: string;
  /** `<apiVersion>/<kind>` to root definition, for the kinds the schema checks. */
  kinds(id: SchemaId): CompactSchema['kinds'];
  definitions(id: SchemaId): SchemaDefinitions;
  /** What the release's full CRDs add to the schema (src/schema/crd-constraints.ts); undefined when it has none. */
  crdConstraints(id: SchemaId): CrdConstraints | undefined;
}

/**
 * The schemas validation uses now: the ones built into the package (`schemas/`), or, when
 * $ARGO_SCHEMA_DIR is set, Argo's `schema.json` files in that directory, compacted on first use
 * exactly as `npm run import` compacts the pinned ones.
 */
export function currentSchemaData(): SchemaData {
  const dir = process.env[SCHEMA_DIR_ENV];
  if (!dir) return EMBEDDED;
  let data = fromDirectories.get(dir);
  if (!data) fromDirectories.set(dir, data = new DirectorySchemaData(dir));
  return data;
}

/** The path of one file of the built-in schema data. */
export function embeddedSchemaFile(file: string): string {
  return join(packageRoot(), EMBEDDED_SCHEMA_FOLDER, file);
}

/** The file name of a schema's definitions in `schemas/`. */
export function definitionsFile(id: SchemaId): string {
  return `${id}.json`;
}

/** The file name of the full CRDs' constraints of a release in `schemas/`. */
export function crdConstraintsFile(id: SchemaId): string {
  return `crd-${id}.json`;
}

/**
 * The CRD constraints of one release, derived from its full CRDs over the compact schema; `kinds`
 * maps `<Kind>` to its root definition. Exactly what `npm run import` writes to `schemas/`.
 */
export function crdConstraintsOf(crds: Parameters<typeof deriveCrdConstraints>[0], schema: CompactSchema): CrdConstraints {
  const kinds: { [kind: string]: string } = {};
  for (const [key, root] of Object.entries(schema.kinds)) kinds[key.substring(key.lastIndexOf('/') + 1)] = root;
  return deriveCrdConstraints(crds, schema.definitions, kinds);
}

class EmbeddedSchemaData implements SchemaData {
  public readonly key = 'embedded';
  private kindsById?: { readonly [id: string]: CompactSchema['kinds'] };
  private readonly loaded = new Map<SchemaId, SchemaDefinitions>();
  private readonly crds = new Map<SchemaId, CrdConstraints | undefined>();

  public kinds(id: SchemaId): CompactSchema['kinds'] {
    this.kindsById ??= readJson(KINDS_FILE);
    const kinds = this.kindsById[id];
    if (!kinds) throw new Error(`${embeddedSchemaFile(KINDS_FILE)} lists no kinds for ${id}; reinstall cdk8s-argo`);
    return kinds;
  }

  public definitions(id: SchemaId): SchemaDefinitions {
    let definitions = this.loaded.get(id);
    if (!definitions) {
      definitions = readJson<{ definitions: SchemaDefinitions }>(definitionsFile(id)).definitions;
      this.loaded.set(id, definitions);
    }
    return definitions;
  }

  public crdConstraints(id: SchemaId): CrdConstraints | undefined {
    if (!this.crds.has(id)) this.crds.set(id, SCHEMA_SOURCES[id].crds ? readJson<CrdConstraints>(crdConstraintsFile(id)) : undefined);
    return this.crds.get(id);
  }
}

/**
 * $ARGO_SCHEMA_DIR: each schema compacted on first use, and the CRD constraints of a release
 * derived from `<folder>/crds-full/` when the directory has it (none otherwise: the directory
 * replaces the built-in data as a whole). Reading 11 MB of CRDs takes seconds: when the
 * directory's files are the ones the built-in constraints come from (same digest), those are used.
 */
class DirectorySchemaData implements SchemaData {
  private readonly compacted = new Map<SchemaId, CompactSchema>();
  private readonly crds = new Map<SchemaId, CrdConstraints | undefined>();

  constructor(public readonly key: string) {}

  public kinds(id: SchemaId): CompactSchema['kinds'] {
    return this.schema(id).kinds;
  }

  public definitions(id: SchemaId): SchemaDefinitions {
    return this.schema(id).definitions;
  }

  public crdConstraints(id: SchemaId): CrdConstraints | undefined {
    if (!this.crds.has(id)) {
      const digest = crdInputsDigest(this.key, id);
      const builtIn = digest !== undefined ? EMBEDDED.crdConstraints(id) : undefined;
      if (digest === undefined) this.crds.set(id, undefined);
      else if (builtIn?.inputs === digest) this.crds.set(id, builtIn);
      else this.crds.set(id, crdConstraintsOf(readArgoCrds(this.key, id)!, this.schema(id)));
    }
    return this.crds.get(id);
  }

  private schema(id: SchemaId): CompactSchema {
    let schema = this.compacted.get(id);
    if (!schema) {
      schema = compactSchema(readArgoSchema(this.key, id), SCHEMA_SOURCES[id]);
      this.compacted.set(id, schema);
    }
    return schema;
  }
}

function readJson<T>(file: string): T {
  const path = embeddedSchemaFile(file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e: any) {
    throw new Error(`cannot read the schema data built into cdk8s-argo (${e.message}); reinstall the package, `
      + `or set ${SCHEMA_DIR_ENV} to a directory holding Argo's schema.json files`);
  }
}

const EMBEDDED = new EmbeddedSchemaData();
const fromDirectories = new Map<string, DirectorySchemaData>();
