import { App, Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../src/schema/validator';

/** A fresh app and chart (optionally namespaced). */
export function setup(namespace?: string): { app: App; chart: Chart } {
  const app = Testing.app();
  const chart = new Chart(app, 'test', { namespace });
  return { app, chart };
}

/**
 * Synthesizes with validation (as `cdk8s synth` does) and returns every manifest.
 * Throws the validation errors if any.
 */
export function synth(app: App): any[] {
  return parseAllDocuments(app.synthYaml()).map(d => d.toJSON()).filter(Boolean);
}

/** The validation error text synth fails with. */
export function synthError(app: App): string {
  try {
    app.synthYaml();
  } catch (e: any) {
    return String(e?.message ?? e);
  }
  throw new Error('expected synthesis to fail, but it succeeded');
}

/** Manifests of a kind. */
export function ofKind(manifests: any[], kind: string): any[] {
  return manifests.filter(m => m.kind === kind);
}

/** The single manifest of a kind. */
export function one(manifests: any[], kind: string): any {
  const found = ofKind(manifests, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0];
}

/** Strict schema violations of every manifest, as `Kind/name: path: message`. */
export function schemaViolations(manifests: any[]): string[] {
  return manifests.flatMap(m => validateManifest(m).map(v => `${m.kind}/${m.metadata?.name}: ${v.path}: ${v.message}`));
}
