import { readFileSync } from 'fs';
import { lint } from '../lint/engine';
import { InputProblem, LoadedManifest, parseManifests } from '../lint/load';
import { ALL_RULES } from '../lint/rules';
import { Finding, LintOptions } from '../lint/types';

/**
 * The parts of cdk8s-cli's plugin `ValidationContext` this plugin uses (declared here so that
 * the package does not depend on cdk8s-cli at run time).
 */
export interface CdkValidationContext {
  readonly manifests: readonly string[];
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
  /** Argo Workflows schema version. @default '4.1.2' */
  readonly workflowsVersion?: string;
  /** Warnings fail the synth too. @default false */
  readonly failOnWarnings?: boolean;
}

const DESCRIPTIONS = new Map(ALL_RULES.map(r => [r.id, r.description]));

/**
 * cdk8s validation plugin (cdk8s.yaml `validations:`): lints every synthesized manifest with
 * the schema check and all rules, resolving references across the whole app. Errors fail
 * `cdk8s synth`; warnings are listed in the report.
 */
export class ArgoLintValidation {
  private readonly options: LintOptions;
  private readonly failOnWarnings: boolean;

  constructor(props: ArgoLintValidationProps = {}) {
    const version = props.workflowsVersion?.replace(/^v?/, 'v');
    if (version !== undefined && version !== 'v4.1.2' && version !== 'v3.7.18') {
      throw new Error(`ArgoLintValidation: workflowsVersion must be 4.1.2 or 3.7.18, got "${props.workflowsVersion}"`);
    }
    this.options = { strictRefs: props.strictRefs ?? false, schema: props.schema ?? true, workflowsVersion: version as LintOptions['workflowsVersion'] };
    this.failOnWarnings = props.failOnWarnings ?? false;
  }

  /** Called by cdk8s-cli after synthesis. */
  public async validate(context: CdkValidationContext): Promise<void> {
    const loaded: LoadedManifest[] = [];
    const problems: InputProblem[] = [];
    for (const file of context.manifests) {
      const parsed = parseManifests(readFileSync(file, 'utf8'), file);
      loaded.push(...parsed.manifests);
      problems.push(...parsed.problems);
    }
    for (const problem of problems) {
      context.report.addViolation({ ruleName: 'INPUT (error)', recommendation: problem.message, fix: 'Fix the synthesized YAML.',
        violatingResources: [{ resourceName: '', locations: [`line ${problem.line ?? '?'}`], manifestPath: problem.file }] });
    }
    let findings: Finding[];
    try {
      findings = lint(loaded.map(l => l.manifest), this.options);
    } catch (e: any) {
      context.report.addViolation({ ruleName: 'SCHEMA (error)', recommendation: `the lint could not run: ${e?.message ?? e}`,
        fix: 'Unset ARGO_SCHEMA_DIR to use the schemas built into cdk8s-argo, or point it at a directory with Argo\'s schema.json files; or set properties.schema: false in cdk8s.yaml.', violatingResources: [] });
      context.report.submit('failure');
      return;
    }
    for (const finding of findings) {
      const source = loaded[finding.manifestIndex];
      context.report.addViolation({
        ruleName: `${finding.ruleId} (${finding.severity})`,
        recommendation: `${finding.object}: ${finding.path || '(object)'}: ${finding.message}`,
        fix: DESCRIPTIONS.get(finding.ruleId) ?? 'Fix the field so that it matches the Argo/Kubernetes schema.',
        violatingResources: [{
          resourceName: source.manifest.metadata?.name ?? '',
          locations: [`${finding.path || '(object)'} (line ${source.locate(finding.path)})`],
          manifestPath: source.source.file,
        }],
      });
    }
    const errors = findings.filter(f => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const failed = problems.length > 0 || errors > 0 || (this.failOnWarnings && warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', { manifests: String(loaded.length), errors: String(errors), warnings: String(warnings) });
  }
}
