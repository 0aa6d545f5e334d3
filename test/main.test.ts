import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../src/schema/validator';

const root = join(__dirname, '..');

/** Runs the example app the way `cdk8s synth` does and returns file name -> YAML text. */
function synthExampleApp(): { [file: string]: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-main-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, CDK8S_OUTDIR: outdir }, stdio: 'pipe' });
  return Object.fromEntries(readdirSync(outdir).sort().map(f => [f, readFileSync(join(outdir, f), 'utf8')]));
}

describe('the example app (src/main.ts)', () => {
  const first = synthExampleApp();

  test('synthesizes documents that all pass the strict schema check (Workflows v4.1.2 and v3.7.18)', () => {
    const docs = Object.values(first).flatMap(text => parseAllDocuments(text).map(d => d.toJS()));
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const where = `${doc.kind}/${doc.metadata?.name}`;
      expect({ where, violations: validateManifest(doc) }).toEqual({ where, violations: [] });
      if (doc.apiVersion === 'argoproj.io/v1alpha1' && !['EventSource', 'Sensor', 'EventBus'].includes(doc.kind)) {
        expect({ where, violations: validateManifest(doc, { workflowsVersion: 'v3.7.18' }) }).toEqual({ where, violations: [] });
      }
    }
  });

  test('synthesis is deterministic: a second run is byte-identical', () => {
    expect(synthExampleApp()).toEqual(first);
  });
});
