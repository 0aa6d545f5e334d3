import { Chart, Testing } from 'cdk8s';
import { WorkflowServiceAccount } from '../../src/workflows';
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
});
