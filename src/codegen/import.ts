import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { crdInputsDigest, readArgoCrds, readArgoSchema, SCHEMA_DIR_ENV, SCHEMA_IDS, SCHEMA_SOURCES, SchemaId, ArgoSchemaDocument } from '../schema/argo-schema';
import { compactSchema } from '../schema/compact';
import { CrdConstraints, CrdDocument } from '../schema/crd-constraints';
import { celEnvironment } from '../schema/cel';
import { crdConstraintsOf } from '../schema/schema-data';
import { compiledRulesModule } from './cel-to-js';
import { CrdRequiredFields, generateImports } from './generate';
import { CrdInputs, GeneratedFiles, generateSchemaFiles } from './schema-files';

const REPOSITORY = join(__dirname, '..', '..');

/** Argo's pinned schemas: $ARGO_SCHEMA_DIR, else `../shared/argo` beside the repository. */
export function pinnedSchemaDir(): string {
  const dir = process.env[SCHEMA_DIR_ENV] || join(REPOSITORY, '..', 'shared', 'argo');
  if (!existsSync(dir)) {
    throw new Error(`npm run import reads Argo's pinned schemas from ${dir}, which does not exist: put the pinned copies `
      + `(workflows-v4.1.2/ with schema.json and crds-full/, workflows-v3.7.18/ and events-v1.9.11/ with schema.json each, and Argo's LICENSE) there, or set ${SCHEMA_DIR_ENV}`);
  }
  return dir;
}

/** What `npm run import` reads: Argo's schema.json of each pinned release, the full CRDs of those that have them, Argo's license. */
export interface PinnedInputs {
  readonly docs: Readonly<Record<SchemaId, ArgoSchemaDocument>>;
  readonly crds: CrdInputs;
  readonly license: string;
}

export function readPinnedInputs(dir: string): PinnedInputs {
  const docs = {} as Record<SchemaId, ArgoSchemaDocument>;
  const crds: { [id: string]: { documents: CrdDocument[]; digest: string } } = {};
  for (const id of SCHEMA_IDS) {
    docs[id] = readArgoSchema(dir, id);
    const { crds: folder, folder: release, title } = SCHEMA_SOURCES[id];
    if (!folder) continue;
    const documents = readArgoCrds(dir, id);
    if (!documents?.length) throw new Error(`${join(dir, release, folder)} is missing or empty: it should hold the full CRDs of ${title} (manifests/base/crds/full)`);
    crds[id] = { documents, digest: crdInputsDigest(dir, id)! };
  }
  return { docs, crds, license: readFileSync(join(dir, 'LICENSE'), 'utf8') };
}

/** imports/: the typed L1 of Argo Workflows v4.1.2 (with what its full CRDs require) and Argo Events v1.9.11, and the full CRDs' CEL rules compiled to JavaScript. */
export function generateImportFiles(inputs: PinnedInputs): GeneratedFiles {
  const id: SchemaId = 'workflows-v4.1.2';
  const required = crdRequiredFields(crdConstraintsOf(inputs.crds[id]!.documents, compactSchema(inputs.docs[id], SCHEMA_SOURCES[id])));
  const files: GeneratedFiles = {};
  for (const [name, source] of Object.entries(generateImports(inputs.docs[id], inputs.docs['events-v1.9.11'], required))) {
    files[`imports/${name}.ts`] = source;
  }
  files['imports/crd-rules.ts'] = compiledRulesModule(crdRules(inputs), celEnvironment());
  return files;
}

/** The CEL rules of every pinned release's full CRDs (those the CRD check evaluates). */
function crdRules(inputs: PinnedInputs): string[] {
  const rules: string[] = [];
  for (const id of SCHEMA_IDS) {
    const crds = inputs.crds[id];
    if (!crds) continue;
    const data = crdConstraintsOf(crds.documents, compactSchema(inputs.docs[id], SCHEMA_SOURCES[id]));
    for (const c of Object.values(data.constraints)) for (const r of c.rules ?? []) rules.push(r.rule);
  }
  return rules;
}

/** Everything `npm run import` writes, from the pinned schemas in `dir`: imports/ and schemas/. */
export function generateAll(dir: string): GeneratedFiles {
  const inputs = readPinnedInputs(dir);
  return { ...generateImportFiles(inputs), ...generateSchemaFiles(inputs.docs, inputs.license, inputs.crds) };
}

/**
 * The fields the full CRDs require of whole definitions (a requirement at one use of a shared
 * definition, such as the executor plugin's container name, stays the CRD check's).
 */
export function crdRequiredFields(data: CrdConstraints): CrdRequiredFields {
  const out: { [definition: string]: readonly string[] } = {};
  for (const [anchor, constraint] of Object.entries(data.constraints)) {
    if (!anchor.includes('/') && constraint.required) out[anchor] = constraint.required;
  }
  return out;
}

/**
 * Paths of `files` whose copy under `root` differs or is missing, plus files in the same folders
 * that nothing generates any more (a schema dropped from the list).
 */
export function drift(files: GeneratedFiles, root: string): string[] {
  const out: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) out.push(path);
  }
  for (const folder of new Set(Object.keys(files).map(path => path.split('/')[0]))) {
    if (!existsSync(join(root, folder))) continue;
    for (const name of readdirSync(join(root, folder))) {
      const path = `${folder}/${name}`;
      if (!(path in files)) out.push(path);
    }
  }
  return out.sort();
}

/**
 * `npm run import`: regenerates imports/ (typed L1) and schemas/ (the validation data the package
 * ships) from Argo's pinned schemas. With `--check`, writes nothing and exits 1 on any difference.
 */
function main(): void {
  const check = process.argv.includes('--check');
  const dir = pinnedSchemaDir();
  const files = generateAll(dir);
  if (check) {
    const differing = drift(files, REPOSITORY);
    for (const path of differing) console.error(`${path} differs from what ${relative(process.cwd(), dir) || dir} generates; run npm run import`);
    process.exit(differing.length ? 1 : 0);
  }
  for (const [path, content] of Object.entries(files)) {
    writeFileSync(join(REPOSITORY, path), content);
    console.error(`${path}: ${(Buffer.byteLength(content) / 1024).toFixed(0)} KiB`);
  }
  const stale = drift(files, REPOSITORY);
  if (stale.length) console.error(`not generated any more, delete: ${stale.join(', ')}`);
}

if (require.main === module) {
  try {
    main();
  } catch (e: any) {
    console.error(`npm run import: ${e.message}`);
    process.exit(2);
  }
}
