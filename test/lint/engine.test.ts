import { lint } from '../../src/lint';
import { Rule } from '../../src/lint/types';

describe('lint() engine', () => {
  test('an empty set needs no schema (nothing is loaded)', () => {
    const saved = process.env.ARGO_SCHEMA_DIR;
    process.env.ARGO_SCHEMA_DIR = '/nonexistent/schema/dir';
    try {
      expect(lint([])).toEqual([]);
    } finally {
      process.env.ARGO_SCHEMA_DIR = saved;
    }
  });

  test('kinds of other API groups are not checked (a warning); unknown Argo or Kubernetes kinds are errors', () => {
    const findings = lint([
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'c' }, spec: {} },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflows', metadata: { name: 'w' } },
      { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'd' } },
    ], { only: ['SCHEMA'] });
    expect(findings.map(f => `${f.severity} ${f.object} ${f.path}`)).toEqual([
      'warning Certificate/c kind',
      'error Workflows/w kind',
      'error Deployment/d kind',
    ]);
    expect(findings[0].message).toBe('cert-manager.io/v1 Certificate is not an Argo or core Kubernetes kind: its fields are not checked against a schema');
  });

  test('missing references: a warning by default, an error with strictRefs; a crashing rule becomes a finding', () => {
    const rule: Rule = {
      id: 'TEST-REF',
      description: 'test',
      check: ctx => {
        ctx.reportMissingReference('spec.ref', 'ConfigMap', 'x', 'Hint.');
        if (ctx.manifest.metadata?.name === 'boom') throw new Error('bad input');
      },
    };
    const manifests = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'boom' } }];
    expect(lint(manifests, { schema: false }, [rule]).map(f => `${f.severity} ${f.path}: ${f.message}`)).toEqual([
      'error : rule TEST-REF could not check this object: bad input',
      'warning spec.ref: ConfigMap "x" is not among the linted manifests; assumed to exist in the cluster. Hint.',
    ]);
    expect(lint(manifests, { schema: false, strictRefs: true }, [rule])[1]).toMatchObject({
      severity: 'error', message: 'ConfigMap "x" is not among the linted manifests; it must be defined in the same set (--strict-refs). Hint.',
    });
  });
});
