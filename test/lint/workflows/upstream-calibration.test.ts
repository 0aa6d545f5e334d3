import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../../src/lint/engine';
import { Manifest } from '../../../src/lint/types';
import { WORKFLOWS_RULE_IDS } from '../../../src/lint/rules/workflows';

import { describeUpstream, upstreamPath } from '../../support/upstream';

const examples = upstreamPath('workflows-v4.1.2', 'examples');

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

function upstreamManifests(): Manifest[] {
  const out: Manifest[] = [];
  for (const file of files(examples)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length) continue;
      const manifest = doc.toJS();
      if (manifest && typeof manifest === 'object' && manifest.apiVersion && manifest.kind) out.push(manifest);
    }
  }
  return out;
}

describeUpstream('Argo Workflows rules on the upstream v4.1.2 examples', () => {
  const manifests = upstreamManifests();
  const findings = lint(manifests, { schema: false, only: WORKFLOWS_RULE_IDS });

  test('the examples are loaded, with every workflow kind', () => {
    const kinds = new Set(manifests.map(m => m.kind));
    expect(manifests.length).toBeGreaterThan(200);
    for (const kind of ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']) expect(kinds).toContain(kind);
  });

  test('no rule reports an error on an example Argo accepts', () => {
    const errors = findings.filter(f => f.severity === 'error').map(f => `${f.object} ${f.path}: ${f.message} [${f.ruleId}]`);
    expect(errors).toEqual([]);
  });

  test('warnings are only about references outside the set', () => {
    const other = findings.filter(f => f.severity === 'warning' && !/is not among the linted manifests/.test(f.message));
    expect(other.map(f => `${f.object} ${f.path}: ${f.message} [${f.ruleId}]`)).toEqual([]);
  });
});
