import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../../src/lint';
import { Manifest } from '../../../src/lint/types';
import { EVENTS_RULE_IDS } from '../../../src/lint/rules/events';

import { describeUpstream, upstreamPath } from '../../support/upstream';

const examplesDir = upstreamPath('events-v1.9.11', 'examples');

/**
 * Upstream examples that are genuinely broken by the Events rules' standards, as
 * `file: ruleId path`. Everything else must lint without errors.
 */
const KNOWN_BROKEN = [
  // The webhook EventSource example defines only the event "example"; these sensors wait
  // for events it never publishes ("example-foo", "example1"), so those dependencies never resolve.
  'sensors/dependencies-conditions.yaml: E2 spec.dependencies[1].eventName',
  'sensors/time-filter-webhook.yaml: E2 spec.dependencies[1].eventName',
  'sensors/transform.yaml: E2 spec.dependencies[1].eventName',
  // `openwhisk` is not a trigger kind (the field has been `openWhisk` since v1.0): Go ignores
  // it, so the trigger has no implementation and fails on every event.
  'sensors/trigger-openwhisk.yaml: E4 spec.triggers[0].template.openwhisk',
  // `http.serverURL` was renamed `url`: the controller rejects the Sensor ("server URL is not specified").
  'tutorials/09-http-trigger/sensor-01.yaml: E7 spec.triggers[0].template.http.url',
  'tutorials/09-http-trigger/sensor-02.yaml: E7 spec.triggers[0].template.http.url',
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

function loadExamples(): { manifests: Manifest[]; files: string[] } {
  const manifests: Manifest[] = [];
  const files: string[] = [];
  for (const file of yamlFiles(examplesDir)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length) continue;
      const manifest = doc.toJSON();
      if (!manifest || typeof manifest !== 'object' || !manifest.apiVersion || !manifest.kind) continue;
      manifests.push(manifest);
      files.push(relative(examplesDir, file));
    }
  }
  return { manifests, files };
}

describeUpstream('Events rules on the upstream Argo Events v1.9.11 examples', () => {
  const { manifests, files } = loadExamples();
  // The E rules: ARGO-TRIGGER-RESOURCE runs every rule on what triggers create (test/lint/calibration.test.ts covers it on the examples).
  const findings = lint(manifests, { schema: false, only: EVENTS_RULE_IDS.filter(id => id !== 'ARGO-TRIGGER-RESOURCE') });

  test('the examples are there', () => {
    expect(manifests.filter(m => m.kind === 'Sensor').length).toBeGreaterThan(80);
    expect(manifests.filter(m => m.kind === 'EventSource').length).toBeGreaterThan(30);
  });

  test('no errors apart from the known broken examples', () => {
    const errors = findings.filter(f => f.severity === 'error').map(f => `${files[f.manifestIndex]}: ${f.ruleId} ${f.path}`);
    expect(errors.sort()).toEqual([...KNOWN_BROKEN].sort());
  });

  test('every dependency resolves to an EventSource of the set (no missing-reference warnings)', () => {
    expect(findings.filter(f => f.severity === 'warning').map(f => `${files[f.manifestIndex]}: ${f.ruleId} ${f.path} ${f.message}`)).toEqual([]);
  });
});
