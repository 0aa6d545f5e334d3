/**
 * The README's "Use it in your app": its main.ts compiles as a user's app importing 'cdk8s-argo',
 * synthesizes (with the library's validation) to the objects the README lists, does what the
 * README says a webhook call does, and fails with the message the README shows for a bad image;
 * the commands and the plugin block agree with the package. (test/example/package.test.ts installs
 * the packed package into cdk8s-init-shaped apps; this test keeps the README's own chart honest.)
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { lint, simulateEvents, validateManifest } from '../../src';
import { blocksUnder, readDoc, root, runSnippet, typeErrors } from './snippets';

const HEADING = 'Use it in your app';
const readme = readDoc('README.md');
const [mainTs] = blocksUnder(readme, HEADING, 'ts');
const where = 'README.md';
const lineOf = (l: number) => mainTs.line + l - 1;

/** The main.ts with one text replaced (the replacement must apply). */
function variant(from: string, to: string): string {
  expect(mainTs.code).toContain(from);
  return mainTs.code.replace(from, to);
}

describe('the README\'s app', () => {
  test('the section has the install commands, one main.ts and the plugin block', () => {
    const sh = blocksUnder(readme, HEADING, 'sh').map(b => b.code).join('\n');
    expect(sh).toMatch(/^cdk8s init typescript-app$/m);
    expect(sh).toMatch(/^npm install cdk8s-argo\b/m);
    expect(blocksUnder(readme, HEADING, 'ts')).toHaveLength(1);
    expect(mainTs.code).toMatch(/from 'cdk8s-argo';/);
    expect(mainTs.code).not.toMatch(/from '\.{1,2}\//);
    expect(mainTs.code.split('\n').length).toBeLessThanOrEqual(25);
  });

  test('main.ts compiles with the strict compiler options, importing the package', () => {
    expect(typeErrors(mainTs.code, where, lineOf)).toEqual([]);
  }, 300_000);

  test('the mistakes the README says do not compile do not compile', () => {
    expect(typeErrors(variant('parameter: who,', "parameter: 'who',"), where, lineOf)).not.toEqual([]);
    expect(typeErrors(variant('addDependency(hello)', "addDependency('hello')"), where, lineOf)).not.toEqual([]);
  }, 300_000);

  describe('synthesized', () => {
    let docs: any[];
    beforeAll(() => {
      const { files } = runSnippet(mainTs.code);
      expect(Object.keys(files)).toEqual(['greeter.k8s.yaml']);
      docs = files['greeter.k8s.yaml'];
    });

    test('dist/greeter.k8s.yaml holds the 11 objects the README lists, in the namespace', () => {
      expect(readme).toContain('`cdk8s synth` then writes `dist/greeter.k8s.yaml`: 11 objects');
      expect(docs.map(d => `${d.kind}/${d.metadata.name}`).sort()).toEqual([
        'EventBus/default', 'EventSource/hooks', 'Role/greeter-executor', 'Role/on-hello-sensor', 'RoleBinding/greeter-executor',
        'RoleBinding/on-hello-sensor', 'Sensor/on-hello', 'Service/hooks-eventsource-svc', 'ServiceAccount/greeter', 'ServiceAccount/on-hello-sensor',
        'WorkflowTemplate/greet',
      ]);
      expect(docs.filter(d => d.metadata.namespace !== 'greeter').map(d => d.kind)).toEqual([]);
      const service = docs.find(d => d.kind === 'Service');
      expect(service.spec.ports.map((p: any) => p.port)).toEqual([12000]);
    });

    test('the sensor may read WorkflowTemplates and create Workflows, and nothing else', () => {
      expect(readme).toContain('(read WorkflowTemplates, create and list Workflows)');
      const role = docs.find(d => d.kind === 'Role' && d.metadata.name === 'on-hello-sensor');
      expect(role.rules).toEqual([
        { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['list', 'create'] },
        { apiGroups: ['argoproj.io'], resources: ['workflowtemplates'], verbs: ['get'] },
      ]);
    });

    test('every object passes the strict schema check and the linter without an error', () => {
      expect(docs.flatMap(d => validateManifest(d).map(v => `${d.kind}/${d.metadata.name}: ${v.path}: ${v.message}`))).toEqual([]);
      expect(lint(docs).filter(f => f.severity === 'error')).toEqual([]);
    });

    test('a POST /hello with {"who": "cdk8s"} submits greet with who=cdk8s; without it, who=world', () => {
      const result = simulateEvents(docs, [
        { eventSourceName: 'hooks', eventName: 'hello', method: 'POST', body: { who: 'cdk8s' } },
        { eventSourceName: 'hooks', eventName: 'hello', method: 'POST', body: {} },
      ]);
      const submitted = result.fired.map(f => ({
        kind: f.resource?.kind, template: f.resource?.spec?.workflowTemplateRef?.name, arguments: f.resource?.spec?.arguments?.parameters,
      }));
      expect(submitted).toEqual([
        { kind: 'Workflow', template: 'greet', arguments: [{ name: 'who', value: 'cdk8s' }] },
        { kind: 'Workflow', template: 'greet', arguments: [{ name: 'who', value: 'world' }] },
      ]);
    });
  });

  test('an image BusyBox:1.36 fails the synth with the message the README shows', () => {
    const shown = readme.split('\n').find(l => l.startsWith('[greeter/greet/say]'));
    expect(shown).toBeDefined();
    expect(() => runSnippet(variant("image: 'busybox:1.36'", "image: 'BusyBox:1.36'"))).toThrow(shown!);
  });

  test('the plugin block names the package\'s plugin, its class and the exact version', () => {
    const [yamlBlock] = blocksUnder(readme, HEADING, 'yaml');
    const config = parse(yamlBlock.code);
    const ownPackage = require(join(root, 'package.json'));
    expect(config.validations).toEqual([{ package: './node_modules/cdk8s-argo/bin/validation-plugin.js', version: ownPackage.version, class: 'ArgoLintValidation' }]);
    const inPackage = config.validations[0].package.replace('./node_modules/cdk8s-argo/', '');
    expect(existsSync(join(root, inPackage))).toBe(true);
    expect(ownPackage.files).toContain('bin/');
    expect(typeof require(join(root, inPackage))[config.validations[0].class]).toBe('function');
  });
});
