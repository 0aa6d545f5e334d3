import { ApiObject, Chart, Testing } from 'cdk8s';
import * as plus27 from 'cdk8s-plus-27';
import * as plus33 from 'cdk8s-plus-33';
import { ConfigMapRef, SecretRef } from '../../src/core/object-refs';
import { WorkflowServiceAccount, WorkflowTemplate } from '../../src/workflows';
import { validateManifest } from '../../src/schema/validator';

describe('WorkflowServiceAccount', () => {
  test('mounts its token and holds exactly the executor permission (create/patch workflowtaskresults)', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'batch' });
    new WorkflowServiceAccount(chart, 'runner', { metadata: { name: 'runner' } });
    const docs = Testing.synth(chart);
    expect(docs.map(d => d.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding']);
    const [sa, role, binding] = docs;
    expect(sa).toMatchObject({ metadata: { name: 'runner', namespace: 'batch' }, automountServiceAccountToken: true });
    expect(role.rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }]);
    expect(role.metadata.name).toBe('runner-executor');
    expect(binding.metadata.name).toBe('runner-executor');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'runner-executor' });
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'runner', namespace: 'batch' }]);
    for (const d of docs) expect(validateManifest(d)).toEqual([]);
  });

  test('executorRbac: false creates the account only', () => {
    const chart = new Chart(Testing.app(), 'c');
    new WorkflowServiceAccount(chart, 'runner', { executorRbac: false });
    expect(Testing.synth(chart).map(d => d.kind)).toEqual(['ServiceAccount']);
  });

  test('image pull secrets (given or added), a token that is not mounted, metadata of its own', () => {
    const chart = new Chart(Testing.app(), 'c');
    const registry = new plus33.Secret(chart, 'registry', { metadata: { name: 'registry' } });
    const sa = new WorkflowServiceAccount(chart, 'runner', {
      metadata: { name: 'runner', labels: { team: 'data' } }, automountToken: false, imagePullSecrets: [registry], executorRbac: false,
    });
    sa.addImagePullSecret(SecretRef.fromName('mirror'));
    sa.addImagePullSecret(registry);
    sa.metadata.addAnnotation('owner', 'data-team');
    const account = Testing.synth(chart).find(d => d.kind === 'ServiceAccount');
    expect(account).toEqual({
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'runner', labels: { team: 'data' }, annotations: { owner: 'data-team' } },
      automountServiceAccountToken: false,
      imagePullSecrets: [{ name: 'registry' }, { name: 'mirror' }],
    });
    expect(validateManifest(account)).toEqual([]);
  });

  test('is a ServiceAccount reference: kind, name, namespace and its ApiObject', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'batch' });
    const sa = new WorkflowServiceAccount(chart, 'runner');
    expect(sa.kind).toBe('ServiceAccount');
    expect(sa.name).toBe(sa.apiObject.name);
    // The name a cdk8s-plus ServiceAccount at that path had: an app upgrading keeps its generated names.
    expect(sa.name).toBe(new plus27.ServiceAccount(new Chart(Testing.app(), 'c'), 'runner').name);
    expect(sa.namespace).toBe('batch');
    expect(ApiObject.of(sa)).toBe(sa.apiObject);
    new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, serviceAccount: sa });
    expect(Testing.synth(chart).find(d => d.kind === 'WorkflowTemplate').spec.serviceAccountName).toBe(sa.name);
  });

  test('an image pull secret that is not a Secret is refused', () => {
    const chart = new Chart(Testing.app(), 'c');
    expect(() => new WorkflowServiceAccount(chart, 'runner', { imagePullSecrets: [ConfigMapRef.fromName('registry')] }))
      .toThrow(/c\/runner: imagePullSecrets: expects a Secret, but ConfigMap "registry" was passed/);
  });

  test.each([
    ['cdk8s-plus-27', (chart: Chart, sa: WorkflowServiceAccount) => {
      new plus27.Deployment(chart, 'web', { serviceAccount: sa, containers: [{ image: 'nginx:1.27', portNumber: 8080 }] });
      new plus27.Role(chart, 'reader', { metadata: { name: 'reader' } }).bind(sa);
    }],
    ['cdk8s-plus-33', (chart: Chart, sa: WorkflowServiceAccount) => {
      new plus33.Deployment(chart, 'web', { serviceAccount: sa, containers: [{ image: 'nginx:1.27', portNumber: 8080 }] });
      new plus33.Role(chart, 'reader', { metadata: { name: 'reader' } }).bind(sa);
    }],
  ])('%s takes it as a ServiceAccount: a Deployment runs as it, a Role binds it', (_label, use) => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'web' });
    const sa = new WorkflowServiceAccount(chart, 'runner', { metadata: { name: 'runner' }, executorRbac: false });
    use(chart, sa);
    const docs = Testing.synth(chart);
    expect(docs.find(d => d.kind === 'Deployment').spec.template.spec.serviceAccountName).toBe('runner');
    const binding = docs.find(d => d.kind === 'RoleBinding');
    expect(binding.roleRef).toMatchObject({ kind: 'Role', name: 'reader' });
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'runner', namespace: 'web' }]);
  });
});
