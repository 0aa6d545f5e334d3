import * as kplus from 'cdk8s-plus-27';
import { ConfigMapEnv } from '../../src/config';
import { WorkflowTemplate } from '../../src/workflows';
import { captureWarnings, doc, newChart, schemaViolations, synth, synthError, template } from './helpers';

function setup(props: ConstructorParameters<typeof ConfigMapEnv>[2] = {}, chartNamespace?: string) {
  const { app, chart } = newChart({ namespace: chartNamespace });
  const env = new ConfigMapEnv(chart, 'env', props);
  const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' } });
  return { app, chart, env, wt };
}

describe('ConfigMapEnv', () => {
  test('each group becomes a ConfigMap with string values; a template gets only the groups it attaches', () => {
    const { app, env, wt } = setup();
    const common = env.addGroup('common', { COUNTRY: 'South Korea', RETRIES: 3, DEBUG: false });
    const a = env.addGroup('a-workflow', { SIZE: 'tall' });
    env.addGroup('b-workflow', { SERVER_ADDRESS: 'localhost' });
    wt.addContainerTemplate('first', { image: 'a:1.0.0', envFrom: [common, a] });
    wt.addContainerTemplate('second', { image: 'b:1.0.0' }).addEnvFrom(common);
    const docs = synth(app);
    expect(doc(docs, 'ConfigMap', 'common').data).toEqual({ COUNTRY: 'South Korea', DEBUG: 'false', RETRIES: '3' });
    const wtDoc = doc(docs, 'WorkflowTemplate', 'wt');
    expect(template(wtDoc, 'first').container.envFrom).toEqual([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'a-workflow' } }]);
    expect(template(wtDoc, 'second').container.envFrom).toEqual([{ configMapRef: { name: 'common' } }]);
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
    expect(env.group('a-workflow')).toBe(a);
    expect(() => env.group('nope')).toThrow(/no environment group "nope".*common, a-workflow, b-workflow/);
  });

  test('namePrefix and configMapName name the ConfigMaps; the prefix option reaches envFrom', () => {
    const { app, env, wt } = setup({ namePrefix: 'starbucks-' });
    const common = env.addGroup('common', { COUNTRY: 'KR' }, { prefix: 'APP_' });
    const named = env.addGroup('other', { X: '1' }, { configMapName: 'legacy-config' });
    wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [common, named] });
    const docs = synth(app);
    expect(template(doc(docs, 'WorkflowTemplate', 'wt'), 't').container.envFrom).toEqual([
      { configMapRef: { name: 'starbucks-common' }, prefix: 'APP_' },
      { configMapRef: { name: 'legacy-config' } },
    ]);
  });

  test('immutable groups carry a content hash in their name, which changes with the content', () => {
    const nameFor = (values: { [k: string]: string }) => {
      const { app, env, wt } = setup({ immutable: true });
      const g = env.addGroup('common', values);
      wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [g] });
      const docs = synth(app);
      const cm = docs.find(d => d.kind === 'ConfigMap');
      expect(cm.immutable).toBe(true);
      expect(template(doc(docs, 'WorkflowTemplate', 'wt'), 't').container.envFrom).toEqual([{ configMapRef: { name: cm.metadata.name } }]);
      return cm.metadata.name as string;
    };
    const first = nameFor({ COUNTRY: 'South Korea', CITY: 'Seoul' });
    expect(first).toMatch(/^common-[0-9a-f]{10}$/);
    expect(nameFor({ CITY: 'Seoul', COUNTRY: 'South Korea' })).toBe(first);
    expect(nameFor({ COUNTRY: 'Japan', CITY: 'Seoul' })).not.toBe(first);
  });

  test('a group can opt out of immutability', () => {
    const { app, env } = setup({ immutable: true });
    env.addGroup('mutable', { A: '1' }, { immutable: false });
    const cm = synth(app).find(d => d.kind === 'ConfigMap');
    expect(cm.metadata.name).toBe('mutable');
    expect(cm.immutable).not.toBe(true);
  });

  test('Secret-backed groups use secretRef and put no value in any manifest', () => {
    const { app, chart, env, wt } = setup();
    const creds = env.addSecretGroup('creds', kplus.Secret.fromSecretName(chart, 'db', 'db-credentials'), { optional: true });
    wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [creds] });
    const docs = synth(app);
    expect(template(doc(docs, 'WorkflowTemplate', 'wt'), 't').container.envFrom).toEqual([{ secretRef: { name: 'db-credentials', optional: true } }]);
    expect(docs.filter(d => d.kind === 'ConfigMap' || d.kind === 'Secret')).toEqual([]);
    expect(creds.resourceKind).toBe('Secret');
  });

  test('invalid environment variable names are synth errors naming the group, the key and a fix', () => {
    const { app, env } = setup();
    env.addGroup('common', { 'COUNTRY': 'KR', '1ST_RUN': 'yes', 'server-address': 'localhost', 'A B': 'x' });
    const error = synthError(app);
    expect(error).toMatch(/\[test\/env\/common\] ConfigMap\/common: data\.1ST_RUN: "1ST_RUN" in group "common" is not a valid environment variable name: Kubernetes skips it.*\(e\.g\. "_1ST_RUN"\)/);
    expect(error).toMatch(/data\.server-address: .*\(e\.g\. "SERVER_ADDRESS"\)/);
    expect(error).toMatch(/data\.A B: /);
    expect(error).not.toMatch(/data\.COUNTRY/);
  });

  test('an invalid prefix or ConfigMap name is a synth error', () => {
    const { app, env } = setup();
    env.addGroup('Common', { A: '1' });
    env.addGroup('ok', { A: '1' }, { prefix: '1X_' });
    const error = synthError(app);
    expect(error).toMatch(/ConfigMap\/Common: metadata\.name: .*is not a valid DNS-1123 subdomain/);
    expect(error).toMatch(/envFrom prefix "1X_" of group "ok"/);
  });

  test('groups of equal names in two namespaces, each attached in its own namespace, are fine', () => {
    const { app, chart } = newChart({ namespace: 'one' });
    for (const ns of ['one', 'two']) {
      const env = new ConfigMapEnv(chart, `env-${ns}`, { namespace: ns });
      const wt = new WorkflowTemplate(chart, `wt-${ns}`, { metadata: { name: 'wt', namespace: ns } });
      wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [env.addGroup('common', { A: ns })] });
    }
    expect(synth(app).filter(d => d.kind === 'ConfigMap').map(d => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['one/common', 'two/common']);
  });

  test('a group in another namespace than the workflow that attaches it is a synth error', () => {
    const { app, env, wt } = setup({ namespace: 'config' }, 'batch');
    wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [env.addGroup('common', { A: '1' })] });
    expect(synthError(app)).toMatch(/WorkflowTemplate\/wt: spec\.templates\[0\]\.container\.envFrom: attaches group "common" \(ConfigMap\/common in namespace "config"\) but runs in namespace "batch"/);
  });

  test('two attached groups setting one variable to different values is a warning, not an error', () => {
    const { app, env, wt } = setup();
    const common = env.addGroup('common', { LOG_LEVEL: 'info', COUNTRY: 'KR' });
    const a = env.addGroup('a', { LOG_LEVEL: 'debug', COUNTRY: 'KR' });
    wt.addContainerTemplate('t', { image: 'a:1.0.0', envFrom: [common, a] });
    const warnings = captureWarnings(() => app.synthYaml());
    expect(warnings).toMatch(/WorkflowTemplate\/wt: spec\.templates\[0\]\.container\.envFrom\[1\]: ConfigMaps "common" and "a" both set LOG_LEVEL \("info" and "debug"\): Kubernetes silently keeps the later one, "a".* \[K8S-ENV-OVERLAP\]/);
    expect(warnings).not.toMatch(/both set COUNTRY/);
    expect(warnings.match(/both set LOG_LEVEL/g)).toHaveLength(1);
  });

  test('adding a group twice throws', () => {
    const { env } = setup();
    env.addGroup('common', { A: '1' });
    expect(() => env.addGroup('common', { B: '2' })).toThrow(/an environment group named "common" already exists/);
  });
});
