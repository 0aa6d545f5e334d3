/**
 * docs/escape-hatches.md: its examples, in the order of the page, are one app. They compile as a
 * user's app importing 'cdk8s-argo', synthesize with the library's validation, pass the strict
 * schema check, and each hatch renders where the page says it does.
 */
import { lint, validateManifest } from '../../src';
import { codeBlocks, readDoc, runSnippet, typeErrors } from './snippets';

const PAGE = 'docs/escape-hatches.md';
const blocks = codeBlocks(readDoc(PAGE)).filter(b => b.lang === 'ts');
const program = blocks.map(b => b.code).join('\n');
/** The page's line of a line of the concatenated program. */
function lineOf(line: number): number {
  let rest = line;
  for (const b of blocks) {
    const count = b.code.split('\n').length;
    if (rest <= count) return b.line + rest - 1;
    rest -= count;
  }
  return 0;
}

describe('docs/escape-hatches.md', () => {
  test('its examples compile, importing the package', () => {
    expect(blocks.length).toBeGreaterThan(4);
    expect(typeErrors(program, PAGE, lineOf)).toEqual([]);
  }, 300_000);

  describe('synthesized', () => {
    let docs: any[];
    const find = (kind: string, name: string) => {
      const d = docs.find(x => x.kind === kind && x.metadata.name === name);
      if (!d) throw new Error(`no ${kind}/${name} in ${docs.map(x => `${x.kind}/${x.metadata.name}`).join(', ')}`);
      return d;
    };

    beforeAll(() => {
      docs = Object.values(runSnippet(program).files).flat();
    });

    test('every object passes the strict schema check; the linter reports no error and nothing unsuppressed from the page', () => {
      expect(docs.flatMap(d => validateManifest(d).map(v => `${d.kind}/${d.metadata.name}: ${v.path}: ${v.message}`))).toEqual([]);
      const findings = lint(docs);
      expect(findings.filter(f => f.severity === 'error')).toEqual([]);
      expect(findings.filter(f => f.ruleId === 'ARGO-PLAINTEXT-SECRET' || f.ruleId === 'SUPPRESSION')).toEqual([]);
    });

    test('fromL1 values render as given', () => {
      const model = find('WorkflowTemplate', 'train').spec.templates.find((t: any) => t.name === 'model');
      expect(model.container.env).toEqual(expect.arrayContaining([
        { name: 'MEMORY_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'main', resource: 'limits.memory' } } },
      ]));
      expect(model.container.readinessProbe).toEqual({ exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 });
    });

    test('a trigger from the generated types gets exactly the permissions it names', () => {
      const sensor = find('Sensor', 'on-push');
      const record = sensor.spec.triggers.find((t: any) => t.template.name === 'record');
      expect(record.template.k8s).toMatchObject({ operation: 'create', source: { resource: { kind: 'ConfigMap', metadata: { generateName: 'push-' } } } });
      const role = docs.find(d => d.kind === 'Role' && d.metadata.name.startsWith('on-push'));
      expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['create'] }]);
    });

    test('each override lands on its part', () => {
      const train = find('WorkflowTemplate', 'train');
      const model = train.spec.templates.find((t: any) => t.name === 'model');
      expect(model.container.resources.limits['nvidia.com/gpu']).toBe(1);
      expect(model.metadata.annotations).toEqual({ 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' });
      const main = train.spec.templates.find((t: any) => t.name === 'main');
      expect(main.steps[0][0]).toMatchObject({ name: 'model', continueOn: { failed: true } });
      expect(train.spec.podPriorityClassName).toBe('batch');

      const hooks = find('EventSource', 'hooks');
      expect(hooks.spec.webhook.push.maxPayloadSize).toBe(2097152);
      const sensor = find('Sensor', 'on-push');
      expect(sensor.spec.dependencies[0].filters).toMatchObject({ exprLogicalOperator: 'or' });
      expect(sensor.spec.triggers.find((t: any) => t.template.name === 'record').retryStrategy).toMatchObject({ steps: 3 });
      expect(sensor.spec.template.priorityClassName).toBe('batch');
      expect(find('EventBus', 'default').spec.jetstream.maxPayload).toBe('2MB');
    });

    test('the L1 objects and the JSON patch render as written', () => {
      expect(find('WorkflowTemplate', 'legacy').spec.templates[0].container.command).toEqual(['echo', '{{workflow.name}}']);
      expect(find('EventSource', 'cron').spec.calendar).toEqual({ nightly: { schedule: '0 2 * * *', timezone: 'UTC' } });
      expect(find('WorkflowTemplate', 'train').spec.workflowMetadata).toEqual({ labels: { 'example.com/owner': 'ml-platform' } });
    });

    test('an L1 object is checked at synth like the others: an entrypoint naming no template fails', () => {
      const broken = program.replace("spec: { entrypoint: 'main', templates: [{ name: 'main',", "spec: { entrypoint: 'mian', templates: [{ name: 'main',");
      expect(broken).not.toBe(program);
      expect(() => runSnippet(broken)).toThrow(/WorkflowTemplate\/legacy: spec\.entrypoint: .*"mian"/);
    });

    test('the suppression is written into the annotation of the object it concerns', () => {
      expect(find('WorkflowTemplate', 'train').metadata.annotations['cdk8s-argo.io/disable']).toContain('ARGO-PLAINTEXT-SECRET');
    });
  });
});
