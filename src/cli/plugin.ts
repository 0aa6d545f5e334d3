import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { helmSwitch } from '../helm/helm-mode';
import { lintDetailed } from '../lint/engine';
import { InputProblem, inlineSuppressionsOf, LoadedManifest } from '../lint/load';
import { Finding, LintOptions, Severity } from '../lint/types';
import { readManifestFile } from './files';
import { ruleCatalog } from './rule-catalog';

/**
 * The parts of cdk8s-cli's plugin `ValidationContext` this plugin uses (declared here so that
 * the package does not depend on cdk8s-cli at run time).
 */
export interface CdkValidationContext {
  readonly manifests: readonly string[];
  /** Construct path of each resource by name, from construct-metadata.json (cdk8s-cli reads it when it finds it). */
  readonly metadata?: { readonly [resourceName: string]: { readonly path?: string } };
  readonly report: {
    addViolation(violation: {
      readonly ruleName: string;
      readonly recommendation: string;
      readonly fix: string;
      readonly violatingResources: readonly { readonly resourceName: string; readonly locations: readonly string[]; readonly manifestPath: string }[];
    }): void;
    submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
  };
  readonly logger: { log(message: string): void };
}

/** `properties:` of the plugin entry in cdk8s.yaml. */
export interface ArgoLintValidationProps {
  /** Missing referenced objects are errors. @default false */
  readonly strictRefs?: boolean;
  /** Run the schema check (the schemas built into the package, or $ARGO_SCHEMA_DIR when set). @default true */
  readonly schema?: boolean;
  /** Check the constraints of Argo's full CRDs (rule CRD, v4.1.2); false for minimal CRDs or v3.7. @default true */
  readonly crd?: boolean;
  /** Argo Workflows schema version. @default '4.1.2' */
  readonly workflowsVersion?: string;
  /** Warnings fail the synth too. @default false */
  readonly failOnWarnings?: boolean;
}

const PROPERTY_TYPES: { readonly [name in keyof ArgoLintValidationProps]-?: 'boolean' | 'string' } = {
  strictRefs: 'boolean', schema: 'boolean', crd: 'boolean', workflowsVersion: 'string', failOnWarnings: 'boolean',
};

/** File cdk8s writes next to the manifests when validations run: construct path by resource name. */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/**
 * cdk8s validation plugin (cdk8s.yaml `validations:`): lints every synthesized manifest with
 * the schema check and all rules, resolving references across the whole app. Errors fail
 * `cdk8s synth`; warnings are listed in the report (the constructs leave them to the plugin when
 * it runs, so each is printed once). Findings name the construct of their object. Under
 * `cdk8s synth --format helm` the files are a chart's templates, escaped for Helm: they are
 * linted as Helm renders them (docs/helm.md).
 */
export class ArgoLintValidation {
  private readonly options: LintOptions;
  private readonly failOnWarnings: boolean;

  constructor(props: ArgoLintValidationProps = {}) {
    checkProperties(props);
    const version = props.workflowsVersion?.replace(/^v?/, 'v');
    if (version !== undefined && version !== 'v4.1.2' && version !== 'v3.7.18') {
      throw new Error(`ArgoLintValidation: workflowsVersion must be 4.1.2 or 3.7.18, got "${props.workflowsVersion}"`);
    }
    this.options = { strictRefs: props.strictRefs ?? false, schema: props.schema ?? true, crd: props.crd ?? true, workflowsVersion: version as LintOptions['workflowsVersion'] };
    this.failOnWarnings = props.failOnWarnings ?? false;
  }

  /** Called by cdk8s-cli after synthesis. */
  public async validate(context: CdkValidationContext): Promise<void> {
    const loaded: LoadedManifest[] = [];
    const problems: InputProblem[] = [];
    // Files in a chart's templates/ (cdk8s synth --format helm) are read as Helm renders them, unless CDK8S_ARGO_HELM says otherwise.
    const templates = helmSwitch();
    for (const file of context.manifests) {
      const parsed = readManifestFile(file, { templates });
      for (const m of parsed.manifests) loaded.push(m);
      for (const p of parsed.problems) problems.push(p);
    }
    for (const problem of problems) {
      context.report.addViolation({ ruleName: 'INPUT (error)', recommendation: problem.message, fix: 'Fix the synthesized YAML.',
        violatingResources: [{ resourceName: '', locations: [`line ${problem.line ?? '?'}`], manifestPath: problem.file }] });
    }
    let findings: Finding[];
    try {
      findings = lintDetailed(loaded.map(l => l.manifest), { ...this.options, suppressions: inlineSuppressionsOf(loaded) }).findings;
    } catch (e) {
      context.report.addViolation({ ruleName: 'SCHEMA (error)', recommendation: `the lint could not run: ${e instanceof Error ? e.message : String(e)}`,
        fix: 'Unset ARGO_SCHEMA_DIR to use the schemas built into cdk8s-argo, or point it at a directory with Argo\'s schema.json files; or set properties.schema: false in cdk8s.yaml.', violatingResources: [] });
      context.report.submit('failure');
      return;
    }
    const shared = sharedNames(loaded);
    const constructs = constructPaths(context, loaded, shared);
    const descriptions = new Map(ruleCatalog().map(r => [r.id, r.description]));
    for (const finding of findings) {
      const source = loaded[finding.manifestIndex];
      const construct = constructs.get(source);
      const name = source.manifest.metadata?.name;
      const at = source.position(finding.path);
      context.report.addViolation({
        ruleName: `${finding.ruleId} (${finding.severity})`,
        recommendation: `${construct ? `[${construct}] ` : ''}${finding.object}: ${finding.path || '(object)'}: ${finding.message}`,
        fix: descriptions.get(finding.ruleId) ?? 'Fix the field so that it matches the Argo/Kubernetes schema.',
        violatingResources: [{
          // cdk8s shows the construct path of the resource of that name: give the name only when no other object has it.
          resourceName: typeof name === 'string' && !shared.has(name) ? name : finding.object,
          locations: [`${finding.path || '(object)'} (line ${at.line}, column ${at.column})`],
          manifestPath: source.source.file,
        }],
      });
    }
    const count = (severity: Severity) => findings.filter(f => f.severity === severity).length;
    const errors = count('error');
    const warnings = count('warning');
    const failed = problems.length > 0 || errors > 0 || (this.failOnWarnings && warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', { manifests: String(loaded.length), errors: String(errors), warnings: String(warnings) });
  }
}

function checkProperties(props: unknown): void {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    throw new Error(`ArgoLintValidation: properties must be a map, got ${JSON.stringify(props)}`);
  }
  const valid = Object.keys(PROPERTY_TYPES);
  for (const [key, value] of Object.entries(props)) {
    const type = Object.prototype.hasOwnProperty.call(PROPERTY_TYPES, key) ? PROPERTY_TYPES[key as keyof ArgoLintValidationProps] : undefined;
    if (!type) throw new Error(`ArgoLintValidation: unknown property "${key}" in cdk8s.yaml (validations[].properties); valid properties: ${valid.join(', ')}`);
    if (value !== undefined && typeof value !== type && !(type === 'string' && typeof value === 'number')) {
      throw new Error(`ArgoLintValidation: property "${key}" must be a ${type}, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * The construct each loaded object belongs to, from cdk8s's construct metadata (resource name ->
 * construct path of the ApiObject). An L1 object wrapped by an L2 construct (id "Resource", the
 * cdk8s-plus convention) is attributed to the L2. A name several objects share is left out: the
 * metadata cannot tell them apart.
 */
function constructPaths(context: CdkValidationContext, loaded: readonly LoadedManifest[], shared: ReadonlySet<string>): Map<LoadedManifest, string> {
  const metadata = context.metadata && Object.keys(context.metadata).length ? context.metadata : readConstructMetadata(context.manifests);
  const out = new Map<LoadedManifest, string>();
  if (!metadata) return out;
  for (const m of loaded) {
    const name = m.manifest.metadata?.name;
    if (typeof name !== 'string' || shared.has(name) || !Object.prototype.hasOwnProperty.call(metadata, name)) continue;
    const path = metadata[name]?.path;
    if (typeof path === 'string' && path) out.set(m, path.replace(/\/Resource$/, ''));
  }
  return out;
}

/** metadata.name values several objects share (construct metadata cannot tell them apart). */
function sharedNames(loaded: readonly LoadedManifest[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const m of loaded) {
    const name = m.manifest.metadata?.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) shared.add(name);
    seen.add(name);
  }
  return shared;
}

/** construct-metadata.json from the output directory (next to the manifests or above them), when there is one. */
function readConstructMetadata(manifests: readonly string[]): { readonly [name: string]: { readonly path?: string } } | undefined {
  const dirs = new Set<string>();
  for (const file of manifests) {
    for (let dir = dirname(file), i = 0; i < 3; i++, dir = dirname(dir)) dirs.add(dir);
  }
  for (const dir of dirs) {
    const file = join(dir, CONSTRUCT_METADATA_FILE);
    if (!existsSync(file)) continue;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed.resources === 'object' && parsed.resources !== null) return parsed.resources;
    } catch {
      // unreadable metadata only costs the construct paths
    }
  }
  return undefined;
}
