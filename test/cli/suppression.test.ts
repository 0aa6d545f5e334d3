import { App, Chart } from 'cdk8s';
import { join } from 'path';
import { ArgoWorkflowTemplate } from '../../imports/argo-workflows';
import { Lint } from '../../src/core/lint-suppression';
import { addArgoValidation } from '../../src/core/validation';
import { DISABLE_ANNOTATION, lint, lintDetailed, Manifest, Rule } from '../../src/lint';
import { main } from '../../src/cli/main';
import { Output } from '../../src/cli/output';
import { BAD_CONFIGMAP, removeTempTrees, tempTree } from './helpers';

afterAll(removeTempTrees);

const NAME_RULE: Rule = {
  id: 'TEST-NAME', description: 'test', check: ctx => {
    if (ctx.manifest.metadata?.name !== 'ok') ctx.report('metadata.name', 'bad name');
    ctx.report('spec.a.b', 'deep finding', 'warning');
  },
};
const manifest = (name: string, annotations?: { [k: string]: string }): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(annotations ? { annotations } : {}) }, spec: { a: { b: 1 } } });

describe('suppressions in the engine (shared by the CLI, the plugin and the constructs)', () => {
  test('an option suppression silences its rule at and below its path in its manifest; the finding is kept with the reason', () => {
    const result = lintDetailed([manifest('x'), manifest('y')], { schema: false, suppressions: [
      { directive: 'TEST-NAME -- the name is fixed elsewhere', origin: 'test', manifestIndex: 0, path: 'metadata' },
    ] }, [NAME_RULE]);
    expect(result.findings.map(f => `${f.manifestIndex} ${f.path}`)).toEqual(['0 spec.a.b', '1 metadata.name', '1 spec.a.b']);
    expect(result.suppressed).toEqual([expect.objectContaining({ reason: 'the name is fixed elsewhere', finding: expect.objectContaining({ manifestIndex: 0, path: 'metadata.name' }) })]);
    expect(result.unused).toEqual([]);
  });

  test('the annotation silences findings of its object, narrowed with @path; one directive per line', () => {
    const annotated = manifest('x', { [DISABLE_ANNOTATION]: 'TEST-NAME@spec.a -- generated\nTEST-NAME@metadata.name -- legacy' });
    expect(lint([annotated], { schema: false }, [NAME_RULE])).toEqual([]);
    const narrow = manifest('x', { [DISABLE_ANNOTATION]: 'TEST-NAME@spec -- only the spec' });
    expect(lint([narrow], { schema: false }, [NAME_RULE]).map(f => f.path)).toEqual(['metadata.name']);
  });

  test('unused, reasonless and unknown-rule suppressions are SUPPRESSION findings; a rule that did not run is not judged', () => {
    const findings = lint([
      manifest('ok', { [DISABLE_ANNOTATION]: 'TEST-NAME@metadata -- nothing to silence' }),
      manifest('ok', { [DISABLE_ANNOTATION]: 'TEST-NAME' }),
      manifest('ok', { [DISABLE_ANNOTATION]: 'NOPE -- x' }),
      manifest('ok', { [DISABLE_ANNOTATION]: 'SCHEMA -- the schema check is off in this run' }),
    ], { schema: false }, [NAME_RULE]).filter(f => f.ruleId === 'SUPPRESSION');
    expect(findings.map(f => `${f.manifestIndex} ${f.severity} ${f.path}: ${f.message}`)).toEqual([
      `0 warning metadata.annotations["${DISABLE_ANNOTATION}"]: annotation ${DISABLE_ANNOTATION} ("TEST-NAME@metadata -- nothing to silence") silences nothing: no TEST-NAME finding at or below metadata. Remove it, or move it to where the finding is reported.`,
      `1 error metadata.annotations["${DISABLE_ANNOTATION}"]: annotation ${DISABLE_ANNOTATION}: "TEST-NAME" gives no reason: write the rule ids, " -- " and why the finding does not apply (e.g. "W31@spec.templates[0] -- why it does not apply"); it silences nothing.`,
      `2 error metadata.annotations["${DISABLE_ANNOTATION}"]: annotation ${DISABLE_ANNOTATION}: unknown rule id "NOPE": see the rule list in docs/lint.md; it silences nothing.`,
    ]);
  });

  test('a suppression for every manifest is listed as unused when it silences nothing (and malformed ones throw)', () => {
    const result = lintDetailed([manifest('ok')], { schema: false, suppressions: [{ directive: 'TEST-NAME -- x', origin: 'test', path: 'metadata' }] }, [NAME_RULE]);
    expect(result.findings.map(f => f.ruleId)).toEqual(['TEST-NAME']);
    expect(result.unused).toHaveLength(1);
    expect(() => lint([manifest('ok')], { schema: false, suppressions: [{ directive: 'TEST-NAME', origin: 'test' }] }, [NAME_RULE])).toThrow('gives no reason');
  });
});

describe('suppressions from the CLI', () => {
  function run(args: readonly string[]) {
    let out = '';
    let err = '';
    const output: Output = { out: t => { out += t; }, err: t => { err += t; } };
    return { code: main(args, output), out, err };
  }

  test('--disable silences a rule in every file; an unused --disable is a warning on the command line', () => {
    const dir = tempTree({ 'cm.yaml': BAD_CONFIGMAP });
    const silenced = run(['lint', '--disable', 'K8S-NAME -- names come from a legacy system', dir]);
    expect(silenced.code).toBe(0);
    expect(silenced.err).toContain('0 errors, 0 warnings in 1 manifest (1 file); 1 suppressed');
    const unused = run(['lint', '--disable', 'W31 -- no parameters here', '--max-warnings', '0', dir]);
    expect(unused.code).toBe(1);
    expect(unused.out).toContain('cdk8s-argo lint: warning: --disable "W31 -- no parameters here" silenced nothing: no finding of W31 in any file. Remove it. [SUPPRESSION]');
  });

  test('an inline comment silences the field on the next line only', () => {
    const dir = tempTree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  # cdk8s-argo-disable-next-line K8S-NAME -- kept for an old client\n  name: Bad_Name\n  labels:\n    "bad key": x\n' });
    const result = run(['lint', join(dir, 'cm.yaml')]);
    expect(result.code).toBe(1);
    expect(result.out).not.toContain('[K8S-NAME]');
    expect(result.out).toContain('[K8S-LABEL]');
  });
});

describe('Lint.suppress on constructs', () => {
  function appWith(refTarget: string) {
    const app = new App({ outdir: '/nonexistent' });
    const chart = new Chart(app, 'c');
    const wt = new ArgoWorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, spec: { templates: [
      { name: 'main', container: { image: 'busybox:1.36' } },
      { name: 'call', steps: [[{ name: 's', templateRef: { name: refTarget, template: 'x' } }]] },
    ] } });
    addArgoValidation(wt, () => ({ apiObject: wt }));
    return { app, chart, wt };
  }

  function stderrOf(fn: () => void): string {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      fn();
      return spy.mock.calls.map(c => String(c[0])).join('');
    } finally {
      spy.mockRestore();
    }
  }

  test('silences the rule on what the construct renders and writes the reason into the annotation', () => {
    const { app, chart } = appWith('elsewhere');
    Lint.suppress(chart, 'W7', 'the template is installed by the platform team');
    let yaml = '';
    const err = stderrOf(() => { yaml = app.synthYaml(); });
    expect(err).not.toContain('[W7]');
    expect(err).not.toContain('[SUPPRESSION]');
    expect(yaml).toContain(`${DISABLE_ANNOTATION}: W7 -- the template is installed by the platform team`);
  });

  test('an Argo construct suppresses within the field path it owns; a suppression that silences nothing is a warning', () => {
    const { app, chart, wt } = appWith('elsewhere');
    const template = new Chart(chart, 'main-template');
    addArgoValidation(template, () => ({ apiObject: wt, fieldPath: 'spec.templates[0]' }));
    Lint.suppress(template, 'W7', 'not where the reference is');
    let yaml = '';
    const err = stderrOf(() => { yaml = app.synthYaml(); });
    expect(yaml).toContain('W7@spec.templates[0] -- not where the reference is');
    expect(err).toContain('[W7]');
    expect(err).toMatch(/silences nothing: no W7 finding at or below spec\.templates\[0\].*\[SUPPRESSION\]/);
  });

  test('unknown rule ids and missing reasons are refused at once', () => {
    const { chart } = appWith('elsewhere');
    expect(() => Lint.suppress(chart, 'W99', 'x')).toThrow('Lint.suppress(c): unknown rule id "W99"');
    expect(() => Lint.suppress(chart, 'W7', '  ')).toThrow('a reason is required');
  });
});
