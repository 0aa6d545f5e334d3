import { SCHEMA_SOURCES, SchemaId } from './argo-schema';
import { SchemaDefinitions } from './compact';
import { CrdOverlay } from './crd-check';
import { currentSchemaData, SchemaData } from './schema-data';
import { SchemaWalker } from './schema-walker';
import { SchemaViolation } from './violation';

export { CRD_RULE_ID } from './violation';
export type { SchemaViolation } from './violation';

/** Which Argo Workflows schema Workflows kinds are checked against. */
export type WorkflowsSchemaVersion = 'v4.1.2' | 'v3.7.18';

/** Options of `validateManifest()` and `ManifestValidator.get()`. */
export interface ValidateOptions {
  /**
   * Argo Workflows version whose schema checks Workflow, WorkflowTemplate, CronWorkflow...
   * @default 'v4.1.2'
   */
  readonly workflowsVersion?: WorkflowsSchemaVersion;
  /**
   * Also check the constraints of Argo's full CRDs (the CEL rules, minimums, patterns, maximum
   * list sizes... the API server enforces on apply), reported as rule `CRD`. Only Argo Workflows
   * v4.1.2 has them (its default install); turn it off for a cluster with the minimal CRDs.
   * @default true
   */
  readonly crd?: boolean;
}

interface KindEntry {
  readonly schemaId: SchemaId;
  readonly root: string;
}

const EVENTS_SCHEMA: SchemaId = 'events-v1.9.11';

/**
 * Strict schema check of Kubernetes manifests: Argo Workflows kinds against the Argo Workflows
 * schema, Argo Events kinds and core Kubernetes kinds against the Argo Events schema (which
 * embeds the Kubernetes definitions). Every object is closed: unknown fields are errors, as with
 * `kubectl apply --validate=strict`. The schemas are Argo's, with the quirks of
 * src/schema/quirks.ts corrected, built into the package (`schemas/`) or read from
 * $ARGO_SCHEMA_DIR; each loads on the first manifest of one of its kinds. For Argo Workflows
 * v4.1.2 the constraints of its full CRDs are checked too (violations with `ruleId: 'CRD'`).
 */
export class ManifestValidator {
  private static readonly cache = new Map<string, ManifestValidator>();

  /** The shared validator for a Workflows schema version (schemas are loaded once, when first needed). */
  public static get(options: ValidateOptions = {}): ManifestValidator {
    const version = options.workflowsVersion ?? 'v4.1.2';
    const crd = options.crd ?? true;
    const data = currentSchemaData();
    const key = `${data.key}\n${version}\n${crd}`;
    let validator = ManifestValidator.cache.get(key);
    if (!validator) {
      validator = new ManifestValidator(data, `workflows-${version}`, crd);
      ManifestValidator.cache.set(key, validator);
    }
    return validator;
  }

  private kindIndex?: Map<string, KindEntry>;
  private readonly overlays = new Map<SchemaId, CrdOverlay | undefined>();

  private constructor(private readonly data: SchemaData, private readonly workflowsSchema: SchemaId, private readonly crd: boolean) {}

  /** True when the apiVersion/kind pair has a schema here. */
  public knows(apiVersion: string, kind: string): boolean {
    return this.kinds().has(`${apiVersion}/${kind}`);
  }

  /** Checks one manifest; returns every violation found (empty when valid). */
  public validate(manifest: any): SchemaViolation[] {
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return [{ path: '', message: 'a manifest must be a YAML/JSON object' }];
    const { apiVersion, kind } = manifest;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      return [{ path: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind', message: 'apiVersion and kind are required strings' }];
    }
    const entry = this.kinds().get(`${apiVersion}/${kind}`);
    if (!entry) {
      return [{ path: 'kind', message: `no schema for ${apiVersion} ${kind}: not an Argo Workflows/Events kind nor a core Kubernetes kind known to the pinned schemas` }];
    }
    const out: SchemaViolation[] = [];
    const definitions = this.data.definitions(entry.schemaId);
    const overlay = this.crd ? this.overlay(entry.schemaId, definitions) : undefined;
    new SchemaWalker(definitions, kind, out, overlay?.checks(kind) ? overlay : undefined).checkRoot(manifest, entry.root);
    return out;
  }

  /** The full CRDs' constraints over a schema, when its release has them. */
  private overlay(schemaId: SchemaId, definitions: SchemaDefinitions): CrdOverlay | undefined {
    if (!this.overlays.has(schemaId)) {
      const constraints = this.data.crdConstraints(schemaId);
      this.overlays.set(schemaId, constraints && CrdOverlay.over(constraints, definitions, `${SCHEMA_SOURCES[schemaId].title}'s full CRDs`));
    }
    return this.overlays.get(schemaId);
  }

  /** Events kinds and core Kubernetes kinds from the Events schema; Argo Workflows kinds from the Workflows schema. */
  private kinds(): Map<string, KindEntry> {
    if (!this.kindIndex) {
      const index = new Map<string, KindEntry>();
      for (const schemaId of [EVENTS_SCHEMA, this.workflowsSchema]) {
        for (const [key, root] of Object.entries(this.data.kinds(schemaId))) index.set(key, { schemaId, root });
      }
      this.kindIndex = index;
    }
    return this.kindIndex;
  }
}

/** Validates one manifest with the default (v4.1.2) validator. */
export function validateManifest(manifest: any, options: ValidateOptions = {}): SchemaViolation[] {
  return ManifestValidator.get(options).validate(manifest);
}
