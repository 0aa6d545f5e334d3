import { readFileSync } from 'fs';
import { join } from 'path';

/** What cdk8s.yaml said, read once per process (it does not change during a synth). */
let configured: boolean | undefined;

/**
 * True when this app runs under `cdk8s synth` with validations and the project's cdk8s.yaml
 * configures this package's plugin (class ArgoLintValidation): the plugin then lints the same
 * output with the same rules and reports every warning, so the constructs leave warnings to it
 * and each is printed once. cdk8s-cli sets CDK8S_RECORD_CONSTRUCT_METADATA=true for the app
 * exactly when validations are configured (and not --no-validate). Anything uncertain (no
 * cdk8s.yaml in the working directory, validations from a URL) keeps the warnings in the app.
 */
export function argoPluginReportsWarnings(): boolean {
  if (process.env.CDK8S_RECORD_CONSTRUCT_METADATA !== 'true' || !process.env.CDK8S_OUTDIR) return false;
  if (configured === undefined) {
    try {
      const config = readFileSync(join(process.cwd(), 'cdk8s.yaml'), 'utf8');
      configured = /^\s*(?:-\s+)?class:\s*["']?ArgoLintValidation["']?\s*$/m.test(config);
    } catch {
      configured = false;
    }
  }
  return configured;
}
