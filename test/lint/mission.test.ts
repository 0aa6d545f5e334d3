import { readFileSync } from 'fs';
import { join } from 'path';
import { lint, parseManifests } from '../../src/lint';

const root = join(__dirname, '..', '..');
const storyFile = join(root, 'test', 'fixtures', 'mission', 'story.yaml');

interface DefectRow {
  readonly number: string;
  readonly ruleIds: readonly string[];
  /** `Kind/name` and field path of each place the defect shows. */
  readonly places: readonly { readonly object: string; readonly path: string }[];
}

/** The defect table between the README's defects markers: `| # | what | where | why | rule | constructs |`. */
function readDefectTable(): DefectRow[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const region = readme.slice(readme.indexOf('<!-- defects:start -->'), readme.indexOf('<!-- defects:end -->'));
  return region.split('\n').filter(line => /^\|\s*\d+\s*\|/.test(line)).map(line => {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map(c => c.trim());
    const places = [...cells[2].matchAll(/`([A-Za-z]+\/[^`]+)` `([^`]+)`/g)].map(m => ({ object: m[1], path: m[2] }));
    return { number: cells[0], ruleIds: cells[4].split(',').map(id => id.trim()), places };
  });
}

describe('the story (test/fixtures/mission/story.yaml) against the README defect table', () => {
  const rows = readDefectTable();
  const parsed = parseManifests(readFileSync(storyFile, 'utf8'), storyFile);
  const findings = lint(parsed.manifests.map(m => m.manifest));
  const at = (ruleId: string, object: string, path: string) => findings.some(f => f.ruleId === ruleId && f.object === object && f.path === path);

  test('the table lists the story\'s defects, each with a rule id and a place', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.ruleIds.every(id => /^(W\d+|E\d+|K8S-[A-Z-]+|ARGO-[A-Z-]+|SCHEMA)$/.test(id))).toBe(true);
      expect(row.places.length).toBeGreaterThan(0);
    }
  });

  test('the transcription parses', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.manifests.map(m => m.manifest.kind)).toEqual(['EventSource', 'Sensor', 'WorkflowTemplate', 'CronWorkflow', 'WorkflowTemplate',
      'Deployment', 'ConfigMap', 'ConfigMap', 'ConfigMap', 'WorkflowTemplate']);
  });

  test.each(readDefectTable().map(r => [r.number, r] as const))('defect %s is reported by its rule ids at its places', (_n, row) => {
    const missingIds = row.ruleIds.filter(id => !row.places.some(p => at(id, p.object, p.path)));
    const unreportedPlaces = row.places.filter(p => !row.ruleIds.some(id => at(id, p.object, p.path)));
    expect({ missingIds, unreportedPlaces }).toEqual({ missingIds: [], unreportedPlaces: [] });
  });

  test('every error in the story is a defect of the table', () => {
    const explained = (f: { ruleId: string; object: string; path: string }) =>
      rows.some(r => r.ruleIds.includes(f.ruleId) && r.places.some(p => p.object === f.object && p.path === f.path));
    const unexplained = findings.filter(f => f.severity === 'error' && !explained(f)).map(f => `${f.object}: ${f.path}: ${f.message} [${f.ruleId}]`);
    expect(unexplained).toEqual([]);
  });
});

describe('the story as the post shows it (Helm templates, not rendered: test/fixtures/mission/story-helm.yaml)', () => {
  const file = join(root, 'test', 'fixtures', 'mission', 'story-helm.yaml');
  const parsed = parseManifests(readFileSync(file, 'utf8'), file);

  test('documents YAML cannot read as intended are input problems that name Helm, with their line', () => {
    expect(parsed.problems.map(p => p.line)).toEqual([11, 25]);
    expect(parsed.problems.every(p => p.message.includes('unrendered Helm template'))).toBe(true);
    expect(parsed.problems[0].message).toMatch(/^YAML syntax error: .*\(Helm syntax at line 7\)$/);
  });

  test('Helm expressions that parse as strings are reported by ARGO-HELM-LEFTOVER', () => {
    const findings = lint(parsed.manifests.map(m => m.manifest), { schema: false }).filter(f => f.ruleId === 'ARGO-HELM-LEFTOVER');
    expect(findings.map(f => `${f.object} ${f.path}`)).toEqual([
      'CronWorkflow/cron-workflow-example spec.workflowSpec.templates[0].steps[0][0].when',
      'WorkflowTemplate/artifact-test spec.templates[0].outputs.artifacts[0].s3.key',
    ]);
  });
});
